/* SQL for sync: peers, positions per site, the journal read in arrival order,
 * and sync progress. */
#include "db/sync.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <string.h>

#define PEER_COLUMNS "id, public_key, site_id, code, address, enrolled_ms, coalesce(revoked_ms, 0)"

static void peer_row(sqlite3_stmt *st, struct peer *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, p->public_key);
	COLUMN_COPY(st, 2, p->site_id);
	COLUMN_COPY(st, 3, p->code);
	COLUMN_COPY(st, 4, p->address);
	p->enrolled_ms = sqlite3_column_int64(st, 5);
	p->revoked_ms = sqlite3_column_int64(st, 6);
}

/* One peer from a statement with its parameters bound. */
static int peer_one(struct store *s, sqlite3_stmt *st, struct peer *out, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		peer_row(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("%s is not an enrolled peer"), what);
	} else {
		rc = store_error(s, _("reading peers"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_peer_insert(struct store *s, const struct peer *p)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO peers (public_key, site_id, code, address, "
	                                 "enrolled_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, p->public_key);
	bind_text(st, 2, p->site_id);
	bind_text(st, 3, p->code);
	bind_text(st, 4, p->address);
	sqlite3_bind_int64(st, 5, p->enrolled_ms);
	return store_step_done(s, st, _("enrolling a peer"));
}

int db_peer_by_key(struct store *s, const char *key, struct peer *out)
{
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT " PEER_COLUMNS " FROM peers WHERE public_key = ?1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	return peer_one(s, st, out, key);
}

int db_peer_by_site(struct store *s, const char *site_id, struct peer *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " PEER_COLUMNS
	                                 " FROM peers WHERE site_id = ?1 AND revoked_ms IS NULL");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, site_id);
	return peer_one(s, st, out, site_id);
}

int db_peer_by_code(struct store *s, const char *code, struct peer *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " PEER_COLUMNS
	                                 " FROM peers WHERE code = ?1 AND revoked_ms IS NULL "
	                                 "ORDER BY id LIMIT 1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	return peer_one(s, st, out, code);
}

int db_peer_with_address(struct store *s, const char *address, struct peer *out, int *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " PEER_COLUMNS
	                                 " FROM peers WHERE revoked_ms IS NULL AND address <> '' "
	                                 "AND (?1 IS NULL OR address = ?1) ORDER BY id");
	int rc;
	if (!st)
		return ERR_DB;
	if (address)
		bind_text(st, 1, address);
	*count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!*count)
			peer_row(st, out);
		(*count)++;
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading peers"));
	sqlite3_reset(st);
	return rc;
}

int db_peer_revoke(struct store *s, int64_t id, int64_t now_ms)
{
	sqlite3_stmt *st =
	    store_stmt(s, "UPDATE peers SET revoked_ms = ?2 WHERE id = ?1 AND revoked_ms IS NULL");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now_ms);
	return store_step_done(s, st, _("revoking a peer"));
}

int db_peer_each(struct store *s, int include_revoked, int (*cb)(void *ctx, const struct peer *p),
                 void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " PEER_COLUMNS " FROM peers "
	                                 "WHERE ?1 OR revoked_ms IS NULL ORDER BY code, id");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int(st, 1, include_revoked);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct peer p;
		peer_row(st, &p);
		if ((rc = cb(ctx, &p)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading peers"));
	sqlite3_reset(st);
	return rc;
}

int db_site_by_code(struct store *s, const char *code, char site_id[33])
{
	sqlite3_stmt *st = store_stmt(s, "SELECT site_id FROM sites WHERE code = ?1 LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		column_copy(st, 0, site_id, 33);
		rc = OK;
	} else {
		rc = rc == SQLITE_DONE ? ERR_NOT_FOUND : store_error(s, _("reading sites"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_sync_vector(struct store *s,
                   int (*cb)(void *ctx, const char *site_id, int64_t site_no, int64_t seq),
                   void *ctx)
{
	/* one index lookup per site: a GROUP BY would scan the whole journal */
	sqlite3_stmt *st = store_stmt(
	    s, "SELECT id, site_id, (SELECT max(seq) FROM journal WHERE site = sites.id) AS seq "
	       "FROM sites WHERE seq IS NOT NULL ORDER BY site_id");
	int rc;
	if (!st)
		return ERR_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char site[33];
		COLUMN_COPY(st, 1, site);
		if ((rc =
		         cb(ctx, site, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2)))) {
			sqlite3_reset(st);
			return rc;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading the journal"));
	sqlite3_reset(st);
	return rc;
}

int db_journal_hash_at(struct store *s, int64_t site_no, int64_t seq, unsigned char hash[32])
{
	sqlite3_stmt *st = store_stmt(s, "SELECT hash FROM journal WHERE site = ?1 AND seq = ?2");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, site_no);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 32) {
		memcpy(hash, sqlite3_column_blob(st, 0), 32);
		rc = OK;
	} else {
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW
		         ? ERR_NOT_FOUND
		         : store_error(s, _("reading the journal"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_sync_first_after(struct store *s, int64_t site_no, int64_t seq, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "SELECT id FROM journal WHERE site = ?1 AND seq > ?2 ORDER BY seq LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, site_no);
	sqlite3_bind_int64(st, 2, seq);
	*id = 0;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? OK : store_error(s, _("reading the journal"));
	sqlite3_reset(st);
	return rc;
}

int db_sync_read(struct store *s, int64_t after_id, int64_t site_no, int limit,
                 int (*cb)(void *ctx, const struct entry *e, int64_t site_no), void *ctx)
{
	sqlite3_stmt *st = store_stmt(
	    s, "SELECT j.id, s.site_id, j.seq, j.hlc, j.user, j.terminal, j.kind, j.payload, "
	       "j.prev_hash, j.hash, j.site FROM journal j JOIN sites s ON s.id = j.site "
	       "WHERE j.id > ?1 AND (?2 = 0 OR j.site = ?2) ORDER BY j.id LIMIT ?3");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_int64(st, 2, site_no);
	sqlite3_bind_int(st, 3, limit);
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
		if ((rc = cb(ctx, &e, sqlite3_column_int64(st, 10)))) {
			sqlite3_reset(st);
			return rc;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading the journal"));
	sqlite3_reset(st);
	return rc;
}

int64_t db_journal_max_id(struct store *s)
{
	return store_query_int(s, "SELECT coalesce(max(id), 0) FROM journal", -1);
}

int64_t db_data_version(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version");
	int64_t v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

int db_sync_state_get(struct store *s, const char *peer_site, struct sync_state *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT received, sent, peer_has_own, last_sync_ms "
	                                 "FROM sync_state WHERE peer_site = ?1");
	int rc;
	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, peer_site);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->received = sqlite3_column_int64(st, 0);
		out->sent = sqlite3_column_int64(st, 1);
		out->peer_has_own = sqlite3_column_int64(st, 2);
		out->last_sync_ms = sqlite3_column_int64(st, 3);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? OK : store_error(s, _("reading sync state"));
	sqlite3_reset(st);
	return rc;
}

int db_sync_state_add(struct store *s, const char *peer_site, int64_t received, int64_t sent,
                      int64_t peer_has_own, int64_t last_sync_ms)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO sync_state (peer_site, received, sent, peer_has_own, last_sync_ms) "
	       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (peer_site) DO UPDATE SET "
	       "received = received + excluded.received, sent = sent + excluded.sent, "
	       "peer_has_own = max(peer_has_own, excluded.peer_has_own), "
	       "last_sync_ms = max(last_sync_ms, excluded.last_sync_ms)");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, peer_site);
	sqlite3_bind_int64(st, 2, received);
	sqlite3_bind_int64(st, 3, sent);
	sqlite3_bind_int64(st, 4, peer_has_own);
	sqlite3_bind_int64(st, 5, last_sync_ms);
	return store_step_done(s, st, _("recording sync progress"));
}

int db_sync_state_latest(struct store *s, struct sync_state *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT received, sent, peer_has_own, last_sync_ms "
	                                 "FROM sync_state ORDER BY last_sync_ms DESC LIMIT 1");
	int rc;
	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_DB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->received = sqlite3_column_int64(st, 0);
		out->sent = sqlite3_column_int64(st, 1);
		out->peer_has_own = sqlite3_column_int64(st, 2);
		out->last_sync_ms = sqlite3_column_int64(st, 3);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? OK : store_error(s, _("reading sync state"));
	sqlite3_reset(st);
	return rc;
}

int db_meta_delete(struct store *s, const char *key)
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM meta WHERE key = ?1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	return store_step_done(s, st, _("writing store metadata"));
}
