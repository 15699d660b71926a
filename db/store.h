/* The SQLite store: opening (with migrations), transactions, and small metadata.
 * Only files in db/ include sqlite3.h; everything else sees this interface. */
#ifndef LOTLINE_DB_STORE_H
#define LOTLINE_DB_STORE_H

#include <stddef.h>
#include <stdint.h>

struct store;

enum store_flags {
	STORE_EXISTING = 0, /* refuse to create a new file */
	STORE_CREATE = 1,
	STORE_READONLY = 2,
};

int store_open(const char *path, int flags, struct store **out);
void store_close(struct store *s);
const char *store_path(const struct store *s);

/* One user action is one BEGIN IMMEDIATE ... COMMIT. */
int store_begin(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s);
int store_in_transaction(const struct store *s);

/* Metadata (site id, site code, ...). ERR_NOT_FOUND when absent. */
int store_meta_get(struct store *s, const char *key, char *buf, size_t n);
int store_meta_set(struct store *s, const char *key, const char *value);
/* The schema version in PRAGMA user_version. */
int store_schema_version(struct store *s);
/* Bulk mode for building a store from nothing (benchmark generator): commits
 * skip fsync and the WAL is checkpointed every 256 MB, not at every commit.
 * Never for live data. */
int store_bulk(struct store *s, int on);
/* A load that writes a large part of the store (a big file of opening lots)
 * takes the store for itself when no other connection has it open: a rollback
 * journal instead of the WAL, so every page is written once, not once to the
 * log and again at the checkpoint, with the lock held to the end. *alone is 1
 * when it did, 0 when others have the store open (the load then runs in WAL
 * beside them). store_alone_end puts the WAL and shared locking back. Both
 * outside a transaction. */
int store_alone(struct store *s, int *alone);
int store_alone_end(struct store *s);
/* A larger page cache for bulk writers (imports, generators, catch-up sync). */
int store_set_cache_mb(struct store *s, int mb);
/* While on, items, locations, suppliers, customers and settings read by code
 * are remembered until any of them is written or the memo is turned off or the
 * transaction ends: for loads that read the same few for every row. */
void store_memo(struct store *s, int on);
/* Bytes the store takes on disk (database and WAL). */
int64_t store_size_bytes(struct store *s);

#endif
