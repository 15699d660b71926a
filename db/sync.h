/* The store's side of sync: enrolled peers, per-site positions (version vector),
 * reading the journal in arrival order for sending, and sync progress. */
#ifndef LOTLINE_DB_SYNC_H
#define LOTLINE_DB_SYNC_H

#include "db/store.h"
#include "src/model.h"

#define PEER_KEY_LEN 40 /* a CURVE key in Z85 */

struct peer {
	int64_t id;
	char public_key[PEER_KEY_LEN + 1];
	char site_id[33];
	char code[8];
	char address[256];
	int64_t enrolled_ms;
	int64_t revoked_ms; /* 0 while enrolled */
};

int db_peer_insert(struct store *s, const struct peer *p);
/* A key, enrolled or revoked (ERR_NOT_FOUND). */
int db_peer_by_key(struct store *s, const char *key, struct peer *out);
/* The live (not revoked) key of a site, or of a site code (ERR_NOT_FOUND). */
int db_peer_by_site(struct store *s, const char *site_id, struct peer *out);
int db_peer_by_code(struct store *s, const char *code, struct peer *out);
/* The live peers with an address (central peers this store syncs with). */
int db_peer_with_address(struct store *s, const char *address, struct peer *out, int *count);
int db_peer_revoke(struct store *s, int64_t id, int64_t now_ms);
int db_peer_each(struct store *s, int include_revoked, int (*cb)(void *ctx, const struct peer *p),
                 void *ctx);
/* The site that announced this code in its site.init entry (ERR_NOT_FOUND). */
int db_site_by_code(struct store *s, const char *code, char site_id[33]);

/* Every site's last sequence number, with its local number. */
int db_sync_vector(struct store *s,
                   int (*cb)(void *ctx, const char *site_id, int64_t site_no, int64_t seq),
                   void *ctx);
/* The hash of entry (site, seq) (ERR_NOT_FOUND). */
int db_journal_hash_at(struct store *s, int64_t site_no, int64_t seq, unsigned char hash[32]);
/* The local id of the first entry of a site after seq (0 when there is none). */
int db_sync_first_after(struct store *s, int64_t site_no, int64_t seq, int64_t *id);
/* Up to limit entries with local id above after_id, in arrival order, of one site
 * (site_no) or all (0). The callback's entry (id set) is valid during the call. */
int db_sync_read(struct store *s, int64_t after_id, int64_t site_no, int limit,
                 int (*cb)(void *ctx, const struct entry *e, int64_t site_no), void *ctx);
int64_t db_journal_max_id(struct store *s);
/* Changes when another connection commits (PRAGMA data_version). */
int64_t db_data_version(struct store *s);

struct sync_state {
	int64_t received, sent;
	int64_t peer_has_own; /* how far the peer has acknowledged this store's chain */
	int64_t last_sync_ms;
};
/* Zeros when this peer never synced. */
int db_sync_state_get(struct store *s, const char *peer_site, struct sync_state *out);
/* Add to the totals; peer_has_own and last_sync_ms only move forward (0 leaves them). */
int db_sync_state_add(struct store *s, const char *peer_site, int64_t received, int64_t sent,
                      int64_t peer_has_own, int64_t last_sync_ms);
/* The newest sync of any peer (0 when none). */
int db_sync_state_latest(struct store *s, struct sync_state *out);

int db_meta_delete(struct store *s, const char *key);

#endif
