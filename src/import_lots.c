/* Opening lots from a file: each row a receipt marked as import, through the
 * receive service, so every lot is a journal entry like any other. */
#include "import_internal.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "ledger.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum {
	L_ITEM,
	L_LOT,
	L_QTY,
	L_UNIT,
	L_EXPIRY,
	L_LOCATION,
	L_STATUS,
	L_SUPPLIER,
	L_SUPPLIER_LOT,
	L_RECEIVED,
	L_UNIT_COST,
	L_NOTE,
};
_Static_assert(L_NOTE + 1 == IMPORT_LOT_NCOLS, "the columns of opening lots");

/* The labels are the ones ledger_receive's messages start with. */
const struct col_def import_lot_cols[IMPORT_LOT_NCOLS] = {
    [L_ITEM] = {"item", N_("item"),
                "item code|sku|product|product code|article|article number|artikel|articulo|"
                "material|code article",
                CT_TEXT, 1},
    [L_LOT] = {"lot", N_("lot"),
               "lot number|lot no|lot code|lot id|batch|batch number|batch no|batch code|"
               "charge|chargennummer|lote|numero de lot|no lot",
               CT_TEXT, 0},
    [L_QTY] = {"qty", N_("quantity"),
               "amount|on hand|qty on hand|quantity on hand|balance|stock|quantite|menge|"
               "bestand|cantidad",
               CT_DECIMAL, 1},
    [L_UNIT] = {"unit", N_("unit"), "uom|unit of measure|base unit|unite|einheit|unidad", CT_TEXT,
                0},
    [L_EXPIRY] = {"expiry", N_("expiry"),
                  "expiry date|expiration|expiration date|exp|exp date|expires|best before|"
                  "best before date|best by|bbd|use by|use by date|dluo|dlc|ddm|mhd|"
                  "date de peremption|peremption|verfallsdatum|verfall|caducidad|"
                  "fecha de caducidad",
                  CT_DATE, 0},
    [L_LOCATION] = {"location", N_("location"),
                    "bin|warehouse|location code|store|emplacement|lagerort|ubicacion|almacen",
                    CT_TEXT, 1},
    [L_STATUS] = {"status", N_("status"), "lot status|state|statut|estado", CT_LOWER, 0},
    [L_SUPPLIER] = {"supplier", N_("supplier"),
                    "vendor|supplier code|vendor code|fournisseur|lieferant|proveedor", CT_TEXT, 0},
    [L_SUPPLIER_LOT] = {"supplier_lot", N_("supplier lot"),
                        "supplier lot number|supplier lot no|vendor lot|vendor lot number|"
                        "supplier batch|manufacturer lot|mfr lot",
                        CT_TEXT, 0},
    [L_RECEIVED] = {"received", N_("received"),
                    "received date|date received|receipt date|received on|receiving date|"
                    "goods receipt date|date de reception|eingangsdatum|wareneingang|"
                    "fecha de recepcion",
                    CT_DATE, 0},
    [L_UNIT_COST] = {"unit_cost", N_("unit cost"),
                     "cost|cost per unit|unit price|cout unitaire|prix unitaire|einzelpreis|"
                     "coste unitario",
                     CT_DECIMAL, 0},
    [L_NOTE] = {"note", N_("note"), "notes|comment|comments|remark|remarks|bemerkung|remarque",
                CT_TEXT, 0},
};

static const char *status_word(const char *s)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "on hold"))
		return "hold";
	if (!strcmp(s, "quarantined"))
		return "quarantine";
	return s;
}

/* The lots this file has created so far, in order: the k-th has the id
 * before + k + 1 (an import only ever makes new lots, one per row), so a lot
 * code given twice is answered with the line that gave it first. */
struct lot_lines {
	int64_t before; /* the store's highest lot id when the import began */
	long *line;
	size_t n, cap;
};

static long lot_first_line(struct import_run *u, const char *code)
{
	struct lot_lines *ll = u->state;
	int64_t id;
	if (!code || !*code || db_lot_id(u->s->store, code, &id) != OK || id <= ll->before ||
	    (uint64_t)(id - ll->before) > ll->n)
		return 0;
	return ll->line[id - ll->before - 1];
}

int import_lot_finish(struct import_run *u, int ok)
{
	struct lot_lines *ll = u->state;
	(void)ok;
	if (ll)
		free(ll->line);
	free(ll);
	u->state = NULL;
	return OK;
}

int import_lot_row(struct import_run *u, const char *const *v, const char **bad_key)
{
	struct receive_req r;
	struct lot_lines *ll = u->state;
	int rc;
	(void)bad_key;
	if (!ll) {
		u->state = ll = xcalloc(1, sizeof(*ll));
		ll->before = db_lots_max_id(u->s->store);
	}
	memset(&r, 0, sizeof(r));
	r.item = v[L_ITEM];
	r.lot = v[L_LOT];
	r.qty = v[L_QTY];
	r.unit = v[L_UNIT];
	r.expiry = v[L_EXPIRY];
	r.location = v[L_LOCATION];
	r.status = status_word(v[L_STATUS]);
	r.supplier = v[L_SUPPLIER];
	r.supplier_lot = v[L_SUPPLIER_LOT];
	r.received = v[L_RECEIVED];
	r.cost = v[L_UNIT_COST];
	r.note = v[L_NOTE];
	r.origin = "import";
	if ((rc = ledger_receive_in_tx(u->s, &r, NULL)) == OK) {
		GROW(ll->line, ll->n, ll->cap, 1024);
		ll->line[ll->n++] = u->line;
	} else if (rc == ERR_CONFLICT) {
		long first = lot_first_line(u, r.lot);
		if (first)
			rc =
			    error_set(ERR_CONFLICT,
			              _("lot: '%s' is on line %ld too; a file gives each lot once"),
			              r.lot, first);
	}
	return rc;
}
