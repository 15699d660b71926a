/* lotline run plan|start|consume|extra|note|finish|fail|cancel|sign|show|record. */
#include "batch_record.h"
#include "clock.h"
#include "cmd.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "production.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct show_ctx {
	struct session *s;
	int64_t run_id;
};

static int print_suggestion(void *ctx, const struct run_suggestion *g)
{
	char q[FIXED_BUFSZ];
	(void)ctx;
	printf("       %-20s %10s  %s\n", g->lot, fixed_format(g->qty, 0, q),
	       g->expiry[0] ? g->expiry : "-");
	return 0;
}

static int print_line(void *ctx, const struct run_line *l)
{
	struct show_ctx *c = ctx;
	char r[FIXED_BUFSZ], k[FIXED_BUFSZ];
	printf("%3lld  %-12s %-24s %10s %10s %s  %s\n", (long long)l->line, l->item_code,
	       l->item_name, fixed_format(l->required, 0, r), fixed_format(l->consumed, 0, k),
	       l->unit, l->role);
	db_run_suggestions_each(c->s->store, c->run_id, l->line, print_suggestion, NULL);
	return 0;
}

static void print_text(void *ctx, const char *text)
{
	(void)ctx;
	puts(text);
}

static int show(struct session *s, const char *code)
{
	struct run r;
	int rc = db_run_get(s->store, code, &r);
	if (rc)
		return rc;
	batch_record_header(&r, print_text, NULL);
	printf("\n%3s  %-12s %-24s %10s %10s\n", _("#"), _("Item"), _("Name"), _("Required"),
	       _("Consumed"));
	struct show_ctx c = {s, r.id};
	return db_run_lines_each(s->store, r.id, print_line, &c);
}

static int need(const struct args *a, int n, const char *usage)
{
	if (a->npos < n)
		return error_set(ERR_INVALID, _("usage: lotline run %s"), usage);
	return OK;
}

/* "QTY[:UNIT]" split in place. */
static char *split_unit(char *text)
{
	char *colon = text ? strchr(text, ':') : NULL;
	if (colon)
		*colon++ = '\0';
	return colon;
}

static int finish(struct session *s, const struct args *a)
{
	const char *const *outs;
	int n = args_all(a, "output", &outs), rc = OK;
	struct output_req o[MULTI_MAX];
	char *copies[MULTI_MAX];
	char *yield = arg(a, "yield") ? xstrdup(arg(a, "yield")) : NULL;
	char *yunit = split_unit(yield);
	memset(o, 0, sizeof(o));
	for (int i = 0; i < n; i++) {
		/* QTY:LOCATION[:LOT[:EXPIRY]] */
		char *p = copies[i] = xstrdup(outs[i]);
		char *f[4] = {p, NULL, NULL, NULL};
		for (int k = 1; k < 4 && f[k - 1]; k++)
			if ((f[k] = strchr(f[k - 1], ':')))
				*f[k]++ = '\0';
		o[i] = (struct output_req){f[0], f[1], f[2], f[3]};
	}
	if (n == 0) {
		o[0] =
		    (struct output_req){NULL, arg(a, "location"), arg(a, "lot"), arg(a, "expiry")};
		n = 1;
		copies[0] = NULL;
	}
	struct finish_req r = {a->pos[1], yield, yunit, arg(a, "labour"), o, n};
	rc = run_finish(s, &r);
	for (int i = 0; i < n; i++)
		free(copies[i]);
	free(yield);
	if (rc == OK)
		printf(_("run %s finished\n"), a->pos[1]);
	return rc;
}

static int exec_run(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	int rc;
	if ((rc = need(a, 2, _("VERB RUN ..."))))
		return rc;
	if (!strcmp(verb, "plan")) {
		char code[LOT_MAX + 1];
		char *target = arg(a, "target") ? xstrdup(arg(a, "target")) : NULL;
		char *unit = split_unit(target);
		int64_t version = arg(a, "version") ? strtoll(arg(a, "version"), NULL, 10) : 0;
		struct plan_req r = {a->pos[1], version, arg(a, "scale"), target, unit};
		rc = run_plan(s, &r, code);
		free(target);
		if (rc)
			return rc;
		printf(_("run %s planned\n\n"), code);
		return show(s, code);
	}
	if (!strcmp(verb, "start")) {
		if ((rc = run_start(s, a->pos[1], arg(a, "bypass"))) == OK)
			printf(_("run %s started\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "consume") || !strcmp(verb, "extra")) {
		int extra = !strcmp(verb, "extra");
		fixed_t used;
		char q[FIXED_BUFSZ];
		if ((rc = need(a, 3,
		               extra ? _("extra RUN LOT QTY --reason CODE")
		                     : _("consume RUN LOT [QTY] [--confirm]"))))
			return rc;
		if (extra && (a->npos < 4 || !arg(a, "reason")))
			return error_set(ERR_INVALID,
			                 _("extra: a quantity and --reason are required"));
		struct consume_req r = {a->pos[1],
		                        a->pos[2],
		                        a->npos > 3 ? a->pos[3] : NULL,
		                        arg(a, "unit"),
		                        flag(a, "confirm"),
		                        extra ? arg(a, "reason") : NULL,
		                        0};
		if ((rc = run_consume(s, &r, &used)) == OK) {
			struct lot l;
			db_lot_get(s->store, a->pos[2], &l);
			printf(_("%s %s of %s into %s\n"), fixed_format(used, 0, q), l.unit, l.code,
			       a->pos[1]);
		}
		return rc;
	}
	if (!strcmp(verb, "note")) {
		if ((rc = need(a, 3, _("note RUN TEXT"))))
			return rc;
		return run_note(s, a->pos[1], a->pos[2]);
	}
	if (!strcmp(verb, "finish"))
		return finish(s, a);
	if (!strcmp(verb, "fail")) {
		if ((rc = run_fail(s, a->pos[1], arg(a, "note"))) == OK)
			printf(_("run %s failed\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "cancel")) {
		if ((rc = run_cancel(s, a->pos[1], arg(a, "reason"))) == OK)
			printf(_("run %s cancelled\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "sign")) {
		if ((rc = run_sign(s, a->pos[1])) == OK)
			printf(_("run %s signed\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "show"))
		return show(s, a->pos[1]);
	if (!strcmp(verb, "record"))
		return batch_record(s, a->pos[1], print_text, NULL);
	return error_set(ERR_INVALID,
	                 _("lotline run: '%s' is not one of plan start consume extra "
	                   "note finish fail cancel sign show record"),
	                 verb);
}

static const struct opt run_opts[] = {
    {"scale", N_("X"), N_("plan: batches of the recipe's yield")},
    {"target", N_("QTY[:UNIT]"), N_("plan: the quantity to make")},
    {"version", N_("N"), N_("plan: a recipe version (must be active)")},
    {"bypass", N_("TEXT"), N_("start: start despite a shortage (manager), saying why")},
    {"confirm", NULL, N_("consume: use a lot that was not suggested")},
    {"unit", N_("UNIT"), N_("consume, extra: unit of QTY")},
    {"reason", N_("TEXT"),
     N_("extra: spillage, rework, recipe-adjustment, substitute or other; cancel: why")},
    {"yield", N_("QTY[:UNIT]"), N_("finish: the quantity actually made")},
    {"location", N_("CODE"), N_("finish: where the output lot goes")},
    {"lot", N_("CODE"), N_("finish: the output lot's code (else a new one)")},
    {"expiry", N_("DATE"), N_("finish: the output's expiry (else from shelf life)")},
    {"labour", N_("MONEY"), N_("finish: labour cost of the run")},
    {"output", N_("QTY:LOCATION[:LOT[:EXPIRY]]"), N_("finish: one output lot each, repeated")},
    {"note", N_("TEXT"), N_("fail: what happened")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_run = {
    .name = "run",
    .usage = N_("plan RECIPE [--scale X|--target QTY] | start RUN | consume RUN LOT [QTY] | "
                "extra RUN LOT QTY --reason R | note RUN TEXT | finish RUN --yield QTY "
                "--location L | fail RUN --note T | cancel RUN --reason T | sign RUN | "
                "show RUN | record RUN"),
    .summary = N_("production runs: plan, consume lots, finish, sign the batch record"),
    .opts = run_opts,
    .min_pos = 1,
    .max_pos = 4,
    .exec = exec_run,
};
