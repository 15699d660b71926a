/* Background sync for the screens: a thread with its own store connection that
 * follows the central peer (reconnecting with backoff) while the screens run.
 * The screens read a status snapshot and never wait on the network. */
#ifndef LOTLINE_SYNC_AGENT_H
#define LOTLINE_SYNC_AGENT_H

#include "sync.h"

struct sync_agent;

struct sync_agent_opts {
	const char *db_path;
	const char *peer;       /* NULL: the enrolled central peer */
	const char *server_key; /* NULL: the enrolled one */
	int insecure;
	/* connection changes and refusals, from the agent's thread (NULL: dropped) */
	void (*log)(void *ctx, const char *line);
	void *ctx;
};

/* Start the thread. Fails only when no thread can be made; a sync that cannot
 * start (no central peer enrolled) shows in the status's error. */
int sync_agent_start(const struct sync_agent_opts *o, struct sync_agent **out);
/* A copy of the latest status (online, last sync, entries waiting, exceptions). */
void sync_agent_status(struct sync_agent *a, struct sync_status *out);
/* Tell the agent a local transaction committed, so it sends at once. Never blocks. */
void sync_agent_notify(struct sync_agent *a);
/* Stop the thread, wait for it, and free the agent. */
void sync_agent_stop(struct sync_agent *a);

#endif
