/* Trace queries. The walks are recursive CTEs over lot_links; UNION (not UNION
 * ALL) drops a lot met again at the same depth, so diamonds and a lot used almost
 * everywhere cost one row per lot and level, and the depth bound ends a cycle.
 * The unary + on "IN (SELECT id FROM best)" keeps the planner from driving the
 * edge lookup by that list, which costs the square of the lots reached. */
#include "db/trace.h"
#include "db/lots.h"
#include "db/rows.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>

/* Columns every trace query selects, in trace_row order. */
static void row_read(sqlite3_stmt *st, struct trace_row *r)
{
	r->depth = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, r->kind);
	r->lot_id = sqlite3_column_int64(st, 2);
	COLUMN_COPY(st, 3, r->lot);
	COLUMN_COPY(st, 4, r->item);
	COLUMN_COPY(st, 5, r->via);
	COLUMN_COPY(st, 6, r->run);
	COLUMN_COPY(st, 7, r->party);
	COLUMN_COPY(st, 8, r->party_name);
	COLUMN_COPY(st, 9, r->ref);
	r->qty = sqlite3_column_int64(st, 10);
	COLUMN_COPY(st, 11, r->unit);
	COLUMN_COPY(st, 12, r->date);
}

/* The starting lots as a JSON array for json_each(): one statement, any count. */
static char *seed_json(const int64_t *lots, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	sb_putc(&sb, '[');
	for (size_t i = 0; i < n; i++)
		sb_printf(&sb, "%s%lld", i ? "," : "", (long long)lots[i]);
	sb_putc(&sb, ']');
	return sb.buf;
}

static int run_trace(struct store *s, const char *sql, const int64_t *lots, size_t n, int64_t depth,
                     trace_cb cb, void *ctx)
{
	char *seed = seed_json(lots, n);
	sqlite3_stmt *st = NULL;
	int rc;
	if (depth < 0 || depth > TRACE_DEPTH_MAX)
		depth = TRACE_DEPTH_MAX;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		free(seed);
		return store_error(s, _("tracing lots"));
	}
	sqlite3_bind_text(st, 1, seed, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, depth);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct trace_row r;
		memset(&r, 0, sizeof(r));
		row_read(st, &r);
		int stop = cb(ctx, &r);
		if (stop) {
			sqlite3_finalize(st);
			free(seed);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("tracing lots"));
	sqlite3_finalize(st);
	free(seed);
	return rc;
}

/* A starting lot: its supplier and what was received or made of it. */
#define SEED_ROWS                                                                                  \
	"SELECT 0, 'lot', l.id, l.code, i.code, '', '', coalesce(sp.code, ''), "                   \
	"coalesce(sp.name, ''), l.supplier_lot, (SELECT coalesce(sum(m.qty), 0) FROM "             \
	"movements m WHERE m.lot_id = l.id AND m.kind IN ('receive', 'produce')), l.unit, "        \
	"l.received, 0 AS ord FROM best b JOIN lots l ON l.id = b.id JOIN items i ON "             \
	"i.id = l.item_id LEFT JOIN suppliers sp ON sp.id = l.supplier_id WHERE b.depth = 0 "

int db_trace_forward(struct store *s, const int64_t *lots, size_t n, int64_t depth, trace_cb cb,
                     void *ctx)
{
	static const char sql[] =
	    "WITH RECURSIVE reach(id, depth) AS (SELECT value, 0 FROM json_each(?1) UNION "
	    "SELECT k.output_lot_id, r.depth + 1 FROM reach r JOIN lot_links k ON "
	    "k.input_lot_id = r.id WHERE r.depth < ?2), "
	    "best(id, depth) AS MATERIALIZED (SELECT id, min(depth) FROM reach GROUP BY id) "
	    "SELECT * FROM (" SEED_ROWS
	    "UNION ALL SELECT b.depth, 'made', o.id, o.code, i.code, n.code, r.code, '', '', "
	    "'', k.qty, n.unit, o.received, 1 FROM best b JOIN lot_links k ON "
	    "k.output_lot_id = b.id JOIN lots o ON o.id = b.id JOIN items i ON "
	    "i.id = o.item_id JOIN lots n ON n.id = k.input_lot_id JOIN runs r ON "
	    "r.id = k.run_id WHERE b.depth > 0 AND +k.input_lot_id IN (SELECT id FROM best) "
	    "UNION ALL SELECT b.depth, 'ship', l.id, l.code, i.code, '', '', c.code, c.name, "
	    "o.ref, h.qty, l.unit, h.shipped, 2 FROM best b JOIN shipments h ON "
	    "h.lot_id = b.id JOIN orders o ON o.id = h.order_id JOIN customers c ON "
	    "c.id = o.customer_id JOIN lots l ON l.id = b.id JOIN items i ON i.id = l.item_id "
	    "UNION ALL SELECT b.depth, 'return', l.id, l.code, i.code, '', '', c.code, c.name, "
	    "o.ref, t.qty, l.unit, t.returned, 3 FROM best b JOIN returns t ON "
	    "t.lot_id = b.id JOIN orders o ON o.id = t.order_id JOIN customers c ON "
	    "c.id = o.customer_id JOIN lots l ON l.id = b.id JOIN items i ON i.id = l.item_id"
	    ") ORDER BY 1, 4, 14, 6, 8, 10, 13";
	return run_trace(s, sql, lots, n, depth, cb, ctx);
}

int db_trace_backward(struct store *s, const int64_t *lots, size_t n, int64_t depth, trace_cb cb,
                      void *ctx)
{
	static const char sql[] =
	    "WITH RECURSIVE reach(id, depth) AS (SELECT value, 0 FROM json_each(?1) UNION "
	    "SELECT k.input_lot_id, r.depth + 1 FROM reach r JOIN lot_links k ON "
	    "k.output_lot_id = r.id WHERE r.depth < ?2), "
	    "best(id, depth) AS MATERIALIZED (SELECT id, min(depth) FROM reach GROUP BY id) "
	    "SELECT * FROM (" SEED_ROWS
	    "UNION ALL SELECT b.depth, 'input', n.id, n.code, i.code, o.code, r.code, "
	    "coalesce(sp.code, ''), coalesce(sp.name, ''), n.supplier_lot, k.qty, n.unit, "
	    "n.received, 1 FROM best b JOIN lot_links k ON k.input_lot_id = b.id JOIN lots n "
	    "ON n.id = b.id JOIN items i ON i.id = n.item_id JOIN lots o ON "
	    "o.id = k.output_lot_id JOIN runs r ON r.id = k.run_id LEFT JOIN suppliers sp ON "
	    "sp.id = n.supplier_id WHERE b.depth > 0 AND +k.output_lot_id IN (SELECT id FROM "
	    "best)) ORDER BY 1, 4, 14, 6";
	return run_trace(s, sql, lots, n, depth, cb, ctx);
}

int db_trace_order(struct store *s, int64_t order_id, trace_cb cb, void *ctx)
{
	ROWS_EACH(s,
	          "SELECT 0, 'ship', l.id, l.code, i.code, '', '', c.code, c.name, o.ref, h.qty, "
	          "l.unit, h.shipped FROM shipments h JOIN orders o ON o.id = h.order_id JOIN "
	          "customers c ON c.id = o.customer_id JOIN lots l ON l.id = h.lot_id JOIN items i "
	          "ON i.id = l.item_id WHERE h.order_id = ?1 "
	          "UNION ALL SELECT 0, 'lot', l.id, l.code, i.code, '', '', c.code, c.name, o.ref, "
	          "a.qty, l.unit, '' FROM allocations a JOIN orders o ON o.id = a.order_id JOIN "
	          "customers c ON c.id = o.customer_id JOIN lots l ON l.id = a.lot_id JOIN items i "
	          "ON i.id = l.item_id WHERE a.order_id = ?1 AND NOT EXISTS (SELECT 1 FROM "
	          "shipments h WHERE h.order_id = ?1) ORDER BY 4, 10",
	          sqlite3_bind_int64(st_, 1, order_id), struct trace_row, row_read, cb, ctx,
	          _("tracing an order"));
}

int db_trace_customer(struct store *s, int64_t customer_id, trace_cb cb, void *ctx)
{
	ROWS_EACH(s,
	          "SELECT * FROM (SELECT 0, 'ship', l.id, l.code, i.code, '', '', c.code, c.name, "
	          "o.ref, h.qty, l.unit, h.shipped, 0 FROM shipments h JOIN orders o ON "
	          "o.id = h.order_id JOIN customers c ON c.id = o.customer_id JOIN lots l ON "
	          "l.id = h.lot_id JOIN items i ON i.id = l.item_id WHERE o.customer_id = ?1 "
	          "UNION ALL SELECT 0, 'return', l.id, l.code, i.code, '', '', c.code, c.name, "
	          "o.ref, t.qty, l.unit, t.returned, 1 FROM returns t JOIN orders o ON "
	          "o.id = t.order_id JOIN customers c ON c.id = o.customer_id JOIN lots l ON "
	          "l.id = t.lot_id JOIN items i ON i.id = l.item_id WHERE o.customer_id = ?1) "
	          "ORDER BY 13, 10, 4, 14",
	          sqlite3_bind_int64(st_, 1, customer_id), struct trace_row, row_read, cb, ctx,
	          _("tracing a customer"));
}

int db_trace_one_step(struct store *s, int64_t lot_id, trace_cb cb, void *ctx)
{
	ROWS_EACH(
	    s,
	    "SELECT * FROM ("
	    "SELECT -1, 'supplier', l.id, l.code, i.code, '', '', sp.code, sp.name, "
	    "l.supplier_lot, (SELECT coalesce(sum(m.qty), 0) FROM movements m WHERE "
	    "m.lot_id = l.id AND m.kind = 'receive'), l.unit, l.received, 0 AS ord FROM lots l "
	    "JOIN items i ON i.id = l.item_id JOIN suppliers sp ON sp.id = l.supplier_id "
	    "WHERE l.id = ?1 "
	    "UNION ALL SELECT -1, 'input', n.id, n.code, i.code, o.code, r.code, "
	    "coalesce(sp.code, ''), coalesce(sp.name, ''), n.supplier_lot, k.qty, n.unit, "
	    "n.received, 1 FROM lot_links k JOIN lots n ON n.id = k.input_lot_id JOIN lots o "
	    "ON o.id = k.output_lot_id JOIN items i ON i.id = n.item_id JOIN runs r ON "
	    "r.id = k.run_id LEFT JOIN suppliers sp ON sp.id = n.supplier_id WHERE "
	    "k.output_lot_id = ?1 "
	    "UNION ALL SELECT 1, 'output', o.id, o.code, i.code, n.code, r.code, '', '', '', "
	    "k.qty, n.unit, o.received, 2 FROM lot_links k JOIN lots n ON "
	    "n.id = k.input_lot_id JOIN lots o ON o.id = k.output_lot_id JOIN items i ON "
	    "i.id = o.item_id JOIN runs r ON r.id = k.run_id WHERE k.input_lot_id = ?1 "
	    "UNION ALL SELECT 1, 'customer', l.id, l.code, i.code, '', '', c.code, c.name, "
	    "o.ref, h.qty, l.unit, h.shipped, 3 FROM shipments h JOIN orders o ON "
	    "o.id = h.order_id JOIN customers c ON c.id = o.customer_id JOIN lots l ON "
	    "l.id = h.lot_id JOIN items i ON i.id = l.item_id WHERE h.lot_id = ?1 "
	    "UNION ALL SELECT 1, 'return', l.id, l.code, i.code, '', '', c.code, c.name, "
	    "o.ref, t.qty, l.unit, t.returned, 4 FROM returns t JOIN orders o ON "
	    "o.id = t.order_id JOIN customers c ON c.id = o.customer_id JOIN lots l ON "
	    "l.id = t.lot_id JOIN items i ON i.id = l.item_id WHERE t.lot_id = ?1"
	    ") ORDER BY 1, 14, 4, 10, 13",
	    sqlite3_bind_int64(st_, 1, lot_id), struct trace_row, row_read, cb, ctx,
	    _("tracing one step"));
}

/* ---- one level at a time, for the trace screen's tree ---- */

/* Whether a lot leads further is a few index probes on its id (written out in
 * each query: forward, made into something, shipped or returned; backward,
 * made from something or bought from a supplier). */

static void child_read(sqlite3_stmt *st, struct trace_row *r)
{
	row_read(st, r);
	r->more = sqlite3_column_int(st, 13);
	COLUMN_COPY(st, 15, r->status);
}

/* The root's row (as SEED_ROWS) with whether it leads further that way. */
static const char node_sql[] =
    "SELECT 0, 'lot', l.id, l.code, i.code, '', '', coalesce(sp.code, ''), coalesce(sp.name, ''), "
    "l.supplier_lot, (SELECT coalesce(sum(m.qty), 0) FROM movements m WHERE m.lot_id = l.id AND "
    "m.kind IN ('receive', 'produce')), l.unit, l.received, "
    "CASE WHEN ?2 THEN EXISTS (SELECT 1 FROM lot_links x WHERE x.output_lot_id = l.id) "
    "OR l.supplier_id IS NOT NULL "
    "ELSE EXISTS (SELECT 1 FROM lot_links x WHERE x.input_lot_id = l.id) "
    "OR EXISTS (SELECT 1 FROM shipments x WHERE x.lot_id = l.id) "
    "OR EXISTS (SELECT 1 FROM returns x WHERE x.lot_id = l.id) END, 0, l.status "
    "FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers sp ON sp.id = l.supplier_id "
    "WHERE l.id = ?1";

int db_trace_node(struct store *s, int64_t lot_id, int backward, struct trace_row *out)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, node_sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("tracing lots"));
	sqlite3_bind_int64(st, 1, lot_id);
	sqlite3_bind_int(st, 2, backward != 0);
	memset(out, 0, sizeof(*out));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		child_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("lot #%lld not found"), (long long)lot_id);
	} else {
		rc = store_error(s, _("tracing lots"));
	}
	sqlite3_finalize(st);
	return rc;
}

/* Forward: the lots made from it (with the quantity of it that went in), then
 * its shipments and returns. */
static const char children_forward_sql[] =
    "SELECT * FROM ("
    "SELECT 1, 'output', o.id, o.code, i.code, n.code, r.code, '', '', '', k.qty, n.unit, "
    "o.received, EXISTS (SELECT 1 FROM lot_links x WHERE x.input_lot_id = o.id) "
    "OR EXISTS (SELECT 1 FROM shipments x WHERE x.lot_id = o.id) "
    "OR EXISTS (SELECT 1 FROM returns x WHERE x.lot_id = o.id), 0, o.status "
    "FROM lot_links k JOIN lots n ON n.id = k.input_lot_id JOIN lots o ON o.id = k.output_lot_id "
    "JOIN items i ON i.id = o.item_id JOIN runs r ON r.id = k.run_id WHERE k.input_lot_id = ?1 "
    "UNION ALL SELECT 1, 'customer', l.id, l.code, i.code, '', '', c.code, c.name, o.ref, h.qty, "
    "l.unit, h.shipped, 0, 1, '' FROM shipments h JOIN orders o ON o.id = h.order_id "
    "JOIN customers c ON c.id = o.customer_id JOIN lots l ON l.id = h.lot_id "
    "JOIN items i ON i.id = l.item_id WHERE h.lot_id = ?1 "
    "UNION ALL SELECT 1, 'return', l.id, l.code, i.code, '', '', c.code, c.name, o.ref, t.qty, "
    "l.unit, t.returned, 0, 2, '' FROM returns t JOIN orders o ON o.id = t.order_id "
    "JOIN customers c ON c.id = o.customer_id JOIN lots l ON l.id = t.lot_id "
    "JOIN items i ON i.id = l.item_id WHERE t.lot_id = ?1"
    ") ORDER BY 15, 4, 10, 13";

/* Backward: its supplier, then the lots it was made from. */
static const char children_backward_sql[] =
    "SELECT * FROM ("
    "SELECT -1, 'supplier', l.id, l.code, i.code, '', '', sp.code, sp.name, l.supplier_lot, "
    "(SELECT coalesce(sum(m.qty), 0) FROM movements m WHERE m.lot_id = l.id AND "
    "m.kind = 'receive'), l.unit, l.received, 0, 0, '' FROM lots l "
    "JOIN items i ON i.id = l.item_id JOIN suppliers sp ON sp.id = l.supplier_id WHERE l.id = ?1 "
    "UNION ALL SELECT -1, 'input', n.id, n.code, i.code, o.code, r.code, coalesce(sp.code, ''), "
    "coalesce(sp.name, ''), n.supplier_lot, k.qty, n.unit, n.received, "
    "EXISTS (SELECT 1 FROM lot_links x WHERE x.output_lot_id = n.id) "
    "OR n.supplier_id IS NOT NULL, 1, n.status "
    "FROM lot_links k JOIN lots n ON n.id = k.input_lot_id JOIN lots o ON o.id = k.output_lot_id "
    "JOIN items i ON i.id = n.item_id JOIN runs r ON r.id = k.run_id "
    "LEFT JOIN suppliers sp ON sp.id = n.supplier_id WHERE k.output_lot_id = ?1"
    ") ORDER BY 15, 4, 10, 13";

static int children_forward(struct store *s, int64_t lot_id, trace_cb cb, void *ctx)
{
	ROWS_EACH(s, children_forward_sql, sqlite3_bind_int64(st_, 1, lot_id), struct trace_row,
	          child_read, cb, ctx, _("tracing one level"));
}

static int children_backward(struct store *s, int64_t lot_id, trace_cb cb, void *ctx)
{
	ROWS_EACH(s, children_backward_sql, sqlite3_bind_int64(st_, 1, lot_id), struct trace_row,
	          child_read, cb, ctx, _("tracing one level"));
}

int db_trace_children(struct store *s, int64_t lot_id, int backward, trace_cb cb, void *ctx)
{
	return backward ? children_backward(s, lot_id, cb, ctx)
	                : children_forward(s, lot_id, cb, ctx);
}
