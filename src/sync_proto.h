/* The sync wire format: one ZeroMQ frame per message, encoded and decoded here
 * with no sockets and no store, so the decoder (outside input) can be tested and
 * fuzzed alone. contrib/sync-protocol.txt describes the sequence of messages. */
#ifndef LOTLINE_SYNC_PROTO_H
#define LOTLINE_SYNC_PROTO_H

#include "model.h"
#include "util.h"

#include <stddef.h>
#include <stdint.h>

#define SYNC_PROTO_VERSION 1
/* Bounds a peer may never exceed; the decoder refuses anything larger. */
#define SYNC_MAX_FRAME   (16u << 20)
#define SYNC_MAX_ENTRIES 4096
#define SYNC_MAX_SITES   4096
#define SYNC_MAX_PAYLOAD (1u << 20)
#define SYNC_MAX_TEXT    255

enum sync_type {
	SYNC_HELLO = 1,    /* client: who I am, how far I have every site */
	SYNC_WELCOME = 2,  /* server: who I am, how far I have every site */
	SYNC_ENTRIES = 3,  /* a numbered batch of journal entries, in arrival order */
	SYNC_ACK = 4,      /* a batch applied (or not), and where the receiver now is */
	SYNC_UPTODATE = 5, /* the sender had nothing more: the positions it had then */
	SYNC_PING = 6,
	SYNC_PONG = 7,
	SYNC_ERROR = 8, /* a refusal the other side should show, then the session ends */
};

/* HELLO flags */
enum { SYNC_F_FOLLOW = 1, SYNC_F_RESTORE = 2 };

/* ERROR status: lotline's status codes, and this one: the connection has no
 * session (the server restarted or the connection was replaced): say HELLO again. */
#define SYNC_ERR_HELLO 1

/* ACK status */
enum sync_ack {
	SYNC_ACK_OK = 0,
	SYNC_ACK_GAP =
	    1, /* an entry came before the one it follows: send again from the positions */
	SYNC_ACK_REFUSED = 2, /* an entry is forged, of the wrong site or cannot be applied */
};

/* How far a store has one site's chain. */
struct sync_pos {
	char site_id[33];
	int64_t seq;
};

struct sync_msg {
	enum sync_type type;
	char site_id[33]; /* HELLO, WELCOME: the sender's site */
	uint64_t flags;   /* HELLO */
	uint64_t batch;   /* ENTRIES, ACK, UPTODATE: the batch number (per connection) */
	uint64_t status;  /* ACK: enum sync_ack; ERROR: a status code */
	uint64_t count;   /* ACK: entries applied (not counting duplicates) */
	uint64_t time_ms; /* PING, PONG */
	size_t nvec;      /* HELLO, WELCOME, ACK, UPTODATE */
	struct sync_pos *vec;
	size_t nentries; /* ENTRIES; each payload is allocated and NUL-terminated */
	struct entry *entries;
	char text[SYNC_MAX_TEXT + 1]; /* ERROR */
};

/* Encode a message (entries and vector included) as one frame. */
void sync_encode(const struct sync_msg *m, struct strbuf *out);
/* Build an ENTRIES frame incrementally: begin, add each entry, finish with the count. */
void sync_entries_begin(struct strbuf *out, uint64_t batch);
void sync_entries_add(struct strbuf *out, const struct entry *e);
void sync_entries_finish(struct strbuf *out, size_t count);

/* Decode one frame strictly: ERR_INVALID with the reason for anything malformed,
 * truncated, oversized or trailing. On success free with sync_msg_free. */
int sync_decode(const void *buf, size_t len, struct sync_msg *out);
void sync_msg_free(struct sync_msg *m);

const char *sync_type_name(int type);
/* A site id is 32 lowercase hex digits. */
int sync_site_id_ok(const char *s);

#endif
