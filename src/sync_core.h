/* What both ends of a sync share, with no sockets: the store's identity and
 * keys, its version vector, the receiver (check and apply a batch in one
 * transaction) and the sender (what the other side lacks, in arrival order,
 * in bounded batches with a window of unacknowledged ones). */
#ifndef LOTLINE_SYNC_CORE_H
#define LOTLINE_SYNC_CORE_H

#include "db/store.h"
#include "sync_proto.h"

/* Batches: at most this many entries or bytes, and this many unacknowledged. */
#define SYNC_BATCH_ENTRIES 4000
#define SYNC_BATCH_BYTES   (4u << 20)
#define SYNC_WINDOW        4
/* The page cache of a sync's own store connection. */
#define SYNC_CACHE_MB 64
/* An unacknowledged batch older than this is taken as lost and sent again. */
#define SYNC_ACK_TIMEOUT_MS 10000
/* Heartbeats: a ping when idle this long; a peer silent this long is dead. */
#define SYNC_PING_MS 1000
#define SYNC_DEAD_MS 4000

struct sync_ident {
	char site_id[33];
	char site_code[8];
	char public_key[41];
	char secret_key[41];
	int restoring; /* made by 'peer restore': the site's chain is still coming back */
};

/* This store's site and CURVE keys (a store in restore has its site under
 * restore_site_id until it has its chain back). */
int sync_identity(struct store *s, struct sync_ident *out);
/* A restoring store that has caught up takes its site id: local entries may
 * then continue its sequence. */
int sync_finish_restore(struct store *s, const struct sync_ident *id);

/* The store's version vector (malloc'd). */
int sync_vector(struct store *s, struct sync_pos **vec, size_t *n);
/* Has the store every entry up to these positions? */
int sync_vector_covers(struct store *s, const struct sync_pos *vec, size_t n, int *covers);

struct ingest_result {
	enum sync_ack status;
	int64_t applied, duplicates, exceptions;
	char reason[512];     /* why a batch was refused */
	struct sync_pos *vec; /* positions of the sites the batch touched, after */
	size_t nvec;
};

/* Check every entry of an ENTRIES batch (hash recomputes, seq is the site's head
 * + 1, prev_hash is the head's hash) and apply it with apply_ingest, all in one
 * transaction that also records the progress for peer_site. Entries already
 * here are skipped (after comparing hashes); a gap stops the batch (status
 * GAP). A forged, foreign (site other than only_site, when given) or
 * inapplicable entry stops it too (status REFUSED, reason set); what came
 * before is kept. Returns non-OK only when the store itself failed. */
int sync_ingest(struct store *s, const struct sync_msg *batch, const char *only_site,
                const char *only_code, const char *peer_site, struct ingest_result *r);
void ingest_result_free(struct ingest_result *r);

struct sync_sender {
	int64_t only_site_no; /* send only this site's entries (0: every site) */
	struct {
		int64_t have;      /* what the peer has, counting what is in flight */
		int64_t confirmed; /* what the peer has acknowledged */
	} * pos;                   /* by local site number */
	size_t npos;
	int64_t cursor; /* local journal id: everything up to it was sent or skipped */
	uint64_t next_batch, epoch;
	struct {
		uint64_t batch, epoch;
		int64_t sent_ms;
	} inflight[SYNC_WINDOW];
	int ninflight;
	int at_end;       /* the last read found nothing more */
	int uptodate_due; /* an UPTODATE is owed since the last batch */
	int refused;      /* the peer refused an entry: stop sending */
	int64_t sent;     /* entries sent (resent ones again) */
	int64_t rewinds;
};

/* Start from the peer's version vector. */
int sync_sender_start(struct sync_sender *t, struct store *s, int64_t only_site_no,
                      const struct sync_pos *vec, size_t n);
void sync_sender_free(struct sync_sender *t);
/* The next ENTRIES frame into out, with *count its entries (0: the window is full
 * or nothing is left, and out is untouched). */
int sync_sender_next(struct sync_sender *t, struct store *s, int64_t now_ms, struct strbuf *out,
                     size_t *count);
/* An UPTODATE frame into out when one is owed (*produced set). */
int sync_sender_uptodate(struct sync_sender *t, struct store *s, struct strbuf *out, int *produced);
/* An ACK from the peer; a gap rewinds to what it confirmed. */
int sync_sender_ack(struct sync_sender *t, struct store *s, const struct sync_msg *ack);
/* Positions the peer received from us by other means (entries it sent us). */
void sync_sender_peer_has(struct sync_sender *t, struct store *s, const struct sync_pos *vec,
                          size_t n);
/* Rewind when the oldest batch in flight waited too long. */
int sync_sender_tick(struct sync_sender *t, struct store *s, int64_t now_ms);
/* How far the peer has confirmed one local site (0 when unknown). */
int64_t sync_sender_confirmed(const struct sync_sender *t, int64_t site_no);

/* Monotonic milliseconds for timers; wall milliseconds for what people read. */
int64_t sync_mono_ms(void);
int64_t sync_wall_ms(void);

#endif
