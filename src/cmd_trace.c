/* lotline trace: forward to customers, backward to suppliers, from an order or a
 * customer, and the one-step-back, one-step-forward report. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "trace.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRACE_COLS 12

static const struct out_col trace_cols[TRACE_COLS] = {
    {"depth", N_("Lvl"), 3, 1},
    {"kind", N_("Kind"), 8, 0},
    {"lot", N_("Lot"), 16, 0},
    {"item", N_("Item"), 10, 0},
    {"via", N_("Via"), 16, 0},
    {"run", N_("Run"), 16, 0},
    {"party", N_("Party"), 10, 0},
    {"party_name", N_("Name"), 18, 0},
    {"reference", N_("Reference"), 12, 0},
    {"qty", N_("Qty"), 9, 1},
    {"unit", N_("Unit"), 5, 0},
    {"date", N_("Date"), 10, 0},
};

/* The one-step report says back or forward instead of a level. */
static const struct out_col step_cols[TRACE_COLS] = {
    {"step", N_("Step"), 7, 0},
    {"kind", N_("Kind"), 8, 0},
    {"lot", N_("Lot"), 16, 0},
    {"item", N_("Item"), 10, 0},
    {"via", N_("Via"), 16, 0},
    {"run", N_("Run"), 16, 0},
    {"party", N_("Party"), 10, 0},
    {"party_name", N_("Name"), 18, 0},
    {"reference", N_("Reference"), 12, 0},
    {"qty", N_("Qty"), 9, 1},
    {"unit", N_("Unit"), 5, 0},
    {"date", N_("Date"), 10, 0},
};

struct trace_out {
	struct out o;
	int one_step;
};

static int trace_row_out(void *ctx, const struct trace_row *r)
{
	struct trace_out *t = ctx;
	char d[24], q[FIXED_BUFSZ];
	if (t->one_step)
		strlcpy_(d, r->depth < 0 ? "back" : "forward", sizeof(d));
	else
		snprintf(d, sizeof(d), "%lld", (long long)r->depth);
	const char *v[TRACE_COLS] = {
	    d,       r->kind,  r->lot,        r->item, r->via,
	    r->run,  r->party, r->party_name, r->ref,  fixed_format(r->qty, 0, q),
	    r->unit, r->date};
	out_row(&t->o, v);
	return 0;
}

static int exec_trace(struct session *s, const struct args *a)
{
	enum out_format fmt = OUT_TABLE;
	struct trace_out t;
	int64_t depth = 0;
	int rc, backward = flag(a, "backward");
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (arg(a, "depth")) {
		char *end;
		depth = strtoll(arg(a, "depth"), &end, 10);
		if (*end || depth < 1 || depth > TRACE_DEPTH_MAX)
			return error_set(ERR_INVALID,
			                 _("--depth: '%s' is not a number from 1 to %d"),
			                 arg(a, "depth"), TRACE_DEPTH_MAX);
	}
	if (backward && flag(a, "forward"))
		return error_set(ERR_INVALID, _("trace: --forward or --backward, not both"));
	int modes = (a->npos > 0) + (arg(a, "order") != NULL) + (arg(a, "customer") != NULL);
	if (modes != 1)
		return error_set(ERR_INVALID, _("trace: give lots, --order REF or --customer CODE "
		                                "(one of them)"));
	memset(&t, 0, sizeof(t));
	t.one_step = flag(a, "one-step");
	if (t.one_step && a->npos != 1)
		return error_set(ERR_INVALID, _("trace: --one-step reports on one lot"));
	out_begin(&t.o, stdout, fmt, t.one_step ? step_cols : trace_cols, TRACE_COLS);
	if (t.one_step)
		rc = trace_one_step(s, a->pos[0], trace_row_out, &t);
	else if (arg(a, "order"))
		rc = trace_order(s, arg(a, "order"), depth, trace_row_out, &t);
	else if (arg(a, "customer"))
		rc = trace_customer(s, arg(a, "customer"), trace_row_out, &t);
	else
		rc = trace_lots(s, a->pos, a->npos, backward, depth, trace_row_out, &t);
	out_end(&t.o);
	return rc;
}

static const struct opt trace_opts[] = {
    {"forward", NULL, N_("every lot made from it, every shipment and customer (the default)")},
    {"backward", NULL, N_("every input down to supplier lots and suppliers")},
    {"depth", N_("N"), N_("levels to follow (else all)")},
    {"order", N_("REF"), N_("what went into an order")},
    {"customer", N_("CODE"), N_("which lots a customer received")},
    {"one-step", NULL, N_("immediate supplier or inputs and immediate outputs and customers")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_trace = {
    .name = "trace",
    .usage = N_("LOT... [--forward|--backward] [--depth N] | LOT --one-step | --order REF | "
                "--customer CODE"),
    .summary = N_("traceability: where a lot went, what went into it"),
    .opts = trace_opts,
    .min_pos = 0,
    .max_pos = POS_MAX,
    .exec = exec_trace,
};
