/* The Receiving screen: choose or scan a purchase order (or none), scan the
 * supplier's labels, fill in what a label lacks in a form, and book the whole
 * receipt in one transaction (ledger_receive_many). What a label says is
 * src/receiving.c's; every rule (over-receipt, duplicates, expiry, quarantine
 * on receipt) is ledger_receive's: a dry run of the receipt after each line
 * shows a refusal at once, and a refusal that only needs a yes is asked here. */
#include "db/master.h"
#include "db/purchasing.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/label.h"
#include "src/ledger.h"
#include "src/receiving.h"
#include "src/scan.h"
#include "src/units.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECEIPT_LINES_MAX 200

struct rline {
	struct receipt_scan sc; /* the item as the label named it */
	char code[80];          /* what was scanned, as shown ("" when typed) */
	char qty[FIXED_BUFSZ + 8], unit[16];
	char supplier_lot[LOT_MAX + 1];
	char expiry[11];
	char location[CODE_MAX + 1];
	char cost[FIXED_BUFSZ];
	int labels; /* how many labels made this line */
	int over;   /* over-receipt confirmed */
	int dup;    /* RECEIVE_DUP_* */
};

enum ask { ASK_NONE, ASK_OVER, ASK_DUP };

struct recv {
	struct ui *ui;
	int has_po;
	struct po po;
	struct po_line *pl;
	int npl, cappl;
	struct rline *ln;
	int n, cap;
	char location[CODE_MAX + 1]; /* where new lines go */
	int print_labels;
	enum ask ask;
	int ask_line;
	char question[512];
	int leaving; /* Esc once with lines not booked: Esc again leaves */
	/* a label added to a line raised the question: "no" takes back only it */
	int undo_line;
	char undo_qty[FIXED_BUFSZ + 8];
	struct table t, pt;
};

/* ---- the receipt lines ---- */

static const struct table_col line_cols[] = {
    {N_("#"), 2, 2, 5, 1, 0, 0},        {N_("Item"), 10, 6, 1, 0, 0, 0},
    {N_("Qty"), 10, 5, 2, 1, 0, 0},     {N_("Supplier lot"), 12, 6, 3, 0, 1, 0},
    {N_("Expiry"), 10, 10, 4, 0, 0, 0}, {N_("Location"), 8, 4, 6, 0, 0, 0},
    {N_("Labels"), 6, 3, 8, 1, 0, 0},   {N_("Note"), 12, 4, 7, 0, 0, 1},
};

static int line_count(void *ctx)
{
	struct recv *rv = ctx;
	return rv->n;
}

static const char *line_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recv *rv = ctx;
	const struct rline *l = &rv->ln[*(const int *)row];
	switch (col) {
	case 0:
		snprintf(buf, n, "%d", *(const int *)row + 1);
		return buf;
	case 1:
		return l->sc.item;
	case 2:
		snprintf(buf, n, "%s %s", l->qty, l->unit[0] ? l->unit : l->sc.base_unit);
		return buf;
	case 3:
		return l->supplier_lot;
	case 4:
		return l->expiry[0] ? l->expiry : "-";
	case 5:
		return l->location;
	case 6:
		snprintf(buf, n, "%d", l->labels);
		return buf;
	default:
		snprintf(buf, n, "%s%s%s", l->over ? _("over-receipt confirmed") : "",
		         l->over && l->dup ? ", " : "",
		         l->dup == RECEIVE_DUP_ADD   ? _("add to the lot")
		         : l->dup == RECEIVE_DUP_NEW ? _("new lot")
		                                     : "");
		return buf;
	}
}

static const struct table_src line_src = {
    .row_size = sizeof(int),
    .count = line_count,
    .cell = line_cell,
};

/* ---- the order's lines: expected and arrived ---- */

static const struct table_col po_cols[] = {
    {N_("#"), 2, 1, 5, 1, 0, 0},
    {N_("Item"), 10, 6, 1, 0, 0, 0},
    {N_("Ordered"), 10, 5, 3, 1, 0, 0},
    {N_("Arrived"), 9, 5, 2, 1, 0, 0},
    {N_("This receipt"), 12, 5, 4, 1, 0, 0},
    {N_("Unit"), 5, 3, 6, 0, 0, 0},
    {N_("Status"), 6, 4, 7, 0, 0, 0},
    {N_("Name"), 20, 6, 8, 0, 0, 1},
};

/* What the receipt's lines bring of an item, in its base unit ("" when a
 * quantity does not convert; the service will say why at booking). */
static const char *receipt_qty(struct recv *rv, const char *item, char *buf)
{
	fixed_t sum = 0;
	for (int i = 0; i < rv->n; i++) {
		const struct rline *l = &rv->ln[i];
		struct unit_ctx c = {l->sc.base_unit, l->sc.density, l->sc.pack_size};
		fixed_t q, base;
		if (strcmp(l->sc.item, item) != 0)
			continue;
		if (fixed_parse(l->qty, 0, &q) ||
		    unit_convert(q, l->unit[0] ? l->unit : l->sc.base_unit, l->sc.base_unit, &c,
		                 &base)) {
			error_clear();
			return "?";
		}
		sum += base;
	}
	return sum ? fixed_format(sum, 0, buf) : "";
}

static int po_count(void *ctx)
{
	struct recv *rv = ctx;
	return rv->npl;
}

static const char *po_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recv *rv = ctx;
	const struct po_line *l = &rv->pl[*(const int *)row];
	switch (col) {
	case 0:
		snprintf(buf, n, "%lld", (long long)l->line);
		return buf;
	case 1:
		return l->item_code;
	case 2:
		fixed_format(l->qty, 0, buf);
		return buf;
	case 3:
		fixed_format(l->received, 0, buf);
		return buf;
	case 4:
		return receipt_qty(rv, l->item_code, buf);
	case 5:
		return l->unit;
	case 6:
		return l->closed ? _("closed") : _("open");
	default:
		return l->item_name;
	}
}

static enum style po_mark(void *ctx, const void *row, char *marker)
{
	struct recv *rv = ctx;
	const struct po_line *l = &rv->pl[*(const int *)row];
	*marker = ' ';
	return l->closed ? ST_DIM : ST_NORMAL;
}

static const struct table_src po_src = {
    .row_size = sizeof(int),
    .count = po_count,
    .cell = po_cell,
    .mark = po_mark,
};

static int add_po_line(void *ctx, const struct po_line *l)
{
	struct recv *rv = ctx;
	GROW(rv->pl, rv->npl, rv->cappl, 8);
	rv->pl[rv->npl++] = *l;
	return 0;
}

/* Read the order and its lines again (after a booking, or a new choice). */
static int load_po(struct recv *rv, const char *ref)
{
	struct po po;
	int rc;
	if ((rc = db_po_get(rv->ui->s.store, ref, &po)))
		return rc;
	if (strcmp(po.status, "open") != 0)
		return error_set(ERR_CONFLICT,
		                 _("purchase order %s is %s: nothing more is received against it"),
		                 po.ref, _(po.status));
	rv->po = po;
	rv->has_po = 1;
	rv->npl = 0;
	rc = db_po_lines_each(rv->ui->s.store, po.id, add_po_line, rv);
	table_reset(&rv->pt);
	return rc;
}

/* ---- checking and booking through the service ---- */

static void request(struct recv *rv, const struct rline *l, struct receive_req *r, int *asks)
{
	memset(r, 0, sizeof(*r));
	r->item = l->sc.item;
	r->qty = l->qty;
	r->unit = l->unit[0] ? l->unit : NULL;
	r->supplier_lot = l->supplier_lot[0] ? l->supplier_lot : NULL;
	r->expiry = l->expiry[0] ? l->expiry : NULL;
	r->location = l->location;
	r->cost = l->cost[0] ? l->cost : NULL;
	r->origin = "receive";
	r->po = rv->has_po ? rv->po.ref : NULL;
	r->over = l->over;
	r->dup = l->dup ? l->dup : RECEIVE_DUP_ASK;
	r->asks = asks;
}

/* Run the whole receipt through the service (a dry run, or for real). On a
 * refusal that needs a yes, ask it; returns the service's status. */
static int run_receipt(struct recv *rv, int dry_run, char (*lots)[LOT_MAX + 1])
{
	char(*own)[LOT_MAX + 1] = lots ? NULL : xcalloc((size_t)rv->n + 1, LOT_MAX + 1);
	struct receive_req *r = xcalloc((size_t)rv->n + 1, sizeof(*r));
	int *asks = xcalloc((size_t)rv->n + 1, sizeof(*asks)), failed = -1;
	for (int i = 0; i < rv->n; i++)
		request(rv, &rv->ln[i], &r[i], &asks[i]);
	int rc = ledger_receive_many(&rv->ui->s, r, rv->n, lots ? lots : own, &failed, dry_run);
	rv->ask_line = failed;
	if (rc && failed >= 0) {
		char msg[400];
		strlcpy_(msg, error_msg(), sizeof(msg));
		rv->ask = asks[failed] == RECEIVE_ASK_OVER  ? ASK_OVER
		          : asks[failed] == RECEIVE_ASK_DUP ? ASK_DUP
		                                            : ASK_NONE;
		if (rv->ask != ASK_NONE)
			snprintf(rv->question, sizeof(rv->question), _("Line %d: %s"), failed + 1,
			         msg);
		table_select_index(&rv->t, failed);
	}
	free(own);
	free(r);
	free(asks);
	return rc;
}

static void remove_line(struct recv *rv, int i)
{
	if (i < 0 || i >= rv->n)
		return;
	memmove(&rv->ln[i], &rv->ln[i + 1], (size_t)(rv->n - i - 1) * sizeof(*rv->ln));
	rv->n--;
	rv->undo_line = -1;
	table_reset(&rv->t);
	table_select_index(&rv->t, rv->n ? (i < rv->n ? i : rv->n - 1) : 0);
}

/* Check the receipt with the line at i new or changed: a plain refusal takes
 * the line out again (and returns the status); a question stays open. */
static int check_new_line(struct recv *rv, int i)
{
	int rc = run_receipt(rv, 1, NULL);
	if (rc == OK)
		return OK;
	if (rv->ask != ASK_NONE)
		return OK; /* the question is the message */
	if (rv->ask_line == i)
		remove_line(rv, i);
	return rc;
}

/* The same item, supplier lot, expiry and place as a line already there: one
 * more label of it, so its quantity grows (when the units agree). */
static int merge_line(struct recv *rv, const struct rline *nl)
{
	for (int i = 0; i < rv->n; i++) {
		struct rline *l = &rv->ln[i];
		fixed_t a, b;
		if (strcmp(l->sc.item, nl->sc.item) || strcmp(l->supplier_lot, nl->supplier_lot) ||
		    !nl->supplier_lot[0] || strcmp(l->expiry, nl->expiry) ||
		    strcmp(l->location, nl->location) || strcmp(l->unit, nl->unit) ||
		    fixed_parse(l->qty, 0, &a) || fixed_parse(nl->qty, 0, &b))
			continue;
		char before[sizeof(l->qty)];
		strlcpy_(before, l->qty, sizeof(before));
		fixed_format(a + b, 0, l->qty);
		l->labels++;
		if (check_new_line(rv, -1) != OK) {
			strlcpy_(l->qty, before, sizeof(l->qty));
			l->labels--;
			return -1;
		}
		if (rv->ask != ASK_NONE && rv->ask_line == i) {
			rv->undo_line = i;
			strlcpy_(rv->undo_qty, before, sizeof(rv->undo_qty));
		}
		table_select_index(&rv->t, i);
		return i;
	}
	return -2;
}

/* Add a complete line; OK, or the refusal (the line is not kept). */
static int add_line(struct recv *rv, const struct rline *nl)
{
	if (rv->n >= RECEIPT_LINES_MAX)
		return error_set(ERR_INVALID, _("receipt: at most %d lines; book these first"),
		                 RECEIPT_LINES_MAX);
	int m = merge_line(rv, nl);
	if (m == -1)
		return ERR_CONFLICT;
	if (m >= 0) {
		if (rv->ask == ASK_NONE)
			ui_info(rv->ui, _("Line %d: one more label, %s %s"), m + 1, rv->ln[m].qty,
			        rv->ln[m].unit[0] ? rv->ln[m].unit : rv->ln[m].sc.base_unit);
		return OK;
	}
	GROW(rv->ln, rv->n, rv->cap, 8);
	rv->ln[rv->n] = *nl;
	rv->ln[rv->n].labels = 1;
	rv->n++;
	table_reset(&rv->t);
	table_select_index(&rv->t, rv->n - 1);
	int rc = check_new_line(rv, rv->n - 1);
	if (rc == OK && rv->ask == ASK_NONE)
		ui_info(rv->ui, _("Line %d: %s %s %s%s%s"), rv->n, nl->sc.item, nl->qty,
		        nl->unit[0] ? nl->unit : nl->sc.base_unit,
		        nl->supplier_lot[0] ? _(", lot ") : "", nl->supplier_lot);
	return rc;
}

/* ---- the line form: what a label did not say ---- */

struct line_form {
	struct recv *rv;
	struct rline l;
	int edit; /* index of the line being changed, or -1 for a new one */
};

static int add_location_choice(void *ctx, const struct location *l)
{
	form_add_choice(ctx, l->code);
	return 0;
}

static int add_item_choice(void *ctx, const struct item *it)
{
	form_add_choice(ctx, it->code);
	return 0;
}

static int line_submit(struct ui *ui, struct form *fm)
{
	struct line_form *lf = fm->ctx;
	struct recv *rv = lf->rv;
	struct rline l = lf->l;
	char num[64], unit[64];
	int rc;
	if (!l.sc.item[0] || strcmp(l.sc.item, form_get(fm, "item")) != 0) {
		/* typed by hand: the item as the store knows it */
		if ((rc = receipt_scan(&ui->s, form_get(fm, "item"), &l.sc)))
			return error_set(rc, _("item: %s is not an item"), form_get(fm, "item"));
	}
	form_qty(fm, "qty", num, sizeof(num), unit, sizeof(unit));
	strlcpy_(l.qty, num, sizeof(l.qty));
	strlcpy_(l.unit, unit, sizeof(l.unit));
	strlcpy_(l.supplier_lot, form_get(fm, "supplier_lot") ? form_get(fm, "supplier_lot") : "",
	         sizeof(l.supplier_lot));
	strlcpy_(l.expiry, form_get(fm, "expiry") ? form_get(fm, "expiry") : "", sizeof(l.expiry));
	strlcpy_(l.location, form_get(fm, "location"), sizeof(l.location));
	strlcpy_(l.cost, form_get(fm, "cost") ? form_get(fm, "cost") : "", sizeof(l.cost));
	if (l.sc.shelf_life_days > 0 && !l.expiry[0])
		return error_set(ERR_INVALID, _("expiry: required, %s has a shelf life"),
		                 l.sc.item);
	strlcpy_(rv->location, l.location, sizeof(rv->location));
	if (lf->edit < 0)
		return add_line(rv, &l);
	struct rline old = rv->ln[lf->edit];
	rv->ln[lf->edit] = l;
	if ((rc = run_receipt(rv, 1, NULL)) != OK && rv->ask == ASK_NONE)
		rv->ln[lf->edit] = old;
	return rv->ask != ASK_NONE ? OK : rc;
}

/* A scan while a line is being filled in: a location fills the location;
 * another label waits until this line is done. */
static enum result line_form_scan(struct ui *ui, struct form *fm, const char *code)
{
	struct location loc;
	char shown[80];
	if (db_location_get(ui->s.store, code, &loc) == OK) {
		form_set(fm, "location", loc.code);
		return RES_HANDLED;
	}
	if (scan_looks_gs1(code)) {
		ui_error(ui, _("Scanned %s: finish this line first (save it, or Esc drops it)"),
		         scan_shown(code, shown, sizeof(shown)));
		return RES_HANDLED;
	}
	return RES_NOT_MINE;
}

static void open_line_form(struct recv *rv, const struct rline *l, int edit)
{
	struct ui *ui = rv->ui;
	struct form *fm = form_new(edit < 0 ? _("Receipt line") : _("Change receipt line"));
	struct line_form *lf = xcalloc(1, sizeof(*lf));
	struct form_field *f;
	const char *focus = NULL;
	lf->rv = rv;
	lf->l = *l;
	lf->edit = edit;
	fm->ctx = lf;
	fm->free_ctx = free;
	fm->submit = line_submit;
	fm->on_scan = line_form_scan;
	if (l->code[0])
		/* L10N: above the receipt line form: what was scanned */
		snprintf(fm->intro, sizeof(fm->intro), _("Scanned %s"), l->code);
	else if (rv->has_po)
		snprintf(fm->intro, sizeof(fm->intro), _("Order %s from %s"), rv->po.ref,
		         rv->po.supplier_code);
	f = form_add(fm, "item", _("Item"), FIELD_CHOICE, 1);
	f->svc_key = N_("item");
	db_item_each(ui->s.store, add_item_choice, f);
	form_set(fm, "item", l->sc.item);
	if (!l->sc.item[0])
		focus = "item";
	f = form_add(fm, "qty", _("Quantity"), FIELD_QTY, 1);
	f->svc_key = N_("quantity");
	/* the form keeps its own copy of the line: the unit shown lives there */
	f->unit = lf->l.unit[0] ? lf->l.unit : lf->l.sc.base_unit[0] ? lf->l.sc.base_unit : NULL;
	form_set(fm, "qty", l->qty);
	if (!focus && !l->qty[0])
		focus = "qty";
	f = form_add(fm, "supplier_lot", _("Supplier lot"), FIELD_TEXT, 0);
	f->svc_key = N_("supplier lot");
	form_set(fm, "supplier_lot", l->supplier_lot);
	f = form_add(fm, "expiry", _("Expiry"), FIELD_DATE, l->sc.shelf_life_days > 0);
	f->svc_key = N_("expiry");
	f->hint = _("YYYY-MM-DD or +DAYS");
	if (l->expiry[0]) {
		form_set(fm, "expiry", l->expiry);
	} else if (l->sc.shelf_life_days > 0) {
		/* the default is the shelf life from today; the label did not say */
		char d[11];
		form_set(fm, "expiry", date_format(clock_today() + l->sc.shelf_life_days, d));
		if (!focus)
			focus = "expiry";
	}
	f = form_add(fm, "location", _("Location"), FIELD_CHOICE, 1);
	f->svc_key = N_("location");
	db_location_each(ui->s.store, add_location_choice, f);
	form_set(fm, "location", l->location);
	if (!focus && !l->location[0])
		focus = "location";
	f = form_add(fm, "cost", _("Unit cost"), FIELD_TEXT, 0);
	f->svc_key = N_("unit cost");
	f->hint = rv->has_po ? _("empty: the order's") : NULL;
	form_set(fm, "cost", l->cost);
	form_focus(fm, focus ? focus : "qty");
	ui_push_form(ui, fm);
}

/* A new line from a label: complete, it joins the receipt at once; else the
 * form asks for what is missing. */
static void new_line(struct recv *rv, const struct receipt_scan *sc, const char *code)
{
	struct rline l;
	memset(&l, 0, sizeof(l));
	l.sc = *sc;
	scan_shown(code, l.code, sizeof(l.code));
	strlcpy_(l.qty, sc->qty, sizeof(l.qty));
	strlcpy_(l.unit, sc->unit, sizeof(l.unit));
	strlcpy_(l.supplier_lot, sc->supplier_lot, sizeof(l.supplier_lot));
	strlcpy_(l.expiry, sc->expiry, sizeof(l.expiry));
	strlcpy_(l.location, rv->location, sizeof(l.location));
	if (!l.qty[0] || !l.location[0] || (sc->shelf_life_days > 0 && !l.expiry[0])) {
		open_line_form(rv, &l, -1);
		return;
	}
	if (add_line(rv, &l) != OK)
		ui_error(rv->ui, _("Scanned %s: %s"), l.code, error_msg());
}

/* ---- choosing the order and the place ---- */

static int add_po_choice(void *ctx, const struct po *p)
{
	form_add_choice(ctx, p->ref);
	return 0;
}

static int order_submit(struct ui *ui, struct form *fm)
{
	struct recv *rv = fm->ctx;
	const char *ref = form_get(fm, "po");
	int rc;
	if (!ref) {
		rv->has_po = 0;
		rv->npl = 0;
		ui_info(ui, "%s", _("Receiving without an order"));
	} else if ((rc = load_po(rv, ref))) {
		return error_prefix(rc, _("order"));
	} else {
		ui_info(ui, _("Order %s from %s"), rv->po.ref, rv->po.supplier_code);
	}
	if (rv->n && check_new_line(rv, -1) != OK)
		ui_error(ui, _("Line %d: %s"), rv->ask_line + 1, error_msg());
	return OK;
}

static void open_order_form(struct recv *rv)
{
	struct form *fm = form_new(_("Purchase order"));
	struct form_field *f = form_add(fm, "po", _("Order"), FIELD_CHOICE, 0);
	f->svc_key = N_("order");
	f->hint = _("empty: no order");
	db_po_each(rv->ui->s.store, "open", add_po_choice, f);
	if (rv->has_po)
		form_set(fm, "po", rv->po.ref);
	fm->ctx = rv;
	fm->submit = order_submit;
	ui_push_form(rv->ui, fm);
}

static int location_submit(struct ui *ui, struct form *fm)
{
	struct recv *rv = fm->ctx;
	strlcpy_(rv->location, form_get(fm, "location"), sizeof(rv->location));
	ui_info(ui, _("New lines go to %s"), rv->location);
	return OK;
}

static void open_location_form(struct recv *rv)
{
	struct form *fm = form_new(_("Receiving location"));
	struct form_field *f = form_add(fm, "location", _("Location"), FIELD_CHOICE, 1);
	f->svc_key = N_("location");
	db_location_each(rv->ui->s.store, add_location_choice, f);
	form_set(fm, "location", rv->location);
	fm->ctx = rv;
	fm->submit = location_submit;
	ui_push_form(rv->ui, fm);
}

/* ---- booking ---- */

static enum result book(struct ui *ui, struct recv *rv)
{
	if (rv->ask != ASK_NONE) {
		ui_error(ui, "%s", _("Answer the question first"));
		return RES_HANDLED;
	}
	if (!rv->n) {
		ui_error(ui, "%s", _("Nothing to book: scan a supplier's label"));
		return RES_HANDLED;
	}
	char(*lots)[LOT_MAX + 1] = xcalloc((size_t)rv->n, LOT_MAX + 1);
	int rc = run_receipt(rv, 0, lots);
	if (rc != OK) {
		if (rv->ask == ASK_NONE && rv->ask_line >= 0)
			ui_error(ui, _("Line %d: %s"), rv->ask_line + 1, error_msg());
		else if (rv->ask == ASK_NONE)
			ui_error(ui, NULL);
		free(lots);
		return RES_HANDLED;
	}
	int printed = 0, n = rv->n;
	char perr[300] = "";
	for (int i = 0; rv->print_labels && i < n; i++) {
		/* a label already printed for a lot that grew is printed again */
		if (label_print(&ui->s, lots[i], NULL, 1) == OK)
			printed++;
		else if (!perr[0])
			strlcpy_(perr, error_msg(), sizeof(perr));
	}
	rv->n = 0;
	table_reset(&rv->t);
	if (rv->has_po && load_po(rv, rv->po.ref) != OK) {
		/* the order closed with this receipt */
		rv->has_po = 0;
		rv->npl = 0;
	}
	struct strbuf codes = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		sb_printf(&codes, "%s%s", i ? " " : "", lots[i]);
	if (perr[0])
		ui_error(ui, _("Receipt booked (%s), but labels: %s"), sb_str(&codes), perr);
	else if (rv->print_labels)
		ui_info(ui,
		        ngettext("Receipt booked, %d label printed: %s",
		                 "Receipt booked, %d labels printed: %s", (unsigned long)printed),
		        printed, sb_str(&codes));
	else
		ui_info(ui, _("Receipt booked: %s"), sb_str(&codes));
	sb_free(&codes);
	free(lots);
	return RES_REDRAW;
}

/* ---- the question (over-receipt, a known supplier lot) ---- */

static enum result answer(struct ui *ui, struct recv *rv, int key)
{
	struct rline *l = &rv->ln[rv->ask_line];
	int line = rv->ask_line + 1;
	enum ask was = rv->ask;
	if (key == 'y' || key == 'Y' || (was == ASK_DUP && (key == 'a' || key == 'A'))) {
		if (was == ASK_OVER)
			l->over = 1;
		else
			l->dup = RECEIVE_DUP_ADD;
	} else if (was == ASK_DUP && (key == 'n' || key == 'N')) {
		l->dup = RECEIVE_DUP_NEW;
	} else if (key == 'n' || key == 'N' || key == LK_ESC) {
		rv->ask = ASK_NONE;
		if (rv->undo_line == rv->ask_line) {
			/* only the last label of the line goes */
			strlcpy_(l->qty, rv->undo_qty, sizeof(l->qty));
			l->labels--;
			rv->undo_line = -1;
			ui_info(ui, _("Line %d: the last label taken back"), line);
			return RES_HANDLED;
		}
		remove_line(rv, rv->ask_line);
		ui_info(ui, _("Line %d taken out of the receipt"), line);
		return RES_HANDLED;
	} else {
		ui_error(ui, "%s",
		         was == ASK_OVER ? _("y: receive more than ordered, n: take the line out")
		                         : _("a: add to that lot, n: book a new lot, Esc: take the "
		                             "line out"));
		return RES_HANDLED;
	}
	rv->ask = ASK_NONE;
	rv->undo_line = -1;
	if (check_new_line(rv, rv->ask_line) != OK)
		ui_error(ui, _("Line %d: %s"), line, error_msg());
	else if (rv->ask == ASK_NONE)
		ui_info(ui, _("Line %d: %s"), line,
		        was == ASK_OVER             ? _("over-receipt confirmed")
		        : l->dup == RECEIVE_DUP_ADD ? _("adds to the lot there")
		                                    : _("a new lot"));
	return RES_HANDLED;
}

/* ---- the screen ---- */

static void *recv_open(struct ui *ui, const void *arg)
{
	if (session_require(&ui->s, PERM_RECEIVE)) {
		ui_error(ui, NULL);
		return NULL;
	}
	struct recv *rv = xcalloc(1, sizeof(*rv));
	rv->ui = ui;
	rv->undo_line = -1;
	table_init(&rv->t, ui, line_cols, (int)ARRAY_SIZE(line_cols), &line_src, rv);
	rv->t.empty = _("Scan a supplier's label");
	table_init(&rv->pt, ui, po_cols, (int)ARRAY_SIZE(po_cols), &po_src, rv);
	rv->pt.no_marker_col = 1;
	return rv;
}

static void recv_close(struct ui *ui, void *st)
{
	struct recv *rv = st;
	table_free(&rv->t);
	table_free(&rv->pt);
	free(rv->pl);
	free(rv->ln);
	free(rv);
}

static void recv_resume(struct ui *ui, void *st)
{
	struct recv *rv = st;
	table_reset(&rv->t);
	table_select_index(&rv->t, rv->n ? rv->n - 1 : 0);
}

static const char *recv_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct recv *rv = st;
	if (rv->has_po)
		/* L10N: the Receiving screen's title with the order: "Receiving PO-1" */
		snprintf(buf, n, _("Receiving %s"), rv->po.ref);
	else
		snprintf(buf, n, "%s", _("Receiving"));
	return buf;
}

/* Cut text into at most max lines of w cells, at spaces where there are any
 * (the question is a service's sentence; codes have no spaces). */
static int wrap(const char *text, int w, char out[][256], int max)
{
	int n = 0;
	const char *p = text;
	while (*p && n < max) {
		size_t len = strlen(p), take = len;
		if ((int)len > w) {
			take = (size_t)w;
			while (take > 0 && p[take] != ' ')
				take--;
			if (take == 0)
				take = (size_t)w;
		}
		if (take > 255)
			take = 255;
		memcpy(out[n], p, take);
		out[n++][take] = '\0';
		p += take;
		while (*p == ' ')
			p++;
	}
	return n;
}

static void recv_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct recv *rv = st;
	char line[256];
	int y = r->y, bottom = r->y + r->h;
	if (rv->has_po)
		snprintf(line, sizeof(line),
		         ui->compact ? "%s %s" : _("Order %s  %s %s  expected %s"), rv->po.ref,
		         rv->po.supplier_code, rv->po.supplier_name,
		         rv->po.expected[0] ? rv->po.expected : "-");
	else
		snprintf(line, sizeof(line), "%s",
		         ui->compact ? _("No order")
		                     : _("No order: scan or choose one, or scan labels"));
	term_put(y++, r->x, r->w, line, ST_HEADER);
	snprintf(line, sizeof(line), ui->compact ? _("At %s%s") : _("Location %s%s"),
	         rv->location[0] ? rv->location : "-",
	         rv->print_labels
	             ? (ui->compact ? _(" +labels") : _("  labels: printed on booking"))
	             : "");
	term_put(y++, r->x, r->w, line, ST_NORMAL);
	if (rv->ask != ASK_NONE) {
		/* the question takes the lines it needs at the bottom */
		const char *keys =
		    ui->compact ? (rv->ask == ASK_OVER ? _("y: yes, n: no") : _("a:add n:new Esc"))
		    : rv->ask == ASK_OVER ? _("Receive more than ordered? y/n")
		                          : _("a: add to that lot, n: new lot, Esc: drop");
		char wrapped[5][256];
		int nq = wrap(rv->question, r->w, wrapped, ui->compact ? 5 : 4);
		int qh = nq + 1;
		bottom -= qh;
		for (int k = 0; k < nq; k++)
			term_put(bottom + k, r->x, r->w, wrapped[k], ST_ERROR);
		term_put(bottom + qh - 1, r->x, r->w, keys, ST_INFO);
	}
	if (rv->has_po && rv->npl) {
		int ph = rv->npl + 1, room = (bottom - y) / 3;
		if (room < 2)
			room = 2;
		if (ph > room)
			ph = room;
		struct rect pr = {y, r->x, ph, r->w};
		table_draw(&rv->pt, &pr);
		y += ph + 1;
	}
	if (y < bottom) {
		struct rect tr = {y, r->x, bottom - y, r->w};
		table_draw(&rv->t, &tr);
	}
}

static enum result recv_scan(struct ui *ui, void *st, const char *code)
{
	struct recv *rv = st;
	struct receipt_scan sc;
	struct po po;
	struct location loc;
	char shown[80];
	scan_shown(code, shown, sizeof(shown));
	if (rv->ask != ASK_NONE) {
		ui_error(ui, _("Scanned %s: answer the question first"), shown);
		return RES_HANDLED;
	}
	if (db_po_get(ui->s.store, code, &po) == OK) {
		if (load_po(rv, code) != OK)
			ui_error(ui, _("Scanned %s: %s"), shown, error_msg());
		else {
			ui_info(ui, _("Order %s from %s"), rv->po.ref, rv->po.supplier_code);
			if (rv->n && check_new_line(rv, -1) != OK)
				ui_error(ui, _("Line %d: %s"), rv->ask_line + 1, error_msg());
		}
		return RES_HANDLED;
	}
	if (db_location_get(ui->s.store, code, &loc) == OK) {
		strlcpy_(rv->location, loc.code, sizeof(rv->location));
		ui_info(ui, _("New lines go to %s"), loc.code);
		return RES_HANDLED;
	}
	if (receipt_scan(&ui->s, code, &sc) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	new_line(rv, &sc, code);
	return RES_HANDLED;
}

static int recv_typing(void *st)
{
	struct recv *rv = st;
	return rv->ask != ASK_NONE;
}

static enum result recv_key(struct ui *ui, void *st, int key)
{
	struct recv *rv = st;
	if (rv->ask != ASK_NONE)
		return answer(ui, rv, key);
	return RES_NOT_MINE;
}

static enum result recv_action(struct ui *ui, void *st, int action)
{
	struct recv *rv = st;
	const int *sel = table_selected(&rv->t);
	if (rv->ask != ASK_NONE) {
		if (action == ACT_BACK)
			return answer(ui, rv, LK_ESC);
		if (action == ACT_HELP || action == ACT_REDRAW || action == ACT_QUIT ||
		    action == ACT_LOCK || action == ACT_SWITCH_USER)
			return RES_NOT_MINE;
		return answer(ui, rv, 0);
	}
	if (action == ACT_BACK && rv->n && !rv->leaving) {
		rv->leaving = 1;
		ui_error(ui,
		         ngettext("%d line is not booked: Esc again leaves without booking it",
		                  "%d lines are not booked: Esc again leaves without booking them",
		                  (unsigned long)rv->n),
		         rv->n);
		return RES_HANDLED;
	}
	rv->leaving = 0;
	switch (action) {
	case ACT_RECEIVING_ORDER:
		open_order_form(rv);
		return RES_HANDLED;
	case ACT_RECEIVING_LOCATION:
		open_location_form(rv);
		return RES_HANDLED;
	case ACT_RECEIVING_ADD: {
		struct rline l;
		memset(&l, 0, sizeof(l));
		strlcpy_(l.location, rv->location, sizeof(l.location));
		open_line_form(rv, &l, -1);
		return RES_HANDLED;
	}
	case ACT_RECEIVING_EDIT:
		if (sel)
			open_line_form(rv, &rv->ln[*sel], *sel);
		else
			ui_error(ui, "%s", _("No line to change"));
		return RES_HANDLED;
	case ACT_RECEIVING_DROP:
		if (sel) {
			int i = *sel;
			remove_line(rv, i);
			ui_info(ui, _("Line %d taken out of the receipt"), i + 1);
		} else {
			ui_error(ui, "%s", _("No line to take out"));
		}
		return RES_HANDLED;
	case ACT_RECEIVING_LABELS:
		rv->print_labels = !rv->print_labels;
		ui_info(ui, "%s",
		        rv->print_labels ? _("Labels are printed on booking")
		                         : _("No labels are printed on booking"));
		return RES_HANDLED;
	case ACT_RECEIVING_BOOK:
		return book(ui, rv);
	case ACT_OPEN:
		/* Enter on the last line books; on another, changes it */
		if (sel && *sel < rv->n - 1) {
			open_line_form(rv, &rv->ln[*sel], *sel);
			return RES_HANDLED;
		}
		return book(ui, rv);
	}
	return table_action(&rv->t, action);
}

static int recv_offers(void *st, int action)
{
	struct recv *rv = st;
	if (action == ACT_RECEIVING_EDIT || action == ACT_RECEIVING_DROP ||
	    action == ACT_RECEIVING_BOOK)
		return rv->n > 0;
	return 1;
}

const struct screen_ops screen_receiving_ops = {
    .name = "receiving",
    .id = SCREEN_RECEIVING,
    .open = recv_open,
    .close = recv_close,
    .resume = recv_resume,
    .title = recv_title,
    .draw = recv_draw,
    .action = recv_action,
    .on_key = recv_key,
    .on_scan = recv_scan,
    .typing = recv_typing,
    .offers = recv_offers,
};
