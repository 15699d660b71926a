/* The Orders screen: every customer order with its status, newest first, shown
 * by status (all, draft, confirmed, ...); Enter shows an order's lines with the
 * lots reserved for each; confirm (which reserves the lots), cancel (with a
 * reason), pick, and the despatch note of a shipped order. The rules are the
 * services' in src/orders.h; a refusal shows their message. */
#include "db/master.h"
#include "db/orders.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/orders.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The status filter cycles through these; NULL: all orders. */
static const char *const statuses[] = {NULL,      "draft",   "confirmed",
                                       "picking", "shipped", "cancelled"};
#define NSTATUS ((int)ARRAY_SIZE(statuses))

/* A row of the lines view: a line, one of its reserved lots, or (despatch
 * note) what was shipped of a lot. */
enum row_kind { R_LINE, R_LOT, R_SHIPPED };
struct drow {
	enum row_kind kind;
	struct order_line l;
	struct allocation a;
	struct shipment sh;
};

struct orders {
	struct ui *ui;
	enum orders_view view;
	int opened_on_order; /* opened on one order: Back closes the screen */
	int status;          /* index into statuses */
	struct order *o;
	int no, capo;
	struct order cur; /* the order the lines view shows */
	struct party customer;
	struct drow *d;
	int nd, capd;
	struct table list, lines;
};

/* ---- the list ---- */

static const struct table_col list_cols[] = {
    {N_("Order"), 10, 6, 1, 0, 1, 0},     {N_("Status"), 9, 5, 2, 0, 0, 0},
    {N_("Ship date"), 10, 5, 3, 0, 0, 0}, {N_("Customer"), 10, 6, 4, 0, 0, 0},
    {N_("Lines"), 5, 3, 6, 1, 0, 0},      {N_("Shipped"), 10, 5, 7, 0, 0, 0},
    {N_("Name"), 24, 8, 5, 0, 0, 1},
};

static int list_count(void *ctx)
{
	struct orders *os = ctx;
	return os->no;
}

static const char *list_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct orders *os = ctx;
	const struct order *o = &os->o[*(const int *)row];
	switch (col) {
	case 0:
		return o->ref;
	case 1:
		return _(o->status);
	case 2:
		return o->ship_date;
	case 3:
		return o->customer_code;
	case 4:
		snprintf(buf, n, "%lld", (long long)o->lines);
		return buf;
	case 5:
		return o->shipped;
	default:
		return o->customer_name;
	}
}

/* D draft, C confirmed, P picking, S shipped, X cancelled: readable without colour */
static enum style list_mark(void *ctx, const void *row, char *marker)
{
	struct orders *os = ctx;
	const struct order *o = &os->o[*(const int *)row];
	*marker = !strcmp(o->status, "cancelled") ? 'X' : (char)(o->status[0] - 'a' + 'A');
	if (!strcmp(o->status, "cancelled") || !strcmp(o->status, "shipped"))
		return ST_DIM;
	return !strcmp(o->status, "draft") ? ST_NORMAL : ST_EXPIRING;
}

static const struct table_src list_src = {
    .row_size = sizeof(int),
    .count = list_count,
    .cell = list_cell,
    .mark = list_mark,
};

static int add_order(void *ctx, const struct order *o)
{
	struct orders *os = ctx;
	GROW(os->o, os->no, os->capo, 32);
	os->o[os->no++] = *o;
	return 0;
}

static void load_list(struct ui *ui, struct orders *os)
{
	os->no = 0;
	if (db_order_each(ui->s.store, statuses[os->status], add_order, os))
		ui_error(ui, NULL);
}

/* ---- one order's lines and lots, or its despatch note ---- */

static const struct table_col line_cols[] = {
    {N_("#"), 2, 1, 6, 1, 0, 0},
    {N_("Item / lot"), 18, 12, 1, 0, 1, 0},
    {N_("Qty"), 7, 4, 2, 1, 0, 0},
    {N_("Unit"), 4, 3, 5, 0, 0, 0},
    {N_("Location"), 8, 4, 4, 0, 0, 0},
    {N_("Picked"), 7, 4, 3, 1, 0, 0},
    {N_("Shipped"), 7, 4, 7, 1, 0, 0},
    {N_("Expiry"), 10, 10, 8, 0, 0, 0},
    {N_("Name / note"), 20, 6, 9, 0, 0, 1},
};

static int lines_count(void *ctx)
{
	struct orders *os = ctx;
	return os->nd;
}

static const char *lines_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct orders *os = ctx;
	const struct drow *d = &os->d[*(const int *)row];
	char q[FIXED_BUFSZ];
	if (d->kind == R_LINE) {
		const struct order_line *l = &d->l;
		switch (col) {
		case 0:
			snprintf(buf, n, "%lld", (long long)l->line);
			return buf;
		case 1:
			return l->item_code;
		case 2:
			return fixed_format(l->qty, 0, buf);
		case 3:
			return l->unit;
		case 5:
			return fixed_format(l->picked, 0, buf);
		case 6:
			return fixed_format(l->shipped, 0, buf);
		case 8:
			if (l->shorted)
				snprintf(buf, n, _("%s short"), fixed_format(l->shorted, 0, q));
			else if (l->lot[0])
				snprintf(buf, n, _("lot %s asked"), l->lot);
			else
				snprintf(buf, n, "%s", l->item_name);
			return buf;
		default:
			return "";
		}
	}
	if (d->kind == R_SHIPPED) {
		const struct shipment *h = &d->sh;
		switch (col) {
		case 0:
			snprintf(buf, n, "%lld", (long long)h->line);
			return buf;
		case 1:
			return h->lot;
		case 2:
			return fixed_format(h->qty, 0, buf);
		case 3:
			return h->unit;
		case 6:
			return fixed_format(h->qty, 0, buf);
		case 7:
			return h->expiry;
		case 8:
			snprintf(buf, n, "%s %s", h->item_code, h->item_name);
			return buf;
		default:
			return "";
		}
	}
	const struct allocation *a = &d->a;
	switch (col) {
	case 1:
		/* under its line; a handheld has no room to spare for the indent */
		snprintf(buf, n, "%s%s", os->ui->compact ? "" : "  ", a->lot);
		return buf;
	case 2:
		return fixed_format(a->qty, 0, buf);
	case 3:
		return a->unit;
	case 4:
		return a->location;
	case 5:
		return fixed_format(a->picked, 0, buf);
	case 7:
		return a->expiry;
	default:
		return "";
	}
}

static enum style lines_mark(void *ctx, const void *row, char *marker)
{
	struct orders *os = ctx;
	const struct drow *d = &os->d[*(const int *)row];
	*marker = ' ';
	if (d->kind == R_LINE && d->l.shorted) {
		*marker = '!';
		return ST_EXPIRED;
	}
	return d->kind == R_LINE ? ST_HEADER : ST_NORMAL;
}

static const struct table_src lines_src = {
    .row_size = sizeof(int),
    .count = lines_count,
    .cell = lines_cell,
    .mark = lines_mark,
};

static struct drow *new_row(struct orders *os, enum row_kind kind)
{
	GROW(os->d, os->nd, os->capd, 32);
	struct drow *d = &os->d[os->nd++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	return d;
}

static int add_line(void *ctx, const struct order_line *l)
{
	new_row(ctx, R_LINE)->l = *l;
	return 0;
}

static int add_lot(void *ctx, const struct allocation *a)
{
	if (a->qty > 0) /* cut to nothing by a short pick */
		new_row(ctx, R_LOT)->a = *a;
	return 0;
}

static int add_shipped(void *ctx, const struct shipment *h)
{
	new_row(ctx, R_SHIPPED)->sh = *h;
	return 0;
}

/* Lines in order, each followed by its lots. */
static void order_rows(struct orders *os, struct drow *lots, int nlots)
{
	struct drow *lines = os->d;
	int nlines = os->nd;
	os->d = NULL;
	os->nd = os->capd = 0;
	for (int i = 0; i < nlines; i++) {
		*new_row(os, R_LINE) = lines[i];
		for (int k = 0; k < nlots; k++)
			if (lots[k].a.line == lines[i].l.line)
				*new_row(os, R_LOT) = lots[k];
	}
	free(lines);
}

static int load_order(struct ui *ui, struct orders *os, const char *ref)
{
	struct store *st = ui->s.store;
	int rc = db_order_get(st, ref, &os->cur);
	if (rc)
		return rc;
	if (db_party_get(st, PARTY_CUSTOMER, os->cur.customer_code, &os->customer))
		error_clear(); /* the note still lists the lots */
	os->nd = 0;
	if (os->view == ORDERS_DESPATCH)
		return db_shipments_each(st, os->cur.id, add_shipped, os);
	if ((rc = db_order_lines_each(st, os->cur.id, add_line, os)))
		return rc;
	/* the lots go under their lines */
	struct orders lots;
	memset(&lots, 0, sizeof(lots));
	rc = db_allocations_each(st, os->cur.id, add_lot, &lots);
	if (rc == OK)
		order_rows(os, lots.d, lots.nd);
	free(lots.d);
	return rc;
}

/* ---- the screen ---- */

static void *orders_open(struct ui *ui, const void *arg)
{
	const struct orders_open_arg *a = arg;
	struct orders *os = xcalloc(1, sizeof(*os));
	os->ui = ui;
	table_init(&os->list, ui, list_cols, (int)ARRAY_SIZE(list_cols), &list_src, os);
	os->list.empty = _("No orders to show");
	table_init(&os->lines, ui, line_cols, (int)ARRAY_SIZE(line_cols), &lines_src, os);
	os->lines.empty = _("Nothing to show");
	load_list(ui, os);
	if (a && a->ref) {
		os->view = a->view == ORDERS_LIST ? ORDERS_LINES : a->view;
		os->opened_on_order = 1;
		if (load_order(ui, os, a->ref)) {
			ui_error(ui, NULL);
			table_free(&os->list);
			table_free(&os->lines);
			free(os->o);
			free(os->d);
			free(os);
			return NULL;
		}
	}
	return os;
}

static void orders_close(struct ui *ui, void *st)
{
	struct orders *os = st;
	table_free(&os->list);
	table_free(&os->lines);
	free(os->o);
	free(os->d);
	free(os);
}

/* Select the order ref in the list, if it is shown. */
static void select_order(struct orders *os, const char *ref)
{
	for (int i = 0; i < os->no; i++)
		if (!strcmp(os->o[i].ref, ref))
			table_select_index(&os->list, i);
}

static void refresh(struct ui *ui, struct orders *os)
{
	char ref[CODE_MAX + 1];
	strlcpy_(ref, os->cur.ref, sizeof(ref));
	load_list(ui, os);
	table_reset(&os->list);
	if (os->view != ORDERS_LIST && ref[0]) {
		if (load_order(ui, os, ref))
			ui_error(ui, NULL);
		table_reset(&os->lines);
	}
	if (ref[0])
		select_order(os, ref);
}

static void orders_resume(struct ui *ui, void *st)
{
	refresh(ui, st);
}

static const char *orders_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct orders *os = st;
	if (os->view == ORDERS_DESPATCH)
		/* L10N: the Orders screen showing a despatch note: "Despatch note SO1" */
		snprintf(buf, n, _("Despatch note %s"), os->cur.ref);
	else if (os->view == ORDERS_LINES)
		/* L10N: the Orders screen showing one order: "Order SO1" */
		snprintf(buf, n, _("Order %s"), os->cur.ref);
	else if (statuses[os->status])
		/* L10N: the Orders screen filtered by status: "Orders: confirmed" */
		snprintf(buf, n, _("Orders: %s"), _(statuses[os->status]));
	else
		snprintf(buf, n, "%s", screen_title(SCREEN_ORDERS));
	return buf;
}

static int put_line(const struct rect *r, int y, const char *s, enum style st)
{
	if (y < r->y + r->h && s[0])
		term_put(y++, r->x, r->w, s, st);
	return y;
}

static void orders_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct orders *os = st;
	const struct order *o = &os->cur;
	const struct party *c = &os->customer;
	char buf[256];
	int y = r->y;
	if (os->view == ORDERS_LIST) {
		table_draw(&os->list, r);
		return;
	}
	if (os->view == ORDERS_DESPATCH) {
		snprintf(buf, sizeof(buf), _("Shipped %s to %s %s"), o->shipped, c->code, c->name);
		y = put_line(r, y, buf, ST_HEADER);
		if (!ui->compact) {
			y = put_line(r, y, c->contact, ST_NORMAL);
			y = put_line(r, y, c->address, ST_NORMAL);
			snprintf(buf, sizeof(buf), "%s%s%s%s%s", c->postcode,
			         c->postcode[0] && c->city[0] ? " " : "", c->city,
			         c->country[0] ? ", " : "", c->country);
			y = put_line(r, y, buf, ST_NORMAL);
		}
	} else if (ui->compact) {
		snprintf(buf, sizeof(buf), "%s %s", _(o->status), o->customer_code);
		y = put_line(r, y, buf, ST_HEADER);
	} else {
		snprintf(buf, sizeof(buf), _("%s  %s %s  ship %s  %s"), o->ref, o->customer_code,
		         o->customer_name, o->ship_date[0] ? o->ship_date : "-", _(o->status));
		y = put_line(r, y, buf, ST_HEADER);
		if (o->note[0])
			y = put_line(r, y, o->note, ST_NORMAL);
	}
	struct rect tr = {y, r->x, r->y + r->h - y, r->w};
	table_draw(&os->lines, &tr);
}

/* The order the actions are about: the one shown, or the one selected. */
static const struct order *target(struct orders *os)
{
	if (os->view != ORDERS_LIST)
		return &os->cur;
	const int *i = table_selected(&os->list);
	return i ? &os->o[*i] : NULL;
}

static void show(struct ui *ui, struct orders *os, const char *ref, enum orders_view view)
{
	char keep[CODE_MAX + 1];
	enum orders_view before = os->view;
	strlcpy_(keep, ref, sizeof(keep));
	os->view = view;
	if (load_order(ui, os, keep)) {
		ui_error(ui, NULL);
		os->view = before;
		return;
	}
	table_reset(&os->lines);
}

struct cancel_form {
	char ref[CODE_MAX + 1];
};

static int cancel_submit(struct ui *ui, struct form *fm)
{
	struct cancel_form *cf = fm->ctx;
	int rc = order_cancel(&ui->s, cf->ref, form_get(fm, "reason"));
	if (rc == OK)
		ui_info(ui, _("Order %s cancelled"), cf->ref);
	return rc;
}

static void open_cancel(struct ui *ui, const struct order *o)
{
	if (session_require(&ui->s, PERM_ORDERS)) {
		ui_error(ui, NULL);
		return;
	}
	struct form *fm = form_new(_("Cancel order"));
	struct cancel_form *cf = xcalloc(1, sizeof(*cf));
	strlcpy_(cf->ref, o->ref, sizeof(cf->ref));
	fm->ctx = cf;
	fm->free_ctx = free;
	fm->submit = cancel_submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s  %s  %s", o->ref, o->customer_code,
	         _(o->status));
	struct form_field *f = form_add(fm, "reason", _("Reason"), FIELD_TEXT, 1);
	f->svc_key = N_("reason");
	f->hint = _("why the order is cancelled");
	ui_push_form(ui, fm);
}

static enum result orders_action(struct ui *ui, void *st, int action)
{
	struct orders *os = st;
	const struct order *o = target(os);
	char ref[CODE_MAX + 1] = "";
	if (o)
		strlcpy_(ref, o->ref, sizeof(ref));
	switch (action) {
	case ACT_BACK:
		if (os->view == ORDERS_LIST || os->opened_on_order)
			return RES_NOT_MINE;
		os->view = ORDERS_LIST;
		select_order(os, os->cur.ref);
		return RES_HANDLED;
	case ACT_OPEN:
		if (os->view == ORDERS_LIST) {
			if (o)
				show(ui, os, ref, ORDERS_LINES);
		} else {
			/* a lot of the order opens the Lot screen */
			const int *i = table_selected(&os->lines);
			const struct drow *d = i ? &os->d[*i] : NULL;
			const char *lot = !d                     ? NULL
			                  : d->kind == R_LOT     ? d->a.lot
			                  : d->kind == R_SHIPPED ? d->sh.lot
			                                         : NULL;
			if (lot) {
				struct lot_open_arg arg = {lot};
				ui_push(ui, SCREEN_LOT, &arg);
			}
		}
		return RES_HANDLED;
	case ACT_ORDER_FILTER:
		os->status = (os->status + 1) % NSTATUS;
		os->view = ORDERS_LIST;
		os->opened_on_order = 0;
		load_list(ui, os);
		table_reset(&os->list);
		ui_info(ui, _("Showing %s"),
		        statuses[os->status] ? _(statuses[os->status]) : _("all orders"));
		return RES_HANDLED;
	}
	if (action != ACT_ORDER_CONFIRM && action != ACT_ORDER_CANCEL &&
	    action != ACT_ORDER_DESPATCH && action != ACT_ORDER_PICK)
		return table_action(os->view == ORDERS_LIST ? &os->list : &os->lines, action);
	if (!o) {
		ui_error(ui, "%s", _("No order is selected"));
		return RES_HANDLED;
	}
	switch (action) {
	case ACT_ORDER_CONFIRM:
		if (order_confirm(&ui->s, ref) != OK) {
			ui_error(ui, NULL);
			return RES_HANDLED;
		}
		/* what was reserved is what one wants to see next */
		refresh(ui, os);
		show(ui, os, ref, ORDERS_LINES);
		ui_info(ui, _("Order %s confirmed: its lots are reserved"), ref);
		return RES_HANDLED;
	case ACT_ORDER_CANCEL:
		open_cancel(ui, o);
		return RES_HANDLED;
	case ACT_ORDER_DESPATCH:
		if (strcmp(o->status, "shipped") != 0) {
			ui_error(ui, _("Order %s is %s: a despatch note is made when it ships"),
			         ref, _(o->status));
			return RES_HANDLED;
		}
		show(ui, os, ref, ORDERS_DESPATCH);
		return RES_HANDLED;
	default: {
		struct picking_open_arg arg = {ref};
		ui_push(ui, SCREEN_PICKING, &arg);
		return RES_HANDLED;
	}
	}
}

/* The F-key bar offers what the order's status allows. */
static int orders_offers(void *st, int action)
{
	struct orders *os = st;
	const struct order *o = target(os);
	const char *s = o ? o->status : "";
	switch (action) {
	case ACT_ORDER_CONFIRM:
		return !strcmp(s, "draft");
	case ACT_ORDER_PICK:
		return !strcmp(s, "confirmed") || !strcmp(s, "picking");
	case ACT_ORDER_DESPATCH:
		return !strcmp(s, "shipped") && os->view != ORDERS_DESPATCH;
	case ACT_ORDER_CANCEL:
		return o && strcmp(s, "shipped") && strcmp(s, "cancelled");
	case ACT_ORDER_FILTER:
		return os->view == ORDERS_LIST;
	}
	return 1;
}

const struct screen_ops screen_orders_ops = {
    .name = "orders",
    .id = SCREEN_ORDERS,
    .open = orders_open,
    .close = orders_close,
    .resume = orders_resume,
    .title = orders_title,
    .draw = orders_draw,
    .action = orders_action,
    .offers = orders_offers,
};
