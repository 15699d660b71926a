/* lotline pick: made for a handheld first. "pick next ORDER" says what to pick,
 * "pick ORDER --location L --lot LOT" checks the scans and records the pick,
 * "pick short ORDER --qty Q --reason R" records what was not there. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "orders.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static void say_next(const struct pick_task *t)
{
	char q[FIXED_BUFSZ];
	printf(_("pick %s %s of %s from %s\n"), fixed_format(t->qty, 0, q), t->unit, t->lot,
	       t->location);
	printf(_("  line %lld: %s %s%s%s; %lld pick(s) left\n"), (long long)t->line, t->item_code,
	       t->item_name, t->expiry[0] ? _(", expires ") : "", t->expiry,
	       (long long)t->remaining);
}

/* After a pick: the next one, or the word to ship. */
static int then_next(struct session *s, const char *ref)
{
	struct pick_task t;
	if (pick_next(s, ref, &t) == OK)
		say_next(&t);
	else
		printf(_("all picked: ship with 'lotline order ship %s'\n"), ref);
	error_clear();
	return OK;
}

static int exec_pick(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	struct pick_task t;
	char q[FIXED_BUFSZ], r[FIXED_BUFSZ];
	int rc;
	if (!strcmp(verb, "next")) {
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline pick next ORDER"));
		if ((rc = pick_next(s, a->pos[1], &t)) == OK)
			say_next(&t);
		return rc;
	}
	if (!strcmp(verb, "short")) {
		fixed_t moved, unfilled;
		if (a->npos != 2)
			return error_set(
			    ERR_INVALID,
			    _("usage: lotline pick short ORDER --qty FOUND --reason R"));
		if ((rc = pick_next(s, a->pos[1], &t)))
			return rc;
		if ((rc = pick_short(s, a->pos[1], arg(a, "qty"), arg(a, "reason"), &moved,
		                     &unfilled)))
			return rc;
		printf(_("short pick of %s recorded: %s %s re-allocated, %s %s not filled\n"),
		       t.lot, fixed_format(moved, 0, q), t.unit, fixed_format(unfilled, 0, r),
		       t.unit);
		return then_next(s, a->pos[1]);
	}
	if (a->npos != 1)
		return error_set(ERR_INVALID, _("usage: lotline pick ORDER --location L --lot LOT "
		                                "[--qty Q]"));
	struct pick_req req = {verb, arg(a, "location"), arg(a, "lot"), arg(a, "qty")};
	if ((rc = pick_record(s, &req, &t)))
		return rc;
	printf(_("picked %s %s of %s from %s for line %lld\n"), fixed_format(t.qty, 0, q), t.unit,
	       t.lot, t.location, (long long)t.line);
	return then_next(s, verb);
}

static const struct opt pick_opts[] = {
    {"location", N_("CODE"), N_("the scanned location")},
    {"lot", N_("LOT"), N_("the scanned lot")},
    {"qty", N_("QTY"), N_("how much was picked (else all asked); short: how much was there")},
    {"reason", N_("CODE"), N_("short: not-found, damaged, count, blocked or other")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_pick = {
    .name = "pick",
    .usage = N_("next ORDER | ORDER --location L --lot LOT [--qty Q] | short ORDER --qty Q "
                "--reason R"),
    .summary = N_("picking: what to pick next, scans checked, short picks"),
    .opts = pick_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_pick,
};
