/* lotline order add|list|show|confirm|cancel|ship|despatch|return: customer orders. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "orders.h"
#include "output.h"
#include "db/master.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct out_col order_cols[] = {
    {"ref", N_("Order"), 12, 0},          {"customer", N_("Customer"), 10, 0},
    {"customer_name", N_("Name"), 22, 0}, {"ship_date", N_("Ship date"), 10, 0},
    {"status", N_("Status"), 9, 0},       {"lines", N_("Lines"), 5, 1},
    {"shipped", N_("Shipped"), 10, 0},
};

static int order_row(void *ctx, const struct order *o)
{
	char n[24];
	snprintf(n, sizeof(n), "%lld", (long long)o->lines);
	const char *v[7] = {o->ref, o->customer_code, o->customer_name, o->ship_date, o->status,
	                    n,      o->shipped};
	out_row(ctx, v);
	return 0;
}

static const struct out_col line_cols[] = {
    {"line", N_("#"), 3, 1},          {"item", N_("Item"), 10, 0},
    {"item_name", N_("Name"), 18, 0}, {"ordered", N_("Ordered"), 10, 0},
    {"qty", N_("Qty"), 8, 1},         {"allocated", N_("Reserved"), 8, 1},
    {"picked", N_("Picked"), 8, 1},   {"shipped", N_("Shipped"), 8, 1},
    {"short", N_("Short"), 6, 1},     {"unit", N_("Unit"), 5, 0},
    {"lot", N_("Asked lot"), 10, 0},
};

static int line_row(void *ctx, const struct order_line *l)
{
	char n[24], q[FIXED_BUFSZ], a[FIXED_BUFSZ], p[FIXED_BUFSZ], h[FIXED_BUFSZ], sh[FIXED_BUFSZ];
	snprintf(n, sizeof(n), "%lld", (long long)l->line);
	const char *v[11] = {n,
	                     l->item_code,
	                     l->item_name,
	                     l->entered,
	                     fixed_format(l->qty, 0, q),
	                     fixed_format(l->allocated, 0, a),
	                     fixed_format(l->picked, 0, p),
	                     fixed_format(l->shipped, 0, h),
	                     fixed_format(l->shorted, 0, sh),
	                     l->unit,
	                     l->lot};
	out_row(ctx, v);
	return 0;
}

static const struct out_col alloc_cols[] = {
    {"line", N_("#"), 3, 1},         {"lot", N_("Lot"), 18, 0},
    {"item", N_("Item"), 10, 0},     {"location", N_("Location"), 8, 0},
    {"expiry", N_("Expiry"), 10, 0}, {"qty", N_("Qty"), 8, 1},
    {"picked", N_("Picked"), 8, 1},  {"reserved", N_("Reserved"), 8, 1},
    {"unit", N_("Unit"), 5, 0},
};

static int alloc_row(void *ctx, const struct allocation *al)
{
	char n[24], q[FIXED_BUFSZ], p[FIXED_BUFSZ], r[FIXED_BUFSZ];
	snprintf(n, sizeof(n), "%lld", (long long)al->line);
	const char *v[9] = {n,
	                    al->lot,
	                    al->item_code,
	                    al->location,
	                    al->expiry,
	                    fixed_format(al->qty, 0, q),
	                    fixed_format(al->picked, 0, p),
	                    fixed_format(al->reserved, 0, r),
	                    al->unit};
	out_row(ctx, v);
	return 0;
}

static int show(struct session *s, const char *ref, enum out_format fmt)
{
	struct order o;
	struct out out;
	int rc = db_order_get(s->store, ref, &o);
	if (rc)
		return rc;
	if (fmt == OUT_TABLE)
		printf(_("%s  %s %s  ship %s  %s\n\n"), o.ref, o.customer_code, o.customer_name,
		       o.ship_date[0] ? o.ship_date : "-", _(o.status));
	out_begin(&out, stdout, fmt, line_cols, (int)ARRAY_SIZE(line_cols));
	rc = db_order_lines_each(s->store, o.id, line_row, &out);
	out_end(&out);
	if (rc || fmt != OUT_TABLE)
		return rc;
	printf(_("\nReserved lots:\n"));
	out_begin(&out, stdout, fmt, alloc_cols, (int)ARRAY_SIZE(alloc_cols));
	rc = db_allocations_each(s->store, o.id, alloc_row, &out);
	out_end(&out);
	return rc;
}

/* ---- the despatch note ---- */

static const struct out_col despatch_cols[] = {
    {"line", N_("#"), 3, 1},    {"item", N_("Item"), 10, 0},     {"item_name", N_("Name"), 20, 0},
    {"lot", N_("Lot"), 18, 0},  {"expiry", N_("Expiry"), 10, 0}, {"qty", N_("Qty"), 8, 1},
    {"unit", N_("Unit"), 5, 0},
};

static int despatch_row(void *ctx, const struct shipment *h)
{
	char n[24], q[FIXED_BUFSZ];
	snprintf(n, sizeof(n), "%lld", (long long)h->line);
	const char *v[7] = {
	    n, h->item_code, h->item_name, h->lot, h->expiry, fixed_format(h->qty, 0, q), h->unit};
	out_row(ctx, v);
	return 0;
}

static int despatch_short(void *ctx, const struct order_line *l)
{
	char q[FIXED_BUFSZ], h[FIXED_BUFSZ];
	(void)ctx;
	if (l->shipped < l->qty)
		printf(_("  line %lld: %s %s ordered, %s shipped\n"), (long long)l->line,
		       fixed_format(l->qty, 0, q), l->unit, fixed_format(l->shipped, 0, h));
	return 0;
}

static int despatch(struct session *s, const char *ref, enum out_format fmt)
{
	struct order o;
	struct party c;
	struct out out;
	int rc = db_order_get(s->store, ref, &o);
	if (rc)
		return rc;
	if (strcmp(o.status, "shipped") != 0)
		return error_set(ERR_CONFLICT,
		                 _("order %s is %s: a despatch note is made when it "
		                   "ships"),
		                 o.ref, _(o.status));
	if ((rc = db_party_get(s->store, PARTY_CUSTOMER, o.customer_code, &c)))
		return rc;
	if (fmt == OUT_TABLE) {
		printf(_("DESPATCH NOTE  order %s  shipped %s\n"), o.ref, o.shipped);
		printf(_("To: %s %s\n"), c.code, c.name);
		if (c.contact[0])
			printf("    %s\n", c.contact);
		if (c.address[0])
			printf("    %s\n", c.address);
		if (c.postcode[0] || c.city[0])
			printf("    %s%s%s\n", c.postcode, c.postcode[0] && c.city[0] ? " " : "",
			       c.city);
		if (c.country[0])
			printf("    %s\n", c.country);
		printf("\n");
	}
	out_begin(&out, stdout, fmt, despatch_cols, (int)ARRAY_SIZE(despatch_cols));
	rc = db_shipments_each(s->store, o.id, despatch_row, &out);
	out_end(&out);
	if (rc == OK && fmt == OUT_TABLE) {
		printf("\n");
		rc = db_order_lines_each(s->store, o.id, despatch_short, NULL);
	}
	return rc;
}

static int add(struct session *s, const struct args *a)
{
	const char *const *texts;
	int n = args_all(a, "line", &texts), rc = OK;
	struct order_line_req lines[MULTI_MAX];
	char *copies[MULTI_MAX];
	if (a->npos != 2)
		return error_set(ERR_INVALID, _("usage: lotline order add REF --customer CODE "
		                                "--line ITEM:QTY[:UNIT[:LOT]] ..."));
	for (int i = 0; i < n; i++)
		copies[i] = xstrdup(texts[i]);
	for (int i = 0; i < n && rc == OK; i++)
		rc = order_line_parse(copies[i], &lines[i]);
	struct order_req r = {
	    a->pos[1], arg(a, "customer"), arg(a, "ship-date"), arg(a, "note"), lines, n};
	if (rc == OK)
		rc = order_add(s, &r);
	for (int i = 0; i < n; i++)
		free(copies[i]);
	if (rc == OK)
		printf(_("order %s added (draft)\n"), a->pos[1]);
	return rc;
}

static int exec_order(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (!strcmp(verb, "add"))
		return add(s, a);
	if (!strcmp(verb, "list")) {
		struct out o;
		out_begin(&o, stdout, fmt, order_cols, (int)ARRAY_SIZE(order_cols));
		rc = db_order_each(s->store, arg(a, "status"), order_row, &o);
		out_end(&o);
		return rc;
	}
	if (a->npos < 2)
		return error_set(ERR_INVALID, _("usage: lotline order %s ORDER"), verb);
	if (!strcmp(verb, "show"))
		return show(s, a->pos[1], fmt);
	if (!strcmp(verb, "confirm")) {
		if ((rc = order_confirm(s, a->pos[1])) == OK) {
			printf(_("order %s confirmed\n\n"), a->pos[1]);
			rc = show(s, a->pos[1], OUT_TABLE);
		}
		return rc;
	}
	if (!strcmp(verb, "cancel")) {
		if ((rc = order_cancel(s, a->pos[1], arg(a, "reason"))) == OK)
			printf(_("order %s cancelled\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "ship")) {
		if ((rc = order_ship(s, a->pos[1])) == OK)
			printf(_("order %s shipped\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "despatch"))
		return despatch(s, a->pos[1], fmt);
	if (!strcmp(verb, "return")) {
		if (a->npos != 4)
			return error_set(ERR_INVALID, _("usage: lotline order return ORDER LOT QTY "
			                                "--location L --reason R"));
		if ((rc = order_return(s, a->pos[1], a->pos[2], a->pos[3], arg(a, "location"),
		                       arg(a, "reason"))) == OK)
			printf(_("%s of %s back from %s, in quarantine\n"), a->pos[3], a->pos[2],
			       a->pos[1]);
		return rc;
	}
	return error_set(ERR_INVALID,
	                 _("lotline order: '%s' is not one of add list show confirm "
	                   "cancel ship despatch return"),
	                 verb);
}

static const struct opt order_opts[] = {
    {"customer", N_("CODE"), N_("add: the customer")},
    {"ship-date", N_("DATE"), N_("add: when it should ship")},
    {"note", N_("TEXT"), N_("add: a note")},
    {"line", N_("ITEM:QTY[:UNIT[:LOT]]"),
     N_("add: an order line, repeated; LOT when the customer asks for one lot")},
    {"status", N_("STATUS"), N_("list: draft, confirmed, picking, shipped or cancelled")},
    {"reason", N_("TEXT"),
     N_("cancel: why; return: damaged, quality, complaint, recall, "
        "wrong-item or other")},
    {"location", N_("CODE"), N_("return: where the returned goods are")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_order = {
    .name = "order",
    .usage = N_("add REF --customer CODE --line ITEM:QTY[:UNIT[:LOT]]... | list | show ORDER | "
                "confirm ORDER | cancel ORDER --reason T | ship ORDER | despatch ORDER | "
                "return ORDER LOT QTY --location L --reason R"),
    .summary = N_("customer orders: reserve lots, ship, despatch notes, returns"),
    .opts = order_opts,
    .min_pos = 1,
    .max_pos = 4,
    .exec = exec_order,
};
