/* The customer notification list of a recall, written to any file: CSV, TSV or
 * JSON for programs, and the letter-style text (a banner, then one block per
 * customer with each lot they received). The command line writes it to its
 * output and the Recall screen to a file, so the two are the same list. */
#include "clock.h"
#include "error.h"
#include "i18n.h"
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

struct notice_text {
	FILE *fp;
	char last[CODE_MAX + 1];
	long rows;
};

static int notice_text(void *ctx, const struct recall_notice *n)
{
	struct notice_text *t = ctx;
	const struct party *c = &n->customer;
	char q[FIXED_BUFSZ];
	if (strcmp(t->last, c->code) != 0) {
		strlcpy_(t->last, c->code, sizeof(t->last));
		fprintf(t->fp, "\n%s  %s\n", c->code, c->name);
		if (c->contact[0] || c->email[0] || c->phone[0])
			fprintf(t->fp, "  %s  %s  %s\n", c->contact, c->email, c->phone);
		if (c->address[0] || c->city[0])
			fprintf(t->fp, "  %s, %s %s %s\n", c->address, c->postcode, c->city,
			        c->country);
	}
	fprintf(t->fp, _("  lot %-16s %-10s %10s %-5s order %-10s shipped %s\n"), n->lot, n->item,
	        fixed_format(n->qty, 0, q), n->unit, n->order, n->shipped);
	t->rows++;
	return 0;
}

void recall_banner(FILE *fp, const struct recall *r)
{
	char t[20];
	fprintf(fp, _("%s %s  %s  opened %s by %s\n"),
	        r->drill ? _("MOCK RECALL (drill)") : _("RECALL"), r->code, _(r->status),
	        time_format_short(hlc_wall_ms(r->opened_hlc), t), r->opened_by);
	fprintf(fp, _("Reason: %s\nLots named: %s\n"), r->reason, r->sources);
	if (r->drill)
		fprintf(fp, _("This is a drill: no lot was put on hold.\n"));
	fprintf(fp, _("Scope: %lld lot(s), %lld in stock, %lld put on hold; %lld customer(s)\n"),
	        (long long)r->lots, (long long)r->in_stock, (long long)r->held,
	        (long long)r->customers);
	fprintf(fp, _("Complete list in %lld ms\n"), (long long)r->elapsed_ms);
}

int recall_notices_write(struct session *s, const char *code, FILE *fp, enum out_format fmt,
                         long *rows)
{
	struct recall r;
	int rc = db_recall_get(s->store, code, &r);
	if (rows)
		*rows = 0;
	if (rc)
		return rc;
	if (fmt != OUT_TABLE) {
		struct out o;
		out_begin(&o, fp, fmt, notice_cols, (int)ARRAY_SIZE(notice_cols));
		rc = db_recall_notices_each(s->store, r.id, notice_row, &o);
		out_end(&o);
		if (rows)
			*rows = o.rows;
		return rc;
	}
	struct notice_text t = {fp, "", 0};
	recall_banner(fp, &r);
	fprintf(fp, _("\nCustomers to notify:\n"));
	rc = db_recall_notices_each(s->store, r.id, notice_text, &t);
	if (rc == OK && !t.last[0])
		fprintf(fp, _("  none: nothing in scope has shipped\n"));
	if (rows)
		*rows = t.rows;
	return rc;
}
