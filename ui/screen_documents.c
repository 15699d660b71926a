/* The Documents and QA screen: the queue of lots whose COA is missing or
 * uploaded (or, from Today, the documents rejected), filtered by supplier,
 * item, location and received date. Rows are marked (Space) and the marked
 * documents reviewed, linked, rejected, retired or given a reviewer in one
 * transaction (doc_change). The selected lot gets a COA file, a test result or
 * a release through the services, whose rules decide; and the COAs go out as
 * an audit export, as 'lotline doc export --coa' writes them. */
#include "db/documents.h"
#include "db/lots.h"
#include "db/master.h"
#include "src/documents.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/ledger.h"
#include "src/scan.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The screen keeps this many rows; a filter narrows a longer queue. */
#define DOCS_ROWS_MAX 2000

struct docs {
	struct ui *ui;
	struct coa_row *rows;
	char *marked;
	int n, cap, truncated;
	/* the filter, and the strings it points at */
	struct coa_filter f;
	char supplier[CODE_MAX + 1], item[CODE_MAX + 1], location[CODE_MAX + 1];
	char from[11], to[11], doc_status[16];
	/* documents marked before a reload, marked again after it */
	char **keep;
	int nkeep;
	struct table t;
};

/* At 80 columns: lot, status, document, item, received, supplier, reviewer;
 * at 20: the lot alone, its marker saying the rest. */
static const struct table_col docs_cols[] = {
    {N_("Lot"), 16, 12, 1, 0, 1, 0},    {N_("Item"), 8, 6, 4, 0, 0, 0},
    {N_("Supplier"), 8, 5, 6, 0, 0, 0}, {N_("Received"), 10, 10, 5, 0, 0, 0},
    {N_("COA"), 8, 7, 8, 0, 0, 0},      {N_("Document"), 16, 10, 3, 0, 1, 0},
    {N_("Status"), 8, 8, 2, 0, 0, 0},   {N_("Reviewer"), 6, 5, 7, 0, 0, 0},
    {N_("Note"), 30, 10, 9, 0, 0, 1},
};

static int docs_count(void *ctx)
{
	struct docs *d = ctx;
	return d->n;
}

static const char *docs_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct docs *d = ctx;
	const struct coa_row *r = &d->rows[*(const int *)row];
	switch (col) {
	case 0:
		return r->lot;
	case 1:
		return r->item;
	case 2:
		return r->supplier;
	case 3:
		return r->received;
	case 4:
		return r->lot_coa[0] ? _(r->lot_coa) : "";
	case 5:
		return r->doc.code;
	case 6:
		return r->doc.status[0] ? _(r->doc.status) : "";
	case 7:
		return r->doc.reviewer;
	default:
		snprintf(buf, n, "%s", r->doc.note);
		return buf;
	}
}

/* + marked; R rejected; U uploaded; C no COA at all. */
static enum style docs_mark(void *ctx, const void *row, char *marker)
{
	struct docs *d = ctx;
	int i = *(const int *)row;
	const struct coa_row *r = &d->rows[i];
	*marker = ' ';
	if (d->marked[i]) {
		*marker = '+';
		return ST_FIELD_FOCUS;
	}
	if (!strcmp(r->doc.status, "rejected")) {
		*marker = 'R';
		return ST_EXPIRED;
	}
	if (!r->doc.code[0])
		*marker = 'C';
	else if (!strcmp(r->doc.status, "uploaded"))
		*marker = 'U';
	return ST_NORMAL;
}

static const struct table_src docs_src = {
    .row_size = sizeof(int),
    .count = docs_count,
    .cell = docs_cell,
    .mark = docs_mark,
};

static int add_row(void *ctx, const struct coa_row *r)
{
	struct docs *d = ctx;
	if (d->n == DOCS_ROWS_MAX) {
		d->truncated = 1;
		return 1;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->rows = xrealloc(d->rows, (size_t)d->cap * sizeof(*d->rows));
		d->marked = xrealloc(d->marked, (size_t)d->cap);
	}
	d->marked[d->n] = 0;
	d->rows[d->n++] = *r;
	return 0;
}

static void forget_kept(struct docs *d)
{
	for (int i = 0; i < d->nkeep; i++)
		free(d->keep[i]);
	free(d->keep);
	d->keep = NULL;
	d->nkeep = 0;
}

/* Read the rows again; marks stay on the documents that are still shown. */
static void load(struct docs *d, int keep_marks)
{
	forget_kept(d);
	if (keep_marks) {
		d->keep = xcalloc((size_t)d->n + 1, sizeof(*d->keep));
		for (int i = 0; i < d->n; i++)
			if (d->marked[i])
				d->keep[d->nkeep++] = xstrdup(d->rows[i].doc.code);
	}
	d->f.doc_status = d->doc_status[0] ? d->doc_status : NULL;
	d->f.queue = 1;
	d->f.limit = DOCS_ROWS_MAX + 1;
	d->n = 0;
	d->truncated = 0;
	int rc = db_coa_each(d->ui->s.store, &d->f, add_row, d);
	if (rc != OK && rc != 1)
		ui_error(d->ui, NULL);
	for (int i = 0; i < d->n; i++)
		for (int k = 0; k < d->nkeep; k++)
			if (!strcmp(d->rows[i].doc.code, d->keep[k]))
				d->marked[i] = 1;
	forget_kept(d);
}

static int marked_count(const struct docs *d)
{
	int m = 0;
	for (int i = 0; i < d->n; i++)
		m += d->marked[i];
	return m;
}

static const struct coa_row *selected(struct docs *d)
{
	const int *i = table_selected(&d->t);
	return i && *i < d->n ? &d->rows[*i] : NULL;
}

static void *docs_open(struct ui *ui, const void *arg)
{
	const struct documents_open_arg *a = arg;
	struct docs *d = xcalloc(1, sizeof(*d));
	d->ui = ui;
	if (a && a->doc_status)
		strlcpy_(d->doc_status, a->doc_status, sizeof(d->doc_status));
	load(d, 0);
	table_init(&d->t, ui, docs_cols, (int)ARRAY_SIZE(docs_cols), &docs_src, d);
	d->t.empty = d->doc_status[0] ? _("No documents to show")
	                              : _("No lots wait for a COA: the queue is empty");
	return d;
}

static void docs_close(struct ui *ui, void *st)
{
	struct docs *d = st;
	table_free(&d->t);
	forget_kept(d);
	free(d->rows);
	free(d->marked);
	free(d);
}

static void docs_resume(struct ui *ui, void *st)
{
	struct docs *d = st;
	const int *i = table_selected(&d->t);
	int sel = i ? *i : 0;
	load(d, 1);
	table_reset(&d->t);
	table_select_index(&d->t, sel < d->n ? sel : d->n - 1);
}

static const char *docs_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct docs *d = st;
	if (ui->compact)
		snprintf(buf, n, "%s", d->doc_status[0] ? _(d->doc_status) : _("COA queue"));
	else if (d->doc_status[0])
		/* L10N: the Documents screen's title on documents of one status:
		 * "Documents: rejected" */
		snprintf(buf, n, _("Documents: %s"), _(d->doc_status));
	else
		snprintf(buf, n, "%s", screen_title(SCREEN_DOCUMENTS));
	return buf;
}

/* "supplier MILLCO, received from 2026-10-01" */
static void filter_text(const struct docs *d, char *buf, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
#define ADD(label, v)                                                                              \
	if (v)                                                                                     \
		sb_printf(&sb, "%s%s %s", sb.len ? ", " : "", label, v);
	ADD(_("supplier"), d->f.supplier)
	ADD(_("item"), d->f.item)
	ADD(_("location"), d->f.location)
	ADD(_("received from"), d->f.received_from)
	ADD(_("received to"), d->f.received_to)
#undef ADD
	snprintf(buf, n, "%s", sb_str(&sb));
	sb_free(&sb);
}

static void docs_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct docs *d = st;
	char filt[300], line[400];
	struct rect tr = *r;
	filter_text(d, filt, sizeof(filt));
	if (filt[0]) {
		snprintf(line, sizeof(line), _("Filter: %s"), filt);
		term_put(r->y, r->x, r->w, line, ST_NORMAL);
		tr.y++;
		tr.h--;
	}
	tr.h--;
	/* the selected document in a line of its own: a rejection's reason */
	int detail = !ui->compact && tr.h > 4;
	if (detail)
		tr.h--;
	table_draw(&d->t, &tr);
	const struct coa_row *sel = selected(d);
	if (detail && sel && sel->doc.code[0]) {
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, "%s %s", sel->doc.code, sel->doc.name);
		if (sel->doc.reviewed_by[0])
			sb_printf(&sb, _(", reviewed by %s"), sel->doc.reviewed_by);
		if (sel->doc.note[0])
			sb_printf(&sb, ": %s", sel->doc.note);
		term_put(tr.y + tr.h, r->x, r->w, sb_str(&sb), ST_DIM);
		sb_free(&sb);
	}
	if (detail)
		tr.h++;
	int m = marked_count(d);
	size_t len;
	if (ui->compact)
		len = (size_t)snprintf(line, sizeof(line),
		                       ngettext("%d%s row", "%d%s rows", (unsigned long)d->n), d->n,
		                       d->truncated ? "+" : "");
	else if (d->doc_status[0])
		len = (size_t)snprintf(
		    line, sizeof(line),
		    ngettext("%d%s document", "%d%s documents", (unsigned long)d->n), d->n,
		    d->truncated ? "+" : "");
	else
		len =
		    (size_t)snprintf(line, sizeof(line),
		                     ngettext("%d%s lot waits for its COA",
		                              "%d%s lots wait for their COA", (unsigned long)d->n),
		                     d->n, d->truncated ? "+" : "");
	if (m && len < sizeof(line))
		snprintf(line + len, sizeof(line) - len, _(", %d marked"), m);
	term_put(tr.y + tr.h, r->x, r->w, line, ST_HEADER);
}

/* ---- marking ---- */

static void mark_one(struct ui *ui, struct docs *d)
{
	const int *i = table_selected(&d->t);
	if (!i || *i >= d->n)
		return;
	if (!d->rows[*i].doc.code[0]) {
		ui_error(ui, _("%s has no document to mark: its COA is missing"), d->rows[*i].lot);
		return;
	}
	d->marked[*i] = !d->marked[*i];
	table_action(&d->t, ACT_MOVE_DOWN);
}

static void mark_all(struct ui *ui, struct docs *d)
{
	int with_doc = 0, m = marked_count(d);
	for (int i = 0; i < d->n; i++)
		with_doc += d->rows[i].doc.code[0] != '\0';
	/* all of them marked already: the key unmarks them */
	int on = m < with_doc;
	for (int i = 0; i < d->n; i++)
		d->marked[i] = on && d->rows[i].doc.code[0];
	if (!with_doc)
		ui_error(ui, "%s", _("No row shown has a document to mark"));
	else if (on)
		ui_info(
		    ui,
		    ngettext("%d document marked", "%d documents marked", (unsigned long)with_doc),
		    with_doc);
	else
		ui_info(ui, "%s", _("No document marked"));
}

/* ---- changes to the marked documents ---- */

struct bulk {
	struct docs *d;
	enum doc_action a;
	char **codes;
	int n;
};

static void bulk_free(void *ctx)
{
	struct bulk *b = ctx;
	for (int i = 0; i < b->n; i++)
		free(b->codes[i]);
	free(b->codes);
	free(b);
}

static const char *action_done(enum doc_action a)
{
	switch (a) {
	case DOC_REVIEW:
		return _("reviewed");
	case DOC_LINK:
		return _("linked");
	case DOC_REJECT:
		return _("rejected");
	case DOC_RETIRE:
		return _("retired");
	case DOC_RESTORE:
		return _("restored");
	default:
		return _("assigned");
	}
}

static int bulk_submit(struct ui *ui, struct form *fm)
{
	struct bulk *b = fm->ctx;
	const char *text = b->a == DOC_ASSIGN   ? form_get(fm, "reviewer")
	                   : b->a == DOC_REJECT ? form_get(fm, "reason")
	                                        : form_get(fm, "note");
	/* one transaction for them all: one refused and none is changed */
	int rc = doc_change(&ui->s, b->a, (const char *const *)b->codes, b->n, text);
	if (rc != OK)
		return rc;
	for (int i = 0; i < b->d->n; i++)
		b->d->marked[i] = 0;
	ui_info(ui, ngettext("%d document %s", "%d documents %s", (unsigned long)b->n), b->n,
	        action_done(b->a));
	return OK;
}

static int add_reviewer(void *ctx, const struct user *u)
{
	if (u->active && !strcmp(u->role, "qa"))
		form_add_choice(ctx, u->name);
	return 0;
}

static void open_bulk(struct ui *ui, struct docs *d, enum doc_action a)
{
	static const char *const titles[] = {
	    [DOC_REVIEW] = N_("Review"), [DOC_LINK] = N_("Link"),       [DOC_REJECT] = N_("Reject"),
	    [DOC_RETIRE] = N_("Retire"), [DOC_RESTORE] = N_("Restore"), [DOC_ASSIGN] = N_("Assign"),
	};
	struct bulk *b = xcalloc(1, sizeof(*b));
	struct strbuf list = STRBUF_INIT;
	b->d = d;
	b->a = a;
	b->codes = xcalloc((size_t)d->n + 1, sizeof(*b->codes));
	for (int i = 0; i < d->n; i++)
		if (d->marked[i])
			b->codes[b->n++] = xstrdup(d->rows[i].doc.code);
	if (!b->n) {
		const struct coa_row *r = selected(d);
		if (r && r->doc.code[0])
			b->codes[b->n++] = xstrdup(r->doc.code);
	}
	if (!b->n) {
		ui_error(ui, "%s", _("No document: mark rows that have one, or select one"));
		bulk_free(b);
		return;
	}
	struct form *fm = form_new("");
	/* L10N: a bulk change's form title: "Review 3 documents" */
	snprintf(fm->title, sizeof(fm->title),
	         ngettext("%s %d document", "%s %d documents", (unsigned long)b->n), _(titles[a]),
	         b->n);
	for (int i = 0; i < b->n; i++)
		sb_printf(&list, "%s%s", i ? " " : "", b->codes[i]);
	snprintf(fm->intro, sizeof(fm->intro), "%s", sb_str(&list));
	sb_free(&list);
	fm->ctx = b;
	fm->free_ctx = bulk_free;
	fm->submit = bulk_submit;
	struct form_field *f;
	switch (a) {
	case DOC_REVIEW:
		f = form_add(fm, "note", _("Note"), FIELD_TEXT, 1);
		f->svc_key = N_("note");
		f->hint = _("what was checked");
		break;
	case DOC_REJECT:
		f = form_add(fm, "reason", _("Reason"), FIELD_CHOICE, 1);
		f->svc_key = N_("reason");
		f->strict = 0;
		form_add_choices(f, _("wrong lot|illegible|out of specification|wrong supplier|"
		                      "expired certificate"));
		break;
	case DOC_ASSIGN:
		f = form_add(fm, "reviewer", _("Reviewer"), FIELD_CHOICE, 1);
		f->svc_key = N_("reviewer");
		db_user_each(ui->s.store, add_reviewer, f);
		break;
	default:
		f = form_add(fm, "note", _("Note"), FIELD_TEXT, 0);
		f->svc_key = N_("note");
	}
	ui_push_form(ui, fm);
}

/* ---- the selected lot: a test result, a release ---- */

struct lot_ctx {
	char code[LOT_MAX + 1];
};

/* The selected row's lot, or NULL with the reason shown. */
static const struct coa_row *selected_lot(struct ui *ui, struct docs *d, struct lot *l)
{
	const struct coa_row *r = selected(d);
	if (!r) {
		ui_error(ui, "%s", _("No lot selected"));
		return NULL;
	}
	if (r->doc.code[0] && strcmp(r->doc.record_kind, "lot")) {
		ui_error(ui, _("%s belongs to %s, not to a lot"), r->doc.code, r->lot);
		return NULL;
	}
	if (db_lot_get(ui->s.store, r->lot, l)) {
		ui_error(ui, NULL);
		return NULL;
	}
	return r;
}

static struct form *lot_form(struct lot *l, const char *title,
                             int (*submit)(struct ui *, struct form *))
{
	struct form *fm = form_new(title);
	struct lot_ctx *c = xcalloc(1, sizeof(*c));
	strlcpy_(c->code, l->code, sizeof(c->code));
	fm->ctx = c;
	fm->free_ctx = free;
	fm->submit = submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s  %s  %s  %s %s", l->code, l->item_code,
	         _(l->status), _("COA"), _(l->coa));
	return fm;
}

static int result_submit(struct ui *ui, struct form *fm)
{
	struct lot_ctx *c = fm->ctx;
	int pass = 0;
	int rc = qc_verdict_parse(form_get(fm, "verdict"), &pass);
	if (rc == OK)
		rc = qc_add(&ui->s, c->code, form_get(fm, "parameter"), form_get(fm, "spec"),
		            form_get(fm, "result"), pass);
	if (rc == OK)
		ui_info(ui, _("Result recorded for %s"), c->code);
	return rc;
}

static void open_result(struct ui *ui, struct docs *d)
{
	struct lot l;
	struct form_field *f;
	if (!selected_lot(ui, d, &l))
		return;
	if (session_require(&ui->s, PERM_QUALITY)) {
		ui_error(ui, NULL);
		return;
	}
	struct form *fm = lot_form(&l, _("Test result"), result_submit);
	f = form_add(fm, "parameter", _("Parameter"), FIELD_TEXT, 1);
	f->svc_key = N_("parameter");
	f->hint = _("e.g. moisture");
	f = form_add(fm, "spec", _("Specification"), FIELD_TEXT, 0);
	f->svc_key = N_("specification");
	f->hint = _("e.g. <= 14%");
	f = form_add(fm, "result", _("Result"), FIELD_TEXT, 1);
	f->svc_key = N_("result");
	f = form_add(fm, "verdict", _("Verdict"), FIELD_CHOICE, 1);
	f->svc_key = N_("verdict");
	form_add_choices(f, "pass|fail");
	ui_push_form(ui, fm);
}

static int release_submit(struct ui *ui, struct form *fm)
{
	struct lot_ctx *c = fm->ctx;
	int rc = ledger_release(&ui->s, c->code, form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Lot %s released"), c->code);
	return rc;
}

static void open_release(struct ui *ui, struct docs *d)
{
	struct lot l;
	if (!selected_lot(ui, d, &l))
		return;
	/* the role and QA's release policy are the services' rules: asked first, a
	 * refusal names its reason before any note is typed */
	if (session_require(&ui->s, PERM_RELEASE) || qc_release_check(&ui->s, &l)) {
		ui_error(ui, NULL);
		return;
	}
	struct form *fm = lot_form(&l, _("Release"), release_submit);
	struct form_field *f = form_add(fm, "note", _("Note"), FIELD_TEXT, 0);
	f->svc_key = N_("note");
	ui_push_form(ui, fm);
}

static int attach_submit(struct ui *ui, struct form *fm)
{
	struct lot_ctx *c = fm->ctx;
	char code[LOT_MAX + 1];
	int rc =
	    doc_attach(&ui->s, c->code, form_get(fm, "file"), "coa", form_get(fm, "name"), code);
	if (rc == OK)
		ui_info(ui, _("%s attached to %s"), code, c->code);
	return rc;
}

static void open_attach(struct ui *ui, struct docs *d)
{
	struct lot l;
	struct form_field *f;
	if (!selected_lot(ui, d, &l))
		return;
	if (session_require(&ui->s, PERM_DOCS)) {
		ui_error(ui, NULL);
		return;
	}
	struct form *fm = lot_form(&l, _("Attach a COA"), attach_submit);
	f = form_add(fm, "file", _("File"), FIELD_TEXT, 1);
	f->svc_key = N_("file");
	f->hint = _("a path: PDF, image or scan");
	f = form_add(fm, "name", _("Name"), FIELD_TEXT, 0);
	f->svc_key = N_("name");
	f->hint = _("empty: the file's");
	ui_push_form(ui, fm);
}

/* ---- the filter and the audit export ---- */

static int add_location(void *ctx, const struct location *l)
{
	form_add_choice(ctx, l->code);
	return 0;
}

static int add_item(void *ctx, const struct item *it)
{
	form_add_choice(ctx, it->code);
	return 0;
}

static int add_supplier(void *ctx, const struct party *p)
{
	form_add_choice(ctx, p->code);
	return 0;
}

static void filter_fields(struct ui *ui, struct docs *d, struct form *fm)
{
	struct form_field *f = form_add(fm, "supplier", _("Supplier"), FIELD_CHOICE, 0);
	f->svc_key = N_("supplier");
	db_party_each(ui->s.store, PARTY_SUPPLIER, add_supplier, f);
	f = form_add(fm, "item", _("Item"), FIELD_CHOICE, 0);
	f->svc_key = N_("item");
	db_item_each(ui->s.store, add_item, f);
	f = form_add(fm, "location", _("Location"), FIELD_CHOICE, 0);
	f->svc_key = N_("location");
	db_location_each(ui->s.store, add_location, f);
	f = form_add(fm, "from", _("Received from"), FIELD_DATE, 0);
	f->svc_key = N_("from");
	f = form_add(fm, "to", _("Received to"), FIELD_DATE, 0);
	f->svc_key = N_("to");
	form_set(fm, "supplier", d->f.supplier);
	form_set(fm, "item", d->f.item);
	form_set(fm, "location", d->f.location);
	form_set(fm, "from", d->f.received_from);
	form_set(fm, "to", d->f.received_to);
}

static int dates_ok(struct form *fm)
{
	const char *from = form_get(fm, "from"), *to = form_get(fm, "to");
	if (from && to && strcmp(from, to) > 0)
		return error_set(ERR_INVALID, _("to: %s is before the from date %s"), to, from);
	return OK;
}

static void set_text(char *dst, size_t n, const char **ptr, const char *v)
{
	strlcpy_(dst, v ? v : "", n);
	*ptr = v ? dst : NULL;
}

static int filter_submit(struct ui *ui, struct form *fm)
{
	struct docs *d = fm->ctx;
	const char *show = form_get(fm, "show");
	int rc = dates_ok(fm);
	if (rc)
		return rc;
	set_text(d->supplier, sizeof(d->supplier), &d->f.supplier, form_get(fm, "supplier"));
	set_text(d->item, sizeof(d->item), &d->f.item, form_get(fm, "item"));
	set_text(d->location, sizeof(d->location), &d->f.location, form_get(fm, "location"));
	set_text(d->from, sizeof(d->from), &d->f.received_from, form_get(fm, "from"));
	set_text(d->to, sizeof(d->to), &d->f.received_to, form_get(fm, "to"));
	strlcpy_(d->doc_status, show && strcmp(show, "queue") ? show : "", sizeof(d->doc_status));
	/* marks on rows a new filter hides would act unseen: they go */
	for (int i = 0; i < d->n; i++)
		d->marked[i] = 0;
	return OK;
}

static void open_filter(struct ui *ui, struct docs *d)
{
	struct form *fm = form_new(_("Filter the documents"));
	fm->ctx = d;
	fm->submit = filter_submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s", _("Empty fields do not filter."));
	struct form_field *f = form_add(fm, "show", _("Show"), FIELD_CHOICE, 1);
	f->hint = _("the queue, or documents by status");
	form_add_choices(f, "queue|uploaded|reviewed|linked|rejected|retired");
	form_set(fm, "show", d->doc_status[0] ? d->doc_status : "queue");
	filter_fields(ui, d, fm);
	ui_push_form(ui, fm);
}

static int export_submit(struct ui *ui, struct form *fm)
{
	struct coa_filter f;
	int files = 0, rows = 0, rc = dates_ok(fm);
	const char *dir = form_get(fm, "dir");
	if (rc)
		return rc;
	memset(&f, 0, sizeof(f));
	f.supplier = form_get(fm, "supplier");
	f.item = form_get(fm, "item");
	f.location = form_get(fm, "location");
	f.received_from = form_get(fm, "from");
	f.received_to = form_get(fm, "to");
	if ((rc = doc_export_coa(&ui->s, &f, dir, &files, &rows)) == OK)
		ui_info(ui, _("%d files and an index of %d rows in %s"), files, rows, dir);
	return rc;
}

static void open_export(struct ui *ui, struct docs *d)
{
	struct form *fm = form_new(_("Audit export of COAs"));
	fm->ctx = d;
	fm->submit = export_submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s",
	         _("Every lot's COA files and an index.csv, as 'lotline doc export --coa'."));
	struct form_field *f = form_add(fm, "dir", _("Directory"), FIELD_TEXT, 1);
	f->svc_key = N_("dir");
	form_set(fm, "dir", "audit");
	filter_fields(ui, d, fm);
	ui_push_form(ui, fm);
}

/* ---- actions ---- */

static enum result docs_action(struct ui *ui, void *st, int action)
{
	struct docs *d = st;
	switch (action) {
	case ACT_OPEN: {
		struct lot l;
		const struct coa_row *r = selected_lot(ui, d, &l);
		if (r) {
			struct lot_open_arg arg = {r->lot};
			ui_push(ui, SCREEN_LOT, &arg);
		}
		return RES_HANDLED;
	}
	case ACT_DOCS_MARK:
		mark_one(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_MARK_ALL:
		mark_all(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_REVIEW:
		open_bulk(ui, d, DOC_REVIEW);
		return RES_HANDLED;
	case ACT_DOCS_LINK:
		open_bulk(ui, d, DOC_LINK);
		return RES_HANDLED;
	case ACT_DOCS_REJECT:
		open_bulk(ui, d, DOC_REJECT);
		return RES_HANDLED;
	case ACT_DOCS_RETIRE:
		open_bulk(ui, d, DOC_RETIRE);
		return RES_HANDLED;
	case ACT_DOCS_RESTORE:
		open_bulk(ui, d, DOC_RESTORE);
		return RES_HANDLED;
	case ACT_DOCS_ASSIGN:
		open_bulk(ui, d, DOC_ASSIGN);
		return RES_HANDLED;
	case ACT_DOCS_ATTACH:
		open_attach(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_RESULT:
		open_result(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_RELEASE:
		open_release(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_FILTER:
		open_filter(ui, d);
		return RES_HANDLED;
	case ACT_DOCS_QUEUE:
		memset(&d->f, 0, sizeof(d->f));
		d->doc_status[0] = '\0';
		for (int i = 0; i < d->n; i++)
			d->marked[i] = 0;
		load(d, 0);
		table_reset(&d->t);
		return RES_HANDLED;
	case ACT_DOCS_EXPORT:
		open_export(ui, d);
		return RES_HANDLED;
	}
	return table_action(&d->t, action);
}

/* A lot's code selects its row (or opens it when the queue does not hold it);
 * an item's or a location's narrows the queue to it. */
static enum result docs_scan(struct ui *ui, void *st, const char *code)
{
	struct docs *d = st;
	struct scan_hit hit;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind == SCAN_LOT) {
		for (int i = 0; i < d->n; i++) {
			if (!strcmp(d->rows[i].lot, hit.code)) {
				table_select_index(&d->t, i);
				return RES_HANDLED;
			}
		}
		struct lot_open_arg arg = {hit.code};
		ui_push(ui, SCREEN_LOT, &arg);
		return RES_HANDLED;
	}
	if (hit.kind == SCAN_ITEM) {
		set_text(d->item, sizeof(d->item), &d->f.item, hit.code);
		ui_info(ui, _("Scanned item %s: its lots"), hit.code);
	} else {
		set_text(d->location, sizeof(d->location), &d->f.location, hit.code);
		ui_info(ui, _("Scanned location %s: the lots there"), hit.code);
	}
	load(d, 0);
	table_reset(&d->t);
	return RES_HANDLED;
}

const struct screen_ops screen_documents_ops = {
    .name = "documents",
    .id = SCREEN_DOCUMENTS,
    .open = docs_open,
    .close = docs_close,
    .resume = docs_resume,
    .title = docs_title,
    .draw = docs_draw,
    .action = docs_action,
    .on_scan = docs_scan,
};
