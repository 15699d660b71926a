/* What order and recall entries do to the store: reservations, picks, ship and
 * return movements, and the recall's saved scope with its holds. The services
 * decided; here the entry's facts are written down, also for entries from sync. */
#include "apply_internal.h"
#include "db/master.h"
#include "db/orders.h"
#include "db/recall.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int order_of(struct store *s, const struct fields *f, struct order *o)
{
	return db_order_get(s, fields_str(f, "ref"), o);
}

int apply_order_put(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	struct party c;
	int64_t lines, id;
	int rc;
	memset(&o, 0, sizeof(o));
	strlcpy_(o.ref, fields_str(f, "ref"), sizeof(o.ref));
	strlcpy_(o.ship_date, fields_str(f, "ship_date"), sizeof(o.ship_date));
	strlcpy_(o.note, fields_str(f, "note"), sizeof(o.note));
	if ((rc = db_party_get(s, PARTY_CUSTOMER, fields_str(f, "customer"), &c)) ||
	    (rc = fields_int(f, "lines", &lines)))
		return rc;
	o.customer_id = c.id;
	if ((rc = db_order_insert(s, &o, e->hlc, &id)))
		return rc;
	for (int64_t i = 1; i <= lines; i++) {
		struct item it;
		int64_t qty, lot_id = 0;
		if ((rc = db_item_get(s, fields_nth_str(f, i, "item"), &it)) ||
		    (rc = fields_nth_int(f, i, "qty", &qty)))
			return rc;
		if (*fields_nth_str(f, i, "lot") &&
		    (rc = db_lot_id(s, fields_nth_str(f, i, "lot"), &lot_id)))
			return rc;
		if ((rc = db_order_line_insert(s, id, i, it.id, qty,
		                               fields_nth_str(f, i, "entered"), lot_id)))
			return rc;
	}
	return OK;
}

/* "LOT-A=12000000,LOT-B=3000000": lots reserved for one line. */
static int reserve(struct store *s, int64_t order_id, int64_t line, const char *list)
{
	char *buf = xstrdup(list);
	int rc = OK;
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && rc == OK;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strrchr(tok, '=');
		int64_t lot_id;
		if (!eq) {
			rc = error_set(ERR_INVALID, _("reservation '%s' has no quantity"), tok);
			break;
		}
		*eq = '\0';
		if ((rc = db_lot_id(s, tok, &lot_id)) == OK)
			rc =
			    db_allocation_add(s, order_id, line, lot_id, strtoll(eq + 1, NULL, 10));
	}
	free(buf);
	return rc;
}

/* What an entry does to its order's reservations: a confirmation makes them
 * (in place of any before it), a pick and a short pick take from them (a short
 * pick also cuts its lot's and reserves others), a cancellation or a shipment
 * gives them up. Pure in the entry's payload and the reservations before it. */
static int reservations_step(struct store *s, int64_t order_id, const char *kind,
                             const struct fields *f)
{
	int64_t n, line, qty, lot_id;
	int rc;
	if (!strcmp(kind, "order.confirm")) {
		if ((rc = fields_int(f, "lines", &n)) || (rc = db_allocations_clear(s, order_id)))
			return rc;
		for (int64_t i = 1; i <= n; i++)
			if ((rc = fields_nth_int(f, i, "line", &line)) ||
			    (rc = reserve(s, order_id, line, fields_nth_str(f, i, "lots"))))
				return rc;
		return OK;
	}
	if (!strcmp(kind, "order.cancel") || !strcmp(kind, "order.ship"))
		return db_allocations_release(s, order_id);
	if ((rc = fields_int(f, "line", &line)) || (rc = fields_int(f, "qty", &qty)) ||
	    (rc = db_lot_id(s, fields_str(f, "lot"), &lot_id)))
		return rc;
	if (qty && (rc = db_allocation_pick(s, order_id, line, lot_id, qty)))
		return rc;
	if (strcmp(kind, "order.short"))
		return OK;
	if ((rc = db_allocation_cut(s, order_id, line, lot_id)))
		return rc;
	return reserve(s, order_id, line, fields_str(f, "lots"));
}

struct refold {
	struct store *s;
	int64_t order_id;
	int rc;
};

static int refold_step(void *ctx, const char *kind, const char *payload)
{
	struct refold *r = ctx;
	struct fields f = FIELDS_INIT;
	if ((r->rc = fields_decode(payload, strlen(payload), &f)) == OK)
		r->rc = reservations_step(r->s, r->order_id, kind, &f);
	fields_free(&f);
	return r->rc != OK;
}

/* Two terminals offline confirm, pick, cancel or ship the same order: the
 * reservations are what these entries give in clock order, on every store. The
 * newest so far is applied on top; one that arrives after a newer one has the
 * order's reservations worked out again from all of them. The status goes by
 * its own stamp. */
static int reservations_apply(struct store *s, const struct entry *e, int64_t order_id,
                              const struct fields *f)
{
	struct refold r = {s, order_id, OK};
	int newest, rc;
	if ((rc = db_order_entry_add(s, order_id, e->id)) ||
	    (rc = db_order_claim_reservations(s, order_id, e->hlc, &newest)))
		return rc;
	if (newest)
		return reservations_step(s, order_id, e->kind, f);
	if ((rc = db_allocations_delete(s, order_id)))
		return rc;
	rc = db_order_entries_each(s, order_id, refold_step, &r);
	return r.rc ? r.rc : rc;
}

int apply_order_confirm(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	int rc;
	if ((rc = order_of(s, f, &o)) || (rc = reservations_apply(s, e, o.id, f)))
		return rc;
	return db_order_set_status(s, o.id, "confirmed", e->hlc);
}

int apply_order_cancel(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	int rc;
	if ((rc = order_of(s, f, &o)) || (rc = reservations_apply(s, e, o.id, f)))
		return rc;
	return db_order_set_status(s, o.id, "cancelled", e->hlc);
}

int apply_order_pick(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	int64_t line, qty, lot_id, loc_id;
	int rc;
	if ((rc = order_of(s, f, &o)) || (rc = fields_int(f, "line", &line)) ||
	    (rc = fields_int(f, "qty", &qty)) ||
	    (rc = db_lot_id(s, fields_str(f, "lot"), &lot_id)) ||
	    (rc = apply_location_id(s, fields_str(f, "location"), &loc_id)))
		return rc;
	if ((rc = reservations_apply(s, e, o.id, f)) ||
	    (rc = db_pick_insert(s, o.id, line, lot_id, loc_id, qty, 0, "", e->id)))
		return rc;
	return db_order_set_status(s, o.id, "picking", e->hlc);
}

int apply_order_short(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	int64_t line, qty, short_qty, unfilled, lot_id;
	int rc;
	if ((rc = order_of(s, f, &o)) || (rc = fields_int(f, "line", &line)) ||
	    (rc = fields_int(f, "qty", &qty)) || (rc = fields_int(f, "short", &short_qty)) ||
	    (rc = fields_int(f, "unfilled", &unfilled)) ||
	    (rc = db_lot_id(s, fields_str(f, "lot"), &lot_id)))
		return rc;
	if ((rc = reservations_apply(s, e, o.id, f)) ||
	    (rc = db_pick_insert(s, o.id, line, lot_id, 0, qty, short_qty, fields_str(f, "reason"),
	                         e->id)))
		return rc;
	if (unfilled && (rc = db_order_line_add_short(s, o.id, line, unfilled)))
		return rc;
	return db_order_set_status(s, o.id, "picking", e->hlc);
}

int apply_order_ship(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	int64_t n;
	const char *date = fields_str(f, "shipped");
	int rc;
	if ((rc = order_of(s, f, &o)) || (rc = fields_int(f, "n", &n)))
		return rc;
	for (int64_t i = 1; i <= n; i++) {
		struct movement_new m;
		struct lot l;
		int64_t line, qty;
		const char *status = fields_nth_str(f, i, "status");
		memset(&m, 0, sizeof(m));
		if ((rc = fields_nth_int(f, i, "line", &line)) ||
		    (rc = fields_nth_int(f, i, "qty", &qty)) ||
		    (rc = db_lot_get(s, fields_nth_str(f, i, "lot"), &l)))
			return rc;
		m.lot_id = l.id;
		m.idx = i;
		m.kind = "ship";
		m.qty = -qty;
		m.note = o.ref;
		m.from_location = l.location_id;
		if (!strcmp(status, "shipped")) {
			m.status_before = l.status;
			m.status_after = "shipped";
		}
		if ((rc = apply_movement(s, e, &m)) ||
		    (m.status_after && (rc = db_lot_set_status(s, l.id, "shipped", e->hlc))) ||
		    (rc = db_shipment_insert(s, o.id, line, l.id, qty, date, e->id)))
			return rc;
	}
	if ((rc = reservations_apply(s, e, o.id, f)) || (rc = db_order_set_shipped(s, o.id, date)))
		return rc;
	return db_order_set_status(s, o.id, "shipped", e->hlc);
}

int apply_order_return(struct store *s, const struct entry *e, const struct fields *f)
{
	struct order o;
	struct lot l;
	struct movement_new m;
	int64_t qty, loc_id, move = 0;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = order_of(s, f, &o)) || (rc = fields_int(f, "qty", &qty)) ||
	    (rc = db_lot_get(s, fields_str(f, "lot"), &l)) ||
	    (rc = apply_location_id(s, fields_str(f, "location"), &loc_id)))
		return rc;
	if (fields_get(f, "move"))
		fields_int(f, "move", &move);
	m.lot_id = l.id;
	m.kind = "return";
	m.qty = qty;
	m.reason = fields_str(f, "reason");
	m.note = o.ref;
	m.to_location = loc_id;
	m.status_before = fields_str(f, "status_before");
	m.status_after = "quarantine";
	if ((rc = apply_movement(s, e, &m)) ||
	    (rc = db_lot_set_status(s, l.id, "quarantine", e->hlc)) ||
	    (move && (rc = db_lot_set_location(s, l.id, loc_id, e->hlc))))
		return rc;
	return db_return_insert(s, o.id, l.id, qty, loc_id, m.reason, fields_str(f, "returned"),
	                        e->id);
}

/* Split "a|b|c;d|e|f" records in place into at most max fields each. */
static int split_fields(char *rec, char **out, int max)
{
	int n = 0;
	for (char *p = rec; p && n < max;) {
		out[n++] = p;
		p = strchr(p, '|');
		if (p)
			*p++ = '\0';
	}
	return n;
}

static int recall_lots(struct store *s, const struct entry *e, int64_t recall_id, const char *code,
                       const char *list)
{
	char *buf = xstrdup(list);
	int rc = OK;
	int64_t idx = 0;
	for (char *save = NULL, *rec = strtok_r(buf, ";", &save); rec && rc == OK;
	     rec = strtok_r(NULL, ";", &save)) {
		char *v[5];
		struct lot l;
		if (split_fields(rec, v, 5) != 5) {
			rc = error_set(ERR_INVALID, _("recall lot '%s' is incomplete"), rec);
			break;
		}
		if ((rc = db_lot_get(s, v[0], &l)) ||
		    (rc = db_recall_lot_insert(s, recall_id, l.id, strtoll(v[1], NULL, 10),
		                               strtoll(v[2], NULL, 10), v[3], atoi(v[4]))))
			break;
		if (atoi(v[4])) {
			struct movement_new m;
			memset(&m, 0, sizeof(m));
			m.lot_id = l.id;
			m.idx = ++idx;
			m.kind = "hold";
			m.reason = "recall";
			m.note = code;
			m.status_before = v[3];
			m.status_after = "hold";
			if ((rc = apply_movement(s, e, &m)) == OK)
				rc = db_lot_set_status(s, l.id, "hold", e->hlc);
		}
	}
	free(buf);
	return rc;
}

static int recall_shipments(struct store *s, int64_t recall_id, const char *list)
{
	char *buf = xstrdup(list);
	int rc = OK;
	for (char *save = NULL, *rec = strtok_r(buf, ";", &save); rec && rc == OK;
	     rec = strtok_r(NULL, ";", &save)) {
		char *v[5];
		struct party c;
		struct order o;
		int64_t lot_id;
		if (split_fields(rec, v, 5) != 5) {
			rc = error_set(ERR_INVALID, _("recall shipment '%s' is incomplete"), rec);
			break;
		}
		if ((rc = db_party_get(s, PARTY_CUSTOMER, v[0], &c)) ||
		    (rc = db_order_get(s, v[1], &o)) || (rc = db_lot_id(s, v[2], &lot_id)))
			break;
		rc = db_recall_shipment_insert(s, recall_id, c.id, o.id, lot_id,
		                               strtoll(v[3], NULL, 10), v[4]);
	}
	free(buf);
	return rc;
}

int apply_recall_open(struct store *s, const struct entry *e, const struct fields *f)
{
	struct recall r;
	int64_t drill = 0, id;
	int rc;
	memset(&r, 0, sizeof(r));
	strlcpy_(r.code, fields_str(f, "code"), sizeof(r.code));
	strlcpy_(r.reason, fields_str(f, "reason"), sizeof(r.reason));
	strlcpy_(r.opened_by, e->user, sizeof(r.opened_by));
	if ((rc = fields_int(f, "drill", &drill)) ||
	    (rc = fields_int(f, "elapsed_ms", &r.elapsed_ms)))
		return rc;
	r.drill = drill != 0;
	if ((rc = db_recall_insert(s, &r, e->hlc, &id)) ||
	    (rc = recall_lots(s, e, id, r.code, fields_str(f, "lots"))))
		return rc;
	return recall_shipments(s, id, fields_str(f, "shipments"));
}

int apply_recall_mark(struct store *s, const struct entry *e, const struct fields *f)
{
	struct recall r;
	struct party c;
	int64_t qty = 0;
	int rc;
	if ((rc = db_recall_get(s, fields_str(f, "code"), &r)) ||
	    (rc = db_party_get(s, PARTY_CUSTOMER, fields_str(f, "customer"), &c)))
		return rc;
	if (fields_get(f, "qty"))
		fields_int(f, "qty", &qty);
	return db_recall_mark(s, r.id, c.id, fields_str(f, "mark"), qty, e->hlc);
}

int apply_recall_close(struct store *s, const struct entry *e, const struct fields *f)
{
	struct recall r;
	int rc = db_recall_get(s, fields_str(f, "code"), &r);
	return rc ? rc : db_recall_close(s, r.id, fields_str(f, "summary"), e->hlc);
}
