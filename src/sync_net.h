/* ZeroMQ plumbing the sync client and server share: CURVE set-up, one-frame
 * sends and receives, and the socket monitor. */
#ifndef LOTLINE_SYNC_NET_H
#define LOTLINE_SYNC_NET_H

#include "sync_proto.h"

#include <stddef.h>
#include <stdint.h>

/* Set an option, storing a message naming it on failure. */
int net_setopt(void *sock, int option, const void *val, size_t len, const char *name);
int net_setint(void *sock, int option, int val, const char *name);
/* Common options: no linger, and frames larger than max_frame cut the connection
 * before they are read (libzmq's own limit, which cannot be logged). */
int net_common(void *sock, int64_t max_frame);
/* Encode m and send it as one frame (to a ROUTER peer when rid is given). */
int net_send_msg(void *sock, const void *rid, size_t rid_len, const struct sync_msg *m,
                 struct strbuf *scratch);
int net_send_frame(void *sock, const void *rid, size_t rid_len, const struct strbuf *frame);
/* Watch a socket's connection events on a PAIR socket (returned). */
void *net_monitor(void *ctx, void *sock, int events);
/* Read one monitor event (0 when none). */
int net_monitor_event(void *mon, int *value);

#endif
