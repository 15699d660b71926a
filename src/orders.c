/* Order, picking, shipping and return services. Allocation happens here, in the
 * service, and the lots chosen travel in the entry: a replayed or synced entry
 * reserves exactly what the terminal that confirmed the order reserved. */
#include "orders.h"
#include "clock.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "ledger.h"
#include "settings.h"
#include "units.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int order_line_parse(char *text, struct order_line_req *r)
{
	char *parts[4] = {NULL, NULL, NULL, NULL};
	int n = 0;
	char *copy = text;
	for (char *p = text; n < 4;) {
		parts[n++] = p;
		char *colon = strchr(p, ':');
		if (!colon)
			break;
		*colon = '\0';
		p = colon + 1;
	}
	if (n < 2 || !*parts[0] || !*parts[1])
		return error_set(ERR_INVALID, _("line: '%s' is not ITEM:QTY[:UNIT[:LOT]]"), copy);
	r->item = parts[0];
	r->qty = parts[1];
	r->unit = parts[2] && *parts[2] ? parts[2] : NULL;
	r->lot = parts[3] && *parts[3] ? parts[3] : NULL;
	return OK;
}

static int ref_ok(const char *what, const char *v)
{
	if (!v || !*v)
		return error_set(ERR_INVALID, _("%s: required"), what);
	if (strlen(v) > CODE_MAX)
		return error_set(ERR_INVALID, _("%s: longer than %d characters"), what, CODE_MAX);
	for (const char *p = v; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("-_./", *p))
			return error_set(ERR_INVALID,
			                 _("%s: '%s' may only have letters, digits and - _ . /"),
			                 what, v);
	return OK;
}

static int load_order(struct session *s, const char *ref, struct order *o)
{
	if (!ref || !*ref)
		return error_set(ERR_INVALID, _("order: required"));
	return db_order_get(s->store, ref, o);
}

/* ---- add ---- */

static int check_line(struct session *s, int i, const struct order_line_req *r, struct fields *f)
{
	struct item it;
	struct unit_ctx uc;
	struct lot l;
	fixed_t q, base;
	char num[FIXED_BUFSZ], entered[64];
	int rc;
	if (!r->item || !*r->item)
		return error_set(ERR_INVALID, _("line %d: item: required"), i);
	if ((rc = db_item_get(s->store, r->item, &it)))
		return error_prefix(rc, _("line %d"), i);
	if (!r->qty || fixed_parse(r->qty, 0, &q) || q <= 0)
		return error_set(ERR_INVALID,
		                 _("line %d: quantity '%s' must be a number more than zero"), i,
		                 r->qty ? r->qty : "");
	uc = (struct unit_ctx){it.base_unit, it.density, it.pack_size};
	const char *unit = r->unit ? r->unit : it.base_unit;
	if ((rc = unit_convert(q, unit, it.base_unit, &uc, &base)))
		return error_prefix(rc, _("line %d: unit"), i);
	if (base <= 0)
		return error_set(ERR_INVALID, _("line %d: quantity: too small"), i);
	if (r->lot) {
		if ((rc = db_lot_get(s->store, r->lot, &l)))
			return error_prefix(rc, _("line %d"), i);
		if (l.item_id != it.id)
			return error_set(ERR_INVALID, _("line %d: lot %s is %s, not %s"), i, l.code,
			                 l.item_code, it.code);
	}
	snprintf(entered, sizeof(entered), "%s %s", fixed_format(q, 0, num), unit);
	fields_set_nth(f, i, "item", it.code);
	fields_set_nth_int(f, i, "qty", base);
	fields_set_nth(f, i, "entered", entered);
	fields_set_nth(f, i, "lot", r->lot ? r->lot : "");
	return OK;
}

int order_add(struct session *s, const struct order_req *r)
{
	int rc = session_require(s, PERM_ORDERS);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, order_add_in_tx(s, r));
}

int order_add_in_tx(struct session *s, const struct order_req *r)
{
	struct party c;
	struct order o;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_ORDERS);
	if (rc)
		return rc;
	if ((rc = ref_ok(_("order"), r->ref)))
		goto out;
	if (db_order_get(s->store, r->ref, &o) == OK) {
		rc = error_set(ERR_CONFLICT, _("order %s already exists"), r->ref);
		goto out;
	}
	if (!r->customer || !*r->customer) {
		rc = error_set(ERR_INVALID, _("customer: required"));
		goto out;
	}
	if ((rc = db_party_get(s->store, PARTY_CUSTOMER, r->customer, &c)))
		goto out;
	if (r->ship_date && *r->ship_date) {
		int64_t d;
		if ((rc = date_parse(r->ship_date, &d))) {
			error_prefix(rc, _("ship date"));
			goto out;
		}
	}
	if (r->note && strlen(r->note) > TEXT_MAX) {
		rc = error_set(ERR_INVALID, _("note: longer than %d characters"), TEXT_MAX);
		goto out;
	}
	if (r->nlines < 1) {
		rc = error_set(ERR_INVALID, _("line: an order needs at least one --line"));
		goto out;
	}
	for (int i = 0; i < r->nlines; i++)
		if ((rc = check_line(s, i + 1, &r->lines[i], &f)))
			goto out;
	fields_set(&f, "ref", r->ref);
	fields_set(&f, "customer", c.code);
	fields_set(&f, "ship_date", r->ship_date ? r->ship_date : "");
	fields_set(&f, "note", r->note ? r->note : "");
	fields_set_int(&f, "lines", r->nlines);
	rc = journal_append(s, "order.put", &f, NULL);
out:
	fields_free(&f);
	return rc;
}

/* ---- allocation ---- */

/* What this action has already taken of each lot, so that two lines of one item
 * do not both count the same free stock. */
struct taken {
	int64_t lot_id;
	fixed_t qty;
};

struct alloc {
	struct taken *v;
	size_t n, cap;
	int64_t exclude; /* a lot not to use (the one a short pick found short) */
	fixed_t need, got;
	struct strbuf list;
};

static fixed_t taken_of(const struct alloc *a, int64_t lot_id)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].lot_id == lot_id)
			return a->v[i].qty;
	return 0;
}

static void take(struct alloc *a, int64_t lot_id, const char *code, fixed_t q)
{
	size_t i;
	for (i = 0; i < a->n && a->v[i].lot_id != lot_id; i++)
		;
	if (i == a->n) {
		if (a->n == a->cap) {
			a->cap = a->cap ? a->cap * 2 : 8;
			a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
		}
		a->v[a->n++] = (struct taken){lot_id, 0};
	}
	a->v[i].qty += q;
	a->got += q;
	if (a->list.len)
		sb_putc(&a->list, ',');
	sb_printf(&a->list, "%s=%lld", code, (long long)q);
}

/* db_usable_lots_each gives each lot with what orders have not reserved. */
static int alloc_lot(void *ctx, const struct lot *l)
{
	struct alloc *a = ctx;
	fixed_t free_qty = l->qty - taken_of(a, l->id), q;
	if (l->id == a->exclude || free_qty <= 0)
		return 0;
	q = free_qty < a->need - a->got ? free_qty : a->need - a->got;
	take(a, l->id, l->code, q);
	return a->got >= a->need;
}

static int fifo_order(struct session *s)
{
	char order[16];
	setting_get(s, SETTING_CONSUMPTION_ORDER, order, sizeof(order));
	return !strcmp(order, "fifo");
}

/* Free stock of one lot: its balance less every reservation and what this action took. */
static int lot_free(struct session *s, const struct alloc *a, const struct lot *l, fixed_t *out)
{
	fixed_t reserved;
	int rc = db_lot_reserved(s->store, l->id, &reserved);
	if (rc == OK)
		*out = l->qty - reserved - taken_of(a, l->id);
	return rc;
}

static int lot_refusal(const struct lot *l, int64_t today, const char *action)
{
	int64_t exp;
	if (strcmp(l->status, "available") != 0)
		return error_set(ERR_CONFLICT, _("lot %s is %s: it cannot be %s"), l->code,
		                 _(l->status), action);
	if (l->expiry[0] && date_parse(l->expiry, &exp) == OK && exp < today)
		return error_set(ERR_CONFLICT, _("lot %s expired on %s: it cannot be %s"), l->code,
		                 l->expiry, action);
	return OK;
}

/* Allocate need of item for a line into a->list; the lot asked for, or by FEFO/FIFO. */
static int allocate(struct session *s, struct alloc *a, int64_t item_id, const char *lot_code)
{
	char today[11];
	int rc;
	date_format(clock_today(), today);
	if (lot_code && *lot_code) {
		struct lot l;
		fixed_t free_qty;
		if ((rc = db_lot_get(s->store, lot_code, &l)) ||
		    (rc = lot_refusal(&l, clock_today(), _("reserved"))) ||
		    (rc = lot_free(s, a, &l, &free_qty)))
			return rc;
		if (free_qty > 0)
			take(a, l.id, l.code, free_qty < a->need ? free_qty : a->need);
		return OK;
	}
	rc = db_usable_lots_each(s->store, item_id, today, fifo_order(s), alloc_lot, a);
	return rc == 1 ? OK : rc;
}

struct lines {
	struct order_line *v;
	size_t n, cap;
};

static int collect_line(void *ctx, const struct order_line *l)
{
	struct lines *ls = ctx;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 8;
		ls->v = xrealloc(ls->v, ls->cap * sizeof(*ls->v));
	}
	ls->v[ls->n++] = *l;
	return 0;
}

int order_confirm(struct session *s, const char *ref)
{
	struct order o;
	struct lines ls = {NULL, 0, 0};
	struct alloc a;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_ORDERS);
	memset(&a, 0, sizeof(a));
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, ref, &o)))
		goto out;
	if (strcmp(o.status, "draft") != 0) {
		rc = error_set(ERR_CONFLICT,
		               _("order %s is %s: only a draft order can be confirmed"), o.ref,
		               _(o.status));
		goto out;
	}
	if ((rc = db_order_lines_each(s->store, o.id, collect_line, &ls)))
		goto out;
	for (size_t i = 0; i < ls.n; i++) {
		const struct order_line *l = &ls.v[i];
		char q[FIXED_BUFSZ], g[FIXED_BUFSZ];
		a.need = l->qty;
		a.got = 0;
		sb_reset(&a.list);
		if ((rc = allocate(s, &a, l->item_id, l->lot))) {
			error_prefix(rc, _("line %lld"), (long long)l->line);
			goto out;
		}
		if (a.got < a.need) {
			if (l->lot[0])
				rc = error_set(
				    ERR_CONFLICT,
				    _("line %lld needs %s %s of lot %s and only %s %s of it "
				      "is free (the rest is reserved for other orders)"),
				    (long long)l->line, fixed_format(l->qty, 0, q), l->unit, l->lot,
				    fixed_format(a.got, 0, g), l->unit);
			else
				rc = error_set(
				    ERR_CONFLICT,
				    _("line %lld needs %s %s of %s and only %s %s can be "
				      "reserved (expired, held and reserved stock is not "
				      "used)"),
				    (long long)l->line, fixed_format(l->qty, 0, q), l->unit,
				    l->item_code, fixed_format(a.got, 0, g), l->unit);
			goto out;
		}
		fields_set_nth_int(&f, l->line, "line", l->line);
		fields_set_nth(&f, l->line, "lots", sb_str(&a.list));
	}
	fields_set(&f, "ref", o.ref);
	fields_set_int(&f, "lines", (int64_t)ls.n);
	fields_set(&f, "order", fifo_order(s) ? "fifo" : "fefo");
	rc = journal_append(s, "order.confirm", &f, NULL);
out:
	free(ls.v);
	free(a.v);
	sb_free(&a.list);
	fields_free(&f);
	return session_end(s, rc);
}

int order_cancel(struct session *s, const char *ref, const char *reason)
{
	struct order o;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_ORDERS);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, ref, &o)))
		goto out;
	if (!strcmp(o.status, "shipped") || !strcmp(o.status, "cancelled")) {
		rc = error_set(ERR_CONFLICT, _("order %s is %s: it cannot be changed"), o.ref,
		               _(o.status));
		goto out;
	}
	if (!reason || !*reason || strlen(reason) > TEXT_MAX) {
		rc = error_set(ERR_INVALID,
		               _("reason: say why the order is cancelled (1 to %d "
		                 "characters)"),
		               TEXT_MAX);
		goto out;
	}
	fields_set(&f, "ref", o.ref);
	fields_set(&f, "reason", reason);
	rc = journal_append(s, "order.cancel", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

/* ---- picking ---- */

struct next_ctx {
	struct pick_task *t;
	const char *lot; /* find this lot's open allocation instead of the first */
	int64_t found;
	struct allocation match;
};

static int find_open(void *ctx, const struct allocation *al)
{
	struct next_ctx *c = ctx;
	if (al->picked >= al->qty)
		return 0;
	c->t->remaining++;
	if (c->t->remaining == 1) {
		c->t->line = al->line;
		strlcpy_(c->t->lot, al->lot, sizeof(c->t->lot));
		strlcpy_(c->t->location, al->location, sizeof(c->t->location));
		strlcpy_(c->t->expiry, al->expiry, sizeof(c->t->expiry));
		strlcpy_(c->t->unit, al->unit, sizeof(c->t->unit));
		strlcpy_(c->t->item_code, al->item_code, sizeof(c->t->item_code));
		c->t->qty = al->qty - al->picked;
	}
	if (c->lot && !c->found && !strcmp(al->lot, c->lot)) {
		c->found = 1;
		c->match = *al;
	}
	return 0;
}

static int require_pickable(const struct order *o)
{
	if (strcmp(o->status, "confirmed") && strcmp(o->status, "picking"))
		return error_set(ERR_CONFLICT,
		                 _("order %s is %s: only a confirmed order is picked"), o->ref,
		                 _(o->status));
	return OK;
}

static int next_of(struct session *s, const struct order *o, const char *lot, struct pick_task *t,
                   struct next_ctx *c)
{
	struct item it;
	int rc;
	memset(t, 0, sizeof(*t));
	memset(c, 0, sizeof(*c));
	c->t = t;
	c->lot = lot;
	strlcpy_(t->order, o->ref, sizeof(t->order));
	if ((rc = db_allocations_each(s->store, o->id, find_open, c)))
		return rc;
	if (!t->remaining)
		return error_set(ERR_CONFLICT, _("order %s has nothing left to pick: ship it"),
		                 o->ref);
	if (db_item_get(s->store, t->item_code, &it) == OK)
		strlcpy_(t->item_name, it.name, sizeof(t->item_name));
	return OK;
}

int pick_next(struct session *s, const char *ref, struct pick_task *out)
{
	struct order o;
	struct next_ctx c;
	int rc;
	if ((rc = load_order(s, ref, &o)) || (rc = require_pickable(&o)))
		return rc;
	return next_of(s, &o, NULL, out, &c);
}

/* "pick 12 each of LOT-A from DRY" for refusals that name the right lot. */
static const char *pick_text(const struct pick_task *t, char *buf, size_t n)
{
	char q[FIXED_BUFSZ];
	snprintf(buf, n, _("pick %s %s of %s from %s"), fixed_format(t->qty, 0, q), t->unit, t->lot,
	         t->location);
	return buf;
}

int pick_check_location(struct session *s, const char *ref, const char *location)
{
	struct order o;
	struct pick_task t;
	struct next_ctx c;
	struct location loc;
	char say[200];
	int rc;
	if ((rc = load_order(s, ref, &o)) || (rc = require_pickable(&o)) ||
	    (rc = next_of(s, &o, NULL, &t, &c)))
		return rc;
	if (!location || !*location)
		return error_set(ERR_INVALID, _("location: scan the location (%s)"),
		                 pick_text(&t, say, sizeof(say)));
	if ((rc = db_location_get(s->store, location, &loc)))
		return rc;
	if (strcmp(loc.code, t.location) != 0)
		return error_set(ERR_CONFLICT, _("wrong location %s: %s"), loc.code,
		                 pick_text(&t, say, sizeof(say)));
	return OK;
}

int pick_record(struct session *s, const struct pick_req *r, struct pick_task *done)
{
	struct order o;
	struct pick_task t;
	struct next_ctx c;
	struct lot l;
	struct location loc;
	struct fields f = FIELDS_INIT;
	fixed_t q, left;
	char say[200], a[FIXED_BUFSZ];
	int rc = session_require(s, PERM_PICK);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, r->order, &o)) || (rc = require_pickable(&o)) ||
	    (rc = next_of(s, &o, r->lot, &t, &c)))
		goto out;
	pick_text(&t, say, sizeof(say));
	if (!r->lot || !*r->lot) {
		rc = error_set(ERR_INVALID, _("lot: scan the lot (%s)"), say);
		goto out;
	}
	if (db_lot_get(s->store, r->lot, &l) != OK) {
		rc = error_set(ERR_NOT_FOUND, _("lot %s not found: %s"), r->lot, say);
		goto out;
	}
	if (!c.found) {
		/* say why this lot is wrong, the most serious reason first */
		int64_t exp;
		if (strcmp(l.status, "available") != 0)
			rc = error_set(ERR_CONFLICT, _("lot %s is %s: it cannot be picked; %s"),
			               l.code, _(l.status), say);
		else if (l.expiry[0] && date_parse(l.expiry, &exp) == OK && exp < clock_today())
			rc = error_set(ERR_CONFLICT,
			               _("lot %s expired on %s: it cannot be picked; %s"), l.code,
			               l.expiry, say);
		else
			rc = error_set(ERR_CONFLICT,
			               _("wrong lot %s: it is not reserved for %s; %s"), l.code,
			               o.ref, say);
		goto out;
	}
	/* the reserved lot itself may have been held or expired since */
	if ((rc = lot_refusal(&l, clock_today(), _("picked")))) {
		char why[256];
		strlcpy_(why, error_msg(), sizeof(why));
		rc = error_set(rc, _("%s; record a short pick to re-allocate"), why);
		goto out;
	}
	if (!r->location || !*r->location) {
		rc = error_set(ERR_INVALID, _("location: scan the location of lot %s (%s)"), l.code,
		               l.location_code);
		goto out;
	}
	if ((rc = db_location_get(s->store, r->location, &loc)))
		goto out;
	if (loc.id != l.location_id) {
		rc = error_set(ERR_CONFLICT, _("wrong location: lot %s is in %s, not in %s"),
		               l.code, l.location_code, loc.code);
		goto out;
	}
	left = c.match.qty - c.match.picked;
	if (r->qty && *r->qty) {
		if (fixed_parse(r->qty, 0, &q) || q <= 0) {
			rc = error_set(ERR_INVALID,
			               _("quantity: '%s' must be a number more than zero"), r->qty);
			goto out;
		}
	} else {
		q = left;
	}
	if (q > left) {
		rc = error_set(ERR_INVALID, _("quantity: line %lld needs only %s %s more of %s"),
		               (long long)c.match.line, fixed_format(left, 0, a), l.unit, l.code);
		goto out;
	}
	if (q > l.qty) {
		rc = error_set(ERR_CONFLICT,
		               _("quantity: lot %s holds only %s %s; record a short "
		                 "pick"),
		               l.code, fixed_format(l.qty, 0, a), l.unit);
		goto out;
	}
	fields_set(&f, "ref", o.ref);
	fields_set_int(&f, "line", c.match.line);
	fields_set(&f, "lot", l.code);
	fields_set(&f, "location", loc.code);
	fields_set_int(&f, "qty", q);
	rc = journal_append(s, "order.pick", &f, NULL);
	if (rc == OK && done) {
		*done = t;
		done->line = c.match.line;
		strlcpy_(done->lot, l.code, sizeof(done->lot));
		strlcpy_(done->location, loc.code, sizeof(done->location));
		strlcpy_(done->unit, l.unit, sizeof(done->unit));
		done->qty = q;
	}
out:
	fields_free(&f);
	return session_end(s, rc);
}

int pick_short(struct session *s, const char *ref, const char *found, const char *reason,
               fixed_t *reallocated, fixed_t *unfilled)
{
	struct order o;
	struct pick_task t;
	struct next_ctx c;
	struct lot l;
	struct item it;
	struct alloc a;
	struct fields f = FIELDS_INIT;
	struct lines ls = {NULL, 0, 0};
	fixed_t q;
	char x[FIXED_BUFSZ];
	const char *asked = "";
	int rc = session_require(s, PERM_PICK);
	memset(&a, 0, sizeof(a));
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, ref, &o)) || (rc = require_pickable(&o)) ||
	    (rc = next_of(s, &o, NULL, &t, &c)))
		goto out;
	if (!found || !*found || fixed_parse(found, 0, &q) || q < 0) {
		rc = error_set(ERR_INVALID, _("quantity: how much of lot %s was there (0 or more)"),
		               t.lot);
		goto out;
	}
	if (q >= t.qty) {
		rc = error_set(ERR_INVALID,
		               _("quantity: %s %s is not short of the %s asked; pick "
		                 "it instead"),
		               found, t.unit, fixed_format(t.qty, 0, x));
		goto out;
	}
	if (!reason || !list_has(SHORT_REASONS, '|', reason)) {
		rc = error_set(ERR_INVALID, _("reason: '%s' is not one of %s"),
		               reason ? reason : "", SHORT_REASONS);
		goto out;
	}
	if ((rc = db_lot_get(s->store, t.lot, &l)) ||
	    (rc = db_item_get(s->store, t.item_code, &it)))
		goto out;
	if (q > 0 && q > l.qty) {
		rc = error_set(ERR_INVALID, _("quantity: lot %s holds only %s %s"), l.code,
		               fixed_format(l.qty, 0, x), l.unit);
		goto out;
	}
	/* a line that asked for one lot is not filled from another */
	if ((rc = db_order_lines_each(s->store, o.id, collect_line, &ls)))
		goto out;
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].line == t.line)
			asked = ls.v[i].lot;
	a.exclude = l.id;
	a.need = t.qty - q;
	if (!*asked && (rc = allocate(s, &a, it.id, NULL)))
		goto out;
	fields_set(&f, "ref", o.ref);
	fields_set_int(&f, "line", t.line);
	fields_set(&f, "lot", l.code);
	fields_set_int(&f, "qty", q);
	fields_set_int(&f, "short", t.qty - q);
	fields_set(&f, "reason", reason);
	fields_set(&f, "lots", sb_str(&a.list));
	fields_set_int(&f, "unfilled", a.need - a.got);
	rc = journal_append(s, "order.short", &f, NULL);
	if (rc == OK) {
		if (reallocated)
			*reallocated = a.got;
		if (unfilled)
			*unfilled = a.need - a.got;
	}
out:
	free(ls.v);
	free(a.v);
	sb_free(&a.list);
	fields_free(&f);
	return session_end(s, rc);
}

/* ---- ship ---- */

struct ship_ctx {
	struct session *s;
	struct fields *f;
	struct alloc bal; /* what the shipment takes of each lot so far */
	int64_t n, open;
	char first_open[LOT_MAX + 1];
	int rc;
};

static int ship_alloc(void *ctx, const struct allocation *al)
{
	struct ship_ctx *c = ctx;
	struct lot l;
	char x[FIXED_BUFSZ];
	if (al->picked < al->qty) {
		if (!c->open++)
			strlcpy_(c->first_open, al->lot, sizeof(c->first_open));
		return 0;
	}
	if (al->picked <= 0)
		return 0;
	if ((c->rc = db_lot_get_by_id(c->s->store, al->lot_id, &l)))
		return 1;
	/* the status rules hold at the door too: a lot held after picking stays */
	if ((c->rc = lot_refusal(&l, clock_today(), _("shipped"))))
		return 1;
	fixed_t after = l.qty - taken_of(&c->bal, l.id) - al->picked;
	if (after < 0) {
		c->rc = error_set(ERR_CONFLICT,
		                  _("lot %s holds only %s %s: count it before "
		                    "shipping"),
		                  l.code, fixed_format(l.qty, 0, x), l.unit);
		return 1;
	}
	take(&c->bal, l.id, l.code, al->picked);
	c->n++;
	fields_set_nth_int(c->f, c->n, "line", al->line);
	fields_set_nth(c->f, c->n, "lot", l.code);
	fields_set_nth_int(c->f, c->n, "qty", al->picked);
	fields_set_nth(c->f, c->n, "status", after == 0 ? "shipped" : "available");
	return 0;
}

int order_ship(struct session *s, const char *ref)
{
	struct order o;
	struct fields f = FIELDS_INIT;
	struct ship_ctx c;
	char date[11];
	int rc = session_require(s, PERM_PICK);
	memset(&c, 0, sizeof(c));
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, ref, &o)))
		goto out;
	if (strcmp(o.status, "picking") && strcmp(o.status, "confirmed")) {
		rc =
		    error_set(ERR_CONFLICT, _("order %s is %s: only a picked order can be shipped"),
		              o.ref, _(o.status));
		goto out;
	}
	c.s = s;
	c.f = &f;
	rc = db_allocations_each(s->store, o.id, ship_alloc, &c);
	if (rc == 1 || c.rc)
		rc = c.rc ? c.rc : ERR_DB;
	if (rc)
		goto out;
	if (c.open) {
		rc = error_set(ERR_CONFLICT,
		               _("order %s still has %lld pick(s) to do (next: lot %s)"), o.ref,
		               (long long)c.open, c.first_open);
		goto out;
	}
	if (!c.n) {
		rc = error_set(ERR_CONFLICT, _("order %s has nothing picked to ship"), o.ref);
		goto out;
	}
	fields_set(&f, "ref", o.ref);
	fields_set(&f, "shipped", date_format(clock_today(), date));
	fields_set_int(&f, "n", c.n);
	rc = journal_append(s, "order.ship", &f, NULL);
out:
	free(c.bal.v);
	sb_free(&c.bal.list);
	fields_free(&f);
	return session_end(s, rc);
}

/* ---- returns ---- */

int order_return(struct session *s, const char *ref, const char *lot, const char *qty,
                 const char *location, const char *reason)
{
	struct order o;
	struct lot l;
	struct location loc;
	struct fields f = FIELDS_INIT;
	fixed_t q, shipped, returned;
	char date[11], a[FIXED_BUFSZ], b[FIXED_BUFSZ];
	int rc = session_require(s, PERM_PICK);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_order(s, ref, &o)))
		goto out;
	if (strcmp(o.status, "shipped") != 0) {
		rc = error_set(ERR_CONFLICT, _("order %s is %s: only a shipped order has returns"),
		               o.ref, _(o.status));
		goto out;
	}
	if (!lot || !*lot) {
		rc = error_set(ERR_INVALID, _("lot: required"));
		goto out;
	}
	if ((rc = db_lot_get(s->store, lot, &l)) ||
	    (rc = db_order_lot_totals(s->store, o.id, l.id, &shipped, &returned)))
		goto out;
	if (!shipped) {
		rc =
		    error_set(ERR_CONFLICT, _("lot %s was not shipped on order %s"), l.code, o.ref);
		goto out;
	}
	if (!qty || fixed_parse(qty, 0, &q) || q <= 0) {
		rc = error_set(ERR_INVALID, _("quantity: '%s' must be a number more than zero"),
		               qty ? qty : "");
		goto out;
	}
	if (q > shipped - returned) {
		rc = error_set(ERR_INVALID,
		               _("quantity: order %s shipped %s %s of %s and %s came "
		                 "back already"),
		               o.ref, fixed_format(shipped, 0, a), l.unit, l.code,
		               fixed_format(returned, 0, b));
		goto out;
	}
	if (!location || !*location) {
		rc = error_set(ERR_INVALID, _("location: where the returned goods are, required"));
		goto out;
	}
	if ((rc = db_location_get(s->store, location, &loc)))
		goto out;
	if (!reason || !list_has(RETURN_REASONS, '|', reason)) {
		rc = error_set(ERR_INVALID, _("reason: '%s' is not one of %s"),
		               reason ? reason : "", RETURN_REASONS);
		goto out;
	}
	fields_set(&f, "ref", o.ref);
	fields_set(&f, "lot", l.code);
	fields_set_int(&f, "qty", q);
	fields_set(&f, "location", loc.code);
	fields_set(&f, "reason", reason);
	fields_set(&f, "status_before", l.status);
	/* the lot moves with the goods only when nothing of it was left here */
	fields_set_int(&f, "move", l.qty == 0);
	fields_set(&f, "returned", date_format(clock_today(), date));
	rc = journal_append(s, "order.return", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}
