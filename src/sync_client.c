/* The terminal's side of sync: connect to the central peer (CURVE), say HELLO
 * with the version vector, send this site's entries the peer lacks and apply
 * what it sends, until both are level (once) or until stopped (follow).
 * Heartbeats notice a dead peer; reconnects back off. */
#include "sync.h"
#include "db/journal.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "sync_core.h"
#include "sync_net.h"

#include <errno.h>
#include <poll.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

#define BACKOFF_MIN_MS     200
#define BACKOFF_MAX_MS     10000
#define REFUSED_BACKOFF_MS 30000
#define TICK_MS            20
#define DEFAULT_TIMEOUT_MS 30000

struct client {
	const struct sync_opts *o;
	struct store *s;
	struct sync_ident id;
	int64_t own_site_no;
	char address[256];
	char server_key[41];
	void *ctx, *sock, *mon;
	int greeted, ever_greeted;
	char server_site[33];
	struct sync_pos *welcome;
	size_t nwelcome;
	struct sync_sender tx;
	int tx_started;
	struct sync_pos *target; /* the last UPTODATE */
	size_t ntarget;
	int have_target;
	int64_t connected_at, last_heard, last_sent, data_version;
	int64_t sent_saved; /* part of st.sent already in sync_state */
	struct sync_status st, shown;
	struct strbuf buf;
	int fatal;     /* a status that ends a once-sync */
	int reconnect; /* tear the connection down and connect again */
	int64_t backoff;
	int64_t timeout;     /* once: give up after this long without progress */
	int64_t progress_at; /* when entries last moved (or the sync started) */
};

static void logf_(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(struct client *c, const char *fmt, ...)
{
	char line[600];
	va_list ap;
	if (!c->o->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	c->o->log(c->o->ctx, line);
}

static void set_error(struct client *c, const char *msg)
{
	strlcpy_(c->st.error, msg, sizeof(c->st.error));
	logf_(c, "%s", msg);
}

/* ---- the peer and its key ---- */

static int resolve_peer(struct client *c)
{
	const struct sync_opts *o = c->o;
	struct peer p;
	int n = 0, rc;
	if ((rc = db_peer_with_address(c->s, o->peer, &p, &n)))
		return rc;
	if (o->peer)
		strlcpy_(c->address, o->peer, sizeof(c->address));
	else if (n == 1)
		strlcpy_(c->address, p.address, sizeof(c->address));
	else if (n == 0)
		return error_set(ERR_INVALID,
		                 _("which peer? Give --peer tcp://HOST:PORT, or enrol the central "
		                   "peer with 'lotline peer enroll KEY SITE CODE --address ADDR'"));
	else
		return error_set(ERR_INVALID, _("several central peers are enrolled: name one "
		                                "with --peer"));
	if (o->insecure)
		return OK;
	if (o->server_key) {
		if (strlen(o->server_key) != 40)
			return error_set(ERR_INVALID,
			                 _("--key: a CURVE public key is 40 characters "
			                   "(Z85), not '%s'"),
			                 o->server_key);
		strlcpy_(c->server_key, o->server_key, sizeof(c->server_key));
	} else if (n >= 1) {
		strlcpy_(c->server_key, p.public_key, sizeof(c->server_key));
	} else {
		return error_set(
		    ERR_INVALID,
		    _("no central peer is enrolled for %s: enrol it with 'lotline peer "
		      "enroll KEY SITE CODE --address %s' (its 'lotline peer key')"),
		    c->address, c->address);
	}
	return OK;
}

/* ---- status ---- */

static void refresh_status(struct client *c)
{
	int64_t head = 0;
	unsigned char h[32];
	struct sync_state ss;
	c->st.exceptions = db_exception_open_count(c->s);
	if (c->own_site_no)
		db_journal_head(c->s, c->own_site_no, &head, h);
	if (c->tx_started) {
		c->st.waiting = head - sync_sender_confirmed(&c->tx, c->own_site_no);
	} else if (c->server_site[0] || db_sync_state_latest(c->s, &ss) == OK) {
		if (c->server_site[0])
			db_sync_state_get(c->s, c->server_site, &ss);
		c->st.waiting = head - ss.peer_has_own;
		if (!c->st.last_sync_ms)
			c->st.last_sync_ms = ss.last_sync_ms;
	}
	if (c->st.waiting < 0)
		c->st.waiting = 0;
	error_clear();
}

static void emit_status(struct client *c)
{
	if (!c->o->on_status)
		return;
	if (!memcmp(&c->st, &c->shown, sizeof(c->st)))
		return;
	c->shown = c->st;
	c->o->on_status(c->o->ctx, &c->st);
}

/* Are both sides level? Then note when, once per change. */
static int check_level(struct client *c)
{
	int covers = 0, level = 0;
	int64_t head = 0;
	unsigned char h[32];
	if (c->greeted && c->have_target &&
	    sync_vector_covers(c->s, c->target, c->ntarget, &covers) == OK && covers) {
		if (c->id.restoring) {
			level = 1;
		} else if (c->tx_started && !c->tx.ninflight && c->tx.at_end &&
		           db_journal_head(c->s, c->own_site_no, &head, h) == OK &&
		           sync_sender_confirmed(&c->tx, c->own_site_no) >= head) {
			level = 1;
		}
	}
	if (level && !c->st.level) {
		c->st.last_sync_ms = sync_wall_ms();
		if (!c->id.restoring && store_begin(c->s) == OK) {
			int rc = db_sync_state_add(
			    c->s, c->server_site, 0, c->st.sent - c->sent_saved,
			    sync_sender_confirmed(&c->tx, c->own_site_no), c->st.last_sync_ms);
			if (rc == OK && store_commit(c->s) == OK)
				c->sent_saved = c->st.sent;
			else
				store_rollback(c->s);
		}
	}
	c->st.level = level;
	error_clear();
	return level;
}

/* ---- connection ---- */

static void disconnect(struct client *c)
{
	if (c->mon)
		zmq_close(c->mon);
	if (c->sock)
		zmq_close(c->sock);
	c->mon = c->sock = NULL;
	c->greeted = 0;
	c->st.online = 0;
	c->st.level = 0;
	c->have_target = 0;
	if (c->tx_started)
		sync_sender_free(&c->tx);
	c->tx_started = 0;
	free(c->welcome);
	c->welcome = NULL;
	c->nwelcome = 0;
}

static int send_msg(struct client *c, const struct sync_msg *m)
{
	int rc = net_send_msg(c->sock, NULL, 0, m, &c->buf);
	if (rc == OK)
		c->last_sent = sync_mono_ms();
	return rc;
}

static int hello(struct client *c)
{
	struct sync_msg m;
	int rc;
	memset(&m, 0, sizeof(m));
	m.type = SYNC_HELLO;
	strlcpy_(m.site_id, c->id.site_id, sizeof(m.site_id));
	m.flags = (c->o->follow ? SYNC_F_FOLLOW : 0) | (c->id.restoring ? SYNC_F_RESTORE : 0);
	if ((rc = sync_vector(c->s, &m.vec, &m.nvec)))
		return rc;
	rc = send_msg(c, &m);
	free(m.vec);
	return rc;
}

static int connect_peer(struct client *c)
{
	int rc;
	c->sock = zmq_socket(c->ctx, ZMQ_DEALER);
	if (!c->sock)
		return error_set(ERR_IO, _("cannot make a ZeroMQ socket: %s"),
		                 zmq_strerror(zmq_errno()));
	if ((rc = net_common(c->sock, SYNC_MAX_FRAME + 1024)))
		return rc;
	if (!c->o->insecure &&
	    ((rc = net_setopt(c->sock, ZMQ_CURVE_SERVERKEY, c->server_key, 41,
	                      "CURVE server key")) ||
	     (rc = net_setopt(c->sock, ZMQ_CURVE_PUBLICKEY, c->id.public_key, 41, "CURVE key")) ||
	     (rc = net_setopt(c->sock, ZMQ_CURVE_SECRETKEY, c->id.secret_key, 41, "CURVE key"))))
		return rc;
	c->mon = net_monitor(c->ctx, c->sock,
	                     ZMQ_EVENT_HANDSHAKE_FAILED_AUTH | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
	                         ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED);
	if (zmq_connect(c->sock, c->address) != 0)
		return error_set(ERR_INVALID, _("cannot connect to '%s': %s"), c->address,
		                 zmq_strerror(zmq_errno()));
	c->connected_at = c->last_heard = sync_mono_ms();
	return hello(c);
}

/* ---- messages ---- */

static int pump(struct client *c)
{
	int rc;
	size_t n;
	int produced;
	if (!c->tx_started)
		return OK;
	for (;;) {
		if ((rc = sync_sender_next(&c->tx, c->s, sync_mono_ms(), &c->buf, &n)))
			return rc;
		if (!n)
			break;
		if ((rc = net_send_frame(c->sock, NULL, 0, &c->buf)))
			return rc;
		c->last_sent = sync_mono_ms();
	}
	if ((rc = sync_sender_uptodate(&c->tx, c->s, &c->buf, &produced)))
		return rc;
	if (produced && (rc = net_send_frame(c->sock, NULL, 0, &c->buf)) == OK)
		c->last_sent = sync_mono_ms();
	return rc;
}

static int start_sender(struct client *c)
{
	int rc;
	if (c->id.restoring || c->tx_started)
		return OK;
	if ((rc = sync_sender_start(&c->tx, c->s, c->own_site_no, c->welcome, c->nwelcome)))
		return rc;
	c->tx_started = 1;
	return pump(c);
}

static int on_welcome(struct client *c, struct sync_msg *m)
{
	if (c->greeted)
		return OK;
	c->greeted = c->ever_greeted = 1;
	c->st.online = 1;
	c->backoff = BACKOFF_MIN_MS;
	c->st.error[0] = '\0';
	strlcpy_(c->server_site, m->site_id, sizeof(c->server_site));
	c->welcome = m->vec;
	c->nwelcome = m->nvec;
	m->vec = NULL;
	m->nvec = 0;
	logf_(c, _("connected to %s"), c->address);
	return start_sender(c);
}

static int on_entries(struct client *c, const struct sync_msg *m)
{
	struct ingest_result r;
	struct sync_msg ack;
	int rc;
	if (!c->greeted)
		return OK;
	if ((rc = sync_ingest(c->s, m, NULL, NULL, c->server_site, &r)))
		return rc;
	memset(&ack, 0, sizeof(ack));
	ack.type = SYNC_ACK;
	ack.batch = m->batch;
	ack.status = r.status;
	ack.count = (uint64_t)r.applied;
	ack.vec = r.vec;
	ack.nvec = r.nvec;
	rc = send_msg(c, &ack);
	c->st.received += r.applied;
	c->st.raised += r.exceptions;
	if (r.applied)
		c->progress_at = sync_mono_ms();
	if (c->tx_started)
		sync_sender_peer_has(&c->tx, c->s, r.vec, r.nvec);
	if (r.status == SYNC_ACK_REFUSED) {
		char msg[600];
		struct sync_msg err;
		snprintf(msg, sizeof(msg), _("an entry from %s was refused here: %s"), c->address,
		         r.reason);
		set_error(c, msg);
		/* the central logs why; a refused entry is not retried until someone acts */
		memset(&err, 0, sizeof(err));
		err.type = SYNC_ERROR;
		err.status = ERR_CONFLICT;
		strlcpy_(err.text, r.reason, sizeof(err.text));
		send_msg(c, &err);
		c->fatal = ERR_CONFLICT;
		c->reconnect = 1;
		c->backoff = REFUSED_BACKOFF_MS;
	}
	ingest_result_free(&r);
	return rc;
}

static int after_restore(struct client *c)
{
	int covers = 0, rc;
	if (!c->id.restoring || !c->have_target)
		return OK;
	if ((rc = sync_vector_covers(c->s, c->target, c->ntarget, &covers)) || !covers)
		return rc;
	if ((rc = sync_finish_restore(c->s, &c->id)))
		return rc;
	c->id.restoring = 0;
	if ((rc = db_site_number(c->s, c->id.site_id, 1, &c->own_site_no)))
		return rc;
	logf_(c, _("restored: site %s has its chain back and may record again"), c->id.site_code);
	return start_sender(c);
}

static int on_message(struct client *c, const void *data, size_t len)
{
	struct sync_msg m;
	int rc = sync_decode(data, len, &m);
	if (rc) {
		char msg[600];
		snprintf(msg, sizeof(msg), _("a malformed message from %s: %s"), c->address,
		         error_msg());
		set_error(c, msg);
		c->reconnect = 1;
		return OK;
	}
	c->last_heard = sync_mono_ms();
	switch (m.type) {
	case SYNC_WELCOME:
		rc = on_welcome(c, &m);
		break;
	case SYNC_ENTRIES:
		rc = on_entries(c, &m);
		if (rc == OK)
			rc = after_restore(c);
		break;
	case SYNC_ACK:
		if (c->tx_started) {
			if (m.status == SYNC_ACK_OK || m.status == SYNC_ACK_GAP)
				c->st.sent += (int64_t)m.count;
			if (m.count)
				c->progress_at = sync_mono_ms();
			rc = sync_sender_ack(&c->tx, c->s, &m);
		}
		break;
	case SYNC_UPTODATE:
		free(c->target);
		c->target = m.vec;
		c->ntarget = m.nvec;
		m.vec = NULL;
		m.nvec = 0;
		c->have_target = 1;
		rc = after_restore(c);
		break;
	case SYNC_PING: {
		struct sync_msg pong;
		memset(&pong, 0, sizeof(pong));
		pong.type = SYNC_PONG;
		pong.time_ms = m.time_ms;
		rc = send_msg(c, &pong);
		break;
	}
	case SYNC_ERROR:
		if (m.status == SYNC_ERR_HELLO) {
			c->reconnect = 1;
			c->backoff = 0;
		} else {
			char msg[600];
			snprintf(msg, sizeof(msg), _("%s refused: %s"), c->address, m.text);
			set_error(c, msg);
			c->fatal = m.status >= ERR_INVALID && m.status <= ERR_CORRUPT
			               ? (int)m.status
			               : ERR_CONFLICT;
			c->reconnect = 1;
			c->backoff = REFUSED_BACKOFF_MS;
		}
		break;
	default:
		break;
	}
	sync_msg_free(&m);
	return rc;
}

static void on_monitor(struct client *c)
{
	int value = 0, ev;
	while ((ev = net_monitor_event(c->mon, &value))) {
		if (ev == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) {
			char msg[400];
			snprintf(msg, sizeof(msg),
			         _("%s refused this store's key (not enrolled there, or revoked): "
			           "enrol it with 'lotline peer enroll' on the central peer"),
			         c->address);
			set_error(c, msg);
			c->fatal = ERR_DENIED;
			c->reconnect = 1;
			c->backoff = REFUSED_BACKOFF_MS;
		} else if (ev == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL) {
			char msg[400];
			snprintf(
			    msg, sizeof(msg),
			    _("the handshake with %s failed (wrong server key, or CURVE on one "
			      "side only)"),
			    c->address);
			set_error(c, msg);
			c->fatal = ERR_DENIED;
			c->reconnect = 1;
		} else if (ev == ZMQ_EVENT_DISCONNECTED && c->greeted) {
			c->reconnect = 1;
		}
	}
}

static void drain_fd(int fd)
{
	char b[64];
	while (read(fd, b, sizeof(b)) > 0)
		;
}

/* One connection, until it dies, the sync is done (once) or it is stopped.
 * Returns OK, or a status that ends the sync. */
static int session(struct client *c, int *done)
{
	int rc;
	*done = 0;
	c->reconnect = 0;
	c->fatal = 0;
	if ((rc = connect_peer(c)))
		return rc;
	while (!*c->o->stop) {
		zmq_pollitem_t items[3] = {{c->sock, 0, ZMQ_POLLIN, 0},
		                           {c->mon, -1, ZMQ_POLLIN, 0},
		                           {NULL, c->o->wake_fd, ZMQ_POLLIN, 0}};
		int nitems = c->o->wake_fd >= 0 ? 3 : 2, activity = 0;
		if (!c->mon)
			items[1].events = 0;
		if (zmq_poll(items, nitems, TICK_MS) < 0 && zmq_errno() != EINTR)
			return error_set(ERR_IO, _("waiting for the network: %s"),
			                 zmq_strerror(zmq_errno()));
		int64_t now = sync_mono_ms();
		for (;;) {
			zmq_msg_t msg;
			zmq_msg_init(&msg);
			if (zmq_msg_recv(&msg, c->sock, ZMQ_DONTWAIT) < 0) {
				zmq_msg_close(&msg);
				break;
			}
			activity = 1;
			rc = zmq_msg_more(&msg)
			         ? OK
			         : on_message(c, zmq_msg_data(&msg), zmq_msg_size(&msg));
			zmq_msg_close(&msg);
			if (rc)
				return rc;
		}
		if (c->mon)
			on_monitor(c);
		if (nitems == 3 && (items[2].revents & ZMQ_POLLIN)) {
			drain_fd(c->o->wake_fd);
			activity = 1;
		}
		/* commits by other connections (the shell, the screens) */
		int64_t v = db_data_version(c->s);
		if (v != c->data_version) {
			c->data_version = v;
			activity = 1;
		}
		rc = c->greeted ? sync_sender_tick(&c->tx, c->s, now) : OK;
		if (rc == OK && activity)
			rc = pump(c);
		if (rc == ERR_IO) {
			set_error(c, error_msg());
			c->reconnect = 1;
		} else if (rc) {
			return rc;
		}
		if (activity) {
			refresh_status(c);
			if (check_level(c) && !c->o->follow) {
				*done = 1;
				emit_status(c);
				return OK;
			}
		}
		emit_status(c);
		if (c->fatal && !c->o->follow)
			return error_set(c->fatal, "%s", c->st.error);
		if (c->reconnect)
			return OK;
		if (c->greeted && now - c->last_sent >= SYNC_PING_MS) {
			struct sync_msg ping;
			memset(&ping, 0, sizeof(ping));
			ping.type = SYNC_PING;
			ping.time_ms = (uint64_t)now;
			send_msg(c, &ping);
		}
		if (now - (c->greeted ? c->last_heard : c->connected_at) > SYNC_DEAD_MS) {
			char msg[300];
			snprintf(msg, sizeof(msg), _("no answer from %s"), c->address);
			set_error(c, msg);
			return OK;
		}
		if (c->timeout && now - c->progress_at > c->timeout)
			return OK;
	}
	return OK;
}

static void wait_backoff(struct client *c, int64_t ms)
{
	int64_t end = sync_mono_ms() + ms;
	while (!*c->o->stop) {
		int64_t left = end - sync_mono_ms();
		if (left <= 0)
			break;
		if (c->o->wake_fd >= 0) {
			struct pollfd p = {c->o->wake_fd, POLLIN, 0};
			/* a local commit does not end the wait (the peer is still away),
			 * but the screens show one more entry waiting */
			if (poll(&p, 1, (int)(left > 200 ? 200 : left)) > 0) {
				drain_fd(c->o->wake_fd);
				refresh_status(c);
				emit_status(c);
			}
		} else {
			usleep((useconds_t)(left > 200 ? 200 : left) * 1000);
		}
	}
}

int sync_client_run(const struct sync_opts *o, struct sync_status *final)
{
	static volatile sig_atomic_t never;
	struct sync_opts opts = *o;
	struct client c;
	int rc, done = 0;
	int64_t start = sync_mono_ms();

	memset(&c, 0, sizeof(c));
	if (!opts.stop)
		opts.stop = &never;
	c.o = &opts;
	if ((rc = store_open(o->db_path, STORE_EXISTING, &c.s)))
		goto out;
	/* a catch-up touches lots all over the store */
	store_set_cache_mb(c.s, SYNC_CACHE_MB);
	if ((rc = sync_identity(c.s, &c.id)) || (rc = resolve_peer(&c)))
		goto out;
	if (!c.id.restoring && (rc = db_site_number(c.s, c.id.site_id, 0, &c.own_site_no)))
		goto out;
	strlcpy_(c.st.peer, c.address, sizeof(c.st.peer));
	if (!o->follow)
		c.timeout = o->timeout_ms > 0 ? o->timeout_ms : DEFAULT_TIMEOUT_MS;
	c.progress_at = start;
	c.ctx = zmq_ctx_new();
	c.backoff = BACKOFF_MIN_MS;
	c.data_version = db_data_version(c.s);
	refresh_status(&c);
	emit_status(&c);
	while (!*opts.stop) {
		rc = session(&c, &done);
		if (rc)
			strlcpy_(c.st.error, error_msg(), sizeof(c.st.error));
		int was_online = c.greeted;
		disconnect(&c);
		refresh_status(&c);
		emit_status(&c);
		if (rc || done)
			break;
		if (*opts.stop)
			break;
		if (c.timeout && sync_mono_ms() - c.progress_at >= c.timeout) {
			if (c.fatal)
				rc = error_set(c.fatal, "%s", c.st.error);
			else if (!c.ever_greeted)
				rc =
				    error_set(ERR_IO,
				              _("%s did not answer within %d s (is 'lotline serve' "
				                "running there, and is the key enrolled here its "
				                "'lotline peer key'?)"),
				              c.address, (int)(c.timeout / 1000));
			else
				rc = error_set(ERR_IO,
				               _("sync with %s made no progress for %d s%s%s"),
				               c.address, (int)(c.timeout / 1000),
				               c.st.error[0] ? ": " : "", c.st.error);
			strlcpy_(c.st.error, error_msg(), sizeof(c.st.error));
			break;
		}
		if (was_online)
			logf_(&c, _("lost %s; trying again"), c.address);
		c.st.reconnects++;
		int64_t wait =
		    c.backoff + (int64_t)randombytes_uniform((uint32_t)(c.backoff / 4 + 1));
		if (c.timeout && sync_mono_ms() + wait > c.progress_at + c.timeout)
			wait = c.progress_at + c.timeout - sync_mono_ms();
		wait_backoff(&c, wait);
		if (c.fatal)
			c.backoff = REFUSED_BACKOFF_MS;
		else if (c.backoff < BACKOFF_MIN_MS)
			c.backoff = BACKOFF_MIN_MS;
		else if ((c.backoff *= 2) > BACKOFF_MAX_MS)
			c.backoff = BACKOFF_MAX_MS;
	}
	if (rc)
		error_set(rc, "%s", c.st.error);
out:
	if (final)
		*final = c.st;
	free(c.target);
	free(c.welcome);
	if (c.ctx) {
		disconnect(&c);
		zmq_ctx_term(c.ctx);
	}
	sb_free(&c.buf);
	if (c.s)
		store_close(c.s);
	if (rc && final && !final->error[0])
		strlcpy_(final->error, error_msg(), sizeof(final->error));
	return rc;
}
