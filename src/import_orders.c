/* Customer orders from CSV (a kind of the import service, src/import.c): one
 * row per order line, the rows of one order sharing its reference, each order
 * added through the same service as 'lotline order add' once the whole file
 * has been read. */
#include "error.h"
#include "i18n.h"
#include "import_internal.h"
#include "orders.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MULTI_LINES 200 /* lines of one imported order */

/* The labels are the words order_add's messages start with. */
const struct col_def import_order_cols[IMPORT_ORDER_NCOLS] = {
    [O_CUSTOMER] = {"customer", N_("customer"),
                    "customer code|customer id|customer no|customer number|client|client code|"
                    "account|account no|account number|ship to|kunde|cliente",
                    CT_TEXT, 1},
    [O_REF] = {"ref", N_("order"),
               "reference|order ref|order no|order number|order id|sales order|so|so number|"
               "customer po|po|po number|purchase order|commande|bestellung|pedido",
               CT_TEXT, 1},
    [O_SHIP_DATE] = {"ship_date", N_("ship date"),
                     "ship by|shipping date|delivery date|due date|despatch date|dispatch date|"
                     "date de livraison|liefertermin|lieferdatum|fecha de entrega",
                     CT_DATE, 0},
    [O_ITEM] = {"item", N_("item"),
                "item code|sku|product|product code|article|article number|artikel|articulo|"
                "material|code article",
                CT_TEXT, 1},
    [O_QTY] = {"qty", N_("quantity"),
               "amount|ordered|qty ordered|quantity ordered|order qty|quantite|menge|cantidad",
               CT_DECIMAL, 1},
    [O_UNIT] = {"unit", N_("unit"), "uom|unit of measure|unite|einheit|unidad", CT_TEXT, 0},
    [O_LOT] = {"lot", N_("lot"), "lot number|lot no|batch|batch number|requested lot|lote", CT_TEXT,
               0},
    [O_NOTE] = {"note", N_("note"), "notes|comment|comments|remark|remarks|bemerkung|remarque",
                CT_TEXT, 0},
};

struct pending_line {
	char *v[O_NOTE + 1];
	long line;
};

struct pending_order {
	struct pending_line *l;
	int n, cap;
};

struct pending_orders {
	struct pending_order *o;
	int n, cap;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The rows of one order must agree on what belongs to the order. */
static int same_order(const struct pending_line *first, const char *const *v)
{
	static const int keys[] = {O_CUSTOMER, O_SHIP_DATE, O_NOTE};
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		int k = keys[i];
		if (strcmp(nz(first->v[k]), nz(v[k])) != 0)
			return error_set(
			    ERR_INVALID,
			    _("%s: '%s' here, but '%s' on line %ld for the same order %s"),
			    _(import_order_cols[k].label), nz(v[k]), nz(first->v[k]), first->line,
			    v[O_REF]);
	}
	return OK;
}

int import_order_row(struct import_run *u, const char *const *v, const char **bad_key)
{
	struct pending_orders *po = u->state;
	struct pending_order *o = NULL;
	int rc;
	(void)bad_key;
	if (!v[O_REF] || !*v[O_REF])
		return error_set(ERR_INVALID, _("order: required"));
	if (!po)
		po = u->state = xcalloc(1, sizeof(*po));
	for (int i = 0; i < po->n && !o; i++)
		if (!strcmp(po->o[i].l[0].v[O_REF], v[O_REF]))
			o = &po->o[i];
	if (o && (rc = same_order(&o->l[0], v)))
		return rc;
	if (o && o->n == MULTI_LINES)
		return error_set(ERR_INVALID, _("order: %s has more than %d lines"), v[O_REF],
		                 MULTI_LINES);
	if (!o) {
		GROW(po->o, po->n, po->cap, 16);
		o = &po->o[po->n++];
		memset(o, 0, sizeof(*o));
	}
	GROW(o->l, o->n, o->cap, 8);
	struct pending_line *l = &o->l[o->n++];
	for (int k = 0; k <= O_NOTE; k++)
		l->v[k] = v[k] && *v[k] ? xstrdup(v[k]) : NULL;
	l->line = u->line;
	return OK;
}

/* Each order through the same service as 'lotline order add'; a problem is
 * said on the row of the line it is about ("line 2: ..."), else the order's
 * first row. */
static int add_orders(struct import_run *u)
{
	struct pending_orders *po = u->state;
	for (int i = 0; po && i < po->n; i++) {
		struct pending_order *o = &po->o[i];
		struct order_line_req lines[MULTI_LINES];
		for (int k = 0; k < o->n; k++)
			lines[k] = (struct order_line_req){o->l[k].v[O_ITEM], o->l[k].v[O_QTY],
			                                   o->l[k].v[O_UNIT], o->l[k].v[O_LOT]};
		const char *const *first = (const char *const *)o->l[0].v;
		struct order_req r = {
		    first[O_REF], first[O_CUSTOMER], first[O_SHIP_DATE], first[O_NOTE], lines,
		    o->n};
		error_clear();
		int rc = order_add_in_tx(u->s, &r);
		if (rc == OK)
			continue;
		if (rc != ERR_INVALID && rc != ERR_NOT_FOUND && rc != ERR_CONFLICT)
			return rc;
		const char *msg = error_msg();
		long at = o->l[0].line;
		int n = 0, len = 0;
		if (sscanf(msg, "line %d: %n", &n, &len) == 1 && len > 0 && n >= 1 && n <= o->n) {
			at = o->l[n - 1].line;
			msg += len;
		}
		import_service_problem_at(u, at, msg, NULL);
	}
	return OK;
}

static void free_orders(struct import_run *u)
{
	struct pending_orders *po = u->state;
	for (int i = 0; po && i < po->n; i++) {
		for (int k = 0; k < po->o[i].n; k++)
			for (int c = 0; c <= O_NOTE; c++)
				free(po->o[i].l[k].v[c]);
		free(po->o[i].l);
	}
	if (po)
		free(po->o);
	free(po);
	u->state = NULL;
}

/* Orders are added once every row has been read, and only when no row had a
 * problem (a dry run adds them too, to check them, and the import's one
 * transaction is then rolled back). */
int import_order_finish(struct import_run *u, int ok)
{
	int rc = ok ? add_orders(u) : OK;
	free_orders(u);
	return rc;
}
