/* The derived-state comparison behind 'lotline verify': each table is compared by
 * its natural key and visible columns (local ids differ between stores). */
#include "db/verify.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"

#include <stdio.h>

static const struct {
	const char *what;
	const char *sql; /* rows of main that replay does not have, and the reverse */
} checks[] = {
    {N_("lot"),
     "WITH a AS (SELECT l.code, i.code AS item, coalesce(s.code, '') AS supplier, "
     "l.supplier_lot, l.received, l.expiry, l.unit, l.unit_cost, lo.code AS location, l.qty, "
     "l.status, l.coa, l.origin, l.last_kind FROM main.lots l JOIN main.items i ON "
     "i.id = l.item_id JOIN main.locations lo ON lo.id = l.location_id LEFT JOIN "
     "main.suppliers s ON s.id = l.supplier_id), "
     "b AS (SELECT l.code, i.code AS item, coalesce(s.code, '') AS supplier, "
     "l.supplier_lot, l.received, l.expiry, l.unit, l.unit_cost, lo.code AS location, l.qty, "
     "l.status, l.coa, l.origin, l.last_kind FROM replay.lots l JOIN replay.items i ON "
     "i.id = l.item_id JOIN replay.locations lo ON lo.id = l.location_id LEFT JOIN "
     "replay.suppliers s ON s.id = l.supplier_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("movements of lot"),
     "WITH a AS (SELECT l.code, m.kind, m.qty, m.hlc, m.idx, m.reason, m.note FROM "
     "main.movements m JOIN main.lots l ON l.id = m.lot_id), "
     "b AS (SELECT l.code, m.kind, m.qty, m.hlc, m.idx, m.reason, m.note FROM "
     "replay.movements m JOIN replay.lots l ON l.id = m.lot_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("item"),
     "SELECT code FROM (SELECT code, name, kind, category, base_unit, gtin, pack_gtin, "
     "shelf_life_days, density, pack_size, allergens FROM main.items EXCEPT SELECT code, "
     "name, kind, category, base_unit, gtin, pack_gtin, shelf_life_days, density, "
     "pack_size, allergens FROM replay.items) ORDER BY 1 LIMIT 20"},
    {N_("location"), "SELECT code FROM (SELECT code, name, kind FROM main.locations EXCEPT "
                     "SELECT code, name, kind FROM replay.locations) ORDER BY 1 LIMIT 20"},
    {N_("user"),
     "SELECT name FROM (SELECT name, full_name, role, pin_hash, badge, active FROM main.users "
     "EXCEPT SELECT name, full_name, role, pin_hash, badge, active FROM replay.users) "
     "ORDER BY 1 LIMIT 20"},
    {N_("purchase order"),
     "WITH a AS (SELECT p.ref, s.code, p.expected, p.note, p.status, l.line, i.code AS item, "
     "l.qty, l.unit_cost, l.received, l.closed FROM main.purchase_orders p JOIN "
     "main.suppliers s ON s.id = p.supplier_id JOIN main.po_lines l ON l.po_id = p.id JOIN "
     "main.items i ON i.id = l.item_id), "
     "b AS (SELECT p.ref, s.code, p.expected, p.note, p.status, l.line, i.code AS item, "
     "l.qty, l.unit_cost, l.received, l.closed FROM replay.purchase_orders p JOIN "
     "replay.suppliers s ON s.id = p.supplier_id JOIN replay.po_lines l ON l.po_id = p.id "
     "JOIN replay.items i ON i.id = l.item_id) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("recipe"),
     "WITH a AS (SELECT r.code, r.version, r.status, r.yield, l.line, i.code AS item, l.qty, "
     "l.role FROM main.recipes r JOIN main.recipe_lines l ON l.recipe_id = r.id JOIN "
     "main.items i ON i.id = l.item_id), "
     "b AS (SELECT r.code, r.version, r.status, r.yield, l.line, i.code AS item, l.qty, "
     "l.role FROM replay.recipes r JOIN replay.recipe_lines l ON l.recipe_id = r.id JOIN "
     "replay.items i ON i.id = l.item_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("run"),
     "WITH a AS (SELECT code, target, status, shortage, bypass_reason, plan_cost, labour_cost, "
     "actual_yield, actual_cost, signed_by FROM main.runs), "
     "b AS (SELECT code, target, status, shortage, bypass_reason, plan_cost, labour_cost, "
     "actual_yield, actual_cost, signed_by FROM replay.runs) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("genealogy of lot"),
     "WITH a AS (SELECT o.code, i.code AS input, k.qty FROM main.lot_links k JOIN main.lots o "
     "ON o.id = k.output_lot_id JOIN main.lots i ON i.id = k.input_lot_id), "
     "b AS (SELECT o.code, i.code AS input, k.qty FROM replay.lot_links k JOIN replay.lots o "
     "ON o.id = k.output_lot_id JOIN replay.lots i ON i.id = k.input_lot_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("document"),
     "SELECT code FROM (SELECT code, record_kind, record, kind, name, size, hash, status, "
     "reviewer, reviewed_by, note FROM main.documents EXCEPT SELECT code, record_kind, "
     "record, kind, name, size, hash, status, reviewer, reviewed_by, note FROM "
     "replay.documents) ORDER BY 1 LIMIT 20"},
    {N_("test results of lot"),
     "WITH a AS (SELECT l.code, q.parameter, q.specification, q.result, q.pass FROM "
     "main.quality_results q JOIN main.lots l ON l.id = q.lot_id), "
     "b AS (SELECT l.code, q.parameter, q.specification, q.result, q.pass FROM "
     "replay.quality_results q JOIN replay.lots l ON l.id = q.lot_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("order"),
     "WITH a AS (SELECT o.ref, c.code, o.ship_date, o.note, o.status, o.shipped, l.line, i.code AS "
     "item, l.qty, l.entered, coalesce(x.code, '') AS lot, l.short FROM main.orders o JOIN "
     "main.customers c ON c.id = o.customer_id JOIN main.order_lines l ON l.order_id = o.id JOIN "
     "main.items i ON i.id = l.item_id LEFT JOIN main.lots x ON x.id = l.lot_id), "
     "b AS (SELECT o.ref, c.code, o.ship_date, o.note, o.status, o.shipped, l.line, i.code AS "
     "item, l.qty, l.entered, coalesce(x.code, '') AS lot, l.short FROM replay.orders o JOIN "
     "replay.customers c ON c.id = o.customer_id JOIN replay.order_lines l ON l.order_id = o.id "
     "JOIN replay.items i ON i.id = l.item_id LEFT JOIN replay.lots x ON x.id = l.lot_id) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("reservations of order"),
     "WITH a AS (SELECT o.ref, a.line, l.code, a.qty, a.picked, a.reserved FROM main.allocations a "
     "JOIN main.orders o ON o.id = a.order_id JOIN main.lots l ON l.id = a.lot_id), "
     "b AS (SELECT o.ref, a.line, l.code, a.qty, a.picked, a.reserved FROM replay.allocations a "
     "JOIN replay.orders o ON o.id = a.order_id JOIN replay.lots l ON l.id = a.lot_id) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("picks of order"),
     "WITH a AS (SELECT o.ref, p.line, l.code, coalesce(lo.code, '') AS location, p.qty, p.short, "
     "p.reason, count(*) FROM main.picks p JOIN main.orders o ON o.id = p.order_id JOIN main.lots "
     "l ON l.id = p.lot_id LEFT JOIN main.locations lo ON lo.id = p.location_id GROUP BY 1, 2, 3, "
     "4, 5, 6, 7), "
     "b AS (SELECT o.ref, p.line, l.code, coalesce(lo.code, '') AS location, p.qty, p.short, "
     "p.reason, count(*) FROM replay.picks p JOIN replay.orders o ON o.id = p.order_id JOIN "
     "replay.lots l ON l.id = p.lot_id LEFT JOIN replay.locations lo ON lo.id = p.location_id "
     "GROUP BY 1, 2, 3, 4, 5, 6, 7) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("shipments of order"),
     "WITH a AS (SELECT o.ref, h.line, l.code, h.qty, h.shipped, count(*) FROM main.shipments h "
     "JOIN main.orders o ON o.id = h.order_id JOIN main.lots l ON l.id = h.lot_id GROUP BY 1, 2, "
     "3, 4, 5), "
     "b AS (SELECT o.ref, h.line, l.code, h.qty, h.shipped, count(*) FROM replay.shipments h JOIN "
     "replay.orders o ON o.id = h.order_id JOIN replay.lots l ON l.id = h.lot_id GROUP BY 1, 2, 3, "
     "4, 5) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("returns of order"),
     "WITH a AS (SELECT o.ref, l.code, t.qty, lo.code AS location, t.reason, t.returned, count(*) "
     "FROM main.returns t JOIN main.orders o ON o.id = t.order_id JOIN main.lots l ON l.id = "
     "t.lot_id JOIN main.locations lo ON lo.id = t.location_id GROUP BY 1, 2, 3, 4, 5, 6), "
     "b AS (SELECT o.ref, l.code, t.qty, lo.code AS location, t.reason, t.returned, count(*) FROM "
     "replay.returns t JOIN replay.orders o ON o.id = t.order_id JOIN replay.lots l ON l.id = "
     "t.lot_id JOIN replay.locations lo ON lo.id = t.location_id GROUP BY 1, 2, 3, 4, 5, 6) "
     "SELECT ref FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT ref FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("recall"),
     "WITH a AS (SELECT r.code, r.reason, r.drill, r.status, r.opened_by, r.elapsed_ms, r.summary, "
     "l.code AS lot, x.depth, x.qty, x.status AS lot_status, x.held FROM main.recalls r LEFT JOIN "
     "main.recall_lots x ON x.recall_id = r.id LEFT JOIN main.lots l ON l.id = x.lot_id), "
     "b AS (SELECT r.code, r.reason, r.drill, r.status, r.opened_by, r.elapsed_ms, r.summary, "
     "l.code AS lot, x.depth, x.qty, x.status AS lot_status, x.held FROM replay.recalls r LEFT "
     "JOIN replay.recall_lots x ON x.recall_id = r.id LEFT JOIN replay.lots l ON l.id = x.lot_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("customers of recall"),
     "WITH a AS (SELECT r.code, c.code AS customer, x.notified_hlc IS NULL, x.acknowledged_hlc IS "
     "NULL, x.returned, (SELECT group_concat(o.ref || ':' || l.code || ':' || h.qty || ':' || "
     "h.shipped, ' ') FROM (SELECT * FROM main.recall_shipments ORDER BY id) h JOIN main.orders o "
     "ON o.id = h.order_id JOIN main.lots l ON l.id = h.lot_id WHERE h.recall_id = r.id AND "
     "h.customer_id = c.id) FROM main.recall_customers x JOIN main.recalls r ON r.id = x.recall_id "
     "JOIN main.customers c ON c.id = x.customer_id), "
     "b AS (SELECT r.code, c.code AS customer, x.notified_hlc IS NULL, x.acknowledged_hlc IS NULL, "
     "x.returned, (SELECT group_concat(o.ref || ':' || l.code || ':' || h.qty || ':' || h.shipped, "
     "' ') FROM (SELECT * FROM replay.recall_shipments ORDER BY id) h JOIN replay.orders o ON o.id "
     "= h.order_id JOIN replay.lots l ON l.id = h.lot_id WHERE h.recall_id = r.id AND "
     "h.customer_id = c.id) FROM replay.recall_customers x JOIN replay.recalls r ON r.id = "
     "x.recall_id JOIN replay.customers c ON c.id = x.customer_id) "
     "SELECT code FROM (SELECT * FROM a EXCEPT SELECT * FROM b) UNION "
     "SELECT code FROM (SELECT * FROM b EXCEPT SELECT * FROM a) ORDER BY 1 LIMIT 20"},
    {N_("setting"), "SELECT key FROM (SELECT key, value FROM main.settings EXCEPT SELECT key, "
                    "value FROM replay.settings) ORDER BY 1 LIMIT 20"},
};

int db_compare_derived(struct store *s, const char *uri,
                       void (*report)(void *ctx, const char *problem), void *ctx, int *problems)
{
	sqlite3_stmt *st = NULL;
	int rc = OK;

	if (sqlite3_prepare_v2(s->db, "ATTACH ?1 AS replay", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("attaching the replay"));
	sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = store_error(s, _("attaching the replay"));
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]) && rc == OK; i++) {
		if (sqlite3_prepare_v2(s->db, checks[i].sql, -1, &st, NULL) != SQLITE_OK) {
			rc = store_error(s, _("comparing with the replay"));
			break;
		}
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			char msg[256];
			snprintf(
			    msg, sizeof(msg),
			    _("%s %s differs from what the journal says (changed outside lotline)"),
			    _(checks[i].what), (const char *)sqlite3_column_text(st, 0));
			(*problems)++;
			if (report)
				report(ctx, msg);
		}
		if (step != SQLITE_DONE)
			rc = store_error(s, _("comparing with the replay"));
		sqlite3_finalize(st);
	}
	sqlite3_exec(s->db, "DETACH replay", NULL, NULL, NULL);
	return rc;
}
