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

static const struct out_col notice_cols[] = {
    {"customer", N_("Customer"), 10, 0}, {"name", N_("Name"), 18, 0},
    {"contact", N_("Contact"), 14, 0},   {"email", N_("Email"), 20, 0},
    {"phone", N_("Phone"), 12, 0},       {"address", N_("Address"), 20, 0},
    {"city", N_("City"), 10, 0},         {"postcode", N_("Postcode"), 8, 0},
    {"country", N_("Country"), 7, 0},    {"lot", N_("Lot"), 16, 0},
    {"item", N_("Item"), 10, 0},         {"item_name", N_("Item name"), 16, 0},
    {"order", N_("Order"), 10, 0},       {"qty", N_("Qty"), 9, 1},
    {"unit", N_("Unit"), 5, 0},          {"shipped", N_("Shipped"), 10, 0},
};

static int notice_row(void *ctx, const struct recall_notice *n)
{
	char q[FIXED_BUFSZ];
	const struct party *c = &n->customer;
	const char *v[16] = {c->code,    c->name,
	                     c->contact, c->email,
	                     c->phone,   c->address,
	                     c->city,    c->postcode,
	                     c->country, n->lot,
	                     n->item,    n->item_name,
	                     n->order,   fixed_format(n->qty, 0, q),
	                     n->unit,    n->shipped};
	out_row(ctx, v);
	return 0;
}

/* The letter-style list: one block per customer with each lot they received. */
struct notice_text {
	char last[CODE_MAX + 1];
};

static int notice_text(void *ctx, const struct recall_notice *n)
{
	struct notice_text *t = ctx;
	const struct party *c = &n->customer;
	char q[FIXED_BUFSZ];
	if (strcmp(t->last, c->code) != 0) {
		strlcpy_(t->last, c->code, sizeof(t->last));
		printf("\n%s  %s\n", c->code, c->name);
		if (c->contact[0] || c->email[0] || c->phone[0])
			printf("  %s  %s  %s\n", c->contact, c->email, c->phone);
		if (c->address[0] || c->city[0])
			printf("  %s, %s %s %s\n", c->address, c->postcode, c->city, c->country);
	}
	printf(_("  lot %-16s %-10s %10s %-5s order %-10s shipped %s\n"), n->lot, n->item,
	       fixed_format(n->qty, 0, q), n->unit, n->order, n->shipped);
	return 0;
}

static void banner(const struct recall *r)
{
	char t[20];
	printf(_("%s %s  %s  opened %s by %s\n"), r->drill ? _("MOCK RECALL (drill)") : _("RECALL"),
	       r->code, _(r->status), time_format_short(hlc_wall_ms(r->opened_hlc), t),
	       r->opened_by);
	printf(_("Reason: %s\nLots named: %s\n"), r->reason, r->sources);
	if (r->drill)
		printf(_("This is a drill: no lot was put on hold.\n"));
	printf(_("Scope: %lld lot(s), %lld in stock, %lld put on hold; %lld customer(s)\n"),
	       (long long)r->lots, (long long)r->in_stock, (long long)r->held,
	       (long long)r->customers);
	printf(_("Complete list in %lld ms\n"), (long long)r->elapsed_ms);
}

static int notices(struct session *s, const char *code, enum out_format fmt)
{
	struct recall r;
	int rc = db_recall_get(s->store, code, &r);
	if (rc)
		return rc;
	if (fmt != OUT_TABLE) {
		struct out o;
		out_begin(&o, stdout, fmt, notice_cols, (int)ARRAY_SIZE(notice_cols));
		rc = db_recall_notices_each(s->store, r.id, notice_row, &o);
		out_end(&o);
		return rc;
	}
	struct notice_text t = {""};
	banner(&r);
	printf(_("\nCustomers to notify:\n"));
	rc = db_recall_notices_each(s->store, r.id, notice_text, &t);
	if (rc == OK && !t.last[0])
		printf(_("  none: nothing in scope has shipped\n"));
	return rc;
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
	banner(&r);
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
