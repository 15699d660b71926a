/* Opening the store: pragmas for durability and concurrency, migrations in order,
 * the statement cache, and transactions. */
#include "db/store_internal.h"
#include "db/migrations.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Several people on one store (SSH sessions, scanners) must never see "database
 * is locked" in normal use: writers wait this long for each other. */
#define BUSY_TIMEOUT_MS 15000

int store_error(struct store *s, const char *what)
{
	int ext = sqlite3_extended_errcode(s->db);
	int code = (ext & 0xff) == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_DB;
	if ((ext & 0xff) == SQLITE_BUSY)
		return error_set(ERR_DB,
		                 _("%s: the store is busy (another writer held it for %d s)"), what,
		                 BUSY_TIMEOUT_MS / 1000);
	return error_set(code, "%s: %s", what, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_stmt(struct store *s, const char *sql)
{
	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_stmt *st = s->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_error(s, _("preparing a query"));
		return NULL;
	}
	if (s->ncache < STMT_CACHE) {
		s->cache[s->ncache].sql = sql;
		s->cache[s->ncache].stmt = st;
		s->ncache++;
	} else {
		die("statement cache full: raise STMT_CACHE");
	}
	return st;
}

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT);
}

void bind_text_kept(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void column_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	strlcpy_(buf, t ? (const char *)t : "", n);
}

static int exec(struct store *s, const char *sql, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(s, what);
	return OK;
}

int64_t store_query_int(struct store *s, const char *sql, int64_t none)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	int64_t v = none;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

int store_schema_version(struct store *s)
{
	return (int)store_query_int(s, "PRAGMA user_version", -1);
}

static int migrate(struct store *s)
{
	int version = store_schema_version(s), rc = OK;
	if (version < 0)
		return ERR_DB;
	if (version > db_migration_count)
		return error_set(ERR_DB,
		                 _("the store %s has schema version %d, newer than this lotline "
		                   "knows (%d): upgrade lotline"),
		                 s->path, version, db_migration_count);
	if (version == db_migration_count)
		return OK;
	if ((rc = exec(s, "BEGIN IMMEDIATE", _("starting the migration"))))
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	version = store_schema_version(s);
	for (int v = version; v < db_migration_count && rc == OK; v++) {
		char pragma[64];
		rc = exec(s, db_migrations[v], _("migrating the store"));
		if (rc == OK) {
			snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
			rc = exec(s, pragma, _("migrating the store"));
		}
	}
	if (rc == OK)
		rc = exec(s, "COMMIT", _("finishing the migration"));
	else
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int store_open(const char *path, int flags, struct store **out)
{
	static int configured;
	struct stat stbuf;
	int rc;
	int oflags = SQLITE_OPEN_NOMUTEX;
	int memory = str_has_prefix(path, "file:");

	*out = NULL;
	if (!configured) {
		/* memory statistics cost a mutex on every allocation; lotline reads none */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = 1;
	}
	if (memory)
		oflags |= SQLITE_OPEN_URI;
	else if (stat(path, &stbuf) != 0 && !(flags & STORE_CREATE))
		return error_set(ERR_NOT_FOUND,
		                 _("no store at %s: create one with 'lotline init' or "
		                   "'lotline demo', or name it with --db"),
		                 path);
	oflags |= (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY
	                                   : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	struct store *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		rc = error_set(ERR_DB, _("cannot open the store %s: %s"), path,
		               s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return rc;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	/* WAL lets readers work while one writer commits; synchronous=FULL makes a
	 * committed movement survive a power cut, not only a crash. */
	if (!(flags & STORE_READONLY) &&
	    (rc = exec(s, "PRAGMA journal_mode=WAL", _("setting up the store")))) {
		store_close(s);
		return rc;
	}
	if ((rc = exec(s,
	               "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
	               "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000",
	               _("setting up the store")))) {
		store_close(s);
		return rc;
	}
	if (!(flags & STORE_READONLY) && (rc = migrate(s))) {
		store_close(s);
		return rc;
	}
	*out = s;
	return OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].stmt);
	if (s->db)
		sqlite3_close(s->db);
	free(s->path);
	free(s->ledger_text);
	store_memo(s, 0);
	free(s);
}

const char *store_path(const struct store *s)
{
	return s->path;
}

int store_begin(struct store *s)
{
	int rc = exec(s, "BEGIN IMMEDIATE", _("starting a transaction"));
	if (rc == OK)
		s->in_tx = 1;
	return rc;
}

int store_commit(struct store *s)
{
	int rc = exec(s, "COMMIT", _("committing"));
	if (rc != OK)
		store_rollback(s);
	s->in_tx = 0;
	memo_forget(s);
	return rc;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
	memo_forget(s);
}

int store_in_transaction(const struct store *s)
{
	return s->in_tx;
}

int store_meta_get(struct store *s, const char *key, char *buf, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT value FROM meta WHERE key = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		column_copy(st, 0, buf, n);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("the store has no '%s'"), key);
	} else {
		rc = store_error(s, _("reading store metadata"));
	}
	sqlite3_reset(st);
	return rc;
}

int store_meta_set(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
	                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	int rc = OK;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_error(s, _("writing store metadata"));
	sqlite3_reset(st);
	return rc;
}

int store_bulk(struct store *s, int on)
{
	if (on)
		/* checkpoints now and then (every 256 MB of log), not at every
		 * commit: with none at all the log of a million-lot load grew to
		 * tens of gigabytes */
		return exec(s, "PRAGMA synchronous=OFF; PRAGMA wal_autocheckpoint=65536",
		            _("preparing a bulk load"));
	return exec(s,
	            "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous=FULL; "
	            "PRAGMA wal_autocheckpoint=1000",
	            _("finishing a bulk load"));
}

/* the text of PRAGMA journal_mode's answer */
static int journal_mode(struct store *s, const char *sql, char *mode, size_t n)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		column_copy(st, 0, mode, n);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int store_alone(struct store *s, int *alone)
{
	char mode[16] = "";
	*alone = 0;
	/* another connection is open: asking again would only wait for it */
	sqlite3_busy_timeout(s->db, 0);
	int rc = journal_mode(s, "PRAGMA journal_mode=DELETE", mode, sizeof(mode));
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if ((rc & 0xff) == SQLITE_BUSY || (rc == SQLITE_OK && strcmp(mode, "delete")))
		return OK;
	if (rc != SQLITE_OK)
		return store_error(s, _("taking the store for a bulk load"));
	if ((rc =
	         exec(s, "PRAGMA locking_mode=EXCLUSIVE", _("taking the store for a bulk load")))) {
		store_alone_end(s);
		return rc;
	}
	*alone = 1;
	return OK;
}

int store_alone_end(struct store *s)
{
	char mode[16] = "";
	/* NORMAL takes effect at the next access, which the switch to WAL is */
	int rc = exec(s, "PRAGMA locking_mode=NORMAL", _("giving the store back"));
	if (rc == OK && journal_mode(s, "PRAGMA journal_mode=WAL", mode, sizeof(mode)) != SQLITE_OK)
		rc = store_error(s, _("giving the store back"));
	return rc;
}

int store_set_cache_mb(struct store *s, int mb)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA cache_size=%d", -mb * 1024);
	return exec(s, sql, _("setting the cache size"));
}

int64_t store_size_bytes(struct store *s)
{
	struct stat st;
	int64_t total = 0;
	char *wal = xasprintf("%s-wal", s->path);
	if (stat(s->path, &st) == 0)
		total += st.st_size;
	if (stat(wal, &st) == 0)
		total += st.st_size;
	free(wal);
	return total;
}
