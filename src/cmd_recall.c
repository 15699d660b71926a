/* lotline recall open|notices|mark|close|show|list: recalls and mock recalls. */
#include "clock.h"
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "recall.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static int notices(struct session *s, const char *code, enum out_format fmt)
{
	return recall_notices_write(s, code, stdout, fmt, NULL);
}

static int lot_line(void *ctx, const struct recall_lot *l)
{
	char q[FIXED_BUFSZ];
	(void)ctx;
	printf("  %3lld %-18s %-10s %10s %-5s %-10s %s\n", (long long)l->depth, l->lot, l->item,
	       fixed_format(l->qty, 0, q), l->unit, l->status, l->held ? _("held") : "");
	return 0;
}

static int customer_line(void *ctx, const struct recall_customer *c)
{
	char q[FIXED_BUFSZ], a[20], b[20];
	(void)ctx;
	if (c->notified)
		time_format_short(hlc_wall_ms(c->notified), a);
	if (c->acknowledged)
		time_format_short(hlc_wall_ms(c->acknowledged), b);
	printf("  %-10s %-20s %5lld  %-16s %-16s %s\n", c->code, c->name, (long long)c->shipments,
	       c->notified ? a : "-", c->acknowledged ? b : "-", fixed_format(c->returned, 0, q));
	return 0;
}

static int show(struct session *s, const char *code)
{
	struct recall r;
	int rc = db_recall_get(s->store, code, &r);
	if (rc)
		return rc;
	recall_banner(stdout, &r);
	printf(_("\nLots (level, lot, item, in stock, unit, status before):\n"));
	if ((rc = db_recall_lots_each(s->store, r.id, lot_line, NULL)))
		return rc;
	printf(_("\nCustomers (code, name, shipments, notified, acknowledged, returned):\n"));
	if ((rc = db_recall_customers_each(s->store, r.id, customer_line, NULL)))
		return rc;
	if (r.closed_hlc) {
		char t[20];
		printf(_("\nClosed %s: %s\n"), time_format_short(hlc_wall_ms(r.closed_hlc), t),
		       r.summary);
	}
	return OK;
}

static const struct out_col recall_cols[] = {
    {"code", N_("Recall"), 18, 0},      {"drill", N_("Drill"), 5, 0},
    {"status", N_("Status"), 6, 0},     {"lots", N_("Lots"), 5, 1},
    {"held", N_("Held"), 5, 1},         {"customers", N_("Customers"), 9, 1},
    {"notified", N_("Notified"), 8, 1}, {"elapsed_ms", N_("ms"), 6, 1},
    {"reason", N_("Reason"), 24, 0},
};

static int recall_row(void *ctx, const struct recall *r)
{
	char n[6][24];
	snprintf(n[0], 24, "%lld", (long long)r->lots);
	snprintf(n[1], 24, "%lld", (long long)r->held);
	snprintf(n[2], 24, "%lld", (long long)r->customers);
	snprintf(n[3], 24, "%lld", (long long)r->notified);
	snprintf(n[4], 24, "%lld", (long long)r->elapsed_ms);
	const char *v[9] = {
	    r->code, r->drill ? "yes" : "no", r->status, n[0], n[1], n[2], n[3], n[4], r->reason};
	out_row(ctx, v);
	return 0;
}

static int exec_recall(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (!strcmp(verb, "list")) {
		struct out o;
		out_begin(&o, stdout, fmt, recall_cols, (int)ARRAY_SIZE(recall_cols));
		rc = db_recall_each(s->store, recall_row, &o);
		out_end(&o);
		return rc;
	}
	if (a->npos < 2)
		return error_set(ERR_INVALID, _("usage: lotline recall %s ..."), verb);
	if (!strcmp(verb, "open")) {
		char code[LOT_MAX + 1];
		if ((rc = recall_open(s, a->pos + 1, a->npos - 1, arg(a, "reason"),
		                      flag(a, "drill"), code)))
			return rc;
		printf(_("%s %s opened\n\n"), flag(a, "drill") ? _("mock recall") : _("recall"),
		       code);
		return notices(s, code, OUT_TABLE);
	}
	if (!strcmp(verb, "notices"))
		return notices(s, a->pos[1], fmt);
	if (!strcmp(verb, "show"))
		return show(s, a->pos[1]);
	if (!strcmp(verb, "mark")) {
		if (a->npos != 4)
			return error_set(ERR_INVALID,
			                 _("usage: lotline recall mark RECALL CUSTOMER "
			                   "notified|acknowledged|returned [--qty Q]"));
		if ((rc = recall_mark(s, a->pos[1], a->pos[2], a->pos[3], arg(a, "qty"))) == OK)
			printf(_("%s: %s %s\n"), a->pos[1], a->pos[2], a->pos[3]);
		return rc;
	}
	if (!strcmp(verb, "close")) {
		if ((rc = recall_close(s, a->pos[1], arg(a, "summary"))) == OK)
			printf(_("recall %s closed\n"), a->pos[1]);
		return rc;
	}
	return error_set(ERR_INVALID,
	                 _("lotline recall: '%s' is not one of open notices mark "
	                   "close show list"),
	                 verb);
}

static const struct opt recall_opts[] = {
    {"reason", N_("TEXT"), N_("open: why the lots are recalled")},
    {"drill", NULL, N_("open: a mock recall; the same lists, nothing held")},
    {"qty", N_("QTY"), N_("mark returned: how much came back")},
    {"summary", N_("TEXT"), N_("close: how the recall ended")},
    {"format", N_("FORMAT"), N_("notices, list: table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_recall = {
    .name = "recall",
    .usage = N_("open LOT... --reason T [--drill] | notices RECALL [--format csv] | mark RECALL "
                "CUSTOMER notified|acknowledged|returned [--qty Q] | close RECALL --summary T | "
                "show RECALL | list"),
    .summary = N_("recalls and mock recalls: scope, holds, customer notices, tracking"),
    .opts = recall_opts,
    .min_pos = 1,
    .max_pos = POS_MAX,
    .exec = exec_recall,
};
