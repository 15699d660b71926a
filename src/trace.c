/* Trace services: names to store ids, then the walks in db/trace.c. Reads only,
 * so any user may trace. */
#include "trace.h"
#include "db/lots.h"
#include "db/master.h"
#include "db/orders.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int64_t depth_of(int64_t depth)
{
	return depth <= 0 || depth > TRACE_DEPTH_MAX ? TRACE_DEPTH_MAX : depth;
}

int trace_lots(struct session *s, const char *const *lots, int n, int backward, int64_t depth,
               trace_cb cb, void *ctx)
{
	int64_t *ids;
	int rc = OK;
	if (n < 1)
		return error_set(ERR_INVALID, _("lot: at least one lot to trace"));
	ids = xcalloc((size_t)n, sizeof(*ids));
	for (int i = 0; i < n && rc == OK; i++)
		rc = db_lot_id(s->store, lots[i], &ids[i]);
	if (rc == OK)
		rc = backward
		         ? db_trace_backward(s->store, ids, (size_t)n, depth_of(depth), cb, ctx)
		         : db_trace_forward(s->store, ids, (size_t)n, depth_of(depth), cb, ctx);
	free(ids);
	return rc;
}

struct order_lots {
	int64_t *ids;
	size_t n, cap;
	trace_cb cb;
	void *ctx;
};

static int order_row(void *ctx, const struct trace_row *r)
{
	struct order_lots *o = ctx;
	size_t i;
	for (i = 0; i < o->n && o->ids[i] != r->lot_id; i++)
		;
	if (i == o->n) {
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 8;
			o->ids = xrealloc(o->ids, o->cap * sizeof(*o->ids));
		}
		o->ids[o->n++] = r->lot_id;
	}
	return o->cb(o->ctx, r);
}

/* The order's own rows at depth 0; the backward walk's rows below them. */
static int below(void *ctx, const struct trace_row *r)
{
	struct order_lots *o = ctx;
	return r->depth > 0 ? o->cb(o->ctx, r) : 0;
}

int trace_order(struct session *s, const char *ref, int64_t depth, trace_cb cb, void *ctx)
{
	struct order ord;
	struct order_lots o = {NULL, 0, 0, cb, ctx};
	int rc;
	if (!ref || !*ref)
		return error_set(ERR_INVALID, _("order: required"));
	if ((rc = db_order_get(s->store, ref, &ord)))
		return rc;
	rc = db_trace_order(s->store, ord.id, order_row, &o);
	if (rc == OK && o.n)
		rc = db_trace_backward(s->store, o.ids, o.n, depth_of(depth), below, &o);
	free(o.ids);
	return rc;
}

int trace_customer(struct session *s, const char *code, trace_cb cb, void *ctx)
{
	struct party c;
	int rc;
	if (!code || !*code)
		return error_set(ERR_INVALID, _("customer: required"));
	if ((rc = db_party_get(s->store, PARTY_CUSTOMER, code, &c)))
		return rc;
	return db_trace_customer(s->store, c.id, cb, ctx);
}

int trace_one_step(struct session *s, const char *lot, trace_cb cb, void *ctx)
{
	int64_t id;
	int rc;
	if (!lot || !*lot)
		return error_set(ERR_INVALID, _("lot: required"));
	if ((rc = db_lot_id(s->store, lot, &id)))
		return rc;
	return db_trace_one_step(s->store, id, cb, ctx);
}

int trace_root(struct session *s, const char *lot, int backward, struct trace_row *out)
{
	int64_t id;
	int rc;
	if (!lot || !*lot)
		return error_set(ERR_INVALID, _("lot: required"));
	if ((rc = db_lot_id(s->store, lot, &id)))
		return rc;
	return db_trace_node(s->store, id, backward, out);
}

int trace_children(struct session *s, int64_t lot_id, int backward, trace_cb cb, void *ctx)
{
	return db_trace_children(s->store, lot_id, backward, cb, ctx);
}
