/* The sync message encoder and its strict decoder. */
#include "config.h" /* first: memmem() is a GNU extension */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "src/error.h"
#include "src/sync_proto.h"

#define SITE_A "0123456789abcdef0123456789abcdef"
#define SITE_B "fedcba9876543210fedcba9876543210"

static void make_entry(struct entry *e, const char *site, int64_t seq, const char *payload)
{
	memset(e, 0, sizeof(*e));
	strcpy(e->site_id, site);
	e->seq = seq;
	e->hlc = ((hlc_t)1795420800000 << 16) | 7;
	strcpy(e->user, "ana");
	strcpy(e->terminal, "dock-1");
	strcpy(e->kind, "lot.adjust");
	e->payload = (char *)payload;
	for (int i = 0; i < 32; i++) {
		e->prev_hash[i] = (unsigned char)(i * 7);
		e->hash[i] = (unsigned char)(255 - i);
	}
}

static void encode(const struct sync_msg *m, struct strbuf *sb)
{
	sync_encode(m, sb);
	assert_true(sb->len >= 2);
}

static void hello_round_trip(void **state)
{
	struct sync_pos v[2] = {{SITE_A, 12}, {SITE_B, (int64_t)1 << 40}};
	struct sync_msg m, d;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	memset(&m, 0, sizeof(m));
	m.type = SYNC_HELLO;
	strcpy(m.site_id, SITE_A);
	m.flags = SYNC_F_FOLLOW | SYNC_F_RESTORE;
	m.vec = v;
	m.nvec = 2;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_int_equal(d.type, SYNC_HELLO);
	assert_string_equal(d.site_id, SITE_A);
	assert_int_equal(d.flags, SYNC_F_FOLLOW | SYNC_F_RESTORE);
	assert_int_equal(d.nvec, 2);
	assert_string_equal(d.vec[1].site_id, SITE_B);
	assert_int_equal(d.vec[1].seq, (int64_t)1 << 40);
	sync_msg_free(&d);
	sb_free(&sb);
}

static void entries_round_trip(void **state)
{
	struct entry e[3];
	struct sync_msg m, d;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	make_entry(&e[0], SITE_A, 1, "{\"lot\":\"LOT-261123-A001\",\"qty\":\"-1000\"}");
	make_entry(&e[1], SITE_A, 2, "{\"note\":\"crème brûlée\"}");
	make_entry(&e[2], SITE_B, 300, "");
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ENTRIES;
	m.batch = 99;
	m.entries = e;
	m.nentries = 3;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_int_equal(d.type, SYNC_ENTRIES);
	assert_int_equal(d.batch, 99);
	assert_int_equal(d.nentries, 3);
	for (int i = 0; i < 3; i++) {
		assert_string_equal(d.entries[i].site_id, e[i].site_id);
		assert_int_equal(d.entries[i].seq, e[i].seq);
		assert_true(d.entries[i].hlc == e[i].hlc);
		assert_string_equal(d.entries[i].user, "ana");
		assert_string_equal(d.entries[i].terminal, "dock-1");
		assert_string_equal(d.entries[i].kind, "lot.adjust");
		assert_string_equal(d.entries[i].payload, e[i].payload);
		assert_memory_equal(d.entries[i].prev_hash, e[i].prev_hash, 32);
		assert_memory_equal(d.entries[i].hash, e[i].hash, 32);
	}
	sync_msg_free(&d);

	/* the incremental builder gives the same bytes */
	struct strbuf inc = STRBUF_INIT;
	sync_entries_begin(&inc, 99);
	for (int i = 0; i < 3; i++)
		sync_entries_add(&inc, &e[i]);
	sync_entries_finish(&inc, 3);
	assert_int_equal(inc.len, sb.len);
	assert_memory_equal(inc.buf, sb.buf, sb.len);
	sb_free(&inc);
	sb_free(&sb);
}

static void small_messages(void **state)
{
	struct sync_pos v[1] = {{SITE_B, 5}};
	struct sync_msg m, d;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ACK;
	m.batch = 7;
	m.status = SYNC_ACK_GAP;
	m.count = 3;
	m.vec = v;
	m.nvec = 1;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_int_equal(d.batch, 7);
	assert_int_equal(d.status, SYNC_ACK_GAP);
	assert_int_equal(d.count, 3);
	assert_int_equal(d.vec[0].seq, 5);
	sync_msg_free(&d);

	memset(&m, 0, sizeof(m));
	m.type = SYNC_ERROR;
	m.status = ERR_DENIED;
	strcpy(m.text, "its key was revoked");
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_int_equal(d.status, ERR_DENIED);
	assert_string_equal(d.text, "its key was revoked");
	sync_msg_free(&d);

	memset(&m, 0, sizeof(m));
	m.type = SYNC_PING;
	m.time_ms = UINT64_MAX;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_true(d.time_ms == UINT64_MAX);
	sync_msg_free(&d);

	memset(&m, 0, sizeof(m));
	m.type = SYNC_UPTODATE;
	m.batch = 0;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), OK);
	assert_int_equal(d.nvec, 0);
	sync_msg_free(&d);
	sb_free(&sb);
}

/* Every prefix of a valid frame is refused, and so is one more byte. */
static void truncations(void **state)
{
	struct entry e[2];
	struct sync_msg m, d;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	make_entry(&e[0], SITE_A, 1, "{\"a\":\"b\"}");
	make_entry(&e[1], SITE_A, 2, "{}");
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ENTRIES;
	m.batch = 1;
	m.entries = e;
	m.nentries = 2;
	encode(&m, &sb);
	for (size_t n = 0; n < sb.len; n++)
		assert_int_equal(sync_decode(sb.buf, n, &d), ERR_INVALID);
	sb_putc(&sb, 0);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "trailing"));
	sb_free(&sb);
}

static void refusals(void **state)
{
	struct sync_msg d;
	struct entry e;
	struct sync_msg m;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	/* wrong version, unknown type, too short */
	assert_int_equal(sync_decode("\x02\x06\x00", 3, &d), ERR_INVALID);
	assert_int_equal(sync_decode("\x01\x63\x00", 3, &d), ERR_INVALID);
	assert_int_equal(sync_decode("\x01", 1, &d), ERR_INVALID);
	/* an integer in a longer form than needed, and one beyond 64 bits */
	assert_int_equal(sync_decode("\x01\x06\x80\x00", 4, &d), ERR_INVALID);
	assert_int_equal(sync_decode("\x01\x06\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 12, &d),
	                 ERR_INVALID);
	assert_int_equal(sync_decode("\x01\x06\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 12, &d),
	                 ERR_INVALID);
	/* a site id that is not 32 lowercase hex digits */
	memset(&m, 0, sizeof(m));
	m.type = SYNC_HELLO;
	strcpy(m.site_id, "0123456789ABCDEF0123456789abcdef");
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "site id"));
	/* an ACK status that does not exist */
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ACK;
	m.status = 9;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	/* sequence 0, an empty kind */
	make_entry(&e, SITE_A, 0, "{}");
	memset(&m, 0, sizeof(m));
	m.type = SYNC_ENTRIES;
	m.entries = &e;
	m.nentries = 1;
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	make_entry(&e, SITE_A, 1, "{}");
	e.kind[0] = '\0';
	encode(&m, &sb);
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	/* a user name longer than the field, and a NUL inside a payload */
	make_entry(&e, SITE_A, 1, "{}");
	encode(&m, &sb);
	char *u = memmem(sb.buf, sb.len,
	                 "\x03"
	                 "ana",
	                 4);
	assert_non_null(u);
	size_t at = (size_t)(u - sb.buf);
	sb.buf[at] = 100;
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	encode(&m, &sb);
	char *p = memchr(sb.buf + at, '{', sb.len - at);
	assert_non_null(p);
	p[1] = '\0';
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "NUL"));
	/* a count of entries the frame cannot hold */
	encode(&m, &sb);
	sb.buf[2] = (char)0xff;
	sb.buf[3] = 0x0f;
	assert_int_equal(sync_decode(sb.buf, sb.len, &d), ERR_INVALID);
	/* a vector count larger than the frame */
	assert_int_equal(sync_decode("\x01\x05\x00\xff\x7f", 5, &d), ERR_INVALID);
	sb_free(&sb);
}

static void oversized(void **state)
{
	struct sync_msg d;
	char *big = calloc(1, SYNC_MAX_FRAME + 1);
	(void)state;
	big[0] = 1;
	big[1] = SYNC_PING;
	assert_int_equal(sync_decode(big, SYNC_MAX_FRAME + 1, &d), ERR_INVALID);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hello_round_trip), cmocka_unit_test(entries_round_trip),
	    cmocka_unit_test(small_messages),   cmocka_unit_test(truncations),
	    cmocka_unit_test(refusals),         cmocka_unit_test(oversized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
