/* The central peer: one ROUTER socket (CURVE server) for every terminal, a ZAP
 * handler that admits only enrolled keys and names each connection's site, and
 * one session per connection with its own sender. Everything runs in one
 * thread on one store connection; a bad message costs its sender the session
 * and a log line, never the others their service. */
#include "sync.h"
#include "db/sync.h"
#include "error.h"
#include "i18n.h"
#include "sync_core.h"
#include "sync_net.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#define TICK_MS         20
#define SESSION_IDLE_MS (SYNC_DEAD_MS * 3)
#define RID_MAX         256

struct sess {
	unsigned char rid[RID_MAX];
	size_t rid_len;
	char site_id[33];
	char code[8];
	char addr[64];
	int greeted, follow;
	struct sync_sender tx;
	int64_t last_heard;
	int64_t received;
};

struct server {
	const struct serve_opts *o;
	struct store *s;
	struct sync_ident id;
	void *ctx, *router, *zap;
	struct sess **v;
	size_t n, cap;
	struct strbuf buf;
	int64_t data_version;
};

static void logf_(struct server *sv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(struct server *sv, const char *fmt, ...)
{
	char line[800];
	va_list ap;
	if (!sv->o->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	sv->o->log(sv->o->ctx, line);
}

/* "T (site 0123abcd…, 127.0.0.1)" for log lines */
static const char *who(const struct sess *x, char *buf, size_t n)
{
	if (x->site_id[0])
		snprintf(buf, n, "%s (site %.8s, %s)", x->code[0] ? x->code : "?", x->site_id,
		         x->addr);
	else
		snprintf(buf, n, "%s", x->addr);
	return buf;
}

/* ---- sessions ---- */

static struct sess *find(struct server *sv, const void *rid, size_t len)
{
	for (size_t i = 0; i < sv->n; i++)
		if (sv->v[i]->rid_len == len && !memcmp(sv->v[i]->rid, rid, len))
			return sv->v[i];
	return NULL;
}

static struct sess *add(struct server *sv, const void *rid, size_t len)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	struct sess *x = xcalloc(1, sizeof(*x));
	memcpy(x->rid, rid, len);
	x->rid_len = len;
	x->last_heard = sync_mono_ms();
	sv->v[sv->n++] = x;
	return x;
}

static void drop(struct server *sv, struct sess *x)
{
	for (size_t i = 0; i < sv->n; i++) {
		if (sv->v[i] == x) {
			sv->v[i] = sv->v[--sv->n];
			break;
		}
	}
	if (x->greeted)
		sync_sender_free(&x->tx);
	free(x);
}

static int send_to(struct server *sv, struct sess *x, const struct sync_msg *m)
{
	return net_send_msg(sv->router, x->rid, x->rid_len, m, &sv->buf);
}

static void send_error(struct server *sv, const void *rid, size_t len, int code, const char *text)
{
	struct sync_msg m;
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ERROR;
	m.status = (uint64_t)code;
	strlcpy_(m.text, text, sizeof(m.text));
	net_send_msg(sv->router, rid, len, &m, &sv->buf);
}

/* Refuse: log, tell the peer why, and forget its session. */
static void refuse(struct server *sv, struct sess *x, int code, const char *why)
{
	char w[200];
	logf_(sv, _("refused %s: %s"), who(x, w, sizeof(w)), why);
	send_error(sv, x->rid, x->rid_len, code, why);
	drop(sv, x);
}

/* Send what this session's peer lacks, as far as its window allows. */
static int pump(struct server *sv, struct sess *x)
{
	size_t n;
	int produced, rc;
	if (!x->greeted)
		return OK;
	for (;;) {
		if ((rc = sync_sender_next(&x->tx, sv->s, sync_mono_ms(), &sv->buf, &n)) || !n)
			break;
		if ((rc = net_send_frame(sv->router, x->rid, x->rid_len, &sv->buf)))
			return rc;
	}
	if (rc)
		return rc;
	if ((rc = sync_sender_uptodate(&x->tx, sv->s, &sv->buf, &produced)) == OK && produced)
		rc = net_send_frame(sv->router, x->rid, x->rid_len, &sv->buf);
	return rc;
}

static void pump_all(struct server *sv)
{
	for (size_t i = 0; i < sv->n; i++) {
		struct sess *x = sv->v[i];
		if (pump(sv, x)) {
			char w[200];
			logf_(sv, _("closed the session of %s: %s"), who(x, w, sizeof(w)),
			      error_msg());
			drop(sv, x);
			i--;
		}
	}
}

/* ---- messages ---- */

static void on_hello(struct server *sv, struct sess *x, const char *user_id, struct sync_msg *m)
{
	struct peer p;
	struct sync_msg w;
	char why[300];
	int rc;
	if (x->greeted) {
		refuse(sv, x, ERR_INVALID, _("a second HELLO on one connection"));
		return;
	}
	if (!sv->o->insecure) {
		/* the ZAP handler named the connection's site; a peer may not claim another */
		if (!user_id || strcmp(user_id, m->site_id)) {
			snprintf(why, sizeof(why),
			         _("claims site %s but its key is enrolled for %s"), m->site_id,
			         user_id ? user_id : "?");
			refuse(sv, x, ERR_DENIED, why);
			return;
		}
		if ((rc = db_peer_by_site(sv->s, m->site_id, &p))) {
			refuse(sv, x, ERR_DENIED, _("its key was revoked"));
			return;
		}
		strlcpy_(x->code, p.code, sizeof(x->code));
	}
	if (!strcmp(m->site_id, sv->id.site_id)) {
		refuse(sv, x, ERR_CONFLICT, _("it has this store's own site id"));
		return;
	}
	strlcpy_(x->site_id, m->site_id, sizeof(x->site_id));
	x->follow = (m->flags & SYNC_F_FOLLOW) != 0;
	if ((rc = sync_sender_start(&x->tx, sv->s, 0, m->vec, m->nvec))) {
		refuse(sv, x, ERR_DB, error_msg());
		return;
	}
	x->greeted = 1;
	memset(&w, 0, sizeof(w));
	w.type = SYNC_WELCOME;
	strlcpy_(w.site_id, sv->id.site_id, sizeof(w.site_id));
	if ((rc = sync_vector(sv->s, &w.vec, &w.nvec)) == OK) {
		rc = send_to(sv, x, &w);
		free(w.vec);
	}
	char wb[200];
	logf_(sv, _("%s connected%s%s"), who(x, wb, sizeof(wb)), x->follow ? _(", following") : "",
	      (m->flags & SYNC_F_RESTORE) ? _(", restoring its store") : "");
	if (rc == OK)
		rc = pump(sv, x);
	if (rc)
		drop(sv, x);
}

static void on_entries(struct server *sv, struct sess *x, const struct sync_msg *m)
{
	struct ingest_result r;
	struct sync_msg ack;
	struct peer p;
	int rc;
	if (!sv->o->insecure && db_peer_by_site(sv->s, x->site_id, &p)) {
		refuse(sv, x, ERR_DENIED, _("its key was revoked"));
		return;
	}
	if ((rc = sync_ingest(sv->s, m, x->site_id, sv->o->insecure ? NULL : x->code, x->site_id,
	                      &r))) {
		/* the store failed, not the peer: it will send again */
		char w[200];
		logf_(sv, _("could not store a batch from %s: %s"), who(x, w, sizeof(w)),
		      error_msg());
		memset(&r, 0, sizeof(r));
		r.status = SYNC_ACK_GAP;
	}
	memset(&ack, 0, sizeof(ack));
	ack.type = SYNC_ACK;
	ack.batch = m->batch;
	ack.status = r.status;
	ack.count = (uint64_t)r.applied;
	ack.vec = r.vec;
	ack.nvec = r.nvec;
	send_to(sv, x, &ack);
	x->received += r.applied;
	sync_sender_peer_has(&x->tx, sv->s, r.vec, r.nvec);
	if (r.status == SYNC_ACK_REFUSED) {
		char why[600];
		snprintf(why, sizeof(why), _("entry refused: %s"), r.reason);
		ingest_result_free(&r);
		refuse(sv, x, ERR_CONFLICT, why);
		return;
	}
	if (r.exceptions) {
		char w[200];
		logf_(sv, _("%lld exception(s) raised by entries from %s"), (long long)r.exceptions,
		      who(x, w, sizeof(w)));
	}
	int applied = r.applied > 0;
	ingest_result_free(&r);
	/* the others see the new entries at once */
	if (applied)
		pump_all(sv);
}

static void on_frame(struct server *sv, const void *rid, size_t rid_len, zmq_msg_t *body)
{
	struct sync_msg m;
	struct sess *x = find(sv, rid, rid_len);
	const char *user_id = zmq_msg_gets(body, "User-Id");
	const char *addr = zmq_msg_gets(body, "Peer-Address");
	int fresh = 0;
	if (!x) {
		x = add(sv, rid, rid_len);
		strlcpy_(x->addr, addr ? addr : "?", sizeof(x->addr));
		if (user_id && !sv->o->insecure)
			strlcpy_(x->site_id, user_id, sizeof(x->site_id));
		fresh = 1;
	}
	x->last_heard = sync_mono_ms();
	if (sync_decode(zmq_msg_data(body), zmq_msg_size(body), &m)) {
		refuse(sv, x, ERR_INVALID, error_msg());
		return;
	}
	if (m.type != SYNC_HELLO && !x->greeted) {
		if (fresh) {
			/* a connection that lost its session (server restart, reconnect) */
			send_error(sv, rid, rid_len, SYNC_ERR_HELLO, _("no session: say HELLO"));
			drop(sv, x);
		} else {
			refuse(sv, x, ERR_INVALID, _("a message before HELLO"));
		}
		sync_msg_free(&m);
		return;
	}
	switch (m.type) {
	case SYNC_HELLO:
		on_hello(sv, x, user_id, &m);
		break;
	case SYNC_ENTRIES:
		on_entries(sv, x, &m);
		break;
	case SYNC_ACK:
		if (sync_sender_ack(&x->tx, sv->s, &m) || pump(sv, x)) {
			char w[200];
			logf_(sv, _("closed the session of %s: %s"), who(x, w, sizeof(w)),
			      error_msg());
			drop(sv, x);
		}
		break;
	case SYNC_PING: {
		struct sync_msg pong;
		memset(&pong, 0, sizeof(pong));
		pong.type = SYNC_PONG;
		pong.time_ms = m.time_ms;
		send_to(sv, x, &pong);
		break;
	}
	case SYNC_ERROR: {
		char w[200];
		logf_(sv, _("%s reports: %s"), who(x, w, sizeof(w)), m.text);
		drop(sv, x);
		break;
	}
	case SYNC_WELCOME:
		refuse(sv, x, ERR_INVALID, _("a WELCOME sent to the server"));
		break;
	case SYNC_UPTODATE:
	case SYNC_PONG:
		break;
	}
	sync_msg_free(&m);
}

static void read_router(struct server *sv)
{
	for (;;) {
		zmq_msg_t rid, body;
		zmq_msg_init(&rid);
		if (zmq_msg_recv(&rid, sv->router, ZMQ_DONTWAIT) < 0) {
			zmq_msg_close(&rid);
			return;
		}
		zmq_msg_init(&body);
		int ok = zmq_msg_more(&rid) && zmq_msg_recv(&body, sv->router, ZMQ_DONTWAIT) >= 0;
		int extra = ok && zmq_msg_more(&body);
		/* drain the rest of a multipart message: sync messages are one frame */
		while (ok && zmq_msg_more(&body)) {
			zmq_msg_t more;
			zmq_msg_init(&more);
			if (zmq_msg_recv(&more, sv->router, ZMQ_DONTWAIT) < 0) {
				zmq_msg_close(&more);
				break;
			}
			int m = zmq_msg_more(&more);
			zmq_msg_close(&more);
			if (!m)
				break;
		}
		if (ok && zmq_msg_size(&rid) <= RID_MAX) {
			if (extra) {
				struct sess *x = find(sv, zmq_msg_data(&rid), zmq_msg_size(&rid));
				if (!x)
					x = add(sv, zmq_msg_data(&rid), zmq_msg_size(&rid));
				refuse(sv, x, ERR_INVALID, _("a message of several frames"));
			} else {
				on_frame(sv, zmq_msg_data(&rid), zmq_msg_size(&rid), &body);
			}
		}
		zmq_msg_close(&body);
		zmq_msg_close(&rid);
	}
}

/* ---- ZAP: who may connect, and as which site ---- */

static void zap_reply(void *zap, const char *req_id, size_t req_len, const char *status,
                      const char *text, const char *user)
{
	zmq_send(zap, "1.0", 3, ZMQ_SNDMORE);
	zmq_send(zap, req_id, req_len, ZMQ_SNDMORE);
	zmq_send(zap, status, strlen(status), ZMQ_SNDMORE);
	zmq_send(zap, text, strlen(text), ZMQ_SNDMORE);
	zmq_send(zap, user, strlen(user), ZMQ_SNDMORE);
	zmq_send(zap, "", 0, 0);
}

static void read_zap(struct server *sv)
{
	for (;;) {
		char frames[8][256];
		size_t len[8];
		int n = 0, more = 1;
		while (more) {
			zmq_msg_t f;
			zmq_msg_init(&f);
			if (zmq_msg_recv(&f, sv->zap, n ? 0 : ZMQ_DONTWAIT) < 0) {
				zmq_msg_close(&f);
				if (!n)
					return;
				break;
			}
			more = zmq_msg_more(&f);
			if (n < 8) {
				len[n] = zmq_msg_size(&f) < 255 ? zmq_msg_size(&f) : 255;
				memcpy(frames[n], zmq_msg_data(&f), len[n]);
				frames[n][len[n]] = '\0';
				n++;
			}
			zmq_msg_close(&f);
		}
		/* version, request id, domain, address, identity, mechanism, credentials */
		if (n < 6) {
			zap_reply(sv->zap, n > 1 ? frames[1] : "", n > 1 ? len[1] : 0, "500",
			          "malformed", "");
			continue;
		}
		char key[41] = "";
		struct peer p;
		const char *addr = frames[3];
		if (n >= 7 && !strcmp(frames[5], "CURVE") && len[6] == 32)
			zmq_z85_encode(key, (const uint8_t *)frames[6], 32);
		if (!key[0]) {
			logf_(sv, _("refused a connection from %s: no CURVE key"), addr);
			zap_reply(sv->zap, frames[1], len[1], "400", "no key", "");
		} else if (db_peer_by_key(sv->s, key, &p) != OK) {
			logf_(sv, _("refused a connection from %s: key %s is not enrolled"), addr,
			      key);
			zap_reply(sv->zap, frames[1], len[1], "400", "not enrolled", "");
		} else if (p.revoked_ms) {
			logf_(sv, _("refused a connection from %s: key %s of %s was revoked"), addr,
			      key, p.code);
			zap_reply(sv->zap, frames[1], len[1], "400", "revoked", "");
		} else {
			zap_reply(sv->zap, frames[1], len[1], "200", "OK", p.site_id);
		}
		error_clear();
	}
}

/* ---- the loop ---- */

/* A batch unacknowledged for too long is sent again. */
static int tick(struct server *sv, struct sess *x, int64_t now)
{
	int64_t rewinds = x->tx.rewinds;
	int rc = sync_sender_tick(&x->tx, sv->s, now);
	if (rc == OK && x->tx.rewinds != rewinds)
		rc = pump(sv, x);
	return rc;
}

static int setup(struct server *sv)
{
	int rc;
	sv->ctx = zmq_ctx_new();
	if (!sv->o->insecure) {
		/* bound before the server socket: without a handler libzmq admits any key */
		sv->zap = zmq_socket(sv->ctx, ZMQ_REP);
		if (!sv->zap || zmq_bind(sv->zap, "inproc://zeromq.zap.01") != 0)
			return error_set(ERR_IO, _("cannot start the ZAP handler: %s"),
			                 zmq_strerror(zmq_errno()));
	}
	sv->router = zmq_socket(sv->ctx, ZMQ_ROUTER);
	if (!sv->router)
		return error_set(ERR_IO, _("cannot make a ZeroMQ socket: %s"),
		                 zmq_strerror(zmq_errno()));
	/* frames somewhat over the limit are read, refused and logged; far over it,
	 * libzmq cuts the connection first so that no one can make us allocate much */
	if ((rc = net_common(sv->router, 4 * (int64_t)SYNC_MAX_FRAME)) ||
	    (rc = net_setint(sv->router, ZMQ_ROUTER_MANDATORY, 1, "ZMQ_ROUTER_MANDATORY")) ||
	    (rc = net_setint(sv->router, ZMQ_SNDHWM, 100000, "ZMQ_SNDHWM")))
		return rc;
	if (!sv->o->insecure &&
	    ((rc = net_setint(sv->router, ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER")) ||
	     (rc = net_setopt(sv->router, ZMQ_CURVE_SECRETKEY, sv->id.secret_key, 41,
	                      "CURVE key")) ||
	     (rc = net_setopt(sv->router, ZMQ_ZAP_DOMAIN, "lotline", 7, "ZMQ_ZAP_DOMAIN"))))
		return rc;
	if (zmq_bind(sv->router, sv->o->listen) != 0)
		return error_set(ERR_IO, _("cannot listen on %s: %s"), sv->o->listen,
		                 zmq_strerror(zmq_errno()));
	return OK;
}

int sync_serve(const struct serve_opts *o)
{
	static volatile sig_atomic_t never;
	struct server sv;
	volatile sig_atomic_t *stop = o->stop ? o->stop : &never;
	int rc;

	memset(&sv, 0, sizeof(sv));
	sv.o = o;
	if ((rc = store_open(o->db_path, STORE_EXISTING, &sv.s)))
		return rc;
	store_set_cache_mb(sv.s, SYNC_CACHE_MB);
	if ((rc = sync_identity(sv.s, &sv.id)))
		goto out;
	if (sv.id.restoring) {
		rc = error_set(ERR_INVALID, _("this store is being restored: it cannot serve"));
		goto out;
	}
	if ((rc = setup(&sv)))
		goto out;
	logf_(&sv, _("serving site %s on %s%s"), sv.id.site_code, o->listen,
	      o->insecure ? _(" WITHOUT encryption or authentication (--insecure)") : "");
	if (o->on_ready)
		o->on_ready(o->ctx, o->listen);
	sv.data_version = db_data_version(sv.s);
	int64_t last_tick = 0;
	while (!*stop) {
		zmq_pollitem_t items[2] = {{sv.router, 0, ZMQ_POLLIN, 0},
		                           {sv.zap, 0, ZMQ_POLLIN, 0}};
		if (zmq_poll(items, sv.zap ? 2 : 1, TICK_MS) < 0 && zmq_errno() != EINTR) {
			rc = error_set(ERR_IO, _("waiting for the network: %s"),
			               zmq_strerror(zmq_errno()));
			break;
		}
		if (sv.zap)
			read_zap(&sv);
		read_router(&sv);
		int64_t now = sync_mono_ms();
		if (now - last_tick < TICK_MS)
			continue;
		last_tick = now;
		/* entries written here by other connections (the shell, the screens) */
		int64_t v = db_data_version(sv.s);
		if (v != sv.data_version) {
			sv.data_version = v;
			pump_all(&sv);
		}
		for (size_t i = 0; i < sv.n; i++) {
			struct sess *x = sv.v[i];
			char w[200];
			if (now - x->last_heard > SESSION_IDLE_MS) {
				logf_(&sv, _("%s went silent: session closed"),
				      who(x, w, sizeof(w)));
				drop(&sv, x);
				i--;
			} else if (x->greeted && tick(&sv, x, now)) {
				logf_(&sv, _("closed the session of %s: %s"), who(x, w, sizeof(w)),
				      error_msg());
				drop(&sv, x);
				i--;
			}
		}
	}
	if (*stop)
		logf_(&sv, _("stopped"));
out:
	while (sv.n)
		drop(&sv, sv.v[0]);
	free(sv.v);
	if (sv.router)
		zmq_close(sv.router);
	if (sv.zap)
		zmq_close(sv.zap);
	if (sv.ctx)
		zmq_ctx_term(sv.ctx);
	sb_free(&sv.buf);
	store_close(sv.s);
	return rc;
}
