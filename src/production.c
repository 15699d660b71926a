/* Production run services. The plan is a snapshot: what each line needs and which
 * lots the consumption order suggested at that moment. Consumption is recorded as
 * it happens; finishing creates the output lots and the genealogy. */
#include "production.h"
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUN_CODE_PATTERN "RUN-{YYMMDD}-{SITE}{NNN}"
#define OUTPUTS_MAX      20

/* ---- plan ---- */

struct pick {
	struct strbuf lots;
	fixed_t need, got, cost;
	int rc;
};

static int pick_lot(void *ctx, const struct lot *l)
{
	struct pick *p = ctx;
	fixed_t take = l->qty < p->need - p->got ? l->qty : p->need - p->got, c;
	if (p->lots.len)
		sb_putc(&p->lots, ',');
	sb_printf(&p->lots, "%s=%lld", l->code, (long long)take);
	p->got += take;
	if ((p->rc = fixed_mul(take, l->unit_cost, &c)))
		return 1;
	p->cost += c;
	return p->got >= p->need;
}

struct plan_ctx {
	struct session *s;
	struct fields *f;
	fixed_t target, yield;
	int fifo, shortage, i, rc;
	fixed_t cost;
	char today[11];
	struct strbuf *short_msg;
};

static int plan_line(void *ctx, const struct recipe_line *l)
{
	struct plan_ctx *c = ctx;
	struct pick p;
	fixed_t need;
	c->i++;
	if ((c->rc = fixed_muldiv(l->qty, c->target, c->yield, &need)))
		return 1;
	memset(&p, 0, sizeof(p));
	p.need = need;
	if (need > 0 && (c->rc = db_usable_lots_each(c->s->store, l->item_id, c->today, c->fifo,
	                                             pick_lot, &p)) > 1)
		return 1;
	c->rc = p.rc;
	if (c->rc)
		return 1;
	c->cost += p.cost;
	if (p.got < need) {
		char a[FIXED_BUFSZ], b[FIXED_BUFSZ];
		c->shortage = 1;
		if (!c->short_msg->len)
			sb_printf(c->short_msg,
			          _("line %d needs %s %s of %s and %s %s can be used"), c->i,
			          fixed_format(need, 0, a), l->unit, l->item_code,
			          fixed_format(p.got, 0, b), l->unit);
	}
	fields_set_nth(c->f, c->i, "item", l->item_code);
	fields_set_nth_int(c->f, c->i, "required", need);
	fields_set_nth(c->f, c->i, "role", l->role);
	fields_set_nth(c->f, c->i, "lots", sb_str(&p.lots));
	sb_free(&p.lots);
	return 0;
}

int run_plan(struct session *s, const struct plan_req *r, char run_out[LOT_MAX + 1])
{
	struct recipe rec;
	struct item it;
	struct fields f = FIELDS_INIT;
	struct strbuf short_msg = STRBUF_INIT;
	char order[16], code[LOT_MAX + 1];
	fixed_t target;
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if (!r->recipe || !*r->recipe) {
		rc = error_set(ERR_INVALID, _("recipe: required"));
		goto out;
	}
	if ((rc = db_recipe_get(s->store, r->recipe, r->version, &rec)))
		goto out;
	if (strcmp(rec.status, "active") != 0) {
		rc = error_set(ERR_CONFLICT,
		               _("recipe %s version %lld is %s: only an active recipe "
		                 "can be scheduled"),
		               rec.code, (long long)rec.version, _(rec.status));
		goto out;
	}
	if ((rc = db_item_get(s->store, rec.item_code, &it)))
		goto out;
	if (r->scale && *r->scale) {
		fixed_t scale;
		if (fixed_parse(r->scale, 0, &scale) || scale <= 0) {
			rc = error_set(ERR_INVALID,
			               _("scale: '%s' must be a number more than zero"), r->scale);
			goto out;
		}
		if ((rc = fixed_mul(rec.yield, scale, &target)))
			goto out;
	} else if (r->target && *r->target) {
		struct unit_ctx uc = {it.base_unit, it.density, it.pack_size};
		fixed_t q;
		if (fixed_parse(r->target, 0, &q) || q <= 0) {
			rc =
			    error_set(ERR_INVALID,
			              _("target: '%s' must be a number more than zero"), r->target);
			goto out;
		}
		if ((rc = unit_convert(q, r->target_unit ? r->target_unit : it.base_unit,
		                       it.base_unit, &uc, &target))) {
			error_prefix(rc, _("target"));
			goto out;
		}
	} else {
		target = rec.yield;
	}
	if (target <= 0) {
		rc = error_set(ERR_INVALID, _("target: too small"));
		goto out;
	}
	setting_get(s, SETTING_CONSUMPTION_ORDER, order, sizeof(order));
	struct plan_ctx c = {s,  &f, target, rec.yield, !strcmp(order, "fifo"), 0, 0,
	                     OK, 0,  "",     &short_msg};
	date_format(clock_today(), c.today);
	if ((rc = ledger_next_code(s, RUN_CODE_PATTERN, clock_today(), code)))
		goto out;
	fields_set(&f, "run", code);
	fields_set(&f, "recipe", rec.code);
	fields_set_int(&f, "version", rec.version);
	fields_set_int(&f, "target", target);
	rc = db_recipe_lines_each(s->store, rec.id, plan_line, &c);
	if (rc == 1 || c.rc)
		rc = c.rc ? c.rc : ERR_DB;
	if (rc)
		goto out;
	fields_set_int(&f, "lines", c.i);
	fields_set_int(&f, "shortage", c.shortage);
	fields_set(&f, "shortage_text", sb_str(&short_msg));
	fields_set_int(&f, "plan_cost", c.cost);
	fields_set(&f, "order", order);
	rc = journal_append(s, "run.plan", &f, NULL);
	if (rc == OK && run_out)
		strlcpy_(run_out, code, LOT_MAX + 1);
out:
	sb_free(&short_msg);
	fields_free(&f);
	return session_end(s, rc);
}

/* ---- the steps after planning ---- */

static int load_run(struct session *s, const char *code, struct run *r)
{
	if (!code || !*code)
		return error_set(ERR_INVALID, _("run: required"));
	return db_run_get(s->store, code, r);
}

static int require_unsigned(const struct run *r)
{
	if (r->signed_by[0])
		return error_set(ERR_CONFLICT, _("run %s is signed by %s: it cannot be changed"),
		                 r->code, r->signed_by);
	return OK;
}

static int require_status(const struct run *r, const char *status, const char *action)
{
	if (strcmp(r->status, status) != 0)
		return error_set(ERR_CONFLICT, _("run %s is %s: only a %s run can be %s"), r->code,
		                 _(r->status), _(status), action);
	return OK;
}

int run_start(struct session *s, const char *code, const char *bypass)
{
	struct run r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_run(s, code, &r)) || (rc = require_status(&r, "planned", _("started"))))
		goto out;
	if (r.shortage) {
		if (!bypass || !*bypass) {
			rc = error_set(
			    ERR_CONFLICT,
			    _("run %s has a shortage (see 'lotline run show'); a manager can "
			      "start it with a reason"),
			    r.code);
			goto out;
		}
		if ((rc = session_require(s, PERM_BYPASS)))
			goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set(&f, "bypass", r.shortage && bypass ? bypass : "");
	rc = journal_append(s, "run.start", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

struct suggested {
	const char *lot;
	int64_t line;
	fixed_t qty;
	int found, nlots;
	struct strbuf list;
};

static int find_suggestion(void *ctx, const struct run_suggestion *g)
{
	struct suggested *sg = ctx;
	if (sg->line && g->line != sg->line)
		return 0;
	if (!strcmp(g->lot, sg->lot)) {
		sg->found = 1;
		sg->qty = g->qty;
	}
	if (sg->nlots++ < 4) {
		if (sg->list.len)
			sb_puts(&sg->list, ", ");
		sb_puts(&sg->list, g->lot);
	}
	return 0;
}

struct line_pick {
	int64_t item_id, line;
	fixed_t remaining;
};

static int line_for_item(void *ctx, const struct run_line *l)
{
	struct line_pick *p = ctx;
	if (l->item_id != p->item_id)
		return 0;
	/* the first line of the item that still needs some, else the first */
	if (!p->line || (p->remaining <= 0 && l->required - l->consumed > 0)) {
		p->line = l->line;
		p->remaining = l->required - l->consumed;
	}
	return 0;
}

int run_consume(struct session *s, const struct consume_req *req, fixed_t *used)
{
	struct run r;
	struct lot l;
	struct fields f = FIELDS_INIT;
	struct suggested sg;
	struct line_pick lp;
	int64_t today = clock_today(), exp;
	fixed_t q = 0;
	char a[FIXED_BUFSZ], b[FIXED_BUFSZ];
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	memset(&sg, 0, sizeof(sg));
	if ((rc = load_run(s, req->run, &r)) || (rc = require_unsigned(&r)) ||
	    (rc = require_status(&r, "started", _("given lots"))))
		goto out;
	if (!req->lot || !*req->lot) {
		rc = error_set(ERR_INVALID, _("lot: required"));
		goto out;
	}
	if ((rc = db_lot_get(s->store, req->lot, &l)))
		goto out;
	if (req->extra && !list_has(EXTRA_REASONS, '|', req->extra)) {
		rc = error_set(ERR_INVALID, _("extra: reason '%s' is not one of %s"), req->extra,
		               EXTRA_REASONS);
		goto out;
	}
	memset(&lp, 0, sizeof(lp));
	lp.item_id = l.item_id;
	if ((rc = db_run_lines_each(s->store, r.id, line_for_item, &lp)))
		goto out;
	if (!lp.line && !req->extra) {
		rc = error_set(ERR_INVALID,
		               _("lot %s is %s, which is not in the plan of %s (an "
		                 "unplanned item is an extra and needs a reason)"),
		               l.code, l.item_code, r.code);
		goto out;
	}
	/* the status rules: only an available lot that has not expired goes in */
	if (strcmp(l.status, "available") != 0) {
		rc = error_set(ERR_CONFLICT, _("lot %s is %s: it cannot be used"), l.code,
		               _(l.status));
		goto out;
	}
	if (l.expiry[0] && date_parse(l.expiry, &exp) == OK && exp < today) {
		rc = error_set(ERR_CONFLICT, _("lot %s expired on %s: it cannot be used"), l.code,
		               l.expiry);
		goto out;
	}
	if (l.qty <= 0) {
		rc = error_set(ERR_CONFLICT, _("lot %s is empty"), l.code);
		goto out;
	}
	sg.lot = l.code;
	sg.line = lp.line;
	if ((rc = db_run_suggestions_each(s->store, r.id, lp.line, find_suggestion, &sg)))
		goto out;
	if (lp.line && !sg.found && !req->confirm) {
		rc = error_set(
		    ERR_CONFLICT,
		    _("lot %s was not suggested for line %lld (suggested: %s); confirm to "
		      "use it anyway"),
		    l.code, (long long)lp.line, sg.list.len ? sb_str(&sg.list) : _("none"));
		goto out;
	}
	if (req->qty && *req->qty) {
		struct item it;
		struct unit_ctx uc;
		if (fixed_parse(req->qty, 0, &q) || q <= 0) {
			rc = error_set(ERR_INVALID,
			               _("quantity: '%s' must be a number more than zero"),
			               req->qty);
			goto out;
		}
		if (req->unit && *req->unit && strcmp(req->unit, l.unit)) {
			if ((rc = db_item_get(s->store, l.item_code, &it)))
				goto out;
			uc = (struct unit_ctx){it.base_unit, it.density, it.pack_size};
			if ((rc = unit_convert(q, req->unit, l.unit, &uc, &q))) {
				error_prefix(rc, _("unit"));
				goto out;
			}
		}
	} else {
		q = sg.found ? sg.qty : lp.remaining;
		if (q > l.qty)
			q = l.qty;
		if (q <= 0) {
			rc = error_set(ERR_INVALID,
			               _("line %lld already has all it needs; more is an "
			                 "extra with a reason and a quantity"),
			               (long long)lp.line);
			goto out;
		}
	}
	if (q > l.qty) {
		rc = error_set(ERR_INVALID, _("quantity: lot %s holds only %s %s"), l.code,
		               fixed_format(l.qty, 0, a), l.unit);
		goto out;
	}
	if (!req->extra && lp.line && q > lp.remaining) {
		rc = error_set(ERR_INVALID,
		               _("quantity: line %lld needs %s %s more; the rest is an extra and "
		                 "needs a reason"),
		               (long long)lp.line, fixed_format(lp.remaining, 0, b), l.unit);
		goto out;
	}
	if (req->check_only) {
		/* the screens ask before the quantity is typed; the same rules answer */
		if (used)
			*used = q;
		goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set_int(&f, "line", lp.line);
	fields_set(&f, "lot", l.code);
	fields_set_int(&f, "qty", q);
	fields_set(&f, "extra", req->extra ? req->extra : "");
	fields_set(&f, "status", q == l.qty ? "consumed" : "available");
	rc = journal_append(s, "run.consume", &f, NULL);
	if (rc == OK && used)
		*used = q;
out:
	sb_free(&sg.list);
	fields_free(&f);
	return session_end(s, rc);
}

int run_note(struct session *s, const char *code, const char *text)
{
	struct run r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_run(s, code, &r)) || (rc = require_unsigned(&r)))
		goto out;
	if (!text || !*text || strlen(text) > TEXT_MAX) {
		rc = error_set(ERR_INVALID, _("note: 1 to %d characters"), TEXT_MAX);
		goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set(&f, "text", text);
	rc = journal_append(s, "run.note", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

struct cost_ctx {
	fixed_t total;
	int n, rc;
};

static int add_input_cost(void *ctx, const struct run_input *in)
{
	struct cost_ctx *c = ctx;
	fixed_t v;
	if ((c->rc = fixed_mul(in->qty, in->unit_cost, &v)))
		return 1;
	c->total += v;
	c->n++;
	return 0;
}

struct input_list {
	struct fields *f;
	int64_t n;
};

static int list_input(void *ctx, const struct run_input *in)
{
	struct input_list *l = ctx;
	l->n++;
	fields_set_nth(l->f, l->n, "input", in->lot);
	fields_set_nth_int(l->f, l->n, "input_qty", in->qty);
	return 0;
}

/* The entry names the inputs its output lots are made of, as this terminal
 * knows them: every store links the same, whatever it heard of since. */
int run_finish(struct session *s, const struct finish_req *req)
{
	struct run r;
	struct item it;
	struct location loc;
	struct fields f = FIELDS_INIT;
	struct cost_ctx cost = {0, 0, OK};
	struct input_list inputs = {NULL, 0};
	struct unit_ctx uc;
	fixed_t yield, labour = 0, unit_cost, sum = 0;
	int64_t today = clock_today();
	char date[11];
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_run(s, req->run, &r)) || (rc = require_status(&r, "started", _("finished"))))
		goto out;
	if ((rc = db_item_get(s->store, r.item_code, &it)))
		goto out;
	uc = (struct unit_ctx){it.base_unit, it.density, it.pack_size};
	if (!req->yield || fixed_parse(req->yield, 0, &yield) || yield <= 0) {
		rc = error_set(ERR_INVALID, _("yield: the actual quantity made is required, more "
		                              "than zero"));
		goto out;
	}
	if (req->yield_unit && *req->yield_unit &&
	    (rc = unit_convert(yield, req->yield_unit, it.base_unit, &uc, &yield))) {
		error_prefix(rc, _("yield"));
		goto out;
	}
	if (req->labour && *req->labour && (fixed_parse(req->labour, 0, &labour) || labour < 0)) {
		rc = error_set(ERR_INVALID, _("labour: '%s' is not an amount"), req->labour);
		goto out;
	}
	rc = db_run_inputs_each(s->store, r.id, add_input_cost, &cost);
	if (rc == 1 || cost.rc)
		rc = cost.rc ? cost.rc : ERR_DB;
	if (rc)
		goto out;
	if (!cost.n) {
		rc = error_set(ERR_CONFLICT, _("run %s has consumed nothing: cancel it instead"),
		               r.code);
		goto out;
	}
	if (req->noutputs < 1 || req->noutputs > OUTPUTS_MAX) {
		rc = error_set(ERR_INVALID, _("outputs: 1 to %d output lots"), OUTPUTS_MAX);
		goto out;
	}
	/* the output's unit cost is everything that went in over what came out */
	if ((rc = fixed_div(cost.total + labour, yield, &unit_cost)))
		goto out;
	fields_set(&f, "run", r.code);
	fields_set_int(&f, "yield", yield);
	fields_set_int(&f, "labour", labour);
	fields_set_int(&f, "cost", cost.total + labour);
	fields_set_int(&f, "unit_cost", unit_cost);
	fields_set(&f, "received", date_format(today, date));
	fields_set_int(&f, "outputs", req->noutputs);
	for (int i = 0; i < req->noutputs; i++) {
		const struct output_req *o = &req->outputs[i];
		fixed_t q = yield;
		int64_t exp = it.shelf_life_days > 0 ? today + it.shelf_life_days : 0;
		char lot[LOT_MAX + 1], pattern[128];
		if (req->noutputs > 1 || (o->qty && *o->qty)) {
			if (!o->qty || fixed_parse(o->qty, 0, &q) || q <= 0) {
				rc = error_set(ERR_INVALID,
				               _("output %d: a quantity more than zero is "
				                 "required"),
				               i + 1);
				goto out;
			}
		}
		sum += q;
		if (!o->location || !*o->location) {
			rc = error_set(ERR_INVALID, _("output %d: location: required"), i + 1);
			goto out;
		}
		if ((rc = db_location_get(s->store, o->location, &loc))) {
			error_prefix(rc, _("output %d"), i + 1);
			goto out;
		}
		if (o->expiry && *o->expiry && (rc = date_parse(o->expiry, &exp))) {
			error_prefix(rc, _("output %d: expiry"), i + 1);
			goto out;
		}
		if (o->lot && *o->lot) {
			if (db_lot_exists(s->store, o->lot)) {
				rc = error_set(ERR_CONFLICT, _("output %d: lot %s already exists"),
				               i + 1, o->lot);
				goto out;
			}
			strlcpy_(lot, o->lot, sizeof(lot));
		} else {
			setting_get(s, SETTING_LOT_CODE_PATTERN, pattern, sizeof(pattern));
			if ((rc = ledger_next_code(s, pattern, today, lot)))
				goto out;
		}
		fields_set_nth(&f, i + 1, "lot", lot);
		fields_set_nth_int(&f, i + 1, "qty", q);
		fields_set_nth(&f, i + 1, "location", loc.code);
		fields_set_nth(&f, i + 1, "expiry", exp ? date_format(exp, date) : "");
	}
	if (sum != yield) {
		char a[FIXED_BUFSZ], b[FIXED_BUFSZ];
		rc = error_set(ERR_INVALID, _("outputs: they add up to %s %s, not the yield %s %s"),
		               fixed_format(sum, 0, a), it.base_unit, fixed_format(yield, 0, b),
		               it.base_unit);
		goto out;
	}
	inputs.f = &f;
	if ((rc = db_run_inputs_each(s->store, r.id, list_input, &inputs)))
		goto out;
	fields_set_int(&f, "inputs", inputs.n);
	rc = journal_append(s, "run.finish", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

int run_fail(struct session *s, const char *code, const char *note)
{
	struct run r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_run(s, code, &r)) || (rc = require_status(&r, "started", _("failed"))))
		goto out;
	if (!note || !*note) {
		rc = error_set(ERR_INVALID,
		               _("note: a failed run needs a note saying what happened"));
		goto out;
	}
	if (strlen(note) > TEXT_MAX) {
		rc = error_set(ERR_INVALID, _("note: longer than %d characters"), TEXT_MAX);
		goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set(&f, "text", note);
	rc = journal_append(s, "run.fail", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

struct put_back {
	struct fields *f;
	int64_t n;
};

static int list_put_back(void *ctx, int64_t lot_id, const char *lot, fixed_t qty, int64_t line)
{
	struct put_back *p = ctx;
	(void)lot_id;
	p->n++;
	fields_set_nth(p->f, p->n, "lot", lot);
	fields_set_nth_int(p->f, p->n, "qty", qty);
	fields_set_nth_int(p->f, p->n, "line", line);
	return 0;
}

/* The entry names every lot it puts back and how much: another terminal that
 * has not yet heard of a consumption made elsewhere puts back the same. */
int run_cancel(struct session *s, const char *code, const char *reason)
{
	struct put_back p = {NULL, 0};
	struct run r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_PRODUCE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_run(s, code, &r)) || (rc = require_unsigned(&r)))
		goto out;
	if (strcmp(r.status, "planned") && strcmp(r.status, "started")) {
		rc = error_set(ERR_CONFLICT,
		               _("run %s is %s: only a planned or started run can be "
		                 "cancelled"),
		               r.code, _(r.status));
		goto out;
	}
	if (!reason || !*reason) {
		rc = error_set(ERR_INVALID, _("reason: say why the run is cancelled"));
		goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set(&f, "text", reason);
	p.f = &f;
	if ((rc = db_run_consumptions_each(s->store, r.id, list_put_back, &p)))
		goto out;
	fields_set_int(&f, "n", p.n);
	rc = journal_append(s, "run.cancel", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

int run_sign(struct session *s, const char *code)
{
	struct run r;
	struct fields f = FIELDS_INIT;
	char role[16];
	int rc;
	if ((rc = session_begin(s)))
		return rc;
	setting_get(s, SETTING_RUN_SIGN_ROLE, role, sizeof(role));
	if (strcmp(s->user.role, role) != 0) {
		rc = error_set(ERR_DENIED,
		               _("%s (%s) may not sign batch records: the policy "
		                 "(run_sign_role) says %s"),
		               s->user.name, s->user.role, role);
		goto out;
	}
	if ((rc = load_run(s, code, &r)) || (rc = require_unsigned(&r)))
		goto out;
	if (strcmp(r.status, "finished") && strcmp(r.status, "failed")) {
		rc = error_set(ERR_CONFLICT,
		               _("run %s is %s: only a finished or failed run is "
		                 "signed"),
		               r.code, _(r.status));
		goto out;
	}
	fields_set(&f, "run", r.code);
	fields_set(&f, "role", role);
	rc = journal_append(s, "run.sign", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}
