/* Reading supplier labels for receiving (see receiving.h). */
#include "receiving.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "gs1.h"
#include "i18n.h"
#include "scan.h"
#include "units.h"
#include "util.h"

#include <string.h>

static void from_item(const struct item *it, struct receipt_scan *out)
{
	strlcpy_(out->item, it->code, sizeof(out->item));
	strlcpy_(out->item_name, it->name, sizeof(out->item_name));
	strlcpy_(out->base_unit, it->base_unit, sizeof(out->base_unit));
	out->shelf_life_days = it->shelf_life_days;
	out->density = it->density;
	out->pack_size = it->pack_size;
}

static void set_qty(struct receipt_scan *out, fixed_t q, const char *unit)
{
	fixed_format(q, 0, out->qty);
	strlcpy_(out->unit, unit, sizeof(out->unit));
}

int receipt_scan(struct session *s, const char *code, struct receipt_scan *out)
{
	struct item it;
	struct gs1_result g;
	char shown[80];

	memset(out, 0, sizeof(*out));
	scan_shown(code, shown, sizeof(shown));
	if (!*code)
		return error_set(ERR_INVALID, _("Scanned nothing"));
	if (db_item_get(s->store, code, &it) == OK) {
		from_item(&it, out);
		return OK;
	}
	if (db_lot_exists(s->store, code))
		return error_set(ERR_INVALID,
		                 _("Scanned %s: that is our lot, already received; scan the "
		                   "supplier's label"),
		                 shown);
	if (!scan_looks_gs1(code))
		return error_set(ERR_NOT_FOUND, _("Scanned %s: not an item, a GTIN or a GS1 label"),
		                 shown);
	if (gs1_parse(code, strlen(code), &g) != OK)
		return error_prefix(ERR_INVALID, _("Scanned %s"), shown);
	const struct gs1_element *gtin = gs1_find(&g, "01"), *batch = gs1_find(&g, "10");
	int contained = 0;
	if (!gtin && (gtin = gs1_find(&g, "02")))
		contained = 1;
	if (!gtin) {
		if (batch && db_lot_exists(s->store, batch->value))
			return error_set(ERR_INVALID,
			                 _("Scanned %s: that is our lot %s, already received; "
			                   "scan the supplier's label"),
			                 shown, batch->value);
		return error_set(ERR_INVALID,
		                 _("Scanned %s: the label has no GTIN (01 or 02), so it names "
		                   "no item"),
		                 shown);
	}
	if (db_item_by_gtin(s->store, gtin->value, &it) != OK)
		return error_set(ERR_NOT_FOUND, _("Scanned %s: no item has GTIN %s"), shown,
		                 gtin->value);
	if (batch && db_lot_exists(s->store, batch->value))
		return error_set(ERR_INVALID,
		                 _("Scanned %s: that is our lot %s, already received; scan the "
		                   "supplier's label"),
		                 shown, batch->value);
	from_item(&it, out);
	/* a case's GTIN counts packs of pack_size */
	int pack = it.pack_gtin[0] && !strcmp(it.pack_gtin, gtin->value) &&
	           strcmp(it.gtin, gtin->value) != 0;
	const char *gtin_unit = pack ? "pack" : it.base_unit;
	const struct gs1_element *count = gs1_find(&g, "37"), *each = gs1_find(&g, "30");
	const struct gs1_element *measure = NULL;
	static const char *const measures[] = {"310", "311", "315", "316", "320", "330"};
	for (size_t i = 0; i < ARRAY_SIZE(measures) && !measure; i++)
		measure = gs1_find(&g, measures[i]);
	if (count)
		/* (37): how many trade items of the GTIN the unit holds */
		set_qty(out, count->qty, gtin_unit);
	else if (each)
		/* (30): how many items a variable trade item holds */
		set_qty(out, each->qty, it.base_unit);
	else if (measure && measure->unit && unit_find(measure->unit))
		set_qty(out, measure->qty, measure->unit);
	else if (pack && !contained)
		set_qty(out, FIXED_SCALE, "pack");
	if (batch)
		strlcpy_(out->supplier_lot, batch->value, sizeof(out->supplier_lot));
	const struct gs1_element *exp = gs1_find(&g, "17");
	if (!exp)
		exp = gs1_find(&g, "15");
	if (exp)
		strlcpy_(out->expiry, exp->iso, sizeof(out->expiry));
	return OK;
}
