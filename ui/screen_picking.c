/* The Picking screen, made for an RF gun first (20x16, letters and digits, no
 * F-keys). Opened from the menu it lists the orders ready to pick; on one order
 * it says one pick at a time ("pick 12 each of LOT from FG"), the picker scans
 * the location and then the lot, and the services check both: a refusal is
 * shown in full on the screen, naming the right lot. A short pick is a form
 * (how much was there, why); the service re-allocates the rest. When nothing is
 * left, ship asks once more, ships, and shows the despatch note. */
#include "db/orders.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/orders.h"
#include "src/scan.h"
#include "src/textwidth.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct picking {
	struct ui *ui;
	int list; /* no order given: the orders ready to pick */
	struct order *orders;
	int norders, caporders;
	/* picking one order */
	char ref[CODE_MAX + 1];
	struct pick_task task;
	int have_task;               /* 0: nothing left to pick */
	char location[CODE_MAX + 1]; /* the location scanned for this pick, checked */
	char msg[512];               /* the last answer, shown in full */
	int msg_err;
	int confirming; /* ship was asked: Enter ships, Esc does not */
	int shipped;
	struct allocation *al;
	int nal, capal;
	struct table t;
};

/* ---- the list of orders to pick ---- */

static const struct table_col list_cols[] = {
    {N_("Order"), 10, 6, 1, 0, 1, 0},    {N_("Ship date"), 10, 10, 2, 0, 0, 0},
    {N_("Customer"), 10, 6, 4, 0, 0, 0}, {N_("Status"), 9, 5, 3, 0, 0, 0},
    {N_("Lines"), 5, 3, 5, 1, 0, 0},     {N_("Name"), 24, 8, 6, 0, 0, 1},
};

static int list_count(void *ctx)
{
	struct picking *p = ctx;
	return p->norders;
}

static const char *list_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct picking *p = ctx;
	const struct order *o = &p->orders[*(const int *)row];
	switch (col) {
	case 0:
		return o->ref;
	case 1:
		return o->ship_date[0] ? o->ship_date : "-";
	case 2:
		return o->customer_code;
	case 3:
		return _(o->status);
	case 4:
		snprintf(buf, n, "%lld", (long long)o->lines);
		return buf;
	default:
		return o->customer_name;
	}
}

static const struct table_src list_src = {
    .row_size = sizeof(int),
    .count = list_count,
    .cell = list_cell,
};

static int add_order(void *ctx, const struct order *o)
{
	struct picking *p = ctx;
	GROW(p->orders, p->norders, p->caporders, 16);
	p->orders[p->norders++] = *o;
	return 0;
}

/* Earliest ship date first (no date last), then by order. */
static int by_ship_date(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (!x->ship_date[0] != !y->ship_date[0])
		return x->ship_date[0] ? -1 : 1;
	int c = strcmp(x->ship_date, y->ship_date);
	return c ? c : strcmp(x->ref, y->ref);
}

static void load_list(struct ui *ui, struct picking *p)
{
	p->norders = 0;
	if (db_order_each(ui->s.store, "picking", add_order, p) ||
	    db_order_each(ui->s.store, "confirmed", add_order, p))
		ui_error(ui, NULL);
	if (p->norders)
		qsort(p->orders, (size_t)p->norders, sizeof(*p->orders), by_ship_date);
}

/* ---- one order ---- */

static const struct table_col pick_cols[] = {
    {N_("#"), 2, 1, 6, 1, 0, 0},        {N_("Lot"), 16, 12, 1, 0, 1, 0},
    {N_("Location"), 8, 4, 3, 0, 0, 0}, {N_("Qty"), 7, 4, 2, 1, 0, 0},
    {N_("Picked"), 7, 4, 4, 1, 0, 0},   {N_("Item"), 10, 5, 5, 0, 0, 1},
};

static int pick_count(void *ctx)
{
	struct picking *p = ctx;
	return p->nal;
}

static const char *pick_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct picking *p = ctx;
	const struct allocation *a = &p->al[*(const int *)row];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		snprintf(buf, n, "%lld", (long long)a->line);
		return buf;
	case 1:
		return a->lot;
	case 2:
		return a->location;
	case 3:
		snprintf(buf, n, "%s", fixed_format(a->qty, 0, q));
		return buf;
	case 4:
		snprintf(buf, n, "%s", fixed_format(a->picked, 0, q));
		return buf;
	default:
		return a->item_code;
	}
}

/* > the pick to do now, + picked in full */
static enum style pick_mark(void *ctx, const void *row, char *marker)
{
	struct picking *p = ctx;
	const struct allocation *a = &p->al[*(const int *)row];
	*marker = ' ';
	if (a->qty > 0 && a->picked >= a->qty) {
		*marker = '+';
		return ST_DIM;
	}
	if (p->have_task && a->line == p->task.line && !strcmp(a->lot, p->task.lot)) {
		*marker = '>';
		return ST_EXPIRING;
	}
	return ST_NORMAL;
}

static const struct table_src pick_src = {
    .row_size = sizeof(int),
    .count = pick_count,
    .cell = pick_cell,
    .mark = pick_mark,
};

static int add_allocation(void *ctx, const struct allocation *a)
{
	struct picking *p = ctx;
	if (a->qty <= 0)
		return 0; /* cut to nothing by a short pick: nothing to show */
	GROW(p->al, p->nal, p->capal, 16);
	p->al[p->nal++] = *a;
	return 0;
}

/* The order as it is now: its next pick and its reserved lots. */
static int load_order(struct ui *ui, struct picking *p)
{
	struct order o;
	int rc = db_order_get(ui->s.store, p->ref, &o);
	if (rc)
		return rc;
	p->shipped = !strcmp(o.status, "shipped");
	p->have_task = 0;
	if (!p->shipped) {
		rc = pick_next(&ui->s, p->ref, &p->task);
		if (rc == OK)
			p->have_task = 1;
		else if (rc != ERR_CONFLICT || strcmp(o.status, "cancelled") == 0 ||
		         strcmp(o.status, "draft") == 0)
			return rc; /* not an order to pick */
		error_clear();
	}
	p->nal = 0;
	return db_allocations_each(ui->s.store, o.id, add_allocation, p);
}

static void say(struct picking *p, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say(struct picking *p, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
	va_end(ap);
	p->msg_err = err;
	if (err)
		ui_error(p->ui, "%s", p->msg);
	else
		ui_info(p->ui, "%s", p->msg);
}

static void select_task(struct picking *p)
{
	for (int i = 0; p->have_task && i < p->nal; i++)
		if (p->al[i].line == p->task.line && !strcmp(p->al[i].lot, p->task.lot)) {
			table_select_index(&p->t, i);
			return;
		}
}

static void *picking_open(struct ui *ui, const void *arg)
{
	const struct picking_open_arg *a = arg;
	struct picking *p = xcalloc(1, sizeof(*p));
	p->ui = ui;
	if (!a || !a->ref) {
		p->list = 1;
		load_list(ui, p);
		table_init(&p->t, ui, list_cols, (int)ARRAY_SIZE(list_cols), &list_src, p);
		p->t.empty = _("No orders to pick: confirm an order first");
		return p;
	}
	strlcpy_(p->ref, a->ref, sizeof(p->ref));
	if (load_order(ui, p)) {
		ui_error(ui, NULL);
		free(p->al);
		free(p);
		return NULL;
	}
	table_init(&p->t, ui, pick_cols, (int)ARRAY_SIZE(pick_cols), &pick_src, p);
	p->t.empty = _("No lots reserved");
	select_task(p);
	return p;
}

static void picking_close(struct ui *ui, void *st)
{
	struct picking *p = st;
	table_free(&p->t);
	free(p->orders);
	free(p->al);
	free(p);
}

/* After a pick, a short pick or a screen above: read the order again. The
 * location is scanned again for each pick. */
static int reload(struct ui *ui, struct picking *p)
{
	int rc = OK;
	if (p->list) {
		load_list(ui, p);
		table_reset(&p->t);
		return OK;
	}
	p->location[0] = '\0';
	if ((rc = load_order(ui, p)))
		say(p, 1, "%s", error_msg());
	table_reset(&p->t);
	select_task(p);
	return rc;
}

/* Back from a form or another screen, or entries came by sync. The scanned
 * location still counts while the pick is the same one. */
static void picking_resume(struct ui *ui, void *st)
{
	struct picking *p = st;
	char keep[sizeof(p->msg)], location[sizeof(p->location)], lot[sizeof(p->task.lot)];
	int64_t line = p->have_task ? p->task.line : -1;
	int err = ui->status[0] ? ui->status_error : p->msg_err;
	/* the form's own message (short pick recorded) is the one to show */
	strlcpy_(keep, ui->status[0] ? ui->status : p->msg, sizeof(keep));
	strlcpy_(location, p->location, sizeof(location));
	strlcpy_(lot, p->task.lot, sizeof(lot));
	if (reload(ui, p) != OK)
		return; /* its message says what is wrong now */
	strlcpy_(p->msg, keep, sizeof(p->msg));
	p->msg_err = err;
	if (p->have_task && p->task.line == line && !strcmp(p->task.lot, lot))
		strlcpy_(p->location, location, sizeof(p->location));
}

static const char *picking_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct picking *p = st;
	if (p->list)
		snprintf(buf, n, "%s", screen_title(SCREEN_PICKING));
	else if (ui->compact)
		/* L10N: the Picking screen's title on a handheld: "Pick SO1" */
		snprintf(buf, n, _("Pick %s"), p->ref);
	else
		/* L10N: the Picking screen's title: "Order picking: SO1" */
		snprintf(buf, n, _("Order picking: %s"), p->ref);
	return buf;
}

/* Word-wrapped text from line y; returns the line after it. */
static int wrap(const struct rect *r, int y, const char *text, enum style st)
{
	char line[512];
	const char *w = text;
	while (*w && y < r->y + r->h) {
		size_t len = 0;
		const char *end = w, *p = w;
		/* whole words while they fit; a word longer than the line is cut */
		while (*p) {
			const char *q = p;
			while (*q && *q != ' ')
				q++;
			size_t take = (size_t)(q - w);
			if (take >= sizeof(line))
				break;
			memcpy(line, w, take);
			line[take] = '\0';
			if (text_width(line) > r->w && end != w)
				break;
			end = q;
			len = take;
			if (text_width(line) > r->w)
				break;
			p = *q ? q + 1 : q;
		}
		if (end == w) { /* nothing fitted: cut the first word */
			end = w + strlen(w);
			len =
			    (size_t)(end - w) < sizeof(line) ? (size_t)(end - w) : sizeof(line) - 1;
		}
		memcpy(line, w, len);
		line[len] = '\0';
		term_put(y++, r->x, r->w, line, st);
		w = end;
		while (*w == ' ')
			w++;
	}
	return y;
}

/* One line, cut to the width. */
static int put_cut(const struct rect *r, int y, const char *text, enum style st)
{
	if (y < r->y + r->h)
		term_put(y++, r->x, r->w, text, st);
	return y;
}

static void picking_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct picking *p = st;
	char buf[512], key[16], q[FIXED_BUFSZ];
	int y = r->y, bottom = r->y + r->h;
	if (p->list) {
		table_draw(&p->t, r);
		return;
	}
	struct rect tr = *r;
	if (p->shipped) {
		snprintf(buf, sizeof(buf), _("Order %s is shipped."), p->ref);
		y = wrap(r, y, buf, ST_HEADER);
		snprintf(buf, sizeof(buf), _("%s: the despatch note"),
		         ui_key_for(ui, &ui->stack[ui->depth - 1], ACT_OPEN, key, sizeof(key)));
		y = wrap(r, y, buf, ST_NORMAL);
	} else if (p->confirming) {
		snprintf(buf, sizeof(buf), _("Ship order %s now? Enter: ship; %s: not yet"), p->ref,
		         ui_key_for(ui, &ui->stack[ui->depth - 1], ACT_BACK, key, sizeof(key)));
		y = wrap(r, y, buf, ST_EXPIRING);
	} else if (!p->have_task) {
		snprintf(
		    buf, sizeof(buf), _("All picked. %s: ship the order"),
		    ui_key_for(ui, &ui->stack[ui->depth - 1], ACT_PICK_SHIP, key, sizeof(key)));
		y = wrap(r, y, buf, ST_HEADER);
	} else {
		const struct pick_task *t = &p->task;
		/* the sentence the picker acts on, in the service's words */
		snprintf(buf, sizeof(buf), _("pick %s %s of %s from %s"),
		         fixed_format(t->qty, 0, q), t->unit, t->lot, t->location);
		y = wrap(r, y, buf, ST_HEADER);
		/* on a handheld the item's code and the expiry, on one line */
		if (ui->compact)
			snprintf(buf, sizeof(buf), "%s %s", t->item_code, t->expiry);
		else
			snprintf(buf, sizeof(buf), "%s %s%s%s", t->item_code, t->item_name,
			         t->expiry[0] ? _(", expires ") : "", t->expiry);
		y = ui->compact ? put_cut(r, y, buf, ST_NORMAL) : wrap(r, y, buf, ST_NORMAL);
		snprintf(buf, sizeof(buf),
		         ngettext("line %lld; %lld pick left", "line %lld; %lld picks left",
		                  (unsigned long)t->remaining),
		         (long long)t->line, (long long)t->remaining);
		y = wrap(r, y, buf, ST_DIM);
		if (!p->location[0])
			snprintf(buf, sizeof(buf), _("> scan location %s"), t->location);
		else
			snprintf(buf, sizeof(buf), _("> %s ok: scan lot"), p->location);
		y = wrap(r, y, buf, ST_SELECTED);
	}
	if (p->msg[0] && y < bottom)
		y = wrap(r, y, p->msg, p->msg_err ? ST_ERROR : ST_INFO);
	/* the order's lots below, when at least a header and two rows fit */
	if (bottom - y >= 4) {
		tr.y = y + 1;
		tr.h = bottom - y - 1;
		table_draw(&p->t, &tr);
	}
}

/* ---- scans ---- */

static void scan_location(struct ui *ui, struct picking *p, const char *code)
{
	if (pick_check_location(&ui->s, p->ref, code) != OK) {
		say(p, 1, "%s", error_msg());
		return;
	}
	strlcpy_(p->location, p->task.location, sizeof(p->location));
	/* the prompt on the screen says what comes next */
	p->msg[0] = '\0';
	ui_info(ui, _("Location %s: now scan lot %s"), p->location, p->task.lot);
}

static void scan_lot(struct ui *ui, struct picking *p, const char *code)
{
	struct pick_req req = {p->ref, p->location, code, NULL};
	struct pick_task done;
	char q[FIXED_BUFSZ];
	if (pick_record(&ui->s, &req, &done) != OK) {
		say(p, 1, "%s", error_msg());
		return;
	}
	reload(ui, p);
	say(p, 0, _("Picked %s %s of %s"), fixed_format(done.qty, 0, q), done.unit, done.lot);
}

static enum result picking_scan(struct ui *ui, void *st, const char *code)
{
	struct picking *p = st;
	struct scan_hit hit;
	int known = scan_lookup(&ui->s, code, &hit) == OK;
	const char *what = known ? hit.code : code;
	error_clear();
	if (p->list) {
		/* a pick list's order number opens that order */
		struct order o;
		if (db_order_get(ui->s.store, code, &o) == OK) {
			struct picking_open_arg arg = {o.ref};
			ui_push(ui, SCREEN_PICKING, &arg);
			return RES_HANDLED;
		}
		error_clear();
		return RES_NOT_MINE;
	}
	if (p->shipped || !p->have_task) {
		say(p, 1, _("Scanned %s: nothing is left to pick on %s"), code, p->ref);
		return RES_HANDLED;
	}
	if (p->confirming)
		p->confirming = 0;
	if (known && hit.kind == SCAN_LOCATION)
		scan_location(ui, p, what);
	else if (!p->location[0] && known && hit.kind == SCAN_LOT)
		say(p, 1, _("Scanned lot %s: scan the location %s first, then the lot"), what,
		    p->task.location);
	else if (!p->location[0])
		scan_location(ui, p, what);
	else
		scan_lot(ui, p, what);
	return RES_HANDLED;
}

/* ---- a code typed when its label does not scan ---- */

struct type_form {
	struct picking *p; /* the screen under the form, alive while it is open */
};

static int type_submit(struct ui *ui, struct form *fm)
{
	struct type_form *tf = fm->ctx;
	/* checked as a scan is; the answer shows on the picking screen */
	picking_scan(ui, tf->p, form_get(fm, "code"));
	return OK;
}

static void open_type(struct ui *ui, struct picking *p)
{
	if (!p->have_task) {
		say(p, 1, _("Nothing is left to pick on %s"), p->ref);
		return;
	}
	struct form *fm = form_new(_("Type a code"));
	struct type_form *tf = xcalloc(1, sizeof(*tf));
	tf->p = p;
	fm->ctx = tf;
	fm->free_ctx = free;
	fm->submit = type_submit;
	snprintf(fm->intro, sizeof(fm->intro), p->location[0] ? _("The lot %s") : _("Location %s"),
	         p->location[0] ? p->task.lot : p->task.location);
	struct form_field *f = form_add(fm, "code", _("Code"), FIELD_TEXT, 1);
	f->hint = p->location[0] ? _("the lot") : _("the location");
	ui_push_form(ui, fm);
}

/* ---- short pick ---- */

struct short_form {
	char ref[CODE_MAX + 1];
	char lot[LOT_MAX + 1];
	char unit[16];
	char hint[64];
};

static int short_submit(struct ui *ui, struct form *fm)
{
	struct short_form *sf = fm->ctx;
	fixed_t moved, unfilled;
	char num[64], unit[64], a[FIXED_BUFSZ], b[FIXED_BUFSZ];
	form_qty(fm, "found", num, sizeof(num), unit, sizeof(unit));
	int rc = pick_short(&ui->s, sf->ref, num, form_get(fm, "reason"), &moved, &unfilled);
	if (rc == OK)
		ui_info(ui, _("Short pick of %s recorded: %s %s re-allocated, %s %s not filled"),
		        sf->lot, fixed_format(moved, 0, a), sf->unit, fixed_format(unfilled, 0, b),
		        sf->unit);
	return rc;
}

static void open_short(struct ui *ui, struct picking *p)
{
	char q[FIXED_BUFSZ];
	if (!p->have_task) {
		say(p, 1, _("Nothing is left to pick on %s"), p->ref);
		return;
	}
	/* the role is the service's rule; asking first saves filling a form in vain */
	if (session_require(&ui->s, PERM_PICK)) {
		say(p, 1, "%s", error_msg());
		return;
	}
	struct form *fm = form_new(_("Short pick"));
	struct short_form *sf = xcalloc(1, sizeof(*sf));
	strlcpy_(sf->ref, p->ref, sizeof(sf->ref));
	strlcpy_(sf->lot, p->task.lot, sizeof(sf->lot));
	strlcpy_(sf->unit, p->task.unit, sizeof(sf->unit));
	fm->ctx = sf;
	fm->free_ctx = free;
	fm->submit = short_submit;
	snprintf(fm->intro, sizeof(fm->intro), _("%s  from %s"), p->task.lot, p->task.location);
	/* L10N: beside the Found field of a short pick: "of 12 asked" */
	snprintf(sf->hint, sizeof(sf->hint), _("of %s asked"), fixed_format(p->task.qty, 0, q));
	struct form_field *f = form_add(fm, "found", _("Found"), FIELD_QTY, 1);
	f->svc_key = N_("quantity");
	f->unit = sf->unit;
	f->hint = sf->hint;
	f = form_add(fm, "reason", _("Reason"), FIELD_CHOICE, 1);
	f->svc_key = N_("reason");
	f->strict = 1;
	form_add_choices(f, SHORT_REASONS);
	ui_push_form(ui, fm);
}

/* ---- actions ---- */

static void ship(struct ui *ui, struct picking *p)
{
	p->confirming = 0;
	if (order_ship(&ui->s, p->ref) != OK) {
		say(p, 1, "%s", error_msg());
		return;
	}
	reload(ui, p);
	say(p, 0, _("Order %s shipped"), p->ref);
	struct orders_open_arg arg = {p->ref, ORDERS_DESPATCH};
	ui_push(ui, SCREEN_ORDERS, &arg);
}

static enum result picking_action(struct ui *ui, void *st, int action)
{
	struct picking *p = st;
	if (p->list) {
		if (action == ACT_OPEN) {
			const int *i = table_selected(&p->t);
			if (i) {
				struct picking_open_arg arg = {p->orders[*i].ref};
				ui_push(ui, SCREEN_PICKING, &arg);
			}
			return RES_HANDLED;
		}
		if (action == ACT_PICK_ORDERS) {
			ui_push(ui, SCREEN_ORDERS, NULL);
			return RES_HANDLED;
		}
		if (action == ACT_PICK_SHORT || action == ACT_PICK_SHIP ||
		    action == ACT_PICK_TYPE) {
			ui_error(ui, "%s", _("Choose an order to pick first (Enter)"));
			return RES_HANDLED;
		}
		return table_action(&p->t, action);
	}
	if (p->confirming && (action == ACT_OPEN || action == ACT_PICK_SHIP)) {
		ship(ui, p);
		return RES_HANDLED;
	}
	if (p->confirming && action == ACT_BACK) {
		p->confirming = 0;
		say(p, 0, _("Order %s not shipped"), p->ref);
		return RES_HANDLED;
	}
	switch (action) {
	case ACT_OPEN:
		if (p->shipped) {
			struct orders_open_arg arg = {p->ref, ORDERS_DESPATCH};
			ui_push(ui, SCREEN_ORDERS, &arg);
		}
		return RES_HANDLED;
	case ACT_PICK_SHORT:
		open_short(ui, p);
		return RES_HANDLED;
	case ACT_PICK_TYPE:
		open_type(ui, p);
		return RES_HANDLED;
	case ACT_PICK_SHIP:
		if (p->shipped)
			say(p, 1, _("Order %s is shipped already"), p->ref);
		else if (p->have_task)
			say(p, 1,
			    ngettext("%lld pick is left: pick it or record a short pick first",
			             "%lld picks are left: pick them or record short picks first",
			             (unsigned long)p->task.remaining),
			    (long long)p->task.remaining);
		else {
			p->confirming = 1;
			p->msg[0] = '\0';
		}
		return RES_HANDLED;
	case ACT_PICK_ORDERS: {
		struct orders_open_arg arg = {p->ref, ORDERS_LINES};
		ui_push(ui, SCREEN_ORDERS, &arg);
		return RES_HANDLED;
	}
	}
	return table_action(&p->t, action);
}

static int picking_offers(void *st, int action)
{
	struct picking *p = st;
	if (p->list)
		return action != ACT_PICK_SHORT && action != ACT_PICK_SHIP &&
		       action != ACT_PICK_TYPE;
	if (action == ACT_PICK_SHORT || action == ACT_PICK_TYPE)
		return p->have_task;
	if (action == ACT_PICK_SHIP)
		return !p->have_task && !p->shipped;
	return 1;
}

const struct screen_ops screen_picking_ops = {
    .name = "picking",
    .id = SCREEN_PICKING,
    .open = picking_open,
    .close = picking_close,
    .resume = picking_resume,
    .title = picking_title,
    .draw = picking_draw,
    .action = picking_action,
    .on_scan = picking_scan,
    .offers = picking_offers,
};
