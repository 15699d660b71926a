/* Purchase orders from CSV (a kind of the import service, src/import.c): one
 * row per order line, the rows of one order sharing its reference
 * (src/import_groups.c), each order added through the same service as
 * 'lotline po add' once the whole file has been read: what Receiving then
 * checks deliveries against. */
#include "i18n.h"
#include "import_internal.h"
#include "purchasing.h"
#include "util.h"

/* The labels are the words po_add's messages start with. */
const struct col_def import_purchase_cols[IMPORT_PURCHASE_NCOLS] = {
    [P_SUPPLIER] = {"supplier", N_("supplier"),
                    "vendor|supplier code|vendor code|supplier id|vendor id|fournisseur|"
                    "lieferant|proveedor",
                    CT_TEXT, 1},
    [P_REF] = {"ref", N_("purchase order"),
               "reference|po|po number|po no|po ref|purchase order number|purchase order no|"
               "order|order no|order number|bestellung|bestellnummer|commande|pedido",
               CT_TEXT, 1},
    [P_EXPECTED] = {"expected", N_("expected"),
                    "expected date|expected delivery|due|due date|delivery date|eta|"
                    "date de livraison|liefertermin|lieferdatum|fecha de entrega",
                    CT_DATE, 0},
    [P_ITEM] = {"item", N_("item"),
                "item code|sku|product|product code|article|article number|artikel|articulo|"
                "material|code article",
                CT_TEXT, 1},
    [P_QTY] = {"qty", N_("quantity"),
               "amount|ordered|qty ordered|quantity ordered|order qty|quantite|menge|cantidad",
               CT_DECIMAL, 1},
    [P_UNIT] = {"unit", N_("unit"), "uom|unit of measure|unite|einheit|unidad", CT_TEXT, 0},
    [P_COST] = {"cost", N_("cost"),
                "unit cost|cost per unit|price|unit price|prix unitaire|einzelpreis|precio|"
                "coste unitario",
                CT_DECIMAL, 0},
    [P_NOTE] = {"note", N_("note"), "notes|comment|comments|remark|remarks|bemerkung|remarque",
                CT_TEXT, 0},
};

static const int purchase_same[] = {P_SUPPLIER, P_EXPECTED, P_NOTE};

static int add_purchase(struct import_run *u, const char *const *const *rows, int n)
{
	struct po_line_req lines[IMPORT_GROUP_ROWS];
	for (int k = 0; k < n; k++)
		lines[k] = (struct po_line_req){rows[k][P_ITEM], rows[k][P_QTY], rows[k][P_UNIT],
		                                rows[k][P_COST]};
	const char *const *first = rows[0];
	struct po_req r = {
	    first[P_REF], first[P_SUPPLIER], first[P_EXPECTED], first[P_NOTE], lines, n};
	return po_add_in_tx(u->s, &r);
}

static const struct import_group_kind purchases = {
    .ref = P_REF,
    .same = purchase_same,
    .nsame = ARRAY_SIZE(purchase_same),
    .ncols = IMPORT_PURCHASE_NCOLS,
    .cols = import_purchase_cols,
    .add = add_purchase,
};

int import_purchase_row(struct import_run *u, const char *const *v, const char **bad_key)
{
	(void)bad_key;
	return import_group_row(u, &purchases, v);
}

int import_purchase_finish(struct import_run *u, int ok)
{
	return import_group_finish(u, &purchases, ok);
}
