/* The Recall screen: the list of recalls and mock recalls (newest first), and
 * one recall in full: its scope (the lots, held at once when it was opened; the
 * shipments; the customers with the quantities they received) and the tracking
 * per customer (notified, acknowledged, returned quantity), each mark one call
 * of the recall service. A new recall is a form (lots and a reason); closing
 * asks for a summary; the notification list is written to a file as 'lotline
 * recall notices' writes it (CSV or text). The same screen shows the list (no
 * code given) or one recall (a code given): Enter on the list opens another one
 * on top for the recall chosen. */
#include "db/recall.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/recall.h"
#include "src/scan.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum recall_view { V_CUSTOMERS, V_LOTS, V_SHIPMENTS, V_COUNT };

#define NEW_LOTS_MAX 64

/* A shipment in scope: what the Shipments view shows (the notice's address is
 * for the exported list, not kept here). */
struct ship_line {
	char customer[CODE_MAX + 1];
	char lot[LOT_MAX + 1];
	char order[CODE_MAX + 1];
	fixed_t qty;
	char unit[16];
	char shipped[11];
};

struct customer_line {
	struct recall_customer c;
	char shipped[64]; /* the quantities received, per unit ("12 each") */
	char unit[16];    /* the one unit, for the returned form; "" when several */
};

struct recall_screen {
	struct ui *ui;
	int show; /* one recall (else the list) */
	/* the list */
	struct recall *list;
	int nlist, caplist;
	/* one recall */
	struct recall r;
	struct recall_lot *lots;
	int nlots, caplots;
	struct ship_line *ships;
	int nships, capships;
	struct customer_line *cust;
	int ncust, capcust;
	enum recall_view view;
	struct table t[V_COUNT + 1]; /* the three views, then the list */
	/* a new recall asked for from elsewhere (the trace screen) */
	char new_lots[FIELD_VALUE_MAX + 1];
	int for_new;
	char new_code[LOT_MAX + 1];
};

/* ---- the tables ---- */

static const struct table_col list_cols[] = {
    {N_("Recall"), 16, 12, 1, 0, 1, 0}, {N_("Status"), 6, 4, 2, 0, 0, 0},
    {N_("Kind"), 6, 5, 3, 0, 0, 0},     {N_("Lots"), 5, 4, 5, 1, 0, 0},
    {N_("Held"), 5, 4, 6, 1, 0, 0},     {N_("Customers"), 9, 4, 4, 1, 0, 0},
    {N_("Notified"), 8, 4, 7, 1, 0, 0}, {N_("Reason"), 30, 8, 8, 0, 0, 1},
};

static const struct table_col customer_cols[] = {
    {N_("Customer"), 10, 6, 1, 0, 0, 0},      {N_("State"), 12, 9, 2, 0, 0, 0},
    {N_("Received"), 12, 6, 3, 1, 0, 0},      {N_("Notified"), 16, 10, 4, 0, 0, 0},
    {N_("Acknowledged"), 16, 10, 5, 0, 0, 0}, {N_("Returned"), 9, 5, 6, 1, 0, 0},
    {N_("Name"), 18, 18, 7, 0, 0, 0},
};

static const struct table_col lot_cols[] = {
    {N_("Lvl"), 3, 3, 4, 1, 0, 0},    {N_("Lot"), 16, 10, 1, 0, 1, 0},
    {N_("Item"), 10, 6, 3, 0, 0, 0},  {N_("In stock"), 9, 5, 2, 1, 0, 0},
    {N_("Unit"), 4, 3, 5, 0, 0, 0},   {N_("Before"), 10, 6, 6, 0, 0, 0},
    {N_("Recall"), 6, 4, 7, 0, 0, 0},
};

static const struct table_col ship_cols[] = {
    {N_("Customer"), 10, 6, 1, 0, 0, 0}, {N_("Lot"), 16, 10, 2, 0, 1, 0},
    {N_("Order"), 10, 6, 4, 0, 0, 0},    {N_("Qty"), 9, 5, 3, 1, 0, 0},
    {N_("Unit"), 4, 3, 5, 0, 0, 0},      {N_("Shipped"), 10, 10, 6, 0, 0, 0},
};

static const char *const view_names[V_COUNT] = {N_("Customers"), N_("Lots"), N_("Shipments")};

static int count_list(void *ctx)
{
	return ((struct recall_screen *)ctx)->nlist;
}
static int count_customers(void *ctx)
{
	return ((struct recall_screen *)ctx)->ncust;
}
static int count_lots(void *ctx)
{
	return ((struct recall_screen *)ctx)->nlots;
}
static int count_ships(void *ctx)
{
	return ((struct recall_screen *)ctx)->nships;
}

static const char *num(int64_t v, char *buf, size_t n)
{
	snprintf(buf, n, "%lld", (long long)v);
	return buf;
}

static const char *when(hlc_t h, char *buf, size_t n)
{
	char t[32];
	snprintf(buf, n, "%s", h ? time_format_short(hlc_wall_ms(h), t) : "-");
	return buf;
}

static const char *list_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recall_screen *rs = ctx;
	const struct recall *r = &rs->list[*(const int *)row];
	switch (col) {
	case 0:
		return r->code;
	case 1:
		return _(r->status);
	case 2:
		return r->drill ? _("drill") : _("recall");
	case 3:
		return num(r->lots, buf, n);
	case 4:
		return num(r->held, buf, n);
	case 5:
		return num(r->customers, buf, n);
	case 6:
		return num(r->notified, buf, n);
	default:
		return r->reason;
	}
}

static enum style list_mark(void *ctx, const void *row, char *marker)
{
	struct recall_screen *rs = ctx;
	*marker = ' ';
	return strcmp(rs->list[*(const int *)row].status, "open") ? ST_DIM : ST_NORMAL;
}

/* What is left to do with a customer, in a word. */
static const char *customer_state(const struct recall_customer *c)
{
	if (c->returned > 0)
		return _("returned");
	if (c->acknowledged)
		return _("acknowledged");
	if (c->notified)
		return _("notified");
	return _("to notify");
}

static const char *customer_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recall_screen *rs = ctx;
	const struct customer_line *l = &rs->cust[*(const int *)row];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		return l->c.code;
	case 1:
		return customer_state(&l->c);
	case 2:
		return l->shipped;
	case 3:
		return when(l->c.notified, buf, n);
	case 4:
		return when(l->c.acknowledged, buf, n);
	case 5:
		snprintf(buf, n, "%s", fixed_format(l->c.returned, 0, q));
		return buf;
	default:
		return l->c.name;
	}
}

static enum style customer_mark(void *ctx, const void *row, char *marker)
{
	struct recall_screen *rs = ctx;
	*marker = ' ';
	/* nobody has told them yet: that is the work */
	return rs->cust[*(const int *)row].c.notified ? ST_NORMAL : ST_EXPIRING;
}

static const char *lot_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recall_screen *rs = ctx;
	const struct recall_lot *l = &rs->lots[*(const int *)row];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		return num(l->depth, buf, n);
	case 1:
		return l->lot;
	case 2:
		return l->item;
	case 3:
		snprintf(buf, n, "%s", fixed_format(l->qty, 0, q));
		return buf;
	case 4:
		return l->unit;
	case 5:
		return _(l->status);
	default:
		return l->held ? _("held") : "";
	}
}

static enum style lot_mark(void *ctx, const void *row, char *marker)
{
	struct recall_screen *rs = ctx;
	*marker = ' ';
	return rs->lots[*(const int *)row].held ? ST_HELD : ST_NORMAL;
}

static const char *ship_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recall_screen *rs = ctx;
	const struct ship_line *s = &rs->ships[*(const int *)row];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		return s->customer;
	case 1:
		return s->lot;
	case 2:
		return s->order;
	case 3:
		snprintf(buf, n, "%s", fixed_format(s->qty, 0, q));
		return buf;
	case 4:
		return s->unit;
	default:
		return s->shipped;
	}
}

static const struct table_src view_src[V_COUNT + 1] = {
    {.row_size = sizeof(int),
     .count = count_customers,
     .cell = customer_cell,
     .mark = customer_mark},
    {.row_size = sizeof(int), .count = count_lots, .cell = lot_cell, .mark = lot_mark},
    {.row_size = sizeof(int), .count = count_ships, .cell = ship_cell},
    {.row_size = sizeof(int), .count = count_list, .cell = list_cell, .mark = list_mark},
};

/* ---- reading ---- */

static int list_row(void *ctx, const struct recall *r)
{
	struct recall_screen *rs = ctx;
	GROW(rs->list, rs->nlist, rs->caplist, 16);
	rs->list[rs->nlist++] = *r;
	return 0;
}

static int lot_row(void *ctx, const struct recall_lot *l)
{
	struct recall_screen *rs = ctx;
	GROW(rs->lots, rs->nlots, rs->caplots, 16);
	rs->lots[rs->nlots++] = *l;
	return 0;
}

static int ship_row(void *ctx, const struct recall_notice *n)
{
	struct recall_screen *rs = ctx;
	GROW(rs->ships, rs->nships, rs->capships, 16);
	struct ship_line *l = &rs->ships[rs->nships++];
	strlcpy_(l->customer, n->customer.code, sizeof(l->customer));
	strlcpy_(l->lot, n->lot, sizeof(l->lot));
	strlcpy_(l->order, n->order, sizeof(l->order));
	l->qty = n->qty;
	strlcpy_(l->unit, n->unit, sizeof(l->unit));
	strlcpy_(l->shipped, n->shipped, sizeof(l->shipped));
	return 0;
}

static int customer_row(void *ctx, const struct recall_customer *c)
{
	struct recall_screen *rs = ctx;
	GROW(rs->cust, rs->ncust, rs->capcust, 16);
	struct customer_line *l = &rs->cust[rs->ncust++];
	memset(l, 0, sizeof(*l));
	l->c = *c;
	return 0;
}

/* What each customer received, summed per unit from the shipments. Both lists
 * come sorted by customer code, so one walk matches them. */
static void customer_quantities(struct recall_screen *rs)
{
	int k = 0;
	for (int i = 0; i < rs->ncust; i++) {
		struct customer_line *l = &rs->cust[i];
		char units[4][16];
		fixed_t sum[4];
		int nu = 0;
		while (k < rs->nships && strcmp(rs->ships[k].customer, l->c.code) < 0)
			k++;
		for (; k < rs->nships && !strcmp(rs->ships[k].customer, l->c.code); k++) {
			const struct ship_line *s = &rs->ships[k];
			int u = 0;
			while (u < nu && strcmp(units[u], s->unit))
				u++;
			if (u == nu && nu < 4) {
				strlcpy_(units[nu], s->unit, sizeof(units[nu]));
				sum[nu++] = 0;
			}
			if (u < nu)
				sum[u] += s->qty;
		}
		size_t at = 0;
		for (int u = 0; u < nu && at < sizeof(l->shipped); u++) {
			char q[FIXED_BUFSZ];
			at += (size_t)snprintf(l->shipped + at, sizeof(l->shipped) - at, "%s%s %s",
			                       u ? ", " : "", fixed_format(sum[u], 0, q), units[u]);
		}
		if (nu == 1)
			strlcpy_(l->unit, units[0], sizeof(l->unit));
	}
}

static int load(struct recall_screen *rs)
{
	struct store *st = rs->ui->s.store;
	int rc;
	if (!rs->show) {
		rs->nlist = 0;
		return db_recall_each(st, list_row, rs);
	}
	rs->nlots = rs->nships = rs->ncust = 0;
	if ((rc = db_recall_get(st, rs->r.code, &rs->r)) ||
	    (rc = db_recall_lots_each(st, rs->r.id, lot_row, rs)) ||
	    (rc = db_recall_notices_each(st, rs->r.id, ship_row, rs)) ||
	    (rc = db_recall_customers_each(st, rs->r.id, customer_row, rs)))
		return rc;
	customer_quantities(rs);
	return OK;
}

static struct table *cur_table(struct recall_screen *rs)
{
	return &rs->t[rs->show ? (int)rs->view : V_COUNT];
}

static void free_screen(struct recall_screen *rs)
{
	for (int i = 0; i <= V_COUNT; i++)
		table_free(&rs->t[i]);
	free(rs->list);
	free(rs->lots);
	free(rs->ships);
	free(rs->cust);
	free(rs);
}

static void *recall_open_screen(struct ui *ui, const void *arg)
{
	const struct recall_open_arg *a = arg;
	struct recall_screen *rs = xcalloc(1, sizeof(*rs));
	static const struct table_col *cols[V_COUNT + 1] = {customer_cols, lot_cols, ship_cols,
	                                                    list_cols};
	static const int ncols[V_COUNT + 1] = {
	    (int)ARRAY_SIZE(customer_cols), (int)ARRAY_SIZE(lot_cols), (int)ARRAY_SIZE(ship_cols),
	    (int)ARRAY_SIZE(list_cols)};
	rs->ui = ui;
	for (int i = 0; i <= V_COUNT; i++) {
		table_init(&rs->t[i], ui, cols[i], ncols[i], &view_src[i], rs);
		rs->t[i].no_marker_col = 1;
	}
	rs->t[V_CUSTOMERS].empty = _("No customers: nothing in scope has shipped");
	rs->t[V_LOTS].empty = _("No lots");
	rs->t[V_SHIPMENTS].empty = _("No shipments");
	rs->t[V_COUNT].empty = _("No recalls yet");
	if (a && a->code) {
		rs->show = 1;
		strlcpy_(rs->r.code, a->code, sizeof(rs->r.code));
	}
	if (a && a->lots) {
		strlcpy_(rs->new_lots, a->lots, sizeof(rs->new_lots));
		rs->for_new = 1;
	}
	if (load(rs)) {
		ui_error(ui, NULL);
		free_screen(rs);
		return NULL;
	}
	return rs;
}

static void recall_close_screen(struct ui *ui, void *st)
{
	free_screen(st);
}

static void reload(struct recall_screen *rs)
{
	if (load(rs))
		ui_error(rs->ui, NULL);
	for (int i = 0; i <= V_COUNT; i++)
		table_refresh(&rs->t[i]);
}

static void recall_resume(struct ui *ui, void *st)
{
	struct recall_screen *rs = st;
	int for_new = rs->for_new;
	rs->for_new = 0;
	reload(rs);
	if (rs->new_code[0]) {
		/* the recall just opened, over this screen */
		char code[LOT_MAX + 1];
		strlcpy_(code, rs->new_code, sizeof(code));
		rs->new_code[0] = '\0';
		struct recall_open_arg arg = {code, NULL};
		ui_push(ui, SCREEN_RECALL, &arg);
	} else if (for_new) {
		/* the new recall was not made: back to the screen that asked for it */
		ui->pending_action = ACT_BACK;
	}
}

static const char *recall_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct recall_screen *rs = st;
	if (!rs->show)
		snprintf(buf, n, "%s", ui->compact ? _("Recalls") : _("Recalls and mock recalls"));
	else if (ui->compact)
		snprintf(buf, n, "%s", rs->r.code);
	else
		snprintf(buf, n, rs->r.drill ? _("Mock recall %s") : _("Recall %s"), rs->r.code);
	return buf;
}

/* The heading lines of one recall; returns how many were drawn. */
static int draw_heading(struct ui *ui, struct recall_screen *rs, const struct rect *r)
{
	const struct recall *c = &rs->r;
	char line[600], t[32];
	int y = r->y;
	if (ui->compact) {
		snprintf(line, sizeof(line), "%s%s", _(c->status), c->drill ? _(", drill") : "");
		term_put(y++, r->x, r->w, line, ST_HEADER);
	} else {
		snprintf(line, sizeof(line), _("%s, %s, opened %s by %s: %s"),
		         c->drill ? _("Mock recall (drill, nothing held)") : _("Recall"),
		         _(c->status), time_format_short(hlc_wall_ms(c->opened_hlc), t),
		         c->opened_by, c->reason);
		term_put(y++, r->x, r->w, line, ST_NORMAL);
		/* a drill's time to the complete list is its evidence (a real recall
		 * keeps it too: 'lotline recall show') */
		int n =
		    snprintf(line, sizeof(line),
		             _("Scope: %lld lot(s), %lld in stock, %lld held; %lld customer(s), "
		               "%lld notified"),
		             (long long)c->lots, (long long)c->in_stock, (long long)c->held,
		             (long long)c->customers, (long long)c->notified);
		if (c->drill && n > 0 && (size_t)n < sizeof(line))
			snprintf(line + n, sizeof(line) - (size_t)n, _("; list in %lld ms"),
			         (long long)c->elapsed_ms);
		term_put(y++, r->x, r->w, line, ST_NORMAL);
		if (c->closed_hlc) {
			snprintf(line, sizeof(line), _("Closed %s: %s"),
			         time_format_short(hlc_wall_ms(c->closed_hlc), t), c->summary);
			term_put(y++, r->x, r->w, line, ST_NORMAL);
		}
	}
	/* the views as tabs, the one shown marked */
	int x = r->x;
	term_put(y, r->x, r->w, "", ST_NORMAL);
	for (int v = 0; v < V_COUNT && x < r->x + r->w; v++) {
		char tab[64];
		if (ui->compact && v != (int)rs->view)
			continue;
		snprintf(tab, sizeof(tab), v == (int)rs->view ? "[%s]" : " %s ", _(view_names[v]));
		x += term_text(y, x, r->x + r->w - x, tab, v == (int)rs->view ? ST_HEADER : ST_DIM);
	}
	y++;
	return y - r->y;
}

static void recall_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct recall_screen *rs = st;
	struct rect tr = *r;
	if (rs->show) {
		int used = draw_heading(ui, rs, r);
		tr.y += used;
		tr.h -= used;
	}
	table_draw(cur_table(rs), &tr);
}

/* ---- the forms ---- */

static int need_recall_role(struct ui *ui)
{
	/* the role is the service's rule; asking first saves filling a form in vain */
	if (session_require(&ui->s, PERM_RECALL)) {
		ui_error(ui, NULL);
		return 0;
	}
	return 1;
}

static int new_submit(struct ui *ui, struct form *fm)
{
	struct recall_screen *rs = fm->ctx;
	char buf[FIELD_VALUE_MAX + 1];
	const char *lots[NEW_LOTS_MAX];
	int n = 0;
	strlcpy_(buf, form_get(fm, "lots"), sizeof(buf));
	for (char *w = strtok(buf, " ,;"); w; w = strtok(NULL, " ,;")) {
		if (n == NEW_LOTS_MAX)
			return error_set(ERR_INVALID, _("lot: at most %d lots at once"),
			                 NEW_LOTS_MAX);
		lots[n++] = w;
	}
	int drill = !strcmp(form_get(fm, "drill"), "yes");
	char code[LOT_MAX + 1];
	int rc = recall_open(&ui->s, lots, n, form_get(fm, "reason"), drill, code);
	if (rc != OK)
		return rc;
	strlcpy_(rs->new_code, code, sizeof(rs->new_code));
	struct recall r;
	if (db_recall_get(ui->s.store, code, &r) == OK)
		ui_info(ui,
		        drill ? _("Mock recall %s opened: %lld lots, %lld customers")
		              : _("Recall %s opened: %lld lots, %lld put on hold, %lld customers"),
		        code, (long long)r.lots, drill ? (long long)r.customers : (long long)r.held,
		        (long long)r.customers);
	return OK;
}

/* A scanned label adds its lot to the list. */
static enum result new_scan(struct ui *ui, struct form *fm, const char *code)
{
	struct scan_hit hit;
	if (form_field(fm, "lots") != &fm->f[fm->focus])
		return RES_NOT_MINE;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind != SCAN_LOT) {
		ui_error(ui, _("Scanned %s: that is not a lot"), code);
		return RES_HANDLED;
	}
	char v[FIELD_VALUE_MAX + 1];
	const char *old = form_get(fm, "lots");
	snprintf(v, sizeof(v), "%s%s%s", old ? old : "", old ? " " : "", hit.code);
	form_set(fm, "lots", v);
	return RES_HANDLED;
}

static void open_new(struct ui *ui, struct recall_screen *rs)
{
	if (!need_recall_role(ui)) {
		if (rs->for_new)
			ui->pending_action = ACT_BACK;
		rs->for_new = 0;
		return;
	}
	struct form *fm = form_new(_("New recall"));
	fm->ctx = rs;
	fm->submit = new_submit;
	fm->on_scan = new_scan;
	snprintf(fm->intro, sizeof(fm->intro), "%s",
	         _("Every lot made from these is in scope; those in stock go on hold."));
	struct form_field *f = form_add(fm, "lots", _("Lots"), FIELD_TEXT, 1);
	f->svc_key = N_("lot");
	f->hint = _("codes, space between; scan to add");
	f = form_add(fm, "reason", _("Reason"), FIELD_TEXT, 1);
	f->svc_key = N_("reason");
	f = form_add(fm, "drill", _("Mock recall"), FIELD_CHOICE, 1);
	f->strict = 1;
	form_add_choices(f, "no|yes");
	f->hint = _("yes: a drill, nothing held");
	form_set(fm, "drill", "no");
	if (rs->new_lots[0]) {
		form_set(fm, "lots", rs->new_lots);
		form_focus(fm, "reason");
	}
	ui_push_form(ui, fm);
}

/* The forms on one customer of one recall. */
struct mark_form {
	char recall[LOT_MAX + 1];
	char customer[CODE_MAX + 1];
};

static struct mark_form *mark_ctx(struct form *fm, const struct recall_screen *rs,
                                  const char *customer)
{
	struct mark_form *mf = xcalloc(1, sizeof(*mf));
	strlcpy_(mf->recall, rs->r.code, sizeof(mf->recall));
	strlcpy_(mf->customer, customer ? customer : "", sizeof(mf->customer));
	fm->ctx = mf;
	fm->free_ctx = free;
	return mf;
}

static int returned_submit(struct ui *ui, struct form *fm)
{
	struct mark_form *mf = fm->ctx;
	char q[64], unit[64];
	form_qty(fm, "qty", q, sizeof(q), unit, sizeof(unit));
	int rc = recall_mark(&ui->s, mf->recall, mf->customer, "returned", q);
	if (rc == OK)
		ui_info(ui, _("%s: %s returned %s"), mf->recall, mf->customer, q);
	return rc;
}

static int close_submit(struct ui *ui, struct form *fm)
{
	struct mark_form *mf = fm->ctx;
	int rc = recall_close(&ui->s, mf->recall, form_get(fm, "summary"));
	if (rc == OK)
		ui_info(ui, _("Recall %s closed"), mf->recall);
	return rc;
}

static int export_submit(struct ui *ui, struct form *fm)
{
	struct mark_form *mf = fm->ctx;
	const char *path = form_get(fm, "file");
	int text = !strcmp(form_get(fm, "format"), "text");
	long rows = 0;
	FILE *fp = fopen(path, "w");
	if (!fp)
		return error_set(ERR_IO, _("file: cannot write %s: %s"), path, strerror(errno));
	int rc = recall_notices_write(&ui->s, mf->recall, fp, text ? OUT_TABLE : OUT_CSV, &rows);
	if (fclose(fp) != 0 && rc == OK)
		rc = error_set(ERR_IO, _("file: cannot write %s: %s"), path, strerror(errno));
	if (rc == OK)
		ui_info(ui,
		        ngettext("Wrote %ld shipment to notify to %s",
		                 "Wrote %ld shipments to notify to %s", (unsigned long)rows),
		        rows, path);
	return rc;
}

static const struct customer_line *selected_customer(struct recall_screen *rs)
{
	if (!rs->show || rs->view != V_CUSTOMERS)
		return NULL;
	const int *i = table_selected(&rs->t[V_CUSTOMERS]);
	return i && *i < rs->ncust ? &rs->cust[*i] : NULL;
}

static void open_form(struct ui *ui, struct recall_screen *rs, int action)
{
	const struct customer_line *c = selected_customer(rs);
	struct form *fm;
	struct form_field *f;
	char intro[256];
	if (action != ACT_RECALL_EXPORT && !need_recall_role(ui))
		return;
	switch (action) {
	case ACT_RECALL_RETURNED:
		if (!c) {
			ui_error(ui, "%s", _("Choose a customer first (the Customers view)"));
			return;
		}
		fm = form_new(_("Returned"));
		mark_ctx(fm, rs, c->c.code);
		fm->submit = returned_submit;
		snprintf(intro, sizeof(intro), _("%s  %s: received %s"), rs->r.code, c->c.code,
		         c->shipped);
		f = form_add(fm, "qty", _("Quantity"), FIELD_QTY, 1);
		f->svc_key = N_("quantity");
		f->unit = c->unit[0] ? c->unit : NULL;
		f->hint = _("how much came back");
		break;
	case ACT_RECALL_CLOSE:
		fm = form_new(_("Close the recall"));
		mark_ctx(fm, rs, NULL);
		fm->submit = close_submit;
		snprintf(intro, sizeof(intro),
		         _("%s: %lld of %lld customers notified, %lld acknowledged"), rs->r.code,
		         (long long)rs->r.notified, (long long)rs->r.customers,
		         (long long)rs->r.acknowledged);
		f = form_add(fm, "summary", _("Summary"), FIELD_TEXT, 1);
		f->svc_key = N_("summary");
		f->hint = _("how the recall ended");
		break;
	default: {
		char file[FIELD_VALUE_MAX + 1];
		fm = form_new(_("Export the notification list"));
		mark_ctx(fm, rs, NULL);
		fm->submit = export_submit;
		snprintf(intro, sizeof(intro), "%s",
		         _("As 'lotline recall notices': CSV, one row per shipment, or the text "
		           "list."));
		f = form_add(fm, "file", _("File"), FIELD_TEXT, 1);
		f->svc_key = N_("file");
		snprintf(file, sizeof(file), "%s-notices.csv", rs->r.code);
		form_set(fm, "file", file);
		f = form_add(fm, "format", _("Format"), FIELD_CHOICE, 1);
		f->strict = 1;
		form_add_choices(f, "csv|text");
		form_set(fm, "format", "csv");
		break;
	}
	}
	snprintf(fm->intro, sizeof(fm->intro), "%s", intro);
	ui_push_form(ui, fm);
}

static void mark(struct ui *ui, struct recall_screen *rs, const char *what)
{
	const struct customer_line *c = selected_customer(rs);
	if (!c) {
		ui_error(ui, "%s", _("Choose a customer first (the Customers view)"));
		return;
	}
	char code[CODE_MAX + 1];
	strlcpy_(code, c->c.code, sizeof(code));
	if (recall_mark(&ui->s, rs->r.code, code, what, NULL) != OK) {
		ui_error(ui, NULL);
		return;
	}
	reload(rs);
	ui_info(ui, !strcmp(what, "notified") ? _("%s: %s notified") : _("%s: %s acknowledged"),
	        rs->r.code, code);
}

static enum result recall_action(struct ui *ui, void *st, int action)
{
	struct recall_screen *rs = st;
	struct table *t = cur_table(rs);
	switch (action) {
	case ACT_RECALL_NEW:
		open_new(ui, rs);
		return RES_HANDLED;
	case ACT_OPEN: {
		const int *i = table_selected(t);
		if (!i)
			return RES_HANDLED;
		if (!rs->show) {
			struct recall_open_arg arg = {rs->list[*i].code, NULL};
			ui_push(ui, SCREEN_RECALL, &arg);
		} else if (rs->view != V_CUSTOMERS) {
			struct lot_open_arg arg = {rs->view == V_LOTS ? rs->lots[*i].lot
			                                              : rs->ships[*i].lot};
			ui_push(ui, SCREEN_LOT, &arg);
		}
		return RES_HANDLED;
	}
	}
	if (!rs->show)
		return table_action(t, action);
	switch (action) {
	case ACT_RECALL_VIEW:
		rs->view = (enum recall_view)(((int)rs->view + 1) % V_COUNT);
		return RES_HANDLED;
	case ACT_RECALL_NOTIFIED:
		mark(ui, rs, "notified");
		return RES_HANDLED;
	case ACT_RECALL_ACKNOWLEDGED:
		mark(ui, rs, "acknowledged");
		return RES_HANDLED;
	case ACT_RECALL_RETURNED:
	case ACT_RECALL_CLOSE:
	case ACT_RECALL_EXPORT:
		open_form(ui, rs, action);
		return RES_HANDLED;
	}
	return table_action(t, action);
}

static int recall_offers(void *st, int action)
{
	struct recall_screen *rs = st;
	int open = rs->show && !strcmp(rs->r.status, "open");
	switch (action) {
	case ACT_RECALL_NEW:
		return !rs->show;
	case ACT_RECALL_VIEW:
	case ACT_RECALL_EXPORT:
		return rs->show;
	case ACT_RECALL_NOTIFIED:
	case ACT_RECALL_ACKNOWLEDGED:
	case ACT_RECALL_RETURNED:
		return open && rs->view == V_CUSTOMERS && rs->ncust > 0;
	case ACT_RECALL_CLOSE:
		return open;
	}
	return 1;
}

const struct screen_ops screen_recall_ops = {
    .name = "recall",
    .id = SCREEN_RECALL,
    .open = recall_open_screen,
    .close = recall_close_screen,
    .resume = recall_resume,
    .title = recall_title,
    .draw = recall_draw,
    .action = recall_action,
    .offers = recall_offers,
};
