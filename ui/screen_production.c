/* The Production screen: the list of runs (plan one, open one), a run (its plan
 * lines with what is required, the suggested lots and what each lot gave so far;
 * start, lots in by scan or typed, extras, notes, finish, fail, cancel, sign) and
 * its batch record. Every rule is the service's (src/production.h): a scanned
 * lot is first checked by the very call that records it, with nothing written,
 * so a refusal names its reason before any quantity is typed. */
#include "db/lots.h"
#include "db/master.h"
#include "db/production.h"
#include "src/batch_record.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/production.h"
#include "src/scan.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS_SHOWN 500

enum mode { M_LIST, M_RUN, M_RECORD };

/* A row of a run: a plan line, or a lot under it (suggested, or given). */
struct prow {
	int line; /* index into lines; -1: the extras' heading or an extra lot */
	int is_line;
	char lot[LOT_MAX + 1];
	char expiry[11];
	char unit[16];
	int suggested;
	fixed_t sugg, used;
};

struct prod {
	struct ui *ui;
	enum mode mode;
	char run[LOT_MAX + 1];
	struct run r;
	struct run *runs;
	int nruns, capruns;
	struct run_line *lines;
	int nlines, caplines;
	struct prow *rows;
	int nrows, caprows;
	char **text;
	int ntext, captext;
	char pending[LOT_MAX + 1]; /* a run the plan form made: open it on resume */
	int compact;               /* the run's lines in two columns */
	int shift;                 /* the batch record: characters scrolled off to the left */
	struct table t;
};

/* ---- the list of runs ---- */

static const struct table_col run_cols[] = {
    {N_("Run"), 16, 10, 1, 0, 1, 0},  {N_("Recipe"), 12, 6, 3, 0, 0, 0},
    {N_("Status"), 9, 7, 2, 0, 0, 0}, {N_("Target"), 8, 6, 4, 1, 0, 0},
    {N_("Unit"), 4, 4, 5, 0, 0, 0},   {N_("Makes"), 20, 8, 6, 0, 0, 1},
};

static int add_run(void *ctx, const struct run *r)
{
	struct prod *p = ctx;
	GROW(p->runs, p->nruns, p->capruns, 16);
	p->runs[p->nruns++] = *r;
	return 0;
}

static int runs_count(void *ctx)
{
	return ((struct prod *)ctx)->nruns;
}

static const char *runs_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct prod *p = ctx;
	const struct run *r = &p->runs[*(const int *)row];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		return r->code;
	case 1:
		snprintf(buf, n, "%s v%lld", r->recipe_code, (long long)r->recipe_version);
		return buf;
	case 2:
		return _(r->status);
	case 3:
		snprintf(buf, n, "%s", fixed_format(r->target, 0, q));
		return buf;
	case 4:
		return r->unit;
	default:
		snprintf(buf, n, "%s %s", r->item_code, r->item_name);
		return buf;
	}
}

static enum style runs_mark(void *ctx, const void *row, char *marker)
{
	struct prod *p = ctx;
	const struct run *r = &p->runs[*(const int *)row];
	/* S: started, in progress; !: a shortage in the plan */
	*marker = !strcmp(r->status, "started") ? 'S' : r->shortage ? '!' : ' ';
	return !strcmp(r->status, "cancelled") ? ST_DIM : ST_NORMAL;
}

static const struct table_src runs_src = {
    .row_size = sizeof(int),
    .count = runs_count,
    .cell = runs_cell,
    .mark = runs_mark,
};

/* ---- one run ---- */

static const struct table_col line_cols[] = {
    {N_("#"), 3, 2, 6, 1, 0, 0},    {N_("Item / lot"), 16, 8, 1, 0, 1, 0},
    {N_("Need"), 8, 5, 2, 1, 0, 0}, {N_("Done"), 8, 5, 3, 1, 0, 0},
    {N_("Unit"), 4, 4, 5, 0, 0, 0}, {N_("Detail"), 24, 8, 4, 0, 0, 1},
};

/* 20 columns: the lot and "done/need" in one column */
static const struct table_col line_cols_compact[] = {
    {N_("Item / lot"), 16, 8, 1, 0, 1, 1},
    {N_("Done/need"), 7, 7, 2, 1, 0, 0},
};

static struct prow *lot_row(struct prod *p, int line, const char *lot, const char *unit)
{
	/* the same lot under the same line is one row */
	for (int i = 0; i < p->nrows; i++)
		if (!p->rows[i].is_line && p->rows[i].line == line && !strcmp(p->rows[i].lot, lot))
			return &p->rows[i];
	GROW(p->rows, p->nrows, p->caprows, 16);
	struct prow *w = &p->rows[p->nrows++];
	memset(w, 0, sizeof(*w));
	w->line = line;
	strlcpy_(w->lot, lot, sizeof(w->lot));
	strlcpy_(w->unit, unit, sizeof(w->unit));
	return w;
}

static int line_index(struct prod *p, int64_t line)
{
	for (int i = 0; i < p->nlines; i++)
		if (p->lines[i].line == line)
			return i;
	return -1;
}

static int add_line(void *ctx, const struct run_line *l)
{
	struct prod *p = ctx;
	GROW(p->lines, p->nlines, p->caplines, 16);
	p->lines[p->nlines++] = *l;
	return 0;
}

struct lots_ctx {
	struct prod *p;
	int line; /* index of the line being filled */
};

static int add_suggestion(void *ctx, const struct run_suggestion *g)
{
	struct lots_ctx *c = ctx;
	struct prow *w = lot_row(c->p, c->line, g->lot, c->p->lines[c->line].unit);
	w->suggested = 1;
	w->sugg = g->qty;
	strlcpy_(w->expiry, g->expiry, sizeof(w->expiry));
	return 0;
}

static int add_input(void *ctx, const struct run_input *in)
{
	struct lots_ctx *c = ctx;
	int li = line_index(c->p, in->line);
	if (li != c->line)
		return 0;
	lot_row(c->p, li, in->lot, in->unit)->used += in->qty;
	return 0;
}

static int load_run(struct ui *ui, struct prod *p)
{
	int rc = db_run_get(ui->s.store, p->run, &p->r);
	if (rc)
		return rc;
	p->nlines = p->nrows = 0;
	if ((rc = db_run_lines_each(ui->s.store, p->r.id, add_line, p)))
		return rc;
	/* each line, then its lots: suggested first, then the others it was given */
	for (int i = 0; i <= p->nlines; i++) {
		struct lots_ctx c = {p, i < p->nlines ? i : -1};
		GROW(p->rows, p->nrows, p->caprows, 16);
		struct prow *w = &p->rows[p->nrows++];
		memset(w, 0, sizeof(*w));
		w->is_line = 1;
		w->line = c.line;
		if (i < p->nlines &&
		    (rc = db_run_suggestions_each(ui->s.store, p->r.id, p->lines[i].line,
		                                  add_suggestion, &c)))
			return rc;
		int before = p->nrows;
		if ((rc = db_run_inputs_each(ui->s.store, p->r.id, add_input, &c)))
			return rc;
		if (i == p->nlines && p->nrows == before)
			p->nrows--; /* no extras: no heading for them */
	}
	return OK;
}

static int lines_count(void *ctx)
{
	return ((struct prod *)ctx)->nrows;
}

static const char *lines_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct prod *p = ctx;
	const struct prow *w = &p->rows[*(const int *)row];
	const struct run_line *l = w->line >= 0 ? &p->lines[w->line] : NULL;
	char q[FIXED_BUFSZ], k[FIXED_BUFSZ];
	if (p->compact && col == 1) {
		fixed_t done = w->is_line ? (l ? l->consumed : 0) : w->used;
		fixed_t need = w->is_line ? (l ? l->required : 0) : w->suggested ? w->sugg : 0;
		if (w->is_line && !l)
			return "";
		snprintf(buf, n, "%s/%s", fixed_format(done, 0, q), fixed_format(need, 0, k));
		return buf;
	}
	if (p->compact)
		col = 1;
	if (w->is_line) {
		if (!l)
			return col == 1 ? _("Extras") : "";
		switch (col) {
		case 0:
			snprintf(buf, n, "%lld", (long long)l->line);
			return buf;
		case 1:
			return l->item_code;
		case 2:
			snprintf(buf, n, "%s", fixed_format(l->required, 0, q));
			return buf;
		case 3:
			snprintf(buf, n, "%s", fixed_format(l->consumed, 0, q));
			return buf;
		case 4:
			return l->unit;
		default:
			return l->item_name;
		}
	}
	switch (col) {
	case 0:
		return "";
	case 1:
		return w->lot;
	case 2:
		if (!w->suggested)
			return "";
		snprintf(buf, n, "%s", fixed_format(w->sugg, 0, q));
		return buf;
	case 3:
		if (!w->used)
			return "";
		snprintf(buf, n, "%s", fixed_format(w->used, 0, q));
		return buf;
	case 4:
		return w->unit;
	default:
		if (!w->suggested)
			return l ? _("not suggested") : _("extra");
		if (w->expiry[0])
			/* L10N: a suggested lot in a run: "expires 2027-07-28" */
			snprintf(buf, n, _("expires %s"), w->expiry);
		else
			snprintf(buf, n, "%s", _("suggested"));
		return buf;
	}
}

static enum style lines_mark(void *ctx, const void *row, char *marker)
{
	struct prod *p = ctx;
	const struct prow *w = &p->rows[*(const int *)row];
	if (w->is_line) {
		const struct run_line *l = w->line >= 0 ? &p->lines[w->line] : NULL;
		/* =: the line has all it needs */
		*marker = l && l->consumed >= l->required ? '=' : ' ';
		return ST_HEADER;
	}
	/* >: a suggested lot still to scan; +: a lot that went in */
	*marker = w->used ? '+' : w->suggested ? '>' : ' ';
	return ST_NORMAL;
}

static const struct table_src lines_src = {
    .row_size = sizeof(int),
    .count = lines_count,
    .cell = lines_cell,
    .mark = lines_mark,
};

/* ---- the batch record ---- */

static const struct table_col record_cols[] = {
    {N_("Batch record"), 120, 10, 1, 0, 0, 1},
};

static void add_text(void *ctx, const char *text)
{
	struct prod *p = ctx;
	GROW(p->text, p->ntext, p->captext, 16);
	p->text[p->ntext++] = xstrdup(text);
}

static void free_text(struct prod *p)
{
	for (int i = 0; i < p->ntext; i++)
		free(p->text[i]);
	p->ntext = 0;
}

static int text_count(void *ctx)
{
	return ((struct prod *)ctx)->ntext;
}

static const char *text_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct prod *p = ctx;
	const char *t = p->text[*(const int *)row];
	/* Left and Right scroll the wide lines, a character at a time */
	for (int i = 0; i < p->shift && *t; i++)
		for (t++; (*t & 0xc0) == 0x80; t++)
			;
	return t;
}

static const struct table_src text_src = {
    .row_size = sizeof(int),
    .count = text_count,
    .cell = text_cell,
};

/* ---- open, load, draw ---- */

static int load(struct ui *ui, struct prod *p)
{
	switch (p->mode) {
	case M_LIST:
		p->nruns = 0;
		return db_run_each(ui->s.store, RUNS_SHOWN, add_run, p);
	case M_RUN:
		return load_run(ui, p);
	default:
		free_text(p);
		return batch_record(&ui->s, p->run, add_text, p);
	}
}

static void prod_free(struct prod *p)
{
	table_free(&p->t);
	free_text(p);
	free(p->text);
	free(p->runs);
	free(p->lines);
	free(p->rows);
	free(p);
}

static void *prod_open(struct ui *ui, const void *arg)
{
	const struct production_open_arg *a = arg;
	struct prod *p = xcalloc(1, sizeof(*p));
	p->ui = ui;
	p->mode = a && a->run ? (a->record ? M_RECORD : M_RUN) : M_LIST;
	if (a && a->run)
		strlcpy_(p->run, a->run, sizeof(p->run));
	if (p->mode == M_LIST)
		table_init(&p->t, ui, run_cols, (int)ARRAY_SIZE(run_cols), &runs_src, p);
	else if (p->mode == M_RUN)
		table_init(&p->t, ui, line_cols, (int)ARRAY_SIZE(line_cols), &lines_src, p);
	else
		table_init(&p->t, ui, record_cols, (int)ARRAY_SIZE(record_cols), &text_src, p);
	if (load(ui, p)) {
		ui_error(ui, NULL);
		prod_free(p);
		return NULL;
	}
	p->t.empty = p->mode == M_LIST ? _("No runs yet: plan one") : "";
	return p;
}

static void prod_close(struct ui *ui, void *st)
{
	prod_free(st);
}

static void prod_resume(struct ui *ui, void *st)
{
	struct prod *p = st;
	if (load(ui, p))
		ui_error(ui, NULL);
	table_refresh(&p->t);
	if (p->pending[0]) {
		/* the plan form made a run: open it */
		struct production_open_arg a = {p->pending, 0};
		char code[LOT_MAX + 1];
		strlcpy_(code, p->pending, sizeof(code));
		p->pending[0] = '\0';
		a.run = code;
		ui_push(ui, SCREEN_PRODUCTION, &a);
	}
}

static const char *prod_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct prod *p = st;
	if (p->mode == M_LIST)
		snprintf(buf, n, "%s", ui->compact ? _("Runs") : _("Production runs"));
	else if (ui->compact)
		snprintf(buf, n, "%s", p->r.code[0] ? p->r.code : p->run);
	else if (p->mode == M_RUN)
		/* L10N: the Production screen's title: "Run RUN-261123-DM001" */
		snprintf(buf, n, _("Run %s"), p->r.code);
	else
		snprintf(buf, n, _("Batch record %s"), p->run);
	return buf;
}

static void prod_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct prod *p = st;
	struct rect tr = *r;
	if (p->mode == M_RUN) {
		const struct run *u = &p->r;
		char a[200], b[200], q[FIXED_BUFSZ];
		if (ui->compact) {
			snprintf(a, sizeof(a), "%s %s %s", fixed_format(u->target, 0, q), u->unit,
			         u->item_code);
			snprintf(b, sizeof(b), "%s%s", _(u->status),
			         u->shortage ? _(", SHORT") : "");
		} else {
			snprintf(a, sizeof(a), _("%s v%lld makes %s %s %s %s"), u->recipe_code,
			         (long long)u->recipe_version, fixed_format(u->target, 0, q),
			         u->unit, u->item_code, u->item_name);
			snprintf(b, sizeof(b), "%s%s%s%s%s%s", _(u->status),
			         u->shortage ? _("; shortage in the plan") : "",
			         u->bypass_reason[0] ? _(", started by bypass: ") : "",
			         u->bypass_reason, u->signed_by[0] ? _("; signed by ") : "",
			         u->signed_by);
		}
		term_put(r->y, r->x, r->w, a, ST_NORMAL);
		term_put(r->y + 1, r->x, r->w, b,
		         u->shortage && !strcmp(u->status, "planned") ? ST_EXPIRED : ST_HEADER);
		tr.y += 2;
		tr.h -= 2;
		if (p->compact != ui->compact) {
			p->compact = ui->compact;
			p->t.cols = p->compact ? line_cols_compact : line_cols;
			p->t.ncols = p->compact ? (int)ARRAY_SIZE(line_cols_compact)
			                        : (int)ARRAY_SIZE(line_cols);
		}
	}
	table_draw(&p->t, &tr);
}

/* ---- forms ---- */

struct run_form {
	struct prod *p;
	char run[LOT_MAX + 1];
	char unit[16];
	int extra, confirm;
};

static struct form *run_form(struct ui *ui, struct prod *p, const char *title,
                             int (*submit)(struct ui *, struct form *))
{
	/* the role is the service's rule; asking first saves filling a form in vain */
	if (session_require(&ui->s, PERM_PRODUCE)) {
		ui_error(ui, NULL);
		return NULL;
	}
	struct form *fm = form_new(title);
	struct run_form *rf = xcalloc(1, sizeof(*rf));
	rf->p = p;
	strlcpy_(rf->run, p->r.code, sizeof(rf->run));
	fm->ctx = rf;
	fm->free_ctx = free;
	fm->submit = submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s  %s  %s", p->r.code, p->r.recipe_code,
	         _(p->r.status));
	return fm;
}

static struct form_field *text_field(struct form *fm, const char *key, const char *label,
                                     const char *svc_key, int required)
{
	struct form_field *f = form_add(fm, key, label, FIELD_TEXT, required);
	f->svc_key = svc_key;
	return f;
}

/* plan: a recipe (active ones offered), and a scale or a target quantity */

struct plan_form {
	char *pending; /* where the new run's code goes */
	char unit[16]; /* the recipe's item's unit, shown beside the target */
};

static int plan_submit(struct ui *ui, struct form *fm)
{
	struct plan_form *pf = fm->ctx;
	char num[64], unit[64], code[LOT_MAX + 1];
	form_qty(fm, "target", num, sizeof(num), unit, sizeof(unit));
	if (form_get(fm, "scale") && num[0])
		return error_set(ERR_INVALID, _("target: give a scale or a target, not both"));
	struct plan_req r = {form_get(fm, "recipe"), 0, form_get(fm, "scale"), num[0] ? num : NULL,
	                     unit[0] ? unit : NULL};
	int rc = run_plan(&ui->s, &r, code);
	if (rc == OK) {
		strlcpy_(pf->pending, code, LOT_MAX + 1);
		ui_info(ui, _("Run %s planned"), code);
	}
	return rc;
}

static int add_active_recipe(void *ctx, const struct recipe *r)
{
	if (!strcmp(r->status, "active"))
		form_add_choice(ctx, r->code);
	return 0;
}

int production_plan_form(struct ui *ui, const char *recipe, char *pending)
{
	struct recipe rec;
	if (session_require(&ui->s, PERM_PRODUCE)) {
		ui_error(ui, NULL);
		return -1;
	}
	struct form *fm = form_new(_("Plan a run"));
	struct plan_form *pf = xcalloc(1, sizeof(*pf));
	struct form_field *f;
	pf->pending = pending;
	fm->ctx = pf;
	fm->free_ctx = free;
	fm->submit = plan_submit;
	f = form_add(fm, "recipe", _("Recipe"), FIELD_CHOICE, 1);
	f->svc_key = N_("recipe");
	db_recipe_each(ui->s.store, add_active_recipe, f);
	f = form_add(fm, "scale", _("Scale"), FIELD_TEXT, 0);
	f->svc_key = N_("scale");
	f->hint = _("batches, e.g. 2");
	f = form_add(fm, "target", _("Or target"), FIELD_QTY, 0);
	f->svc_key = N_("target");
	f->hint = _("the quantity to make");
	if (recipe && *recipe) {
		form_set(fm, "recipe", recipe);
		if (db_recipe_get(ui->s.store, recipe, 0, &rec) == OK) {
			strlcpy_(pf->unit, rec.unit, sizeof(pf->unit));
			form_field(fm, "target")->unit = pf->unit;
			snprintf(fm->intro, sizeof(fm->intro),
			         _("%s makes %s %s; empty: one batch"), rec.code, rec.yield_entered,
			         rec.item_code);
		}
		form_focus(fm, "scale");
	}
	return ui_push_form(ui, fm);
}

/* start: a shortage asks a manager for the reason */

static int start_submit(struct ui *ui, struct form *fm)
{
	struct run_form *rf = fm->ctx;
	int rc = run_start(&ui->s, rf->run, form_get(fm, "bypass"));
	if (rc == OK)
		ui_info(ui, _("Run %s started despite the shortage"), rf->run);
	return rc;
}

static void start(struct ui *ui, struct prod *p)
{
	int rc = run_start(&ui->s, p->r.code, NULL);
	if (rc == OK) {
		ui_info(ui, _("Run %s started"), p->r.code);
		prod_resume(ui, p);
		return;
	}
	/* a shortage, and someone who may bypass it: ask why; else say why not */
	char why[512];
	strlcpy_(why, error_msg(), sizeof(why));
	if (!p->r.shortage || strcmp(p->r.status, "planned") != 0 ||
	    session_require(&ui->s, PERM_BYPASS)) {
		ui_error(ui, "%s", why);
		return;
	}
	struct form *fm = run_form(ui, p, _("Start despite the shortage"), start_submit);
	if (!fm)
		return;
	strlcpy_(fm->intro, _("The plan has a shortage: say why the run starts anyway"),
	         sizeof(fm->intro));
	text_field(fm, "bypass", _("Reason"), N_("bypass"), 1);
	ui_push_form(ui, fm);
}

/* lots in: a lot, a quantity (empty: as planned), and a yes when not suggested */

static int consume_submit(struct ui *ui, struct form *fm)
{
	struct run_form *rf = fm->ctx;
	char num[64], unit[64], q[FIXED_BUFSZ];
	fixed_t used;
	form_qty(fm, "qty", num, sizeof(num), unit, sizeof(unit));
	const char *yes = form_get(fm, "confirm");
	struct consume_req r = {rf->run,
	                        form_get(fm, "lot"),
	                        num[0] ? num : NULL,
	                        unit[0] ? unit : NULL,
	                        yes && !strcmp(yes, _("yes")),
	                        rf->extra ? form_get(fm, "reason") : NULL,
	                        0};
	int rc = run_consume(&ui->s, &r, &used);
	if (rc == OK) {
		struct lot l;
		if (db_lot_get(ui->s.store, r.lot, &l) == OK)
			ui_info(ui, _("%s %s of %s into %s"), fixed_format(used, 0, q), l.unit,
			        l.code, rf->run);
		return OK;
	}
	if (!rf->extra && !rf->confirm) {
		/* was it only that the lot was not suggested? then ask for a yes */
		char msg[512];
		strlcpy_(msg, error_msg(), sizeof(msg));
		r.confirm = 1;
		r.check_only = 1;
		if (run_consume(&ui->s, &r, &used) == OK) {
			struct form_field *f =
			    form_add(fm, "confirm", _("Use it?"), FIELD_CHOICE, 1);
			form_add_choices(f, _("yes|no"));
			f->strict = 1;
			rf->confirm = 1;
			form_focus(fm, "confirm");
		}
		rc = error_set(rc, "%s", msg);
	}
	return rc;
}

static struct form *consume_form(struct ui *ui, struct prod *p, int extra)
{
	struct form *fm = run_form(ui, p, extra ? _("Extra") : _("Lot in"), consume_submit);
	struct form_field *f;
	if (!fm)
		return NULL;
	((struct run_form *)fm->ctx)->extra = extra;
	text_field(fm, "lot", _("Lot"), N_("lot"), 1)->hint = _("scan or type");
	f = form_add(fm, "qty", _("Quantity"), FIELD_QTY, extra);
	f->svc_key = N_("quantity");
	if (!extra)
		f->hint = _("empty: as planned");
	if (extra) {
		f = form_add(fm, "reason", _("Reason"), FIELD_CHOICE, 1);
		f->svc_key = N_("extra");
		f->strict = 1;
		form_add_choices(f, EXTRA_REASONS);
	}
	return fm;
}

/* A lot scanned on the run: checked at once; the form only asks what is left. */
static void scanned_lot(struct ui *ui, struct prod *p, const char *lot)
{
	struct consume_req r = {p->r.code, lot, NULL, NULL, 0, NULL, 1};
	struct lot l;
	fixed_t used;
	char q[FIXED_BUFSZ], why[512] = "";
	int rc = run_consume(&ui->s, &r, &used);
	if (rc != OK) {
		strlcpy_(why, error_msg(), sizeof(why));
		r.confirm = 1;
		if (run_consume(&ui->s, &r, &used) != OK) {
			/* wrong item, expired, held, empty, not started: the reason */
			ui_error(ui, "%s", why);
			return;
		}
	}
	struct form *fm = consume_form(ui, p, 0);
	if (!fm)
		return;
	form_set(fm, "lot", lot);
	if (db_lot_get(ui->s.store, lot, &l) == OK) {
		struct run_form *rf = fm->ctx;
		strlcpy_(rf->unit, l.unit, sizeof(rf->unit));
		form_field(fm, "qty")->unit = rf->unit;
		snprintf(fm->intro, sizeof(fm->intro), "%s  %s  %s %s  %s", l.code, l.item_code,
		         fixed_format(l.qty, 0, q), l.unit, l.location_code);
	}
	form_set(fm, "qty", fixed_format(used, 0, q));
	form_focus(fm, "qty");
	if (why[0]) {
		struct form_field *f = form_add(fm, "confirm", _("Use it?"), FIELD_CHOICE, 1);
		form_add_choices(f, _("yes|no"));
		f->strict = 1;
		((struct run_form *)fm->ctx)->confirm = 1;
		form_focus(fm, "confirm");
	}
	ui_push_form(ui, fm);
	if (why[0])
		ui_error(ui, "%s", why);
}

/* finish: actual yield and one output lot */

static int add_location(void *ctx, const struct location *l)
{
	form_add_choice(ctx, l->code);
	return 0;
}

static int first_output(void *ctx, const struct run_input *out)
{
	strlcpy_(ctx, out->lot, LOT_MAX + 1);
	return 1;
}

static int finish_submit(struct ui *ui, struct form *fm)
{
	struct run_form *rf = fm->ctx;
	char num[64], unit[64], q[2][64], u[64], lot[LOT_MAX + 1] = "";
	form_qty(fm, "yield", num, sizeof(num), unit, sizeof(unit));
	form_qty(fm, "qty", q[0], sizeof(q[0]), u, sizeof(u));
	form_qty(fm, "qty2", q[1], sizeof(q[1]), u, sizeof(u));
	/* a second lot when any of its fields is given; the service checks the rest */
	int n =
	    q[1][0] || form_get(fm, "location2") || form_get(fm, "lot2") || form_get(fm, "expiry2")
	        ? 2
	        : 1;
	struct output_req o[2] = {
	    {q[0][0] ? q[0] : NULL, form_get(fm, "location"), form_get(fm, "lot"),
	     form_get(fm, "expiry")},
	    {q[1][0] ? q[1] : NULL, form_get(fm, "location2"), form_get(fm, "lot2"),
	     form_get(fm, "expiry2")},
	};
	struct finish_req r = {rf->run, num, unit[0] ? unit : NULL, form_get(fm, "labour"), o, n};
	int rc = run_finish(&ui->s, &r);
	if (rc == OK) {
		struct run run;
		if (db_run_get(ui->s.store, rf->run, &run) == OK)
			db_run_outputs_each(ui->s.store, run.id, first_output, lot);
		ui_info(ui,
		        n == 1 ? _("Run %s finished: lot %s")
		               : _("Run %s finished: lots %s and more"),
		        rf->run, lot);
	}
	return rc;
}

/* One output lot's fields; the second lot's keys end in 2. */
static void output_fields(struct ui *ui, struct form *fm, const char *unit, int second)
{
	struct form_field *f;
	f = form_add(fm, second ? "location2" : "location",
	             second ? _("2nd location") : _("Location"), FIELD_CHOICE, !second);
	/* the service's messages about an output start "output N:" */
	f->svc_key = second ? N_("output 2") : N_("output 1");
	f->strict = 1;
	db_location_each(ui->s.store, add_location, f);
	text_field(fm, second ? "lot2" : "lot", second ? _("2nd lot code") : _("Lot code"), NULL, 0)
	    ->hint = _("empty: a new code");
	f = form_add(fm, second ? "expiry2" : "expiry", second ? _("2nd expiry") : _("Expiry"),
	             FIELD_DATE, 0);
	f->hint = _("empty: from the shelf life");
	f = form_add(fm, second ? "qty2" : "qty", second ? _("2nd quantity") : _("Quantity"),
	             FIELD_QTY, 0);
	f->unit = unit;
	f->hint = second ? _("optional: a second lot") : _("empty: all of the yield");
}

static void finish(struct ui *ui, struct prod *p)
{
	struct form *fm = run_form(ui, p, _("Finish"), finish_submit);
	struct form_field *f;
	char q[FIXED_BUFSZ];
	if (!fm)
		return;
	struct run_form *rf = fm->ctx;
	strlcpy_(rf->unit, p->r.unit, sizeof(rf->unit));
	f = form_add(fm, "yield", _("Actual yield"), FIELD_QTY, 1);
	f->svc_key = N_("yield");
	f->unit = rf->unit;
	form_set(fm, "yield", fixed_format(p->r.target, 0, q));
	output_fields(ui, fm, rf->unit, 0);
	output_fields(ui, fm, rf->unit, 1);
	text_field(fm, "labour", _("Labour"), N_("labour"), 0)->hint = _("cost, optional");
	form_focus(fm, "yield");
	ui_push_form(ui, fm);
}

/* note, fail, cancel: one text each */

static int text_submit(struct ui *ui, struct form *fm)
{
	struct run_form *rf = fm->ctx;
	const char *v = form_get(fm, "text");
	int rc;
	switch (rf->extra) {
	case ACT_PROD_FAIL:
		if ((rc = run_fail(&ui->s, rf->run, v)) == OK)
			ui_info(ui, _("Run %s failed"), rf->run);
		return rc;
	case ACT_PROD_CANCEL:
		if ((rc = run_cancel(&ui->s, rf->run, v)) == OK)
			ui_info(ui, _("Run %s cancelled: every lot taken went back"), rf->run);
		return rc;
	default:
		if ((rc = run_note(&ui->s, rf->run, v)) == OK)
			ui_info(ui, _("Note added to %s"), rf->run);
		return rc;
	}
}

static void text_form(struct ui *ui, struct prod *p, int action)
{
	const char *title = action == ACT_PROD_FAIL     ? _("Fail the run")
	                    : action == ACT_PROD_CANCEL ? _("Cancel the run")
	                                                : _("Note");
	struct form *fm = run_form(ui, p, title, text_submit);
	if (!fm)
		return;
	((struct run_form *)fm->ctx)->extra = action;
	/* the services' messages start with the word of what they want */
	text_field(fm, "text", action == ACT_PROD_CANCEL ? _("Reason") : _("Note"),
	           action == ACT_PROD_CANCEL ? N_("reason") : N_("note"), 1);
	ui_push_form(ui, fm);
}

/* ---- actions ---- */

static int is_status(const struct prod *p, const char *s)
{
	return !strcmp(p->r.status, s);
}

static int prod_offers(void *st, int action)
{
	struct prod *p = st;
	if (action < ACT_PROD_PLAN || action > ACT_PROD_RECIPES)
		return 1;
	if (p->mode == M_LIST)
		return action == ACT_PROD_PLAN || action == ACT_PROD_RECIPES;
	if (p->mode == M_RECORD)
		return 0;
	switch (action) {
	case ACT_PROD_START:
		return is_status(p, "planned");
	case ACT_PROD_CONSUME:
	case ACT_PROD_EXTRA:
	case ACT_PROD_FINISH:
	case ACT_PROD_FAIL:
		return is_status(p, "started");
	case ACT_PROD_CANCEL:
		return is_status(p, "planned") || is_status(p, "started");
	case ACT_PROD_SIGN:
		return !p->r.signed_by[0] && (is_status(p, "finished") || is_status(p, "failed"));
	case ACT_PROD_NOTE:
		return !p->r.signed_by[0];
	case ACT_PROD_PLAN:
		return 0; /* works from a run too, but the bar has no room for it */
	default:
		return 1;
	}
}

static enum result prod_action(struct ui *ui, void *st, int action)
{
	struct prod *p = st;
	struct form *fm;
	if (action == ACT_PROD_RECIPES) {
		ui_push(ui, SCREEN_RECIPES, NULL);
		return RES_HANDLED;
	}
	if (action == ACT_PROD_PLAN && p->mode != M_RECORD) {
		/* from a run: another run of its recipe */
		production_plan_form(ui, p->mode == M_RUN ? p->r.recipe_code : NULL, p->pending);
		return RES_HANDLED;
	}
	if (p->mode == M_LIST) {
		const int *i = table_selected(&p->t);
		if (action == ACT_OPEN) {
			if (i) {
				struct production_open_arg a = {p->runs[*i].code, 0};
				ui_push(ui, SCREEN_PRODUCTION, &a);
			}
			return RES_HANDLED;
		}
		if (action >= ACT_PROD_PLAN && action <= ACT_PROD_RECIPES) {
			ui_error(ui, "%s", _("Open a run first (Enter), or plan one"));
			return RES_HANDLED;
		}
		return table_action(&p->t, action);
	}
	if (p->mode == M_RECORD) {
		if (action >= ACT_PROD_PLAN && action <= ACT_PROD_RECIPES)
			return RES_HANDLED;
		if (action == ACT_OPEN)
			return RES_HANDLED;
		return table_action(&p->t, action);
	}
	switch (action) {
	case ACT_PROD_START:
		start(ui, p);
		return RES_HANDLED;
	case ACT_PROD_CONSUME:
	case ACT_PROD_EXTRA:
		if ((fm = consume_form(ui, p, action == ACT_PROD_EXTRA)))
			ui_push_form(ui, fm);
		return RES_HANDLED;
	case ACT_PROD_FINISH:
		finish(ui, p);
		return RES_HANDLED;
	case ACT_PROD_NOTE:
	case ACT_PROD_FAIL:
	case ACT_PROD_CANCEL:
		text_form(ui, p, action);
		return RES_HANDLED;
	case ACT_PROD_SIGN:
		if (run_sign(&ui->s, p->r.code) == OK) {
			ui_info(ui, _("Run %s signed by %s"), p->r.code, ui->s.user.name);
			prod_resume(ui, p);
		} else {
			ui_error(ui, NULL);
		}
		return RES_HANDLED;
	case ACT_PROD_RECORD: {
		struct production_open_arg a = {p->r.code, 1};
		ui_push(ui, SCREEN_PRODUCTION, &a);
		return RES_HANDLED;
	}
	case ACT_OPEN: {
		/* a lot row opens that lot */
		const int *i = table_selected(&p->t);
		if (i && !p->rows[*i].is_line) {
			struct lot_open_arg a = {p->rows[*i].lot};
			ui_push(ui, SCREEN_LOT, &a);
		}
		return RES_HANDLED;
	}
	}
	return table_action(&p->t, action);
}

static enum result prod_key(struct ui *ui, void *st, int key)
{
	struct prod *p = st;
	if (p->mode != M_RECORD || (key != LK_LEFT && key != LK_RIGHT))
		return RES_NOT_MINE;
	p->shift += key == LK_RIGHT ? 10 : -10;
	if (p->shift < 0)
		p->shift = 0;
	return RES_HANDLED;
}

static enum result prod_scan(struct ui *ui, void *st, const char *code)
{
	struct prod *p = st;
	struct scan_hit hit;
	struct run r;
	if (p->mode == M_LIST) {
		/* a run's code (a printed work order) opens it */
		if (db_run_get(ui->s.store, code, &r) == OK) {
			struct production_open_arg a = {r.code, 0};
			ui_push(ui, SCREEN_PRODUCTION, &a);
			return RES_HANDLED;
		}
		return RES_NOT_MINE;
	}
	if (p->mode != M_RUN)
		return RES_NOT_MINE;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind != SCAN_LOT) {
		ui_error(ui, _("Scanned %s: that is not a lot"), code);
		return RES_HANDLED;
	}
	scanned_lot(ui, p, hit.code);
	return RES_HANDLED;
}

const struct screen_ops screen_production_ops = {
    .name = "production",
    .id = SCREEN_PRODUCTION,
    .open = prod_open,
    .close = prod_close,
    .resume = prod_resume,
    .title = prod_title,
    .draw = prod_draw,
    .action = prod_action,
    .on_key = prod_key,
    .on_scan = prod_scan,
    .offers = prod_offers,
};
