/* Ledger pages for the screens (see ledger_page.h). The SQL is made of fixed
 * fragments chosen by which filters are set and by the sort; every value is
 * bound. Each sort order has an index behind it, so a page costs a short index
 * range, whatever the size of the store; a search that matches few lots is
 * answered from the trigram index of lot codes and supplier lots (lots_text). */
#include "db/ledger_page.h"
#include "db/lot_row.h"
#include "db/lots.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <ctype.h>
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
    [LS_QTY] = {{"l.qty", "l.id"}, {K_QTY, K_ID}, 2, from_lots, 1},
    [LS_UNIT] = {{"l.unit", "l.expiry", "l.id"}, {K_UNIT, K_EXPIRY, K_ID}, 3, from_lots, 1},
    [LS_EXPIRY] = {{"l.expiry", "l.id"}, {K_EXPIRY, K_ID}, 2, from_lots, 1},
    [LS_LOCATION] =
        {{"lo.code", "l.expiry", "l.id"}, {K_LOCATION, K_EXPIRY, K_ID}, 3, from_locations, 1},
    [LS_COA] = {{"l.coa", "l.expiry", "l.id"}, {K_COA, K_EXPIRY, K_ID}, 3, from_lots, 1},
    [LS_LAST] = {{"l.last_hlc", "l.id"}, {K_LAST, K_ID}, 2, from_lots, 1},
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

/* How a query finds its lots (db_ledger_force_plan names them for tests). */
enum plan { PLAN_ORDER = LP_ORDER, PLAN_SCAN = LP_SCAN, PLAN_TEXT = LP_TEXT };

/* The trigram index answers searches of three characters or more, and of one
 * or two ASCII characters through its vocabulary (see fts_match). */
static int text_indexed(const char *text)
{
	int chars = 0, ascii = 1;
	for (const unsigned char *p = (const unsigned char *)text; text && *p; p++) {
		chars += (*p & 0xC0) != 0x80;
		ascii &= *p >= 0x20 && *p < 0x7f;
	}
	return chars >= 3 || (chars >= 1 && ascii);
}

/* The WHERE clause; parameters ?1..?9 and ?21 (the trigram query) as
 * bind_filter binds them. */
static void where_sql(struct strbuf *sql, const struct ledger_query *q, enum plan plan)
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
	/* the same lots again, in a form that drives the query from the trigram
	 * index and the item's lots (the LIKE above stays the exact rule) */
	if (f->text && plan == PLAN_TEXT)
		sb_puts(sql,
		        " AND (l.id IN (SELECT rowid FROM lots_text WHERE lots_text MATCH ?21) "
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

/* The text matched literally by LIKE: % and _ are not wildcards here. */
static char *like_pattern(const char *text)
{
	struct strbuf like = STRBUF_INIT;
	sb_putc(&like, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			sb_putc(&like, '\\');
		sb_putc(&like, *p);
	}
	sb_putc(&like, '%');
	char *r = xstrdup(sb_str(&like));
	sb_free(&like);
	return r;
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

/* The text as one FTS5 string: between quotes, its quotes doubled. */
static void fts_string(struct strbuf *sb, const char *text)
{
	sb_putc(sb, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			sb_putc(sb, '"');
		sb_putc(sb, *p);
	}
	sb_putc(sb, '"');
}

/* More trigrams than this for a short text: it is common, the trigram index
 * would not narrow it. */
#define SHORT_TERMS_MAX 400

/* The FTS5 query for the lots whose code or supplier lot has the text: the text
 * as one phrase (three characters or more), or the trigrams that begin with it
 * (one or two characters: the index pads every value, so every place the text
 * occurs begins a trigram). NULL when the index cannot answer. */
static char *fts_match(struct store *s, const char *text)
{
	static const char terms_sql[] =
	    "SELECT term FROM lots_text_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3";
	struct strbuf m = STRBUF_INIT;
	char from[3], to[3];
	size_t len = strlen(text);
	if (!text_indexed(text))
		return NULL;
	if (len >= 3) {
		fts_string(&m, text);
		goto done;
	}
	/* the index folds ASCII letters to lower case */
	for (size_t i = 0; i < len; i++)
		from[i] = to[i] = (char)tolower((unsigned char)text[i]);
	from[len] = to[len] = '\0';
	to[len - 1]++;
	sqlite3_stmt *st = store_stmt(s, terms_sql);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, SHORT_TERMS_MAX + 1);
	/* the vocabulary counts each trigram's lots as it goes: a common one takes
	 * long, and a common text is answered better in the order's index anyway */
	int64_t deadline = now_us() + 5000;
	int n = 0, rc;
	sqlite3_progress_handler(s->db, 1000, past_deadline, &deadline);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++)
			sb_puts(&m, " OR ");
		fts_string(&m, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || n > SHORT_TERMS_MAX)
		goto fail;
	/* no trigram: three \x01 in a row, which no padded value has */
	if (n == 0)
		sb_puts(&m, "\"\x01\x01\x01\"");
done:;
	char *r = xstrdup(sb_str(&m));
	sb_free(&m);
	return r;
fail:
	sb_free(&m);
	return NULL;
}

static void bind_owned(sqlite3_stmt *st, int i, char *text)
{
	sqlite3_bind_text(st, i, text, -1, free);
}

/* Lots a search names before it goes to the trigram index at once: that many
 * lots are read and sorted in well under a millisecond each page. */
#define TEXT_FEW 2000

/* Does the search text name few lots? Counted, up to TEXT_FEW, in the trigram
 * index and among the lots of the items whose code or name has the text, before
 * any other filter. Each key asks for a page, the read-ahead and the count: the
 * answer for the last text is kept (if lots changed meanwhile, only the speed
 * of the plan it chose can suffer, never the answer). */
static int text_is_rare(struct store *s, const char *text)
{
	static const char sql[] =
	    "SELECT (SELECT count(*) FROM (SELECT 1 FROM lots_text WHERE lots_text MATCH ?1 "
	    "LIMIT ?3)) + (SELECT count(*) FROM (SELECT 1 FROM lots WHERE item_id IN (SELECT id "
	    "FROM items WHERE code LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\') LIMIT ?3))";
	if (!text_indexed(text))
		return 0;
	if (s->ledger_text && !strcmp(s->ledger_text, text))
		return s->ledger_text_rare;
	char *match = fts_match(s, text);
	sqlite3_stmt *st = match ? store_stmt(s, sql) : NULL;
	int rare = 0;
	if (st) {
		bind_owned(st, 1, match);
		bind_owned(st, 2, like_pattern(text));
		sqlite3_bind_int(st, 3, TEXT_FEW);
		rare = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) < TEXT_FEW;
		sqlite3_reset(st);
	} else {
		free(match);
	}
	free(s->ledger_text);
	s->ledger_text = xstrdup(text);
	s->ledger_text_rare = rare;
	return rare;
}

static void bind_filter(sqlite3_stmt *st, const struct ledger_query *q, char *match)
{
	const struct ledger_filter *f = &q->f;
	bind_text(st, 1, f->location);
	bind_text(st, 2, f->item);
	bind_text(st, 3, f->category);
	bind_text(st, 4, f->status);
	bind_text(st, 5, f->coa);
	if (f->text)
		bind_owned(st, 6, like_pattern(f->text));
	if (match)
		bind_owned(st, 21, match);
	bind_text(st, 7, f->expires_by);
	bind_text(st, 8, f->expired_before);
	bind_text(st, 9, f->expires_from);
}

/* The trigram query of a PLAN_TEXT (its binding takes it); a plan the index
 * cannot answer becomes a scan of the table. */
static char *text_plan(struct store *s, const struct ledger_query *q, enum plan *plan)
{
	char *match = *plan == PLAN_TEXT && q->f.text ? fts_match(s, q->f.text) : NULL;
	if (*plan == PLAN_TEXT && !match)
		*plan = PLAN_SCAN;
	return match;
}

static int prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the ledger"));
	return OK;
}

/* One attempt with one plan; -2 when the deadline (if any) passed first. */
static int page_query(struct store *s, const struct ledger_query *q, const struct lot *from,
                      int incl, int dir, struct lot *out, int n, enum plan plan, int64_t deadline)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int sort = q->sort >= 0 && q->sort < LS_COUNT ? (int)q->sort : LS_EXPIRY;
	/* forwards in descending order is backwards in ascending order */
	int down = (dir < 0) != (q->desc != 0);
	int got = 0, rc;
	char *match = text_plan(s, q, &plan);

	sb_puts(&sql, LOT_COLUMNS);
	sb_puts(&sql, plan == PLAN_SCAN   ? from_scan
	              : plan == PLAN_TEXT ? from_lots
	                                  : sorts[sort].from);
	where_sql(&sql, q, plan);
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
	if (rc) {
		free(match);
		return -1;
	}
	bind_filter(st, q, match);
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

/* A search that names few lots starts from them (the trigram index). Other
 * filters that no index serves may match few lots far apart in the order's
 * index; walking that index then reads the whole table at random, so it gets a
 * few milliseconds (enough when matches are common), then the table is scanned. */
int db_ledger_page(struct store *s, const struct ledger_query *q, const struct lot *from, int incl,
                   int dir, struct lot *out, int n)
{
	const struct ledger_filter *f = &q->f;
	int sort = q->sort >= 0 && q->sort < LS_COUNT ? (int)q->sort : LS_EXPIRY;
	int sparse = f->text || f->coa || f->category || q->negative || q->exceptions;
	if (s->ledger_plan != LP_AUTO)
		return page_query(s, q, from, incl, dir, out, n, (enum plan)s->ledger_plan, 0);
	if (text_is_rare(s, f->text))
		return page_query(s, q, from, incl, dir, out, n, PLAN_TEXT, 0);
	if (!sparse || !sorts[sort].indexed)
		return page_query(s, q, from, incl, dir, out, n, PLAN_ORDER, 0);
	int got = page_query(s, q, from, incl, dir, out, n, PLAN_ORDER, now_us() + 40000);
	if (got == -2)
		got = page_query(s, q, from, incl, dir, out, n, PLAN_SCAN, 0);
	return got;
}

/* One count with one plan; -2 when the deadline (if any) passed first. */
static int totals_query(struct store *s, const struct ledger_query *q, int64_t limit,
                        struct ledger_totals *out, enum plan plan, int64_t deadline)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;
	char *match = text_plan(s, q, &plan);

	memset(out, 0, sizeof(*out));
	/* The inner LIMIT bounds the work: a million matching lots count as "limit+". */
	sb_puts(&sql, "SELECT unit, count(*), sum(qty) FROM (SELECT l.unit AS unit, l.qty AS qty "
	              "FROM lots l");
	where_sql(&sql, q, plan);
	sb_puts(&sql, " LIMIT ?20) GROUP BY unit ORDER BY count(*) DESC, unit");
	rc = prepare(s, sb_str(&sql), &st);
	sb_free(&sql);
	if (rc) {
		free(match);
		return rc;
	}
	bind_filter(st, q, match);
	sqlite3_bind_int64(st, 20, limit + 1);
	if (deadline)
		sqlite3_progress_handler(s->db, 2000, past_deadline, &deadline);
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
	if (deadline)
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
	if (rc == SQLITE_INTERRUPT && deadline)
		rc = -2;
	else
		rc = rc == SQLITE_DONE ? OK : store_error(s, _("counting the ledger"));
	sqlite3_finalize(st);
	if (out->lots > limit) {
		out->lots = limit;
		out->more = 1;
	}
	return rc;
}

/* A search that names few lots counts them from the trigram index. A common
 * one reaches the limit soon reading lots in any order, unless other filters
 * make its matches rare: after a few milliseconds the trigram index serves. */
int db_ledger_totals(struct store *s, const struct ledger_query *q, int64_t limit,
                     struct ledger_totals *out)
{
	if (s->ledger_plan != LP_AUTO)
		return totals_query(s, q, limit, out, (enum plan)s->ledger_plan, 0);
	if (text_is_rare(s, q->f.text))
		return totals_query(s, q, limit, out, PLAN_TEXT, 0);
	if (!text_indexed(q->f.text))
		return totals_query(s, q, limit, out, PLAN_ORDER, 0);
	int rc = totals_query(s, q, limit, out, PLAN_ORDER, now_us() + 40000);
	if (rc == -2)
		rc = totals_query(s, q, limit, out, PLAN_TEXT, 0);
	return rc;
}

void db_ledger_force_plan(struct store *s, enum ledger_plan plan)
{
	s->ledger_plan = plan;
}
