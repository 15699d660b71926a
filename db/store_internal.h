/* What the files of db/ share: the store structure and statement helpers. */
#ifndef LOTLINE_DB_STORE_INTERNAL_H
#define LOTLINE_DB_STORE_INTERNAL_H

#include "db/store.h"
#include <sqlite3.h>
#include <string.h>

#define STMT_CACHE 128

/* What the memo (db/memo.c) remembers, each by its code. */
enum memo_kind { MEMO_ITEM, MEMO_LOCATION, MEMO_SUPPLIER, MEMO_CUSTOMER, MEMO_SETTING, MEMO_KINDS };
struct memo;

struct store {
	sqlite3 *db;
	char *path;
	int in_tx;
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[STMT_CACHE];
	int ncache;
	int ledger_plan;      /* enum ledger_plan: LP_AUTO but in tests */
	char *ledger_text;    /* the last search text the ledger weighed, */
	int ledger_text_rare; /* and whether it names few lots */
	struct memo *memo;    /* NULL unless store_memo turned it on */
};

/* Whether the memo knows this code; *val is then what was read (NULL: that
 * there is none). */
int memo_get(struct store *s, enum memo_kind k, const char *key, const void **val);
/* Remember a read, val NULL for "not there" (nothing when the memo is off). */
void memo_put(struct store *s, enum memo_kind k, const char *key, const void *val, size_t size);
/* Copy what the memo holds for this code into out: 1 when it held something. */
static inline int memo_copy(struct store *s, enum memo_kind k, const char *key, void *out,
                            size_t size)
{
	const void *val;
	if (!memo_get(s, k, key, &val) || !val)
		return 0;
	memcpy(out, val, size);
	return 1;
}
/* Forget everything: every write to master data calls it. */
void memo_forget(struct store *s);

/* A prepared statement for this SQL text, cached by the text's address (the SQL
 * is always a string literal), reset and with bindings cleared. NULL on error,
 * with the message stored. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);
/* Store the SQLite error of the last call with what was being done; returns ERR_DB
 * (or ERR_CONFLICT for constraint violations). */
int store_error(struct store *s, const char *what);

/* The site id of the entry being applied, for the tie-break of equal clock stamps
 * (the greater site id wins, so every store agrees whatever the arrival order).
 * An entry is applied right after its journal row is inserted: the newest row. */
#define SQL_APPLYING_SITE                                                                          \
	"coalesce((SELECT si.site_id FROM journal j JOIN sites si ON si.id = j.site "              \
	"ORDER BY j.id DESC LIMIT 1), '')"
/* Last writer wins: the SQL that is true when the stamp in column hlc (set by
 * the site in column site) is older than the entry being applied, stamped
 * param, or equal to it with a site id no greater. */
#define SQL_STAMP_OLDER(hlc, site, param)                                                          \
	"(" hlc " < " param " OR (" hlc " = " param " AND " site " <= " SQL_APPLYING_SITE "))"
/* First writer wins (a signature): true when the stamp in column hlc is newer
 * than the entry's, param, or equal to it with a smaller site id. */
#define SQL_STAMP_NEWER(hlc, site, param)                                                          \
	"(" hlc " > " param " OR (" hlc " = " param " AND " site " < " SQL_APPLYING_SITE "))"

/* The first column of the one row a statement without parameters returns (a
 * count, a maximum, a pragma), or none when it cannot be read. */
int64_t store_query_int(struct store *s, const char *sql, int64_t none);

void bind_text(sqlite3_stmt *st, int i, const char *v);
/* Without a copy, for the inserts a bulk load runs for every row: v must stay
 * as it is until the statement has been stepped and reset (store_step_done);
 * store_stmt clears the binding before the statement's next use. */
void bind_text_kept(sqlite3_stmt *st, int i, const char *v);
/* Step a statement that returns no rows, reset it, and say how it went. A
 * macro so that what (a translated message) is only looked up on failure: it
 * runs once per row of a bulk load otherwise. */
#define store_step_done(s, st, what)                                                               \
	(sqlite3_step(st) == SQLITE_DONE ? (sqlite3_reset(st), 0) : store_step_failed(s, st, what))
static inline int store_step_failed(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = store_error(s, what);
	sqlite3_reset(st);
	return rc;
}

/* Bind NULL for an empty string. */
void bind_text_or_null(sqlite3_stmt *st, int i, const char *v);
/* Copy column i into a fixed buffer ("" for NULL). */
void column_copy(sqlite3_stmt *st, int i, char *buf, size_t n);
#define COLUMN_COPY(st, i, arr) column_copy(st, i, arr, sizeof(arr))

#endif
