/* SQL for the journal table and the sites it names. */
#include "db/journal.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"

#include <string.h>

int db_site_number(struct store *s, const char *site_id, int create, int64_t *site_no)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM sites WHERE site_id = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, site_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*site_no = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading sites"));
	if (!create)
		return error_set(ERR_NOT_FOUND, _("unknown site %s"), site_id);
	st = store_stmt(s, "INSERT INTO sites (site_id) VALUES (?1)");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, site_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_error(s, _("adding a site"));
	*site_no = sqlite3_last_insert_rowid(s->db);
	sqlite3_reset(st);
	return OK;
}

int db_site_set_code(struct store *s, const char *site_id, const char *code)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE sites SET code = ?2 WHERE site_id = ?1");
	int rc = OK;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, site_id);
	bind_text(st, 2, code);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_error(s, _("naming a site"));
	sqlite3_reset(st);
	return rc;
}

int db_journal_head(struct store *s, int64_t site_no, int64_t *seq, unsigned char hash[32])
{
	sqlite3_stmt *st = store_stmt(
	    s, "SELECT seq, hash FROM journal WHERE site = ?1 ORDER BY seq DESC LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, site_no);
	*seq = 0;
	memset(hash, 0, 32);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == 32)
			memcpy(hash, sqlite3_column_blob(st, 1), 32);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = OK;
	} else {
		rc = store_error(s, _("reading the journal"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_journal_max_hlc(struct store *s, hlc_t *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT max(hlc) FROM journal");
	int rc = OK;
	if (!st)
		return ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = (hlc_t)sqlite3_column_int64(st, 0);
	else
		rc = store_error(s, _("reading the journal"));
	sqlite3_reset(st);
	return rc;
}

int db_journal_insert(struct store *s, int64_t site_no, struct entry *e)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT INTO journal (site, seq, hlc, user, terminal, kind, payload, "
	                  "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	int rc = OK;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, site_no);
	sqlite3_bind_int64(st, 2, e->seq);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)e->hlc);
	bind_text_kept(st, 4, e->user);
	bind_text_kept(st, 5, e->terminal);
	bind_text_kept(st, 6, e->kind);
	bind_text_kept(st, 7, e->payload);
	sqlite3_bind_blob(st, 8, e->prev_hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(st, 9, e->hash, 32, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_error(s, _("appending to the journal"));
	else
		e->id = sqlite3_last_insert_rowid(s->db);
	sqlite3_reset(st);
	return rc;
}

int db_journal_each(struct store *s, int by_arrival, int (*cb)(void *ctx, const struct entry *e),
                    void *ctx)
{
	static const char by_site[] =
	    "SELECT j.id, s.site_id, j.seq, j.hlc, j.user, j.terminal, j.kind, j.payload, "
	    "j.prev_hash, j.hash FROM journal j JOIN sites s ON s.id = j.site "
	    "ORDER BY s.site_id, j.seq";
	static const char by_id[] =
	    "SELECT j.id, s.site_id, j.seq, j.hlc, j.user, j.terminal, j.kind, j.payload, "
	    "j.prev_hash, j.hash FROM journal j JOIN sites s ON s.id = j.site ORDER BY j.id";
	sqlite3_stmt *st = NULL;
	int rc;

	/* Not cached: the callback may use cached statements while this one runs. */
	if (sqlite3_prepare_v2(s->db, by_arrival ? by_id : by_site, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the journal"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entry e;
		memset(&e, 0, sizeof(e));
		e.id = sqlite3_column_int64(st, 0);
		COLUMN_COPY(st, 1, e.site_id);
		e.seq = sqlite3_column_int64(st, 2);
		e.hlc = (hlc_t)sqlite3_column_int64(st, 3);
		COLUMN_COPY(st, 4, e.user);
		COLUMN_COPY(st, 5, e.terminal);
		COLUMN_COPY(st, 6, e.kind);
		e.payload = (char *)sqlite3_column_text(st, 7);
		if (sqlite3_column_bytes(st, 8) == 32)
			memcpy(e.prev_hash, sqlite3_column_blob(st, 8), 32);
		if (sqlite3_column_bytes(st, 9) == 32)
			memcpy(e.hash, sqlite3_column_blob(st, 9), 32);
		int stop = cb(ctx, &e);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	if (rc != SQLITE_DONE)
		rc = store_error(s, _("reading the journal"));
	else
		rc = OK;
	sqlite3_finalize(st);
	return rc;
}

int64_t db_journal_count(struct store *s)
{
	return store_query_int(s, "SELECT count(*) FROM journal", -1);
}
