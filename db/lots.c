/* SQL for lots and movements. Balances are sums of movements and statuses follow
 * the newest stamp, so the same entries give the same ledger in any order. */
#include "db/lots.h"
#include "db/lot_row.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int db_lot_insert(struct store *s, const struct lot_new *n, int64_t entry, hlc_t hlc,
                  int64_t *lot_id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO lots (code, item_id, supplier_id, supplier_lot, received, expiry, "
	       "unit, unit_cost, location_id, location_hlc, qty, status, status_hlc, origin, "
	       "last_hlc, last_kind, last_site, entry) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?14, ?11, ?10, ?12, ?10, ?15, "
	       "CASE ?15 WHEN '' THEN '' ELSE ?16 END, ?13)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text_kept(st, 1, n->code);
	sqlite3_bind_int64(st, 2, n->item_id);
	if (n->supplier_id)
		sqlite3_bind_int64(st, 3, n->supplier_id);
	bind_text_kept(st, 4, n->supplier_lot);
	bind_text_kept(st, 5, n->received);
	bind_text_kept(st, 6, n->expiry && *n->expiry ? n->expiry : NO_EXPIRY);
	bind_text_kept(st, 7, n->unit);
	sqlite3_bind_int64(st, 8, n->unit_cost);
	sqlite3_bind_int64(st, 9, n->location_id);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)hlc);
	bind_text_kept(st, 11, n->status);
	bind_text_kept(st, 12, n->origin);
	sqlite3_bind_int64(st, 13, entry);
	sqlite3_bind_int64(st, 14, n->kind ? n->qty : 0);
	bind_text_kept(st, 15, n->kind);
	bind_text_kept(st, 16, n->site);
	rc = store_step_done(s, st, _("creating a lot"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("lot %s already exists"), n->code);
	if (rc == OK)
		*lot_id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_lot_name_creator_site(struct store *s, int64_t lot_id)
{
	sqlite3_stmt *st = store_stmt(
	    s,
	    "UPDATE lots SET "
	    "status_site = CASE WHEN status_site = '' AND status_hlc = c.hlc THEN c.site "
	    "ELSE status_site END, "
	    "location_site = CASE WHEN location_site = '' AND location_hlc = c.hlc THEN c.site "
	    "ELSE location_site END "
	    "FROM (SELECT j.hlc, si.site_id AS site FROM lots l JOIN journal j ON j.id = l.entry "
	    "JOIN sites si ON si.id = j.site WHERE l.id = ?1) AS c WHERE lots.id = ?1");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	return store_step_done(s, st, _("updating a lot"));
}

int db_lot_keep_earliest_receipt(struct store *s, int64_t lot_id, const struct lot_new *n,
                                 int64_t entry, hlc_t hlc, int *kept)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE lots SET supplier_id = ?2, supplier_lot = ?3, received = ?4, expiry = ?5, "
	       "unit_cost = ?6, origin = ?7, entry = ?8 WHERE id = ?1 AND "
	       "(SELECT (j.hlc, si.site_id) > (?9, " SQL_APPLYING_SITE ") FROM journal j "
	       "JOIN sites si ON si.id = j.site WHERE j.id = lots.entry)");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	if (n->supplier_id)
		sqlite3_bind_int64(st, 2, n->supplier_id);
	bind_text(st, 3, n->supplier_lot);
	bind_text(st, 4, n->received);
	bind_text(st, 5, n->expiry && *n->expiry ? n->expiry : NO_EXPIRY);
	sqlite3_bind_int64(st, 6, n->unit_cost);
	bind_text(st, 7, n->origin);
	sqlite3_bind_int64(st, 8, entry);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)hlc);
	if ((rc = store_step_done(s, st, _("updating a lot"))) == OK)
		*kept = sqlite3_changes(s->db) > 0;
	return rc;
}

#define LOT_SELECT LOT_SELECT_WITH("")
/* extra: more columns after the lot's own (from index 21) */
#define LOT_SELECT_WITH(extra)                                                                     \
	LOT_COLUMNS extra "FROM lots l JOIN items i ON i.id = l.item_id "                          \
	                  "JOIN locations lo ON lo.id = l.location_id "                            \
	                  "LEFT JOIN suppliers sp ON sp.id = l.supplier_id "

void db_lot_row_read(sqlite3_stmt *st, struct lot *l)
{
	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, l->code);
	l->item_id = sqlite3_column_int64(st, 2);
	COLUMN_COPY(st, 3, l->item_code);
	COLUMN_COPY(st, 4, l->item_name);
	COLUMN_COPY(st, 5, l->category);
	COLUMN_COPY(st, 6, l->supplier_code);
	COLUMN_COPY(st, 7, l->supplier_lot);
	COLUMN_COPY(st, 8, l->received);
	COLUMN_COPY(st, 9, l->expiry);
	COLUMN_COPY(st, 10, l->unit);
	l->unit_cost = sqlite3_column_int64(st, 11);
	l->location_id = sqlite3_column_int64(st, 12);
	COLUMN_COPY(st, 13, l->location_code);
	l->qty = sqlite3_column_int64(st, 14);
	COLUMN_COPY(st, 15, l->status);
	COLUMN_COPY(st, 16, l->coa);
	COLUMN_COPY(st, 17, l->origin);
	l->last_hlc = (hlc_t)sqlite3_column_int64(st, 18);
	COLUMN_COPY(st, 19, l->last_kind);
	l->reserved = sqlite3_column_int64(st, 20);
}

static int lot_one(struct store *s, sqlite3_stmt *st, const char *what, struct lot *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_lot_row_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("lot %s not found"), what);
	} else {
		rc = store_error(s, _("reading a lot"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_lot_get(struct store *s, const char *code, struct lot *out)
{
	sqlite3_stmt *st = store_stmt(s, LOT_SELECT "WHERE l.code = ?1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	return lot_one(s, st, code, out);
}

int db_lot_get_by_id(struct store *s, int64_t id, struct lot *out)
{
	char what[32];
	sqlite3_stmt *st = store_stmt(s, LOT_SELECT "WHERE l.id = ?1");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	snprintf(what, sizeof(what), "#%lld", (long long)id);
	return lot_one(s, st, what, out);
}

int db_lot_by_supplier_lot(struct store *s, int64_t item_id, const char *supplier_lot,
                           struct lot *out)
{
	/* "<> ''" lets SQLite use the partial index lots_supplier_lot; without it
	 * the plan reads every lot of the item (20,000 on a million-lot store) */
	sqlite3_stmt *st =
	    store_stmt(s, LOT_SELECT "WHERE l.supplier_lot = ?2 AND l.supplier_lot <> '' "
	                             "AND l.item_id = ?1 ORDER BY l.id LIMIT 1");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, item_id);
	bind_text(st, 2, supplier_lot);
	return lot_one(s, st, supplier_lot, out);
}

int db_lot_exists(struct store *s, const char *code)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM lots WHERE code = ?1");
	int found;
	if (!st)
		return 0;
	bind_text(st, 1, code);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int db_lot_id(struct store *s, const char *code, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM lots WHERE code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("lot %s not found"), code);
	} else {
		rc = store_error(s, _("reading a lot"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_lot_add_qty(struct store *s, int64_t lot_id, fixed_t delta, hlc_t hlc, const char *kind,
                   fixed_t *balance)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE lots SET qty = qty + ?2, "
	       "last_kind = CASE WHEN ?3 > last_hlc OR (?3 = last_hlc AND " SQL_APPLYING_SITE
	       " >= last_site) THEN ?4 ELSE last_kind END, "
	       "last_site = CASE WHEN ?3 > last_hlc OR (?3 = last_hlc AND " SQL_APPLYING_SITE
	       " >= last_site) THEN " SQL_APPLYING_SITE " ELSE last_site END, "
	       "last_hlc = max(last_hlc, ?3) WHERE id = ?1 RETURNING qty");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	sqlite3_bind_int64(st, 2, delta);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	bind_text(st, 4, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (balance)
			*balance = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st) == SQLITE_DONE ? OK : store_error(s, _("updating a lot"));
	} else {
		rc = rc == SQLITE_DONE
		         ? error_set(ERR_NOT_FOUND, _("lot #%lld not found"), (long long)lot_id)
		         : store_error(s, _("updating a lot"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_lot_set_status(struct store *s, int64_t lot_id, const char *status, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE lots SET status = ?2, status_hlc = ?3, status_site = " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND " SQL_STAMP_OLDER("status_hlc", "status_site", "?3"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	bind_text(st, 2, status);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("updating a lot's status"));
}

int db_lot_set_location(struct store *s, int64_t lot_id, int64_t location_id, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE lots SET location_id = ?2, location_hlc = ?3, location_site "
	       "= " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND " SQL_STAMP_OLDER("location_hlc", "location_site", "?3"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	sqlite3_bind_int64(st, 2, location_id);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("moving a lot"));
}

int db_movement_insert(struct store *s, const struct movement_new *m, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO movements (entry, idx, lot_id, kind, qty, hlc, reason, note, "
	       "from_location, to_location, status_before, status_after, corrects, run_id, "
	       "run_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	       "?15)");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, m->entry);
	sqlite3_bind_int64(st, 2, m->idx);
	sqlite3_bind_int64(st, 3, m->lot_id);
	bind_text_kept(st, 4, m->kind);
	sqlite3_bind_int64(st, 5, m->qty);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)m->hlc);
	bind_text_kept(st, 7, m->reason);
	bind_text_kept(st, 8, m->note);
	if (m->from_location)
		sqlite3_bind_int64(st, 9, m->from_location);
	if (m->to_location)
		sqlite3_bind_int64(st, 10, m->to_location);
	bind_text_or_null(st, 11, m->status_before);
	bind_text_or_null(st, 12, m->status_after);
	if (m->corrects)
		sqlite3_bind_int64(st, 13, m->corrects);
	if (m->run_id) {
		sqlite3_bind_int64(st, 14, m->run_id);
		sqlite3_bind_int64(st, 15, m->run_line);
	}
	rc = store_step_done(s, st, _("recording a movement"));
	if (rc == OK && id)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

/* History numbering and balances follow the clock, with the entry's identity
 * breaking ties, so every store numbers a lot's movements alike. */
static const char history_sql[] =
    "WITH h AS MATERIALIZED (SELECT m.id, m.kind, m.qty, m.hlc, m.reason, m.note, m.from_location, "
    "m.to_location, m.status_before, m.status_after, m.corrects, j.user, j.terminal, "
    "si.site_id, j.seq, m.idx, "
    "row_number() OVER w AS no, sum(m.qty) OVER w AS balance "
    "FROM movements m JOIN journal j ON j.id = m.entry JOIN sites si ON si.id = j.site "
    "WHERE m.lot_id = ?1 WINDOW w AS (ORDER BY m.hlc, si.site_id, j.seq, m.idx)) "
    "SELECT h.id, h.no, h.kind, h.qty, h.balance, h.hlc, h.user, h.terminal, h.reason, "
    "h.note, coalesce(fl.code, ''), coalesce(tl.code, ''), coalesce(h.status_before, ''), "
    "coalesce(h.status_after, ''), "
    "CASE WHEN h.corrects IS NULL THEN 0 ELSE (SELECT c.no FROM h c WHERE c.id = h.corrects) END, "
    "EXISTS (SELECT 1 FROM movements x WHERE x.corrects = h.id), h.site_id, h.seq, h.idx "
    "FROM h LEFT JOIN locations fl ON fl.id = h.from_location "
    "LEFT JOIN locations tl ON tl.id = h.to_location "
    "WHERE ?2 = 0 OR h.no = ?2 ORDER BY h.no";

static void movement_read(sqlite3_stmt *st, struct movement *m)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->no = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, m->kind);
	m->qty = sqlite3_column_int64(st, 3);
	m->balance = sqlite3_column_int64(st, 4);
	m->hlc = (hlc_t)sqlite3_column_int64(st, 5);
	COLUMN_COPY(st, 6, m->user);
	COLUMN_COPY(st, 7, m->terminal);
	COLUMN_COPY(st, 8, m->reason);
	COLUMN_COPY(st, 9, m->note);
	COLUMN_COPY(st, 10, m->from_location);
	COLUMN_COPY(st, 11, m->to_location);
	COLUMN_COPY(st, 12, m->status_before);
	COLUMN_COPY(st, 13, m->status_after);
	m->corrects_no = sqlite3_column_int64(st, 14);
	m->corrected = sqlite3_column_int(st, 15);
	COLUMN_COPY(st, 16, m->site_id);
	m->seq = sqlite3_column_int64(st, 17);
	m->idx = sqlite3_column_int64(st, 18);
}

int db_history_each(struct store *s, int64_t lot_id, int (*cb)(void *ctx, const struct movement *m),
                    void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, history_sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading a lot's history"));
	sqlite3_bind_int64(st, 1, lot_id);
	sqlite3_bind_int64(st, 2, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct movement m;
		movement_read(st, &m);
		int stop = cb(ctx, &m);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading a lot's history"));
	sqlite3_finalize(st);
	return rc;
}

int db_movement_by_no(struct store *s, int64_t lot_id, int64_t no, struct movement *out)
{
	sqlite3_stmt *st = store_stmt(s, history_sql);
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	sqlite3_bind_int64(st, 2, no);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		movement_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("the lot has no movement #%lld"), (long long)no);
	} else {
		rc = store_error(s, _("reading a movement"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_movement_by_ref(struct store *s, const char *site_id, int64_t seq, int64_t idx,
                       struct movement *out, int64_t *lot_id)
{
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT m.id, m.lot_id, m.kind, m.qty, m.hlc, coalesce(fl.code, ''), "
	                  "coalesce(tl.code, ''), coalesce(m.status_before, ''), "
	                  "coalesce(m.status_after, ''), "
	                  "EXISTS (SELECT 1 FROM movements x WHERE x.corrects = m.id) "
	                  "FROM movements m JOIN journal j ON j.id = m.entry "
	                  "JOIN sites si ON si.id = j.site "
	                  "LEFT JOIN locations fl ON fl.id = m.from_location "
	                  "LEFT JOIN locations tl ON tl.id = m.to_location "
	                  "WHERE si.site_id = ?1 AND j.seq = ?2 AND m.idx = ?3");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, site_id);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_int64(st, 3, idx);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = sqlite3_column_int64(st, 0);
		*lot_id = sqlite3_column_int64(st, 1);
		COLUMN_COPY(st, 2, out->kind);
		out->qty = sqlite3_column_int64(st, 3);
		out->hlc = (hlc_t)sqlite3_column_int64(st, 4);
		COLUMN_COPY(st, 5, out->from_location);
		COLUMN_COPY(st, 6, out->to_location);
		COLUMN_COPY(st, 7, out->status_before);
		COLUMN_COPY(st, 8, out->status_after);
		out->corrected = sqlite3_column_int(st, 9);
		strlcpy_(out->site_id, site_id, sizeof(out->site_id));
		out->seq = seq;
		out->idx = idx;
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("movement %s/%lld/%lld not found"), site_id,
		               (long long)seq, (long long)idx);
	} else {
		rc = store_error(s, _("reading a movement"));
	}
	sqlite3_reset(st);
	return rc;
}

/* The ledger's WHERE clause is made of fixed fragments chosen by which filters are
 * set; every value is bound, never formatted into the SQL. */
int db_ledger_each(struct store *s, const struct ledger_filter *f,
                   int (*cb)(void *ctx, const struct lot *l), void *ctx)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	sb_puts(&sql, LOT_SELECT "WHERE 1");
	if (!f->include_empty)
		sb_puts(&sql, " AND l.qty <> 0");
	if (f->location)
		sb_puts(&sql, " AND l.location_id = (SELECT id FROM locations WHERE code = ?1)");
	if (f->item)
		sb_puts(&sql, " AND l.item_id = (SELECT id FROM items WHERE code = ?2)");
	if (f->category)
		sb_puts(&sql, " AND i.category = ?3");
	if (f->status)
		sb_puts(&sql, " AND l.status = ?4");
	if (f->coa)
		sb_puts(&sql, " AND l.coa = ?5");
	if (f->text)
		sb_puts(&sql, " AND (l.code LIKE ?6 OR l.supplier_lot LIKE ?6 OR i.code LIKE ?6 "
		              "OR i.name LIKE ?6)");
	if (f->expires_by)
		sb_puts(&sql, " AND l.expiry <= ?7");
	if (f->expires_from)
		sb_puts(&sql, " AND l.expiry >= ?9");
	if (f->expired_before)
		sb_puts(&sql, " AND l.expiry < ?8");
	sb_puts(&sql, " ORDER BY l.expiry, l.id");

	if (sqlite3_prepare_v2(s->db, sb_str(&sql), -1, &st, NULL) != SQLITE_OK) {
		rc = store_error(s, _("reading the ledger"));
		sb_free(&sql);
		return rc;
	}
	sb_free(&sql);
	bind_text(st, 1, f->location);
	bind_text(st, 2, f->item);
	bind_text(st, 3, f->category);
	bind_text(st, 4, f->status);
	bind_text(st, 5, f->coa);
	if (f->text) {
		char *like = xasprintf("%%%s%%", f->text);
		bind_text(st, 6, like);
		free(like);
	}
	bind_text(st, 7, f->expires_by);
	bind_text(st, 8, f->expired_before);
	bind_text(st, 9, f->expires_from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lot l;
		db_lot_row_read(st, &l);
		int stop = cb(ctx, &l);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading the ledger"));
	sqlite3_finalize(st);
	return rc;
}

int db_usable_lots_each(struct store *s, int64_t item_id, const char *today, int fifo,
                        int (*cb)(void *ctx, const struct lot *l), void *ctx)
{
	/* what customer orders have reserved is not there to use (db/005_orders.sql);
	 * LOT_COLUMNS reads it into l.reserved */
	static const char fefo_sql[] =
	    LOT_SELECT "WHERE l.item_id = ?1 AND l.status = 'available' AND "
	               "l.qty > 0 AND l.expiry >= ?2 "
	               "ORDER BY l.expiry, l.received, l.id";
	static const char fifo_sql[] =
	    LOT_SELECT "WHERE l.item_id = ?1 AND l.status = 'available' AND "
	               "l.qty > 0 AND l.expiry >= ?2 "
	               "ORDER BY l.received, l.expiry, l.id";
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, fifo ? fifo_sql : fefo_sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("finding lots to use"));
	sqlite3_bind_int64(st, 1, item_id);
	bind_text(st, 2, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lot l;
		db_lot_row_read(st, &l);
		l.qty -= l.reserved;
		if (l.qty <= 0)
			continue;
		int stop = cb(ctx, &l);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("finding lots to use"));
	sqlite3_finalize(st);
	return rc;
}

int db_lot_counter_next(struct store *s, const char *series, int64_t *n)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT INTO lot_counters (series, last) VALUES (?1, 1) "
	                  "ON CONFLICT (series) DO UPDATE SET last = last + 1 RETURNING last");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, series);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = OK;
	} else {
		rc = store_error(s, _("numbering a lot"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_verify_balances(struct store *s,
                       int (*cb)(void *ctx, const char *lot, fixed_t qty, fixed_t sum), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT l.code, l.qty, coalesce(m.total, 0) FROM lots l "
	                       "LEFT JOIN (SELECT lot_id, sum(qty) AS total FROM movements "
	                       "GROUP BY lot_id) m ON m.lot_id = l.id "
	                       "WHERE l.qty <> coalesce(m.total, 0) ORDER BY l.code",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("checking balances"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int stop = cb(ctx, (const char *)sqlite3_column_text(st, 0),
		              sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("checking balances"));
	sqlite3_finalize(st);
	return rc;
}

int db_exception_add(struct store *s, int64_t entry, int64_t lot_id, const char *kind,
                     const char *message)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO exceptions (entry, lot_id, kind, message) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, entry);
	if (lot_id)
		sqlite3_bind_int64(st, 2, lot_id);
	bind_text(st, 3, kind);
	bind_text(st, 4, message);
	return store_step_done(s, st, _("recording an exception"));
}

int64_t db_exception_open_count(struct store *s)
{
	return store_query_int(s, "SELECT count(*) FROM exceptions WHERE resolved_by IS NULL", -1);
}

int64_t db_lots_max_id(struct store *s)
{
	return store_query_int(s, "SELECT coalesce(max(id), 0) FROM lots", 0);
}

int64_t db_lots_count(struct store *s)
{
	return store_query_int(s, "SELECT count(*) FROM lots", 0);
}

void db_lot_indexes_free(struct lot_indexes *saved)
{
	for (int i = 0; i < saved->n; i++)
		free(saved->create[i]);
	free(saved->create);
	free(saved->text_trigger);
	memset(saved, 0, sizeof(*saved));
}

/* The indexes a person wrote (sql not NULL: not those behind UNIQUE or the
 * primary key, which inserts need); their names are quoted by SQLite itself.
 * Kept: those a load of new lots only appends to (the newest stamp; a new lot's
 * movements) or never touches (corrections, production runs), where keeping
 * costs less than a sort of the whole table. */
int db_lot_indexes_drop(struct store *s, struct lot_indexes *saved)
{
	static const char sql[] =
	    "SELECT 'DROP INDEX \"' || replace(name, '\"', '\"\"') || '\"', sql FROM sqlite_master "
	    "WHERE type = 'index' AND tbl_name IN ('lots', 'movements') AND sql IS NOT NULL "
	    "AND name NOT IN ('lots_last', 'movements_lot', 'movements_corrects', 'movements_run') "
	    "ORDER BY name";
	char **drop = NULL;
	int n = 0, cap_drop = 0, cap_create = 0, rc = OK;
	memset(saved, 0, sizeof(*saved));
	sqlite3_stmt *st = store_stmt(s, sql);
	if (!st)
		return ERR_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		GROW(drop, n, cap_drop, 16);
		GROW(saved->create, saved->n, cap_create, 16);
		drop[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
		saved->create[saved->n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if ((st = store_stmt(s, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = "
	                        "'lots_text_insert'")) &&
	    sqlite3_step(st) == SQLITE_ROW) {
		saved->text_trigger = xstrdup((const char *)sqlite3_column_text(st, 0));
		GROW(drop, n, cap_drop, 16);
		drop[n++] = xstrdup("DROP TRIGGER lots_text_insert");
	}
	if (st)
		sqlite3_reset(st);
	saved->last_id = db_lots_max_id(s);
	for (int i = 0; i < n && rc == OK; i++)
		if (sqlite3_exec(s->db, drop[i], NULL, NULL, NULL) != SQLITE_OK)
			rc = store_error(s, _("setting the ledger's indexes aside"));
	for (int i = 0; i < n; i++)
		free(drop[i]);
	free(drop);
	return rc;
}

static int build_step(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(s, _("building the ledger's indexes"));
	return OK;
}

/* The new lots into the text index, with the values its trigger gives each lot,
 * gathered in a 16 MB hash instead of FTS5's 1 MB before each segment is
 * written: fewer segments to merge, a quarter faster. */
static int text_index_new_lots(struct store *s, int64_t last_id)
{
	int rc =
	    build_step(s, "INSERT INTO lots_text (lots_text, rank) VALUES ('hashsize', 16777216)");
	sqlite3_stmt *st = rc ? NULL
	                      : store_stmt(s, "INSERT INTO lots_text (rowid, code, supplier_lot) "
	                                      "SELECT id, code || char(1, 1), supplier_lot || "
	                                      "char(1, 1) FROM lots WHERE id > ?");
	if (!st)
		return rc ? rc : ERR_DB;
	sqlite3_bind_int64(st, 1, last_id);
	if ((rc = store_step_done(s, st, _("building the ledger's indexes"))))
		return rc;
	return build_step(s,
	                  "INSERT INTO lots_text (lots_text, rank) VALUES ('hashsize', 1048576)");
}

int db_lot_indexes_build(struct store *s, struct lot_indexes *saved)
{
	int rc = OK, cache = 0;
	/* Each CREATE INDEX sorts the whole table. SQLite's sorter hands pieces of
	 * a sort to a second thread only when its keys do not fit in its memory,
	 * which follows the page cache, and only with temporary files on disk: a
	 * small cache and file-backed sorting put both cores to work (a tenth
	 * faster on two). Everything is as it was afterwards. */
	sqlite3_stmt *cs = store_stmt(s, "PRAGMA cache_size");
	if (cs && sqlite3_step(cs) == SQLITE_ROW)
		cache = sqlite3_column_int(cs, 0);
	if (cs)
		sqlite3_reset(cs);
	sqlite3_exec(s->db,
	             "PRAGMA temp_store = FILE; PRAGMA threads = 2; PRAGMA cache_size = -8192",
	             NULL, NULL, NULL);
	for (int i = 0; i < saved->n && rc == OK; i++)
		rc = build_step(s, saved->create[i]);
	if (rc == OK && saved->text_trigger && (rc = text_index_new_lots(s, saved->last_id)) == OK)
		rc = build_step(s, saved->text_trigger);
	char sql[96];
	snprintf(sql, sizeof(sql),
	         "PRAGMA temp_store = MEMORY; PRAGMA threads = 0; "
	         "PRAGMA cache_size = %d",
	         cache ? cache : -16000);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	db_lot_indexes_free(saved);
	return rc;
}
