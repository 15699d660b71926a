/* The batch record as lines of text, for the command line and the screens alike. */
#include "batch_record.h"
#include "clock.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>

struct rec {
	record_line_fn line;
	void *ctx;
	fixed_t total;
};

static void say(struct rec *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct rec *c, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	c->line(c->ctx, buf);
}

void batch_record_money(fixed_t v, char *buf)
{
	/* money shows cents; exact figures stay in the machine formats */
	fixed_t cents;
	fixed_muldiv(v, 1, 10000, &cents);
	fixed_format(cents * 10000, 2, buf);
}

void batch_record_header(const struct run *r, record_line_fn line, void *ctx)
{
	struct rec c = {line, ctx, 0};
	char t[FIXED_BUFSZ];
	say(&c, _("%s  %s v%lld  makes %s %s %s  %s"), r->code, r->recipe_code,
	    (long long)r->recipe_version, fixed_format(r->target, 0, t), r->unit, r->item_code,
	    _(r->status));
	if (r->shortage)
		say(&c, _("shortage in the plan%s%s"),
		    r->bypass_reason[0] ? _("; started by bypass: ") : "", r->bypass_reason);
}

static int record_input(void *ctx, const struct run_input *in)
{
	struct rec *c = ctx;
	char q[FIXED_BUFSZ], uc[FIXED_BUFSZ], v[FIXED_BUFSZ];
	fixed_t value = 0;
	fixed_mul(in->qty, in->unit_cost, &value);
	c->total += value;
	batch_record_money(value, v);
	say(c, "  %-20s %-12s %-10s %-14s %10s %-4s %10s %10s", in->lot, in->item_code,
	    in->supplier, in->supplier_lot, fixed_format(in->qty, 0, q), in->unit,
	    fixed_format(in->unit_cost, 0, uc), v);
	return 0;
}

static int record_output(void *ctx, const struct run_input *out)
{
	char q[FIXED_BUFSZ], uc[FIXED_BUFSZ];
	say(ctx, "  %-20s %-12s %10s %-4s %s %s", out->lot, out->item_code,
	    fixed_format(out->qty, 0, q), out->unit, _("unit cost"),
	    fixed_format(out->unit_cost, 0, uc));
	return 0;
}

static int record_line(void *ctx, const struct run_line *l)
{
	char r[FIXED_BUFSZ], k[FIXED_BUFSZ], d[FIXED_BUFSZ + 1];
	fixed_format(l->consumed - l->required, 0, d + 1);
	d[0] = '+';
	say(ctx, "  %3lld %-12s %-24s %10s %10s %-4s %s", (long long)l->line, l->item_code,
	    l->item_name, fixed_format(l->required, 0, r), fixed_format(l->consumed, 0, k), l->unit,
	    l->consumed - l->required > 0 ? d : d + 1);
	return 0;
}

static int record_event(void *ctx, const struct run_event *ev)
{
	char t[20];
	say(ctx, "  %s  %-8s %-8s %s", time_format_short(hlc_wall_ms(ev->hlc), t), ev->user,
	    ev->kind, ev->text);
	return 0;
}

int batch_record(struct session *s, const char *code, record_line_fn line, void *ctx)
{
	struct run r;
	struct rec c = {line, ctx, 0};
	char a[32], b[32], y[FIXED_BUFSZ], text[256];
	int rc = db_run_get(s->store, code, &r);
	if (rc)
		return rc;
	say(&c, _("BATCH RECORD %s"), r.code);
	batch_record_header(&r, line, ctx);
	say(&c, "%s", "");
	say(&c, "%s", _("Plan vs actual (quantities in each item's unit):"));
	say(&c, "  %3s %-12s %-24s %10s %10s %-4s %s", _("#"), _("Item"), _("Name"), _("Planned"),
	    _("Actual"), _("Unit"), _("Diff"));
	if ((rc = db_run_lines_each(s->store, r.id, record_line, &c)))
		return rc;
	say(&c, "%s", "");
	say(&c, "%s", _("Lots in:"));
	say(&c, "  %-20s %-12s %-10s %-14s %10s %-4s %10s %10s", _("Lot"), _("Item"), _("Supplier"),
	    _("Supplier lot"), _("Qty"), _("Unit"), _("Unit cost"), _("Cost"));
	if ((rc = db_run_inputs_each(s->store, r.id, record_input, &c)))
		return rc;
	say(&c, "%s", "");
	say(&c, "%s", _("Lots out:"));
	if ((rc = db_run_outputs_each(s->store, r.id, record_output, &c)))
		return rc;
	say(&c, "%s", "");
	batch_record_money(r.plan_cost, a);
	batch_record_money(r.actual_yield >= 0 ? r.actual_cost : c.total, b);
	int n = snprintf(text, sizeof(text), _("Cost: planned %s, actual %s"), a, b);
	if (r.labour_cost) {
		batch_record_money(r.labour_cost, a);
		n += snprintf(text + n, sizeof(text) - (size_t)n, _(" (labour %s)"), a);
	}
	if (r.actual_yield >= 0)
		snprintf(text + n, sizeof(text) - (size_t)n, _("; yield %s %s of %s planned"),
		         fixed_format(r.actual_yield, 0, y), r.unit, fixed_format(r.target, 0, a));
	say(&c, "%s", text);
	say(&c, "%s", "");
	say(&c, "%s", _("Who did what:"));
	if ((rc = db_run_events_each(s->store, r.id, record_event, &c)))
		return rc;
	say(&c, "%s", "");
	if (r.signed_by[0]) {
		char t[20];
		say(&c, _("Signed by %s on %s"), r.signed_by,
		    time_format_short(hlc_wall_ms(r.signed_hlc), t));
	} else {
		say(&c, "%s", _("Not signed"));
	}
	return OK;
}
