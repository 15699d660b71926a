/* Encoding and strict decoding of sync messages: a version byte, a type byte,
 * then the type's fields as LEB128 integers, length-prefixed strings and raw
 * 32-byte hashes. Every length is checked against what is left before use. */
#include "sync_proto.h"
#include "error.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

/* The smallest encoded entry: a site id, one-byte integers, empty strings, two hashes. */
#define MIN_ENTRY_BYTES (1 + 32 + 1 + 1 + 1 + 1 + 1 + 1 + 32 + 32)
#define MIN_POS_BYTES   (1 + 32 + 1)

static void put_uint(struct strbuf *sb, uint64_t v)
{
	char b[10];
	size_t n = 0;
	do {
		b[n] = (char)(v & 0x7f);
		v >>= 7;
		if (v)
			b[n] |= (char)0x80;
		n++;
	} while (v);
	sb_add(sb, b, n);
}

static void put_str(struct strbuf *sb, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_uint(sb, n);
	sb_add(sb, s ? s : "", n);
}

static void put_vec(struct strbuf *sb, const struct sync_pos *v, size_t n)
{
	put_uint(sb, n);
	for (size_t i = 0; i < n; i++) {
		put_str(sb, v[i].site_id);
		put_uint(sb, (uint64_t)v[i].seq);
	}
}

static void put_header(struct strbuf *sb, int type)
{
	char h[2] = {SYNC_PROTO_VERSION, (char)type};
	sb_add(sb, h, 2);
}

void sync_entries_begin(struct strbuf *out, uint64_t batch)
{
	static const char zero[4];
	sb_reset(out);
	put_header(out, SYNC_ENTRIES);
	/* the count is patched in by sync_entries_finish */
	sb_add(out, zero, 4);
	put_uint(out, batch);
}

void sync_entries_add(struct strbuf *out, const struct entry *e)
{
	put_str(out, e->site_id);
	put_uint(out, (uint64_t)e->seq);
	put_uint(out, e->hlc);
	put_str(out, e->user);
	put_str(out, e->terminal);
	put_str(out, e->kind);
	put_str(out, e->payload);
	sb_add(out, (const char *)e->prev_hash, 32);
	sb_add(out, (const char *)e->hash, 32);
}

void sync_entries_finish(struct strbuf *out, size_t count)
{
	unsigned char *p = (unsigned char *)out->buf + 2;
	p[0] = (unsigned char)count;
	p[1] = (unsigned char)(count >> 8);
	p[2] = (unsigned char)(count >> 16);
	p[3] = (unsigned char)(count >> 24);
}

void sync_encode(const struct sync_msg *m, struct strbuf *out)
{
	sb_reset(out);
	if (m->type == SYNC_ENTRIES) {
		sync_entries_begin(out, m->batch);
		for (size_t i = 0; i < m->nentries; i++)
			sync_entries_add(out, &m->entries[i]);
		sync_entries_finish(out, m->nentries);
		return;
	}
	put_header(out, m->type);
	switch (m->type) {
	case SYNC_HELLO:
	case SYNC_WELCOME:
		put_str(out, m->site_id);
		put_uint(out, m->flags);
		put_vec(out, m->vec, m->nvec);
		break;
	case SYNC_ACK:
		put_uint(out, m->batch);
		put_uint(out, m->status);
		put_uint(out, m->count);
		put_vec(out, m->vec, m->nvec);
		break;
	case SYNC_UPTODATE:
		put_uint(out, m->batch);
		put_vec(out, m->vec, m->nvec);
		break;
	case SYNC_PING:
	case SYNC_PONG:
		put_uint(out, m->time_ms);
		break;
	case SYNC_ERROR:
		put_uint(out, m->status);
		put_str(out, m->text);
		break;
	case SYNC_ENTRIES:
		break;
	}
}

/* ---- decoding ---- */

struct reader {
	const unsigned char *p, *end;
	const unsigned char *start;
	const char *err; /* the first problem; later reads fail at once */
	size_t err_at;
};

static int bad(struct reader *r, const char *why)
{
	if (!r->err) {
		r->err = why;
		r->err_at = (size_t)(r->p - r->start);
	}
	r->p = r->end;
	return -1;
}

static uint64_t get_uint(struct reader *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			bad(r, N_("truncated integer"));
			return 0;
		}
		unsigned char b = *r->p++;
		if (shift == 63 && (b & 0x7e)) {
			bad(r, N_("integer out of range"));
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			/* one encoding per value: no redundant trailing zero groups */
			if (shift && !b) {
				bad(r, N_("integer not in its shortest form"));
				return 0;
			}
			return v;
		}
	}
	bad(r, N_("integer too long"));
	return 0;
}

static int64_t get_int63(struct reader *r)
{
	uint64_t v = get_uint(r);
	if (v > (uint64_t)INT64_MAX) {
		bad(r, N_("integer out of range"));
		return 0;
	}
	return (int64_t)v;
}

/* A string into a fixed buffer of cap bytes (cap-1 characters), no NUL inside. */
static void get_str(struct reader *r, char *buf, size_t cap)
{
	uint64_t n = get_uint(r);
	buf[0] = '\0';
	if (r->err)
		return;
	if (n >= cap) {
		bad(r, N_("text field too long"));
		return;
	}
	if (n > (uint64_t)(r->end - r->p)) {
		bad(r, N_("truncated text field"));
		return;
	}
	if (memchr(r->p, '\0', n)) {
		bad(r, N_("NUL byte in a text field"));
		return;
	}
	memcpy(buf, r->p, n);
	buf[n] = '\0';
	r->p += n;
}

static char *get_payload(struct reader *r)
{
	uint64_t n = get_uint(r);
	if (r->err)
		return NULL;
	if (n > SYNC_MAX_PAYLOAD) {
		bad(r, N_("payload too large"));
		return NULL;
	}
	if (n > (uint64_t)(r->end - r->p)) {
		bad(r, N_("truncated payload"));
		return NULL;
	}
	if (memchr(r->p, '\0', n)) {
		bad(r, N_("NUL byte in a payload"));
		return NULL;
	}
	char *s = xmalloc(n + 1);
	memcpy(s, r->p, n);
	s[n] = '\0';
	r->p += n;
	return s;
}

static void get_hash(struct reader *r, unsigned char out[32])
{
	if (r->end - r->p < 32) {
		bad(r, N_("truncated hash"));
		memset(out, 0, 32);
		return;
	}
	memcpy(out, r->p, 32);
	r->p += 32;
}

static void get_site(struct reader *r, char out[33])
{
	get_str(r, out, 33);
	if (!r->err && !sync_site_id_ok(out))
		bad(r, N_("malformed site id"));
}

int sync_site_id_ok(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return 0;
	return n == 32;
}

static void get_vec(struct reader *r, struct sync_msg *m)
{
	uint64_t n = get_uint(r);
	if (r->err)
		return;
	if (n > SYNC_MAX_SITES || n * MIN_POS_BYTES > (uint64_t)(r->end - r->p)) {
		bad(r, N_("too many sites in a version vector"));
		return;
	}
	m->vec = xcalloc(n ? n : 1, sizeof(*m->vec));
	m->nvec = n;
	for (size_t i = 0; i < n && !r->err; i++) {
		get_site(r, m->vec[i].site_id);
		m->vec[i].seq = get_int63(r);
	}
}

static void get_entries(struct reader *r, struct sync_msg *m)
{
	uint64_t n;
	if (r->end - r->p < 4) {
		bad(r, N_("truncated batch"));
		return;
	}
	n = (uint64_t)r->p[0] | (uint64_t)r->p[1] << 8 | (uint64_t)r->p[2] << 16 |
	    (uint64_t)r->p[3] << 24;
	r->p += 4;
	m->batch = get_uint(r);
	if (r->err)
		return;
	if (n > SYNC_MAX_ENTRIES || n * MIN_ENTRY_BYTES > (uint64_t)(r->end - r->p)) {
		bad(r, N_("too many entries in a batch"));
		return;
	}
	m->entries = xcalloc(n ? n : 1, sizeof(*m->entries));
	for (size_t i = 0; i < n && !r->err; i++) {
		struct entry *e = &m->entries[i];
		m->nentries = i + 1;
		get_site(r, e->site_id);
		e->seq = get_int63(r);
		e->hlc = (hlc_t)get_int63(r);
		get_str(r, e->user, sizeof(e->user));
		get_str(r, e->terminal, sizeof(e->terminal));
		get_str(r, e->kind, sizeof(e->kind));
		e->payload = get_payload(r);
		get_hash(r, e->prev_hash);
		get_hash(r, e->hash);
		if (!r->err && e->seq < 1)
			bad(r, N_("sequence number below 1"));
		if (!r->err && !e->kind[0])
			bad(r, N_("entry without a kind"));
	}
}

int sync_decode(const void *buf, size_t len, struct sync_msg *m)
{
	struct reader r = {buf, (const unsigned char *)buf + len, buf, NULL, 0};
	memset(m, 0, sizeof(*m));
	if (len > SYNC_MAX_FRAME)
		return error_set(ERR_INVALID, _("sync message of %zu bytes is larger than %u"), len,
		                 SYNC_MAX_FRAME);
	if (len < 2)
		return error_set(ERR_INVALID, _("sync message too short (%zu bytes)"), len);
	if (r.p[0] != SYNC_PROTO_VERSION)
		return error_set(ERR_INVALID, _("sync protocol version %d, this lotline speaks %d"),
		                 r.p[0], SYNC_PROTO_VERSION);
	m->type = (enum sync_type)r.p[1];
	r.p += 2;
	switch (m->type) {
	case SYNC_HELLO:
	case SYNC_WELCOME:
		get_site(&r, m->site_id);
		m->flags = get_uint(&r);
		get_vec(&r, m);
		break;
	case SYNC_ENTRIES:
		get_entries(&r, m);
		break;
	case SYNC_ACK:
		m->batch = get_uint(&r);
		m->status = get_uint(&r);
		m->count = get_uint(&r);
		if (!r.err && m->status > SYNC_ACK_REFUSED)
			bad(&r, N_("unknown acknowledgement status"));
		get_vec(&r, m);
		break;
	case SYNC_UPTODATE:
		m->batch = get_uint(&r);
		get_vec(&r, m);
		break;
	case SYNC_PING:
	case SYNC_PONG:
		m->time_ms = get_uint(&r);
		break;
	case SYNC_ERROR:
		m->status = get_uint(&r);
		get_str(&r, m->text, sizeof(m->text));
		break;
	default:
		return error_set(ERR_INVALID, _("unknown sync message type %d"), (int)m->type);
	}
	if (!r.err && r.p != r.end)
		bad(&r, N_("trailing bytes"));
	if (r.err) {
		size_t at = r.err_at;
		int type = m->type;
		sync_msg_free(m);
		return error_set(ERR_INVALID, _("malformed %s message: %s (near byte %zu)"),
		                 sync_type_name(type), _(r.err), at);
	}
	return OK;
}

void sync_msg_free(struct sync_msg *m)
{
	for (size_t i = 0; i < m->nentries; i++)
		free(m->entries[i].payload);
	free(m->entries);
	free(m->vec);
	memset(m, 0, sizeof(*m));
}

const char *sync_type_name(int type)
{
	static const char *const names[] = {"?",        "HELLO", "WELCOME", "ENTRIES", "ACK",
	                                    "UPTODATE", "PING",  "PONG",    "ERROR"};
	return type > 0 && type < (int)ARRAY_SIZE(names) ? names[type] : "?";
}
