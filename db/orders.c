/* SQL for customer orders, reservations, picks, shipments and returns. */
#include "db/orders.h"
#include "db/lots.h"
#include "db/rows.h"
#include "src/i18n.h"

int db_order_insert(struct store *s, const struct order *o, hlc_t hlc, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO orders (ref, customer_id, ship_date, note, status, status_hlc, hlc) "
	       "VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?5)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, o->ref);
	sqlite3_bind_int64(st, 2, o->customer_id);
	bind_text(st, 3, o->ship_date);
	bind_text(st, 4, o->note);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)hlc);
	rc = store_step_done(s, st, _("saving an order"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("order %s already exists"), o->ref);
	if (rc == OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_order_line_insert(struct store *s, int64_t order_id, int64_t line, int64_t item_id,
                         fixed_t qty, const char *entered, int64_t lot_id)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO order_lines (order_id, line, item_id, qty, "
	                                 "entered, lot_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, item_id);
	sqlite3_bind_int64(st, 4, qty);
	bind_text(st, 5, entered);
	if (lot_id)
		sqlite3_bind_int64(st, 6, lot_id);
	return store_step_done(s, st, _("saving an order line"));
}

#define ORDER_SELECT                                                                               \
	"SELECT o.id, o.ref, o.customer_id, c.code, c.name, o.ship_date, o.note, o.status, "       \
	"o.shipped, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) "                 \
	"FROM orders o JOIN customers c ON c.id = o.customer_id "

static void order_read(sqlite3_stmt *st, struct order *o)
{
	o->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, o->ref);
	o->customer_id = sqlite3_column_int64(st, 2);
	COLUMN_COPY(st, 3, o->customer_code);
	COLUMN_COPY(st, 4, o->customer_name);
	COLUMN_COPY(st, 5, o->ship_date);
	COLUMN_COPY(st, 6, o->note);
	COLUMN_COPY(st, 7, o->status);
	COLUMN_COPY(st, 8, o->shipped);
	o->lines = sqlite3_column_int64(st, 9);
}

int db_order_get(struct store *s, const char *ref, struct order *out)
{
	sqlite3_stmt *st = store_stmt(s, ORDER_SELECT "WHERE o.ref = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, ref);
	memset(out, 0, sizeof(*out));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		order_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("order %s not found"), ref);
	} else {
		rc = store_error(s, _("reading an order"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_order_each(struct store *s, const char *status, int (*cb)(void *ctx, const struct order *o),
                  void *ctx)
{
	ROWS_EACH(s, ORDER_SELECT "WHERE ?1 IS NULL OR o.status = ?1 ORDER BY o.id DESC",
	          bind_text_or_null(st_, 1, status ? status : ""), struct order, order_read, cb,
	          ctx, _("listing orders"));
}

static void line_read(sqlite3_stmt *st, struct order_line *l)
{
	l->line = sqlite3_column_int64(st, 0);
	l->item_id = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, l->item_code);
	COLUMN_COPY(st, 3, l->item_name);
	COLUMN_COPY(st, 4, l->unit);
	l->qty = sqlite3_column_int64(st, 5);
	COLUMN_COPY(st, 6, l->entered);
	COLUMN_COPY(st, 7, l->lot);
	l->allocated = sqlite3_column_int64(st, 8);
	l->picked = sqlite3_column_int64(st, 9);
	l->shipped = sqlite3_column_int64(st, 10);
	l->shorted = sqlite3_column_int64(st, 11);
}

int db_order_lines_each(struct store *s, int64_t order_id,
                        int (*cb)(void *ctx, const struct order_line *l), void *ctx)
{
	ROWS_EACH(
	    s,
	    "SELECT l.line, l.item_id, i.code, i.name, i.base_unit, l.qty, l.entered, "
	    "coalesce(lo.code, ''), "
	    "(SELECT coalesce(sum(a.qty), 0) FROM allocations a WHERE a.order_id = l.order_id "
	    "AND a.line = l.line), "
	    "(SELECT coalesce(sum(a.picked), 0) FROM allocations a WHERE a.order_id = "
	    "l.order_id AND a.line = l.line), "
	    "(SELECT coalesce(sum(h.qty), 0) FROM shipments h WHERE h.order_id = l.order_id "
	    "AND h.line = l.line), l.short "
	    "FROM order_lines l JOIN items i ON i.id = l.item_id "
	    "LEFT JOIN lots lo ON lo.id = l.lot_id WHERE l.order_id = ?1 ORDER BY l.line",
	    sqlite3_bind_int64(st_, 1, order_id), struct order_line, line_read, cb, ctx,
	    _("reading order lines"));
}

int db_order_set_status(struct store *s, int64_t order_id, const char *status, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE orders SET status = ?2, status_hlc = ?3, status_site = " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND " SQL_STAMP_OLDER("status_hlc", "status_site", "?3"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	bind_text(st, 2, status);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("changing an order's status"));
}

int db_order_entry_add(struct store *s, int64_t order_id, int64_t entry)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT OR IGNORE INTO order_entries (order_id, entry) VALUES (?1, ?2)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, entry);
	return store_step_done(s, st, _("changing an order's reservations"));
}

int db_order_entries_each(struct store *s, int64_t order_id,
                          int (*cb)(void *ctx, const char *kind, const char *payload), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	/* its own statement: cb writes through the cached ones */
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT j.kind, j.payload FROM order_entries oe "
	                       "JOIN journal j ON j.id = oe.entry JOIN sites si ON si.id = j.site "
	                       "WHERE oe.order_id = ?1 ORDER BY j.hlc, si.site_id",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading an order's entries"));
	sqlite3_bind_int64(st, 1, order_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int stop = cb(ctx, (const char *)sqlite3_column_text(st, 0),
		              (const char *)sqlite3_column_text(st, 1));
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading an order's entries"));
	sqlite3_finalize(st);
	return rc;
}

/* one statement whose only parameter is the order */
static int order_step(struct store *s, const char *sql, int64_t order_id, const char *what)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	return store_step_done(s, st, what);
}

int db_allocations_delete(struct store *s, int64_t order_id)
{
	return order_step(s, "DELETE FROM allocations WHERE order_id = ?1", order_id,
	                  _("changing an order's reservations"));
}

int db_order_claim_reservations(struct store *s, int64_t order_id, hlc_t hlc, int *newest)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE orders SET reserve_hlc = ?2, reserve_site = " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND " SQL_STAMP_OLDER("reserve_hlc", "reserve_site", "?2"));
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)hlc);
	if ((rc = store_step_done(s, st, _("changing an order's reservations"))) == OK)
		*newest = sqlite3_changes(s->db) > 0;
	return rc;
}

int db_order_set_shipped(struct store *s, int64_t order_id, const char *date)
{
	/* shipped from two terminals offline: the first day, on every store */
	sqlite3_stmt *st = store_stmt(s, "UPDATE orders SET shipped = ?2 WHERE id = ?1 "
	                                 "AND (shipped = '' OR ?2 < shipped)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	bind_text(st, 2, date);
	return store_step_done(s, st, _("shipping an order"));
}

int db_order_line_add_short(struct store *s, int64_t order_id, int64_t line, fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE order_lines SET short = short + ?3 WHERE order_id = ?1 AND line = ?2");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, qty);
	return store_step_done(s, st, _("recording a short line"));
}

int db_allocation_add(struct store *s, int64_t order_id, int64_t line, int64_t lot_id, fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO allocations (order_id, line, lot_id, qty, reserved) "
	       "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (order_id, line, lot_id) DO UPDATE "
	       "SET qty = qty + excluded.qty, reserved = reserved + excluded.reserved");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	sqlite3_bind_int64(st, 4, qty);
	return store_step_done(s, st, _("reserving a lot"));
}

static void alloc_read(sqlite3_stmt *st, struct allocation *a)
{
	a->line = sqlite3_column_int64(st, 0);
	a->lot_id = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, a->lot);
	COLUMN_COPY(st, 3, a->item_code);
	COLUMN_COPY(st, 4, a->location);
	COLUMN_COPY(st, 5, a->expiry);
	COLUMN_COPY(st, 6, a->unit);
	a->qty = sqlite3_column_int64(st, 7);
	a->picked = sqlite3_column_int64(st, 8);
	a->reserved = sqlite3_column_int64(st, 9);
}

int db_allocations_each(struct store *s, int64_t order_id,
                        int (*cb)(void *ctx, const struct allocation *a), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT a.line, a.lot_id, l.code, i.code, lo.code, "
	          "CASE l.expiry WHEN '" NO_EXPIRY "' THEN '' ELSE l.expiry END, l.unit, a.qty, "
	          "a.picked, a.reserved FROM allocations a JOIN lots l ON l.id = a.lot_id "
	          "JOIN items i ON i.id = l.item_id JOIN locations lo ON lo.id = l.location_id "
	          "WHERE a.order_id = ?1 ORDER BY a.line, a.id",
	          sqlite3_bind_int64(st_, 1, order_id), struct allocation, alloc_read, cb, ctx,
	          _("reading an order's lots"));
}

int db_allocation_pick(struct store *s, int64_t order_id, int64_t line, int64_t lot_id, fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE allocations SET picked = picked + ?4 WHERE "
	                                 "order_id = ?1 AND line = ?2 AND lot_id = ?3");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	sqlite3_bind_int64(st, 4, qty);
	return store_step_done(s, st, _("recording a pick"));
}

int db_allocation_cut(struct store *s, int64_t order_id, int64_t line, int64_t lot_id)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE allocations SET qty = picked, reserved = picked "
	                                 "WHERE order_id = ?1 AND line = ?2 AND lot_id = ?3");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	return store_step_done(s, st, _("recording a short pick"));
}

int db_allocations_clear(struct store *s, int64_t order_id)
{
	int rc = order_step(s, "DELETE FROM allocations WHERE order_id = ?1 AND picked = 0",
	                    order_id, _("releasing reserved lots"));
	return rc ? rc
	          : order_step(
	                s, "UPDATE allocations SET qty = picked, reserved = 0 WHERE order_id = ?1",
	                order_id, _("releasing reserved lots"));
}

int db_allocations_release(struct store *s, int64_t order_id)
{
	return order_step(s, "UPDATE allocations SET reserved = 0 WHERE order_id = ?1", order_id,
	                  _("releasing reserved lots"));
}

int db_lot_reserved(struct store *s, int64_t lot_id, fixed_t *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(sum(reserved), 0) FROM allocations "
	                                 "WHERE lot_id = ?1 AND reserved > 0");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = OK;
	} else {
		rc = store_error(s, _("reading reservations"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_pick_insert(struct store *s, int64_t order_id, int64_t line, int64_t lot_id,
                   int64_t location_id, fixed_t qty, fixed_t short_qty, const char *reason,
                   int64_t entry)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO picks (order_id, line, lot_id, location_id, qty, short, reason, "
	       "entry) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	if (location_id)
		sqlite3_bind_int64(st, 4, location_id);
	sqlite3_bind_int64(st, 5, qty);
	sqlite3_bind_int64(st, 6, short_qty);
	bind_text(st, 7, reason);
	sqlite3_bind_int64(st, 8, entry);
	return store_step_done(s, st, _("recording a pick"));
}

int db_shipment_insert(struct store *s, int64_t order_id, int64_t line, int64_t lot_id, fixed_t qty,
                       const char *date, int64_t entry)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO shipments (order_id, line, lot_id, qty, "
	                                 "shipped, entry) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	sqlite3_bind_int64(st, 4, qty);
	bind_text(st, 5, date);
	sqlite3_bind_int64(st, 6, entry);
	return store_step_done(s, st, _("recording a shipment"));
}

static void shipment_read(sqlite3_stmt *st, struct shipment *h)
{
	h->line = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, h->order_ref);
	COLUMN_COPY(st, 2, h->lot);
	COLUMN_COPY(st, 3, h->item_code);
	COLUMN_COPY(st, 4, h->item_name);
	COLUMN_COPY(st, 5, h->expiry);
	COLUMN_COPY(st, 6, h->unit);
	h->qty = sqlite3_column_int64(st, 7);
	COLUMN_COPY(st, 8, h->shipped);
}

int db_shipments_each(struct store *s, int64_t order_id,
                      int (*cb)(void *ctx, const struct shipment *sh), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT h.line, o.ref, l.code, i.code, i.name, "
	          "CASE l.expiry WHEN '" NO_EXPIRY "' THEN '' ELSE l.expiry END, l.unit, h.qty, "
	          "h.shipped FROM shipments h JOIN orders o ON o.id = h.order_id "
	          "JOIN lots l ON l.id = h.lot_id JOIN items i ON i.id = l.item_id "
	          "WHERE h.order_id = ?1 ORDER BY h.line, h.id",
	          sqlite3_bind_int64(st_, 1, order_id), struct shipment, shipment_read, cb, ctx,
	          _("reading an order's shipments"));
}

int db_return_insert(struct store *s, int64_t order_id, int64_t lot_id, fixed_t qty,
                     int64_t location_id, const char *reason, const char *date, int64_t entry)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO returns (order_id, lot_id, qty, location_id, reason, returned, entry) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, lot_id);
	sqlite3_bind_int64(st, 3, qty);
	sqlite3_bind_int64(st, 4, location_id);
	bind_text(st, 5, reason);
	bind_text(st, 6, date);
	sqlite3_bind_int64(st, 7, entry);
	return store_step_done(s, st, _("recording a return"));
}

int db_order_lot_totals(struct store *s, int64_t order_id, int64_t lot_id, fixed_t *shipped,
                        fixed_t *returned)
{
	sqlite3_stmt *st = store_stmt(
	    s, "SELECT (SELECT coalesce(sum(qty), 0) FROM shipments WHERE order_id = ?1 AND "
	       "lot_id = ?2), (SELECT coalesce(sum(qty), 0) FROM returns WHERE order_id = ?1 "
	       "AND lot_id = ?2)");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_int64(st, 2, lot_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*shipped = sqlite3_column_int64(st, 0);
		*returned = sqlite3_column_int64(st, 1);
		rc = OK;
	} else {
		rc = store_error(s, _("reading an order's lots"));
	}
	sqlite3_reset(st);
	return rc;
}
