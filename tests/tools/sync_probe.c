/* A hostile and careful test client for 'lotline serve': it connects with an
 * enrolled terminal's keys and sends garbage, oversized and multi-frame
 * messages, a false site, batches out of order, twice, and forged, checking
 * each answer. It also fills a store with many entries fast.
 *
 *   sync_probe fill DB USER LOT N          N adjustments of LOT (+0.001), 1000 per commit
 *   sync_probe attack ADDR DB              the hostile run (DB: an enrolled terminal
 *                                          with at least 4 entries the server lacks) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "db/journal.h"
#include "db/sync.h"
#include "src/error.h"
#include "src/journal.h"
#include "src/sync_core.h"
#include "src/sync_proto.h"

static int failures;
static struct store *st;
static struct sync_ident id;
static char server_key[41];
static const char *addr;
static void *ctx;

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "sync_probe: FAIL: " __VA_ARGS__);                         \
			fprintf(stderr, "\n");                                                     \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static void die_(const char *what)
{
	fprintf(stderr, "sync_probe: %s: %s\n", what, error_msg());
	exit(2);
}

static int fill(const char *db, const char *user, const char *lot, long n)
{
	struct session s;
	if (session_open(db, STORE_EXISTING, &s) || session_set_user(&s, user))
		die_("open");
	for (long i = 0; i < n;) {
		if (session_begin(&s))
			die_("begin");
		for (int k = 0; k < 1000 && i < n; k++, i++) {
			struct fields f = FIELDS_INIT;
			fields_set(&f, "lot", lot);
			fields_set_int(&f, "qty", 1000);
			fields_set(&f, "reason", "count");
			fields_set(&f, "note", "");
			if (journal_append(&s, "lot.adjust", &f, NULL))
				die_("append");
			fields_free(&f);
		}
		if (session_end(&s, OK))
			die_("commit");
	}
	session_close(&s);
	return 0;
}

static void *conn(void)
{
	void *s = zmq_socket(ctx, ZMQ_DEALER);
	int zero = 0, tmo = 3000;
	zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof(zero));
	zmq_setsockopt(s, ZMQ_RCVTIMEO, &tmo, sizeof(tmo));
	zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, server_key, 41);
	zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, id.public_key, 41);
	zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, id.secret_key, 41);
	if (zmq_connect(s, addr))
		die_("connect");
	return s;
}

static void send_buf(void *s, const void *p, size_t n)
{
	if (zmq_send(s, p, n, 0) < 0)
		fprintf(stderr, "sync_probe: send: %s\n", zmq_strerror(zmq_errno()));
}

static void send_msg(void *s, const struct sync_msg *m)
{
	struct strbuf b = STRBUF_INIT;
	sync_encode(m, &b);
	send_buf(s, b.buf, b.len);
	sb_free(&b);
}

/* The next message of one of the wanted types (others are skipped); 0 on timeout. */
static int expect(void *s, int want1, int want2, struct sync_msg *out)
{
	for (;;) {
		zmq_msg_t m;
		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, s, 0) < 0) {
			zmq_msg_close(&m);
			return 0;
		}
		int rc = sync_decode(zmq_msg_data(&m), zmq_msg_size(&m), out);
		zmq_msg_close(&m);
		if (rc)
			die_("decoding the server's answer");
		if ((int)out->type == want1 || (int)out->type == want2)
			return 1;
		sync_msg_free(out);
	}
}

static void hello(void *s, const char *site, struct sync_msg *welcome)
{
	struct sync_msg h;
	memset(&h, 0, sizeof(h));
	h.type = SYNC_HELLO;
	strcpy(h.site_id, site);
	if (sync_vector(st, &h.vec, &h.nvec))
		die_("vector");
	send_msg(s, &h);
	free(h.vec);
	if (!expect(s, SYNC_WELCOME, SYNC_ERROR, welcome))
		welcome->type = 0;
}

/* An ERROR answer with this status, or (status 0) the connection cut with none. */
static void expect_error(void *s, uint64_t status, const char *what)
{
	struct sync_msg m;
	if (!expect(s, SYNC_ERROR, SYNC_ERROR, &m)) {
		CHECK(status == 0, "%s: no answer", what);
		return;
	}
	CHECK(m.status == status, "%s: error status %llu, expected %llu (%s)", what,
	      (unsigned long long)m.status, (unsigned long long)status, m.text);
	printf("%s: refused (%s)\n", what, m.text);
	sync_msg_free(&m);
}

struct own {
	struct entry e[8];
	char *payload[8];
	int n;
};

static int take(void *ctx_, const struct entry *e, int64_t site_no)
{
	struct own *o = ctx_;
	(void)site_no;
	o->e[o->n] = *e;
	o->payload[o->n] = strdup(e->payload);
	o->e[o->n].payload = o->payload[o->n];
	return ++o->n == 8;
}

static int send_batch(void *s, uint64_t batch, struct entry *v, size_t n, struct sync_msg *ack)
{
	struct sync_msg m;
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ENTRIES;
	m.batch = batch;
	m.entries = v;
	m.nentries = n;
	send_msg(s, &m);
	return expect(s, SYNC_ACK, SYNC_ACK, ack);
}

static int attack(void)
{
	struct sync_msg w, ack;
	struct own own = {0};
	int64_t site_no, server_has = 0, first;
	void *s;

	/* garbage: refused, the connection's session dropped */
	s = conn();
	send_buf(s, "\x01\x03garbage that is no batch", 26);
	expect_error(s, ERR_INVALID, "garbage");
	zmq_close(s);
	s = conn();
	send_buf(s, "\x07\x01", 2);
	expect_error(s, ERR_INVALID, "unknown version");
	zmq_close(s);
	/* several frames */
	s = conn();
	zmq_send(s, "\x01\x06\x00", 3, ZMQ_SNDMORE);
	zmq_send(s, "more", 4, 0);
	expect_error(s, ERR_INVALID, "several frames");
	zmq_close(s);
	/* larger than any message: read, refused and logged */
	s = conn();
	{
		size_t big = SYNC_MAX_FRAME + 4096;
		char *p = calloc(1, big);
		p[0] = 1;
		p[1] = SYNC_ENTRIES;
		send_buf(s, p, big);
		expect_error(s, ERR_INVALID, "oversized frame");
		zmq_close(s);
		/* far larger: libzmq cuts the connection before reading it; nothing answers */
		s = conn();
		free(p);
		big = 5 * (size_t)SYNC_MAX_FRAME;
		p = calloc(1, big);
		send_buf(s, p, big);
		free(p);
		expect_error(s, 0, "huge frame");
	}
	zmq_close(s);
	/* a message before HELLO */
	s = conn();
	{
		struct sync_msg ping;
		memset(&ping, 0, sizeof(ping));
		ping.type = SYNC_PING;
		send_msg(s, &ping);
		expect_error(s, SYNC_ERR_HELLO, "before HELLO");
	}
	zmq_close(s);
	/* another site's id with this key */
	s = conn();
	hello(s, "0123456789abcdef0123456789abcdef", &w);
	CHECK(w.type == SYNC_ERROR && w.status == ERR_DENIED, "false site: not refused");
	printf("false site: refused (%s)\n", w.text);
	sync_msg_free(&w);
	zmq_close(s);

	/* the entries the server lacks */
	s = conn();
	hello(s, id.site_id, &w);
	CHECK(w.type == SYNC_WELCOME, "HELLO: no WELCOME");
	for (size_t i = 0; i < w.nvec; i++)
		if (!strcmp(w.vec[i].site_id, id.site_id))
			server_has = w.vec[i].seq;
	sync_msg_free(&w);
	if (db_site_number(st, id.site_id, 0, &site_no) ||
	    db_sync_first_after(st, site_no, server_has, &first) ||
	    db_sync_read(st, first - 1, site_no, 8, take, &own) < 0)
		die_("reading entries");
	if (own.n < 4) {
		fprintf(stderr, "sync_probe: the store needs 4 entries the server lacks (%d)\n",
		        own.n);
		return 2;
	}
	/* out of order: 3 and 4 before 1 and 2 is a gap, applied nowhere */
	CHECK(send_batch(s, 1, own.e + 2, 2, &ack), "out of order: no ACK");
	CHECK(ack.status == SYNC_ACK_GAP && ack.count == 0,
	      "out of order: status %llu, %llu applied", (unsigned long long)ack.status,
	      (unsigned long long)ack.count);
	printf("out of order: gap, %llu applied\n", (unsigned long long)ack.count);
	sync_msg_free(&ack);
	CHECK(send_batch(s, 2, own.e, 2, &ack), "in order: no ACK");
	CHECK(ack.status == SYNC_ACK_OK && ack.count == 2, "in order: status %llu, %llu applied",
	      (unsigned long long)ack.status, (unsigned long long)ack.count);
	sync_msg_free(&ack);
	/* the same batch twice: applied once */
	CHECK(send_batch(s, 2, own.e, 2, &ack), "twice: no ACK");
	CHECK(ack.status == SYNC_ACK_OK && ack.count == 0, "twice: status %llu, %llu applied",
	      (unsigned long long)ack.status, (unsigned long long)ack.count);
	printf("same batch twice: %llu applied the second time\n", (unsigned long long)ack.count);
	sync_msg_free(&ack);
	/* a forged entry: its payload changed, its hash not */
	{
		struct entry forged = own.e[2];
		char *p = strdup(forged.payload);
		p[strlen(p) / 2] ^= 1;
		forged.payload = p;
		CHECK(send_batch(s, 3, &forged, 1, &ack), "forged: no ACK");
		CHECK(ack.status == SYNC_ACK_REFUSED, "forged: not refused");
		sync_msg_free(&ack);
		expect_error(s, ERR_CONFLICT, "forged entry");
		free(p);
	}
	zmq_close(s);
	/* an entry of another site, on a fresh session */
	s = conn();
	hello(s, id.site_id, &w);
	sync_msg_free(&w);
	{
		struct entry other = own.e[2];
		strcpy(other.site_id, "0123456789abcdef0123456789abcdef");
		CHECK(send_batch(s, 1, &other, 1, &ack), "foreign: no ACK");
		CHECK(ack.status == SYNC_ACK_REFUSED, "foreign entry: not refused");
		sync_msg_free(&ack);
		expect_error(s, ERR_CONFLICT, "entry of another site");
	}
	zmq_close(s);
	/* and the rest, in order, twice */
	s = conn();
	hello(s, id.site_id, &w);
	sync_msg_free(&w);
	CHECK(send_batch(s, 1, own.e + 2, 2, &ack) && ack.status == SYNC_ACK_OK && ack.count == 2,
	      "the rest: not applied");
	sync_msg_free(&ack);
	CHECK(send_batch(s, 2, own.e + 2, 2, &ack) && ack.status == SYNC_ACK_OK && ack.count == 0,
	      "the rest twice: applied again");
	sync_msg_free(&ack);
	zmq_close(s);
	for (int i = 0; i < own.n; i++)
		free(own.payload[i]);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "fill"))
		return fill(argv[2], argv[3], argv[4], atol(argv[5]));
	if (argc != 4 || strcmp(argv[1], "attack")) {
		fprintf(stderr, "usage: sync_probe fill DB USER LOT N | attack ADDR DB\n");
		return 2;
	}
	struct peer p;
	int n;
	addr = argv[2];
	if (store_open(argv[3], STORE_EXISTING, &st) || sync_identity(st, &id) ||
	    db_peer_with_address(st, NULL, &p, &n) || n != 1)
		die_("the terminal's store (enrolled with a central peer)");
	strcpy(server_key, p.public_key);
	ctx = zmq_ctx_new();
	int rc = attack();
	zmq_ctx_term(ctx);
	store_close(st);
	return rc;
}
