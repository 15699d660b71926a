/* The Import screen: a CSV file of items, locations, suppliers, customers or
 * opening lots, checked before anything is written. A form names the file, its
 * kind and how to read it (encoding, delimiter, date order, decimal comma); the
 * screen then shows which of the file's columns feed which field, the first rows
 * as the services will get them, and every problem a dry run finds, each as
 * FILE:LINE:COLUMN: field: problem. Import asks once more, then imports the
 * whole file in one transaction. Reading, checking and importing are the import
 * service's (src/import.h), the same as 'lotline import'. */
#include "src/csv_read.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/import.h"
#include "src/textwidth.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/term.h"
#include "ui/ui.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PREVIEW_ROWS 5

/* How to read the file, as the form last gave it ("" when left to the file). */
struct import_settings {
	char path[FIELD_VALUE_MAX + 1];
	char kind[16];
	char encoding[40];
	char delimiter[16];
	char dates[8];
	char decimal[8];
};

struct import_screen {
	struct ui *ui;
	struct import_settings set;
	int checked;      /* a check ran on set (the preview and problems are its) */
	int imported;     /* the last thing done was importing: check again first */
	int confirming;   /* asking whether to import (and, while importing, true) */
	int64_t drawn_ms; /* when the progress was last drawn */
	struct import_preview pv;
	struct import_result res; /* of the dry run, or of the import */
	char **problem;
	int nproblems, cap;
	struct table t; /* the problems */
};

static const struct table_col problem_cols[] = {
    /* L10N: the heading of the Import screen's list of problems */
    {N_("Problems"), 200, 10, 1, 0, 0, 1},
};

/* ---- the problems list ---- */

static int problem_count(void *ctx)
{
	struct import_screen *is = ctx;
	return is->nproblems;
}

static const char *problem_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct import_screen *is = ctx;
	const char *p = is->problem[*(const int *)row];
	(void)col;
	/* a handheld has no room for the file name: the line says which file */
	if (is->ui->compact) {
		size_t len = strlen(is->set.path);
		if (!strncmp(p, is->set.path, len) && p[len] == ':')
			p += len + 1;
	}
	snprintf(buf, n, "%s", p);
	return buf;
}

static enum style problem_mark(void *ctx, const void *row, char *marker)
{
	struct import_screen *is = ctx;
	const char *p = is->problem[*(const int *)row];
	*marker = ' ';
	return strstr(p, _("warning: ")) ? ST_DIM : ST_ERROR;
}

static const struct table_src problem_src = {
    .row_size = sizeof(int),
    .count = problem_count,
    .cell = problem_cell,
    .mark = problem_mark,
};

static void problems_clear(struct import_screen *is)
{
	for (int i = 0; i < is->nproblems; i++)
		free(is->problem[i]);
	is->nproblems = 0;
	table_reset(&is->t);
}

/* As 'lotline import' prints them: FILE:LINE:COLUMN: field: what is wrong. */
static void on_report(void *ctx, const struct import_problem *p)
{
	struct import_screen *is = ctx;
	struct strbuf sb = STRBUF_INIT;
	sb_puts(&sb, is->set.path);
	if (p->line)
		sb_printf(&sb, ":%ld", p->line);
	if (p->line && p->col)
		sb_printf(&sb, ":%zu", p->col);
	sb_printf(&sb, ": %s%s", p->warning ? _("warning: ") : "", p->msg);
	GROW(is->problem, is->nproblems, is->cap, 32);
	is->problem[is->nproblems++] = xstrdup(sb_str(&sb));
	sb_free(&sb);
}

/* ---- checking and importing, through the import service ---- */

#define PROGRESS_BYTES (256 * 1024) /* smaller files are read before a bar would help */

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A large file takes a while: its progress in the status line, drawn at once
 * (the loop draws only between keys). */
static void on_progress(void *ctx, int64_t done, int64_t total)
{
	struct import_screen *is = ctx;
	int64_t now = now_ms();
	int rows, cols;
	char line[160];
	if (total < PROGRESS_BYTES || now - is->drawn_ms < 100)
		return;
	is->drawn_ms = now;
	term_size(&rows, &cols);
	snprintf(line, sizeof(line),
	         is->confirming ? _("Importing %s: %d%%") : _("Checking %s: %d%%"), is->set.path,
	         (int)(done * 100 / total));
	term_put(rows - 2, 0, cols, line, ST_INFO);
	term_end(-1, 0);
}

static int settings_opts(struct import_screen *is, struct import_opts *o)
{
	int rc;
	memset(o, 0, sizeof(*o));
	o->encoding = is->set.encoding[0] ? is->set.encoding : NULL;
	o->decimal_comma = !strcmp(is->set.decimal, "yes");
	o->dates = DATE_AUTO;
	o->report = on_report;
	o->progress = on_progress;
	o->ctx = is;
	if (is->set.delimiter[0] && (rc = csv_delimiter_parse(is->set.delimiter, &o->delimiter)))
		return rc;
	if (is->set.dates[0] && (rc = date_order_parse(is->set.dates, &o->dates)))
		return rc;
	return OK;
}

/* The preview and a dry run. OK when the file could be read at all (its rows
 * may still have problems: they are listed); else the message is stored. */
static int check(struct import_screen *is)
{
	struct import_opts o;
	int rc;
	is->checked = is->imported = 0;
	import_preview_free(&is->pv);
	problems_clear(is);
	memset(&is->res, 0, sizeof(is->res));
	if ((rc = settings_opts(is, &o)))
		return rc;
	if ((rc =
	         import_preview(&is->ui->s, is->set.kind, is->set.path, &o, PREVIEW_ROWS, &is->pv)))
		return rc;
	o.dry_run = 1;
	rc = import_file(&is->ui->s, is->set.kind, is->set.path, &o, &is->res);
	is->checked = 1;
	return rc == ERR_INVALID && is->res.errors ? OK : rc;
}

/* ---- the forms: how to read the file, and the confirmation ---- */

static void copy_field(struct form *fm, const char *key, char *out, size_t n)
{
	const char *v = form_get(fm, key);
	strlcpy_(out, v ? v : "", n);
}

static int settings_submit(struct ui *ui, struct form *fm)
{
	struct import_screen *is = fm->ctx;
	struct import_settings old = is->set;
	copy_field(fm, "file", is->set.path, sizeof(is->set.path));
	copy_field(fm, "kind", is->set.kind, sizeof(is->set.kind));
	copy_field(fm, "encoding", is->set.encoding, sizeof(is->set.encoding));
	copy_field(fm, "delimiter", is->set.delimiter, sizeof(is->set.delimiter));
	copy_field(fm, "dates", is->set.dates, sizeof(is->set.dates));
	copy_field(fm, "decimal", is->set.decimal, sizeof(is->set.decimal));
	int rc = check(is);
	if (rc == OK) {
		ui_info(ui, "%s", "");
		return OK;
	}
	/* the form stays open with the message next to the field it is about */
	const char *msg = error_msg();
	size_t len = strlen(is->set.path);
	if (!strncmp(msg, is->set.path, len) && msg[len] == ':') {
		char m[512];
		strlcpy_(m, msg + len + 1, sizeof(m));
		error_set(rc, _("file: %s"), m[0] == ' ' ? m + 1 : m);
	}
	is->set = old;
	is->checked = 0;
	return rc;
}

static void open_settings(struct ui *ui, struct import_screen *is)
{
	struct form *fm = form_new(_("Import a CSV file"));
	struct form_field *f;
	fm->ctx = is;
	fm->submit = settings_submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s",
	         _("Nothing is written until the check is clean and you confirm."));
	f = form_add(fm, "file", _("File"), FIELD_TEXT, 1);
	f->svc_key = N_("file");
	f = form_add(fm, "kind", _("Kind"), FIELD_CHOICE, 1);
	char kinds[128];
	strlcpy_(kinds, import_kinds(), sizeof(kinds));
	for (char *k = strtok(kinds, " "); k; k = strtok(NULL, " "))
		form_add_choice(f, k);
	f = form_add(fm, "encoding", _("Encoding"), FIELD_CHOICE, 0);
	f->strict = 0;
	f->svc_key = "--encoding";
	f->hint = _("empty: from the file");
	form_add_choices(f, "UTF-8|WINDOWS-1252|ISO-8859-1|ISO-8859-15|UTF-16LE|UTF-16BE");
	f = form_add(fm, "delimiter", _("Delimiter"), FIELD_CHOICE, 0);
	f->hint = _("empty: from the header");
	form_add_choices(f, "comma|semicolon|tab");
	f = form_add(fm, "dates", _("Dates"), FIELD_CHOICE, 0);
	f->hint = _("empty: from the file");
	form_add_choices(f, "dmy|mdy|ymd");
	f = form_add(fm, "decimal", _("Decimal comma"), FIELD_CHOICE, 0);
	/* as --decimal-comma: files with ';' delimiters have one anyway */
	f->hint = _("yes; empty: in ';' files");
	form_add_choices(f, "yes");
	form_set(fm, "file", is->set.path);
	form_set(fm, "kind", is->set.kind);
	form_set(fm, "encoding", is->set.encoding);
	form_set(fm, "delimiter", is->set.delimiter);
	form_set(fm, "dates", is->set.dates);
	form_set(fm, "decimal", is->set.decimal);
	ui_push_form(ui, fm);
}

/* Import for real: the service reads and checks the whole file again (it may
 * have changed since the check) and writes it all in one transaction, or
 * nothing. */
static void run_import(struct ui *ui, struct import_screen *is)
{
	struct import_opts o;
	int rc;
	problems_clear(is);
	if ((rc = settings_opts(is, &o)) == OK)
		rc = import_file(&ui->s, is->set.kind, is->set.path, &o, &is->res);
	is->confirming = 0;
	if (rc == OK) {
		is->imported = 1;
		ui_info(ui,
		        ngettext("%ld row imported from %s", "%ld rows imported from %s",
		                 (unsigned long)is->res.rows),
		        is->res.rows, is->set.path);
		return;
	}
	/* nothing was written; what is wrong now is listed */
	ui_error(ui, NULL);
}

/* Ask before importing: one more key, as the file is written in one go. */
static void ask(struct ui *ui, struct import_screen *is)
{
	char key[16];
	struct frame *f = &ui->stack[ui->depth - 1];
	if (!is->checked || is->imported) {
		ui_error(ui, _("Check a file first (%s)"),
		         ui_key_for(ui, f, is->checked ? ACT_IMPORT_CHECK : ACT_IMPORT_FILE, key,
		                    sizeof(key)));
		return;
	}
	if (is->res.errors) {
		ui_error(ui,
		         ngettext("%ld problem in the file: correct it and check again (%s)",
		                  "%ld problems in the file: correct them and check again (%s)",
		                  (unsigned long)is->res.errors),
		         is->res.errors, ui_key_for(ui, f, ACT_IMPORT_CHECK, key, sizeof(key)));
		return;
	}
	is->confirming = 1;
	ui_info(ui, "%s", "");
}

/* ---- the screen ---- */

static void *import_open(struct ui *ui, const void *arg)
{
	struct import_screen *is = xcalloc(1, sizeof(*is));
	(void)arg;
	is->ui = ui;
	table_init(&is->t, ui, problem_cols, (int)ARRAY_SIZE(problem_cols), &problem_src, is);
	is->t.no_marker_col = 1;
	is->t.empty = _("None");
	/* the first thing to do here is to name a file */
	ui->pending_action = ACT_IMPORT_FILE;
	return is;
}

static void import_close(struct ui *ui, void *st)
{
	struct import_screen *is = st;
	problems_clear(is);
	free(is->problem);
	import_preview_free(&is->pv);
	table_free(&is->t);
	free(is);
}

static void import_resume(struct ui *ui, void *st)
{
	struct import_screen *is = st;
	table_reset(&is->t);
}

/* The first rows in columns as wide as they need, up to a third of the width;
 * columns that do not fit are left out (the Columns line names them all). */
static int draw_preview(struct import_screen *is, int y, int x, int w, int rows)
{
	const struct import_preview *pv = &is->pv;
	int width[IMPORT_PREVIEW_COLS], ncols = 0, used = 0;
	if (rows < 2 || !pv->ncols)
		return 0;
	for (size_t c = 0; c < pv->ncols; c++) {
		int cw = text_width(pv->col[c].field);
		for (size_t r = 0; r < pv->nrows; r++) {
			int vw = text_width(pv->rows[r].v[c] ? pv->rows[r].v[c] : "");
			if (vw > cw)
				cw = vw;
		}
		if (cw > w / 3)
			cw = w / 3 > 4 ? w / 3 : 4;
		if (used + (ncols ? 1 : 0) + cw > w)
			break;
		used += (ncols ? 1 : 0) + cw;
		width[ncols++] = cw;
	}
	term_put(y, x, w, "", ST_HEADER);
	for (int c = 0, cx = x; c < ncols; cx += width[c] + 1, c++)
		term_put(y, cx, width[c], is->pv.col[c].field, ST_HEADER);
	int shown = 0;
	for (size_t r = 0; r < pv->nrows && shown < rows - 1; r++, shown++) {
		char fit[512];
		for (int c = 0, cx = x; c < ncols; cx += width[c] + 1, c++) {
			term_fit(pv->rows[r].v[c] ? pv->rows[r].v[c] : "", width[c], 0, fit,
			         sizeof(fit));
			term_put(y + 1 + shown, cx, width[c], fit, ST_NORMAL);
		}
	}
	if (!pv->nrows)
		term_put(y + 1, x, w, _("No rows under the header"), ST_DIM);
	return 1 + (shown ? shown : 1);
}

/* Text over as many lines as it needs, broken at spaces; returns the lines. */
static int wrap(const char *text, int y, int x, int w, int rows, enum style st)
{
	char buf[512], out[512];
	int n = 0;
	strlcpy_(buf, text, sizeof(buf));
	char *w0 = strtok(buf, " ");
	while (w0 && n < rows) {
		out[0] = '\0';
		while (w0 && (!out[0] || text_width(out) + 1 + text_width(w0) <= w)) {
			size_t len = strlen(out);
			snprintf(out + len, sizeof(out) - len, "%s%s", len ? " " : "", w0);
			w0 = strtok(NULL, " ");
		}
		term_put(y + n++, x, w, out, st);
	}
	return n;
}

/* "item: Item Code, lot: Batch, ...": which column feeds which field. */
static void columns_line(const struct import_preview *pv, struct strbuf *sb)
{
	for (size_t c = 0; c < pv->ncols; c++) {
		if (c)
			sb_puts(sb, ", ");
		if (strcmp(pv->col[c].field, pv->col[c].header) != 0)
			sb_printf(sb, "%s: %s", pv->col[c].field, pv->col[c].header);
		else
			sb_puts(sb, pv->col[c].field);
	}
}

static void summary(struct ui *ui, struct import_screen *is, char *buf, size_t n)
{
	char key[16];
	struct frame *f = &ui->stack[ui->depth - 1];
	const struct import_result *r = &is->res;
	if (is->imported)
		snprintf(buf, n,
		         ngettext("%ld row imported", "%ld rows imported", (unsigned long)r->rows),
		         r->rows);
	else if (r->errors)
		snprintf(buf, n,
		         ngettext("%ld problem: nothing can be imported",
		                  "%ld problems: nothing can be imported",
		                  (unsigned long)r->errors),
		         r->errors);
	else if (ui->compact)
		snprintf(buf, n,
		         ngettext("%ld row ready", "%ld rows ready", (unsigned long)r->rows),
		         r->rows);
	else
		snprintf(buf, n,
		         ngettext("%ld row ready to import (%s)", "%ld rows ready to import (%s)",
		                  (unsigned long)r->rows),
		         r->rows, ui_key_for(ui, f, ACT_IMPORT_RUN, key, sizeof(key)));
}

static void import_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct import_screen *is = st;
	char line[512], key[16];
	int y = r->y, bottom = r->y + r->h;
	if (!is->checked) {
		snprintf(
		    line, sizeof(line), _("No file checked yet: %s names one."),
		    ui_key_for(ui, &ui->stack[ui->depth - 1], ACT_IMPORT_FILE, key, sizeof(key)));
		term_put(y, r->x, r->w, line, ST_DIM);
		return;
	}
	if (is->confirming) {
		/* L10N: the question before importing; Enter and Esc are the keys that answer */
		snprintf(
		    line, sizeof(line),
		    ngettext("Import %ld row of %s from %s in one transaction? Enter imports, "
		             "Esc goes back.",
		             "Import %ld rows of %s from %s in one transaction? Enter imports, "
		             "Esc goes back.",
		             (unsigned long)is->res.rows),
		    is->res.rows, is->set.kind, is->set.path);
		y += wrap(line, y, r->x, r->w, bottom - y, ST_HEADER) + 1;
	}
	const struct import_preview *pv = &is->pv;
	if (!ui->compact) {
		char delim[32];
		snprintf(delim, sizeof(delim), "%s",
		         pv->delimiter == '\t'  ? _("tab")
		         : pv->delimiter == ';' ? _("semicolon")
		         : pv->delimiter == ',' ? _("comma")
		                                : (char[2]){pv->delimiter, 0});
		/* L10N: the Import screen's first line: file, kind, encoding, delimiter */
		snprintf(line, sizeof(line), _("%s: %s, %s, %s"), is->set.path, is->set.kind,
		         pv->encoding[0] ? pv->encoding : "UTF-8", delim);
		term_put(y++, r->x, r->w, line, ST_NORMAL);
	}
	summary(ui, is, line, sizeof(line));
	term_put(y++, r->x, r->w, line, is->res.errors && !is->imported ? ST_ERROR : ST_INFO);
	if (!ui->compact && y < bottom) {
		struct strbuf sb = STRBUF_INIT;
		/* L10N: followed by "field: the file's column" pairs */
		sb_puts(&sb, _("Columns: "));
		columns_line(pv, &sb);
		y += wrap(sb_str(&sb), y, r->x, r->w, 2, ST_NORMAL);
		sb_reset(&sb);
		if (pv->missing)
			sb_printf(&sb, _("Missing: %s"), pv->missing);
		if (pv->ignored)
			sb_printf(&sb, "%s%s %s", pv->missing ? "  " : "", _("Not imported:"),
			          pv->ignored);
		if (sb.len && y < bottom)
			term_put(y++, r->x, r->w, sb_str(&sb), pv->missing ? ST_ERROR : ST_DIM);
		sb_free(&sb);
	}
	if (!ui->compact)
		y++;
	/* the preview gets what the problems leave, at most PREVIEW_ROWS rows */
	int room = bottom - y, want = (int)pv->nrows + 1;
	int cap = ui->compact ? 3 : PREVIEW_ROWS + 1;
	if (want > cap)
		want = cap;
	if (is->nproblems && want > room / 2)
		want = room / 2;
	y += draw_preview(is, y, r->x, r->w, want);
	if (y < bottom - 2)
		y++;
	struct rect tr = {y, r->x, bottom - y, r->w};
	table_draw(&is->t, &tr);
}

static enum result import_action(struct ui *ui, void *st, int action)
{
	struct import_screen *is = st;
	switch (action) {
	case ACT_IMPORT_FILE:
		is->confirming = 0;
		open_settings(ui, is);
		return RES_HANDLED;
	case ACT_IMPORT_CHECK:
		is->confirming = 0;
		if (!is->set.path[0]) {
			open_settings(ui, is);
			return RES_HANDLED;
		}
		if (check(is))
			ui_error(ui, NULL);
		else
			ui_info(ui, "%s", _("Checked again"));
		return RES_HANDLED;
	case ACT_IMPORT_RUN:
	case ACT_OPEN:
		if (is->confirming)
			run_import(ui, is);
		else if (action == ACT_IMPORT_RUN)
			ask(ui, is);
		return RES_HANDLED;
	case ACT_BACK:
		if (!is->confirming)
			return RES_NOT_MINE;
		is->confirming = 0;
		ui_info(ui, "%s", _("Nothing was imported"));
		return RES_HANDLED;
	}
	is->confirming = 0;
	return table_action(&is->t, action);
}

static int import_offers(void *st, int action)
{
	struct import_screen *is = st;
	if (action == ACT_IMPORT_RUN)
		return is->checked && !is->imported && !is->res.errors;
	if (action == ACT_IMPORT_CHECK)
		return is->set.path[0] != '\0';
	return 1;
}

const struct screen_ops screen_import_ops = {
    .name = "import",
    .id = SCREEN_IMPORT,
    .open = import_open,
    .close = import_close,
    .resume = import_resume,
    .draw = import_draw,
    .action = import_action,
    .offers = import_offers,
};
