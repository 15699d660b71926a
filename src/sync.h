/* Sync over ZeroMQ: a terminal brings its store level with a central peer
 * (once, or following until stopped), and a central peer serves terminals.
 * Enrolment of peers (CURVE keys) lives here too. Services never print: the
 * server's refusals and the client's connection changes go to a log callback. */
#ifndef LOTLINE_SYNC_H
#define LOTLINE_SYNC_H

#include "db/sync.h"
#include "session.h"

#include <signal.h>
#include <stdint.h>

/* A snapshot of a sync's state, for a summary or a status line. */
struct sync_status {
	int online;           /* handshake done, peer heard from recently */
	int level;            /* both sides had everything at the last check */
	int64_t last_sync_ms; /* wall time both sides were last level (0: never) */
	int64_t waiting;      /* entries of this store the peer has not acknowledged */
	int64_t exceptions;   /* open exceptions in this store */
	int64_t sent;         /* entries the peer applied from us, this run */
	int64_t received;     /* entries applied here, this run */
	int64_t raised;       /* exceptions raised here by received entries, this run */
	int64_t reconnects;
	int stopped; /* the sync ended (agent: it will not try again; see error) */
	char peer[256];
	char error[256]; /* the last problem, "" when none */
};

struct sync_opts {
	const char *db_path;
	const char *peer;       /* tcp://HOST:PORT; NULL: the enrolled central peer's address */
	const char *server_key; /* Z85; NULL: the key enrolled for that address */
	int insecure;           /* plain TCP without CURVE (tests only) */
	int follow;             /* keep syncing until stopped */
	int timeout_ms;         /* once: give up after this long without getting level */
	volatile sig_atomic_t *stop; /* set (and wake_fd made readable) to stop */
	int wake_fd;                 /* readable after a local commit; -1 when none */
	/* called on every change of the status (from the sync's own thread) */
	void (*on_status)(void *ctx, const struct sync_status *st);
	void (*log)(void *ctx, const char *line);
	void *ctx;
};

/* Sync a terminal's store with its central peer. Once: returns when both sides
 * have everything (OK) or on failure (ERR_IO unreachable or cut, ERR_DENIED key
 * refused, ERR_CONFLICT an entry refused); follow: returns when stopped. final
 * (if given) holds the last status. */
int sync_client_run(const struct sync_opts *o, struct sync_status *final);

struct serve_opts {
	const char *db_path;
	const char *listen; /* tcp://ADDR:PORT */
	int insecure;
	volatile sig_atomic_t *stop;
	void (*log)(void *ctx, const char *line);
	/* called once the socket is bound (tests wait for it) */
	void (*on_ready)(void *ctx, const char *endpoint);
	void *ctx;
};

/* Serve terminals until stopped. Malformed, oversized, forged or foreign
 * messages are refused and logged; the others go on being served. */
int sync_serve(const struct serve_opts *o);

/* ---- enrolment (the command line's 'lotline peer') ---- */

/* This store's public key, site id and site code. */
int peer_self(struct session *s, char key[41], char site_id[33], char code[8]);
/* Enrol a peer: a terminal on a central peer (address ""), or the central peer
 * on a terminal (with its address). A site enrolled before gets the new key
 * (its old one is revoked: a terminal after a disk swap); a site code another
 * site uses is refused, so that lot codes stay unique. */
int peer_enroll(struct session *s, const char *key, const char *site_id, const char *code,
                const char *address);
/* Revoke by key, site id or site code. */
int peer_revoke(struct session *s, const char *which, struct peer *revoked);
int peer_each(struct session *s, int include_revoked, int (*cb)(void *ctx, const struct peer *p),
              void *ctx);
/* A new empty store for a terminal whose disk was replaced: its site id and code,
 * a new key pair, no entries; the first sync brings its own chain back from the
 * central peer, and only then does it take the site (and record again). */
int peer_restore(const char *path, const char *site_id, const char *code, char key_out[41]);
/* Does this terminal have a central peer to sync with (one enrolled with an
 * address)? The screens start their background sync only then. */
int sync_central_enrolled(struct session *s);
/* The sync state of this store for the status line, read from the store only. */
int sync_status_read(struct store *s, struct sync_status *st);

#endif
