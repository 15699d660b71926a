/* Ledger pages for the screens (see ledger_page.h). The SQL is made of fixed
 * fragments chosen by which filters are set and by the sort; every value is
 * bound. Each sort order has an index behind it where the schema has one
 * (expiry, location, item, status, lot code), so a page costs a short index
 * range, whatever the size of the store. */
#include "db/ledger_page.h"
#include "db/lot_row.h"
#include "db/lots.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The joins, in the order that lets an index give the sort: by item, the items
 * in code order each with its lots by (item, expiry, id); by location, the same
 * through (location, expiry, id); otherwise the lots by the sort's own index. */
static const char from_lots[] = "FROM lots l JOIN items i ON i.id = l.item_id "
                                "JOIN locations lo ON lo.id = l.location_id "
                                "LEFT JOIN suppliers sp ON sp.id = l.supplier_id";
static const char from_items[] = "FROM items i CROSS JOIN lots l ON l.item_id = i.id "
                                 "JOIN locations lo ON lo.id = l.location_id "
                                 "LEFT JOIN suppliers sp ON sp.id = l.supplier_id";
static const char from_locations[] = "FROM locations lo CROSS JOIN lots l ON l.location_id = lo.id "
                                     "JOIN items i ON i.id = l.item_id "
                                     "LEFT JOIN suppliers sp ON sp.id = l.supplier_id";
/* A plain scan of the table, for filters that match few lots: reading a million
 * rows in rowid order is ten times faster than in index order. */
static const char from_scan[] = "FROM lots l NOT INDEXED JOIN items i ON i.id = l.item_id "
                                "JOIN locations lo ON lo.id = l.location_id "
                                "LEFT JOIN suppliers sp ON sp.id = l.supplier_id";

enum key_part {
	K_ITEM,
	K_CODE,
	K_QTY,
	K_UNIT,
	K_EXPIRY,
	K_LOCATION,
	K_COA,
	K_LAST,
	K_STATUS,
	K_ID
};

/* Each order's key, the joins that give it, and whether an index gives it. */
static const struct {
	const char *expr[3];
	enum key_part part[3];
	int n;
	const char *from;
	int indexed;
} sorts[LS_COUNT] = {
    [LS_ITEM] = {{"i.code", "l.expiry", "l.id"}, {K_ITEM, K_EXPIRY, K_ID}, 3, from_items, 1},
    [LS_LOT] = {{"l.code"}, {K_CODE}, 1, from_lots, 1},
    [LS_QTY] = {{"l.qty", "l.id"}, {K_QTY, K_ID}, 2, from_lots, 0},
    [LS_UNIT] = {{"l.unit", "l.expiry", "l.id"}, {K_UNIT, K_EXPIRY, K_ID}, 3, from_lots, 0},
    [LS_EXPIRY] = {{"l.expiry", "l.id"}, {K_EXPIRY, K_ID}, 2, from_lots, 1},
    [LS_LOCATION] =
        {{"lo.code", "l.expiry", "l.id"}, {K_LOCATION, K_EXPIRY, K_ID}, 3, from_locations, 1},
    [LS_COA] = {{"l.coa", "l.expiry", "l.id"}, {K_COA, K_EXPIRY, K_ID}, 3, from_lots, 0},
    [LS_LAST] = {{"l.last_hlc", "l.id"}, {K_LAST, K_ID}, 2, from_lots, 0},
    [LS_STATUS] = {{"l.status", "l.expiry", "l.id"}, {K_STATUS, K_EXPIRY, K_ID}, 3, from_lots, 1},
};

static void bind_key_part(sqlite3_stmt *st, int i, enum key_part p, const struct lot *l)
{
	switch (p) {
	case K_ITEM:
		bind_text(st, i, l->item_code);
		break;
	case K_CODE:
		bind_text(st, i, l->code);
		break;
	case K_QTY:
		sqlite3_bind_int64(st, i, l->qty);
		break;
	case K_UNIT:
		bind_text(st, i, l->unit);
		break;
	case K_EXPIRY:
		bind_text(st, i, l->expiry[0] ? l->expiry : NO_EXPIRY);
		break;
	case K_LOCATION:
		bind_text(st, i, l->location_code);
		break;
	case K_COA:
		bind_text(st, i, l->coa);
		break;
	case K_LAST:
		sqlite3_bind_int64(st, i, (sqlite3_int64)l->last_hlc);
		break;
	case K_STATUS:
		bind_text(st, i, l->status);
		break;
	case K_ID:
		sqlite3_bind_int64(st, i, l->id);
		break;
	}
}

static int closed_status(const char *status)
{
	return status && (!strcmp(status, "consumed") || !strcmp(status, "shipped") ||
	                  !strcmp(status, "scrapped") || !strcmp(status, "returned"));
}

/* The WHERE clause; parameters ?1..?9 as bind_filter binds them. */
static void where_sql(struct strbuf *sql, const struct ledger_query *q)
{
	const struct ledger_filter *f = &q->f;
	sb_puts(sql, " WHERE 1");
	/* lots that are used up only show when asked for, or by their status */
	if (q->negative)
		sb_puts(sql, " AND l.qty < 0");
	else if (!f->include_empty && !closed_status(f->status))
		sb_puts(sql, " AND l.qty <> 0");
	if (f->location)
		sb_puts(sql, " AND l.location_id = (SELECT id FROM locations WHERE code = ?1)");
	if (f->item)
		sb_puts(sql, " AND l.item_id = (SELECT id FROM items WHERE code = ?2)");
	/* "+": a category is many items; walking each item's lots and sorting them
	 * all loses to walking the order's index (and the deadline covers rare ones) */
	if (f->category)
		sb_puts(sql, " AND +l.item_id IN (SELECT id FROM items WHERE category = ?3)");
	if (f->status)
		sb_puts(sql, " AND l.status = ?4");
	else if (q->held)
		sb_puts(sql, " AND l.status IN ('hold', 'quarantine')");
	if (f->coa)
		sb_puts(sql, " AND l.coa = ?5");
	if (f->text)
		sb_puts(sql,
		        " AND (l.code LIKE ?6 ESCAPE '\\' OR l.supplier_lot LIKE ?6 ESCAPE '\\' "
		        "OR l.item_id IN (SELECT id FROM items WHERE code LIKE ?6 ESCAPE '\\' "
		        "OR name LIKE ?6 ESCAPE '\\'))");
	if (f->expires_by)
		sb_puts(sql, " AND l.expiry <= ?7");
	if (f->expires_from)
		sb_puts(sql, " AND l.expiry >= ?9");
	if (f->expired_before)
		sb_puts(sql, " AND l.expiry < ?8");
	if (q->exceptions)
		sb_puts(sql,
		        " AND l.id IN (SELECT lot_id FROM exceptions WHERE resolved_by IS NULL "
		        "AND lot_id IS NOT NULL)");
}

static void bind_filter(sqlite3_stmt *st, const struct ledger_query *q)
{
	const struct ledger_filter *f = &q->f;
	bind_text(st, 1, f->location);
	bind_text(st, 2, f->item);
	bind_text(st, 3, f->category);
	bind_text(st, 4, f->status);
	bind_text(st, 5, f->coa);
	if (f->text) {
		/* the text is matched literally: % and _ are not wildcards here */
		struct strbuf like = STRBUF_INIT;
		sb_putc(&like, '%');
		for (const char *p = f->text; *p; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				sb_putc(&like, '\\');
			sb_putc(&like, *p);
		}
		sb_putc(&like, '%');
		sqlite3_bind_text(st, 6, sb_str(&like), -1, SQLITE_TRANSIENT);
		sb_free(&like);
	}
	bind_text(st, 7, f->expires_by);
	bind_text(st, 8, f->expired_before);
	bind_text(st, 9, f->expires_from);
}

static int prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the ledger"));
	return OK;
}

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Stops a query in index order that has run past its deadline. */
static int past_deadline(void *ctx)
{
	return now_us() > *(int64_t *)ctx;
}

/* One attempt: the order's own plan, or a scan of the table. */
static int page_query(struct store *s, const struct ledger_query *q, const struct lot *from,
                      int incl, int dir, struct lot *out, int n, int scan, int64_t deadline)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int sort = q->sort >= 0 && q->sort < LS_COUNT ? (int)q->sort : LS_EXPIRY;
	/* forwards in descending order is backwards in ascending order */
	int down = (dir < 0) != (q->desc != 0);
	int got = 0, rc;

	sb_puts(&sql, LOT_COLUMNS);
	sb_puts(&sql, scan ? from_scan : sorts[sort].from);
	where_sql(&sql, q);
	if (from) {
		sb_puts(&sql, " AND (");
		for (int i = 0; i < sorts[sort].n; i++)
			sb_printf(&sql, "%s%s", i ? ", " : "", sorts[sort].expr[i]);
		sb_printf(&sql, ") %s (", down ? (incl ? "<=" : "<") : (incl ? ">=" : ">"));
		for (int i = 0; i < sorts[sort].n; i++)
			sb_printf(&sql, "%s?%d", i ? ", " : "", 10 + i);
		sb_puts(&sql, ")");
	}
	sb_puts(&sql, " ORDER BY ");
	for (int i = 0; i < sorts[sort].n; i++)
		sb_printf(&sql, "%s%s%s", i ? ", " : "", sorts[sort].expr[i], down ? " DESC" : "");
	sb_puts(&sql, " LIMIT ?20");

	rc = prepare(s, sb_str(&sql), &st);
	sb_free(&sql);
	if (rc)
		return -1;
	bind_filter(st, q);
	if (from)
		for (int i = 0; i < sorts[sort].n; i++)
			bind_key_part(st, 10 + i, sorts[sort].part[i], from);
	sqlite3_bind_int(st, 20, n);
	if (deadline)
		sqlite3_progress_handler(s->db, 2000, past_deadline, &deadline);
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		db_lot_row_read(st, &out[got++]);
	if (deadline)
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
	if (got < n && rc == SQLITE_INTERRUPT)
		got = -2;
	else if (got < n && rc != SQLITE_DONE) {
		store_error(s, _("reading the ledger"));
		got = -1;
	}
	sqlite3_finalize(st);
	return got;
}

/* Filters that no index serves may match few lots far apart in the order's index;
 * walking that index then reads the whole table at random. The index plan gets a
 * few milliseconds (enough when matches are common), then the table is scanned. */
int db_ledger_page(struct store *s, const struct ledger_query *q, const struct lot *from, int incl,
                   int dir, struct lot *out, int n)
{
	const struct ledger_filter *f = &q->f;
	int sort = q->sort >= 0 && q->sort < LS_COUNT ? (int)q->sort : LS_EXPIRY;
	int sparse = f->text || f->coa || f->category || q->negative || q->exceptions;
	if (!sparse || !sorts[sort].indexed)
		return page_query(s, q, from, incl, dir, out, n, 0, 0);
	int got = page_query(s, q, from, incl, dir, out, n, 0, now_us() + 40000);
	if (got == -2)
		got = page_query(s, q, from, incl, dir, out, n, 1, 0);
	return got;
}

int db_ledger_totals(struct store *s, const struct ledger_query *q, int64_t limit,
                     struct ledger_totals *out)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	/* The inner LIMIT bounds the work: a million matching lots count as "limit+". */
	sb_puts(&sql, "SELECT unit, count(*), sum(qty) FROM (SELECT l.unit AS unit, l.qty AS qty "
	              "FROM lots l JOIN items i ON i.id = l.item_id "
	              "JOIN locations lo ON lo.id = l.location_id");
	where_sql(&sql, q);
	sb_puts(&sql, " LIMIT ?20) GROUP BY unit ORDER BY count(*) DESC, unit");
	rc = prepare(s, sb_str(&sql), &st);
	sb_free(&sql);
	if (rc)
		return rc;
	bind_filter(st, q);
	sqlite3_bind_int64(st, 20, limit + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t c = sqlite3_column_int64(st, 1);
		out->lots += c;
		if (out->nunits < LEDGER_TOTAL_UNITS) {
			COLUMN_COPY(st, 0, out->units[out->nunits].unit);
			out->units[out->nunits].lots = c;
			out->units[out->nunits].qty = sqlite3_column_int64(st, 2);
			out->nunits++;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("counting the ledger"));
	sqlite3_finalize(st);
	if (out->lots > limit) {
		out->lots = limit;
		out->more = 1;
	}
	return rc;
}
