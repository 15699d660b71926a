/* Customer orders from CSV (a kind of the import service, src/import.c): one
 * row per order line, the rows of one order sharing its reference
 * (src/import_groups.c), each order added through the same service as
 * 'lotline order add' once the whole file has been read. */
#include "error.h"
#include "i18n.h"
#include "import_internal.h"
#include "orders.h"
#include "util.h"

#include <string.h>

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

static const int order_same[] = {O_CUSTOMER, O_SHIP_DATE, O_NOTE};

/* One order through the same service as 'lotline order add'. */
static int add_order(struct import_run *u, const char *const *const *rows, int n)
{
	struct order_line_req lines[IMPORT_GROUP_ROWS];
	for (int k = 0; k < n; k++)
		lines[k] = (struct order_line_req){rows[k][O_ITEM], rows[k][O_QTY], rows[k][O_UNIT],
		                                   rows[k][O_LOT]};
	const char *const *first = rows[0];
	struct order_req r = {
	    first[O_REF], first[O_CUSTOMER], first[O_SHIP_DATE], first[O_NOTE], lines, n};
	return order_add_in_tx(u->s, &r);
}

static const struct import_group_kind orders = {
    .ref = O_REF,
    .same = order_same,
    .nsame = ARRAY_SIZE(order_same),
    .ncols = IMPORT_ORDER_NCOLS,
    .cols = import_order_cols,
    .add = add_order,
};

int import_order_row(struct import_run *u, const char *const *v, const char **bad_key)
{
	(void)bad_key;
	return import_group_row(u, &orders, v);
}

int import_order_finish(struct import_run *u, int ok)
{
	return import_group_finish(u, &orders, ok);
}
