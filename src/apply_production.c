/* What recipe and run entries do to the store: the plan snapshot, consumption
 * movements, output lots with their genealogy, compensating movements on cancel. */
#include "apply_internal.h"
#include "db/master.h"
#include "db/production.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int apply_recipe(struct store *s, const struct entry *e, const struct fields *f)
{
	struct recipe r;
	struct item it;
	int64_t lines, id;
	int rc;
	memset(&r, 0, sizeof(r));
	strlcpy_(r.code, fields_str(f, "code"), sizeof(r.code));
	strlcpy_(r.yield_entered, fields_str(f, "yield_entered"), sizeof(r.yield_entered));
	strlcpy_(r.instructions, fields_str(f, "instructions"), sizeof(r.instructions));
	if ((rc = fields_int(f, "version", &r.version)) ||
	    (rc = fields_int(f, "yield", &r.yield)) || (rc = fields_int(f, "lines", &lines)) ||
	    (rc = db_item_get(s, fields_str(f, "item"), &it)))
		return rc;
	r.item_id = it.id;
	if ((rc = db_recipe_insert(s, &r, e->hlc, &id)))
		return rc;
	for (int64_t i = 1; i <= lines; i++) {
		struct recipe_line l;
		memset(&l, 0, sizeof(l));
		l.line = i;
		if ((rc = db_item_get(s, fields_nth_str(f, i, "item"), &it)) ||
		    (rc = fields_nth_int(f, i, "qty", &l.qty)))
			return rc;
		l.item_id = it.id;
		strlcpy_(l.entered, fields_nth_str(f, i, "entered"), sizeof(l.entered));
		strlcpy_(l.role, fields_nth_str(f, i, "role"), sizeof(l.role));
		if ((rc = db_recipe_line_insert(s, id, &l)))
			return rc;
	}
	return OK;
}

int apply_recipe_status(struct store *s, const struct entry *e, const struct fields *f)
{
	int64_t version;
	int rc = fields_int(f, "version", &version);
	if (rc)
		return rc;
	return db_recipe_set_status(s, fields_str(f, "code"), version, fields_str(f, "status"),
	                            e->hlc);
}

static int run_of(struct store *s, const struct fields *f, struct run *r)
{
	return db_run_get(s, fields_str(f, "run"), r);
}

/* "LOT-A=12500000,LOT-B=3000000": the lots suggested for one line. */
static int add_suggestions(struct store *s, int64_t run_id, int64_t line, const char *list)
{
	char buf[4096];
	strlcpy_(buf, list, sizeof(buf));
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		int64_t lot_id;
		int rc;
		if (!eq)
			return error_set(ERR_INVALID, _("suggestion '%s' has no quantity"), tok);
		*eq = '\0';
		if ((rc = db_lot_id(s, tok, &lot_id)) ||
		    (rc = db_run_suggestion_insert(s, run_id, line, lot_id,
		                                   strtoll(eq + 1, NULL, 10))))
			return rc;
	}
	return OK;
}

int apply_run_plan(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	struct recipe rec;
	int64_t version, lines, shortage = 0, id;
	int rc;
	memset(&r, 0, sizeof(r));
	if ((rc = fields_int(f, "version", &version)) ||
	    (rc = db_recipe_get(s, fields_str(f, "recipe"), version, &rec)) ||
	    (rc = fields_int(f, "target", &r.target)) || (rc = fields_int(f, "lines", &lines)) ||
	    (rc = fields_int(f, "plan_cost", &r.plan_cost)))
		return rc;
	if (fields_get(f, "shortage"))
		fields_int(f, "shortage", &shortage);
	strlcpy_(r.code, fields_str(f, "run"), sizeof(r.code));
	r.recipe_id = rec.id;
	r.shortage = shortage != 0;
	if ((rc = db_run_insert(s, &r, e->id, e->hlc, &id)))
		return rc;
	for (int64_t i = 1; i <= lines; i++) {
		struct item it;
		int64_t required;
		if ((rc = db_item_get(s, fields_nth_str(f, i, "item"), &it)) ||
		    (rc = fields_nth_int(f, i, "required", &required)) ||
		    (rc = db_run_line_insert(s, id, i, it.id, required,
		                             fields_nth_str(f, i, "role"))) ||
		    (rc = add_suggestions(s, id, i, fields_nth_str(f, i, "lots"))))
			return rc;
	}
	return db_run_event_add(s, id, e->id, "plan", fields_str(f, "shortage_text"));
}

int apply_run_start(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	int rc;
	if ((rc = run_of(s, f, &r)) || (rc = db_run_set_status(s, r.id, "started", e->hlc)))
		return rc;
	if ((rc = db_run_set_bypass(s, r.id, fields_str(f, "bypass"), e->hlc)))
		return rc;
	return db_run_event_add(s, r.id, e->id, "start", fields_str(f, "bypass"));
}

int apply_run_consume(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	struct movement_new m;
	struct lot l;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = run_of(s, f, &r)) || (rc = db_lot_get(s, fields_str(f, "lot"), &l)) ||
	    (rc = fields_int(f, "qty", &m.qty)) || (rc = fields_int(f, "line", &m.run_line)))
		return rc;
	m.qty = -m.qty;
	m.lot_id = l.id;
	m.kind = "consume";
	m.reason = fields_str(f, "extra");
	m.run_id = r.id;
	m.status_before = l.status;
	m.status_after = fields_str(f, "status");
	if ((rc = apply_movement(s, e, &m)))
		return rc;
	if (!strcmp(m.status_after, "consumed") &&
	    (rc = db_lot_set_status(s, l.id, "consumed", e->hlc)))
		return rc;
	/* made offline on a terminal that had not heard the run was cancelled or
	 * finished: the cancellation's list of what it puts back, or the finish's
	 * list of what its output is made of, does not have it */
	if (!strcmp(r.status, "cancelled") || !strcmp(r.status, "finished")) {
		char msg[256];
		int cancelled = !strcmp(r.status, "cancelled");
		snprintf(msg, sizeof(msg),
		         cancelled
		             ? _("lot %s went into run %s after the run was cancelled on "
		                 "another terminal: it was not put back")
		             : _("lot %s went into run %s after the run was finished on "
		                 "another terminal: it is not in the genealogy of its output"),
		         l.code, r.code);
		if ((rc = db_exception_add(s, e->id, l.id,
		                           cancelled ? "cancelled-run" : "finished-run", msg)))
			return rc;
	}
	/* the batch record says who put which lot in, and why for an extra */
	char text[TEXT_MAX + 1], q[FIXED_BUFSZ];
	snprintf(text, sizeof(text), "%s %s %s%s%s", fixed_format(-m.qty, 0, q), l.unit, l.code,
	         *m.reason ? " extra: " : "", m.reason);
	return db_run_event_add(s, r.id, e->id, *m.reason ? "extra" : "consume", text);
}

int apply_run_note(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	int rc = run_of(s, f, &r);
	return rc ? rc : db_run_event_add(s, r.id, e->id, "note", fields_str(f, "text"));
}

struct link_ctx {
	struct store *s;
	int64_t run_id, out_lot;
	fixed_t out_qty, yield;
	int rc;
};

/* Each output lot is linked to every input in proportion to its share of the yield. */
static int link_input(void *ctx, const struct run_input *in)
{
	struct link_ctx *c = ctx;
	fixed_t share;
	if ((c->rc = fixed_muldiv(in->qty, c->out_qty, c->yield, &share)) ||
	    (c->rc = db_lot_link_insert(c->s, c->run_id, c->out_lot, in->lot_id, share)))
		return 1;
	return 0;
}

/* An output lot linked to the inputs the entry names; an entry from before the
 * list (no "inputs"): to what this store had recorded as put in. */
static int link_output(struct store *s, const struct fields *f, int64_t run_id, int64_t out_lot,
                       fixed_t out_qty, fixed_t yield)
{
	struct link_ctx c = {s, run_id, out_lot, out_qty, yield, OK};
	int64_t n;
	int rc;
	if (!fields_get(f, "inputs")) {
		rc = db_run_inputs_each(s, run_id, link_input, &c);
		if (rc == 1 || c.rc)
			return c.rc ? c.rc : ERR_DB;
		return rc;
	}
	if ((rc = fields_int(f, "inputs", &n)))
		return rc;
	for (int64_t i = 1; i <= n; i++) {
		struct run_input in;
		memset(&in, 0, sizeof(in));
		if ((rc = db_lot_id(s, fields_nth_str(f, i, "input"), &in.lot_id)) ||
		    (rc = fields_nth_int(f, i, "input_qty", &in.qty)))
			return rc;
		if (link_input(&c, &in))
			return c.rc;
	}
	return OK;
}

int apply_run_finish(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	int64_t yield, labour, cost, unit_cost, outputs;
	int rc;
	if ((rc = run_of(s, f, &r)) || (rc = fields_int(f, "yield", &yield)) ||
	    (rc = fields_int(f, "labour", &labour)) || (rc = fields_int(f, "cost", &cost)) ||
	    (rc = fields_int(f, "unit_cost", &unit_cost)) ||
	    (rc = fields_int(f, "outputs", &outputs)))
		return rc;
	for (int64_t i = 1; i <= outputs; i++) {
		struct lot_new n;
		struct movement_new m;
		int64_t lot_id, qty;
		memset(&n, 0, sizeof(n));
		memset(&m, 0, sizeof(m));
		n.code = fields_nth_str(f, i, "lot");
		n.item_id = r.item_id;
		n.received = fields_str(f, "received");
		n.expiry = fields_nth_str(f, i, "expiry");
		n.unit = r.unit;
		n.unit_cost = unit_cost;
		n.status = "available";
		n.origin = "produce";
		if ((rc = fields_nth_int(f, i, "qty", &qty)) ||
		    (rc = apply_location_id(s, fields_nth_str(f, i, "location"), &n.location_id)) ||
		    (rc = db_lot_insert(s, &n, e->id, e->hlc, &lot_id)))
			return rc;
		m.lot_id = lot_id;
		m.idx = i;
		m.kind = "produce";
		m.qty = qty;
		m.to_location = n.location_id;
		m.status_after = "available";
		m.run_id = r.id;
		if ((rc = apply_movement(s, e, &m)))
			return rc;
		if ((rc = link_output(s, f, r.id, lot_id, qty, yield)))
			return rc;
	}
	if ((rc = db_run_set_result(s, r.id, yield, labour, cost, e->hlc)) ||
	    (rc = db_run_set_status(s, r.id, "finished", e->hlc)))
		return rc;
	return db_run_event_add(s, r.id, e->id, "finish", "");
}

int apply_run_end(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	int rc = run_of(s, f, &r);
	if (rc || (rc = db_run_set_status(s, r.id, "failed", e->hlc)))
		return rc;
	return db_run_event_add(s, r.id, e->id, "fail", fields_str(f, "text"));
}

struct taken {
	int64_t lot_id, line;
	fixed_t qty;
};

struct taken_list {
	struct taken *v;
	size_t n, cap;
};

static int collect_taken(void *ctx, int64_t lot_id, const char *lot, fixed_t qty, int64_t line)
{
	struct taken_list *t = ctx;
	(void)lot;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = (struct taken){lot_id, line, qty};
	return 0;
}

/* What the entry lists to put back; an entry from before the list (no "n"):
 * what this store had recorded as taken. */
static int taken_of(struct store *s, const struct fields *f, int64_t run_id, struct taken_list *t)
{
	int64_t n;
	int rc;
	if (!fields_get(f, "n"))
		return db_run_consumptions_each(s, run_id, collect_taken, t);
	if ((rc = fields_int(f, "n", &n)))
		return rc;
	for (int64_t i = 1; i <= n; i++) {
		int64_t lot_id, qty, line;
		if ((rc = db_lot_id(s, fields_nth_str(f, i, "lot"), &lot_id)) ||
		    (rc = fields_nth_int(f, i, "qty", &qty)) ||
		    (rc = fields_nth_int(f, i, "line", &line)))
			return rc;
		collect_taken(t, lot_id, NULL, qty, line);
	}
	return OK;
}

/* Put back what the run took from each lot, with movements that say so. The list
 * is read whole first: the movements written would otherwise join the scan. */
int apply_run_cancel(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	struct taken_list t = {NULL, 0, 0};
	int rc = run_of(s, f, &r);
	if (rc || (rc = taken_of(s, f, r.id, &t)))
		goto out;
	for (size_t i = 0; i < t.n && rc == OK; i++) {
		struct movement_new m;
		struct lot l;
		memset(&m, 0, sizeof(m));
		if ((rc = db_lot_get_by_id(s, t.v[i].lot_id, &l)))
			break;
		m.lot_id = t.v[i].lot_id;
		m.idx = (int64_t)i;
		m.kind = "cancel";
		m.qty = t.v[i].qty;
		m.run_id = r.id;
		m.run_line = t.v[i].line;
		if (!strcmp(l.status, "consumed")) {
			m.status_before = "consumed";
			m.status_after = "available";
		}
		if ((rc = apply_movement(s, e, &m)))
			break;
		if (m.status_after)
			rc = db_lot_set_status(s, m.lot_id, "available", e->hlc);
	}
	if (rc == OK && !(rc = db_run_set_status(s, r.id, "cancelled", e->hlc)))
		rc = db_run_event_add(s, r.id, e->id, "cancel", fields_str(f, "text"));
out:
	free(t.v);
	return rc;
}

int apply_run_sign(struct store *s, const struct entry *e, const struct fields *f)
{
	struct run r;
	int rc = run_of(s, f, &r);
	if (rc || (rc = db_run_sign(s, r.id, e->user, e->hlc)))
		return rc;
	return db_run_event_add(s, r.id, e->id, "sign", fields_str(f, "role"));
}
