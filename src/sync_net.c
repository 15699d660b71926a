/* ZeroMQ helpers for sync: options with readable errors, one-frame messages,
 * and socket monitors for handshake failures and disconnections. */
#include "sync_net.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zmq.h>

int net_setopt(void *sock, int option, const void *val, size_t len, const char *name)
{
	if (zmq_setsockopt(sock, option, val, len) != 0)
		return error_set(ERR_IO, _("cannot set %s on a ZeroMQ socket: %s"), name,
		                 zmq_strerror(zmq_errno()));
	return OK;
}

int net_setint(void *sock, int option, int val, const char *name)
{
	return net_setopt(sock, option, &val, sizeof(val), name);
}

int net_common(void *sock, int64_t max_frame)
{
	int rc;
	if ((rc = net_setint(sock, ZMQ_LINGER, 0, "ZMQ_LINGER")) ||
	    (rc =
	         net_setopt(sock, ZMQ_MAXMSGSIZE, &max_frame, sizeof(max_frame), "ZMQ_MAXMSGSIZE")))
		return rc;
	return OK;
}

static int send_failed(void)
{
	if (zmq_errno() == EHOSTUNREACH)
		return error_set(ERR_IO, _("it disconnected"));
	return error_set(ERR_IO, _("sending: %s"), zmq_strerror(zmq_errno()));
}

int net_send_frame(void *sock, const void *rid, size_t rid_len, const struct strbuf *frame)
{
	if (rid && zmq_send(sock, rid, rid_len, ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0)
		return send_failed();
	if (zmq_send(sock, frame->buf, frame->len, ZMQ_DONTWAIT) < 0)
		return send_failed();
	return OK;
}

int net_send_msg(void *sock, const void *rid, size_t rid_len, const struct sync_msg *m,
                 struct strbuf *scratch)
{
	sync_encode(m, scratch);
	return net_send_frame(sock, rid, rid_len, scratch);
}

void *net_monitor(void *ctx, void *sock, int events)
{
	static int counter;
	char ep[64];
	snprintf(ep, sizeof(ep), "inproc://lotline-monitor-%p-%d", sock,
	         __sync_add_and_fetch(&counter, 1));
	if (zmq_socket_monitor(sock, ep, events) != 0)
		return NULL;
	void *mon = zmq_socket(ctx, ZMQ_PAIR);
	if (mon && zmq_connect(mon, ep) != 0) {
		zmq_close(mon);
		return NULL;
	}
	return mon;
}

int net_monitor_event(void *mon, int *value)
{
	zmq_msg_t m;
	int event = 0;
	zmq_msg_init(&m);
	if (zmq_msg_recv(&m, mon, ZMQ_DONTWAIT) < 0) {
		zmq_msg_close(&m);
		return 0;
	}
	if (zmq_msg_size(&m) >= 6) {
		const unsigned char *d = zmq_msg_data(&m);
		uint16_t ev;
		uint32_t v;
		memcpy(&ev, d, 2);
		memcpy(&v, d + 2, 4);
		event = ev;
		*value = (int)v;
	}
	/* the second frame (the endpoint) is not needed */
	while (zmq_msg_more(&m)) {
		zmq_msg_close(&m);
		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, mon, ZMQ_DONTWAIT) < 0)
			break;
	}
	zmq_msg_close(&m);
	return event;
}
