/* The journal: append with sequence, clock and hash in the caller's transaction;
 * verification of chains, balances and derived tables. */
#include "journal.h"
#include "apply.h"
#include "clock.h"
#include "db/journal.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void hash_field(crypto_generichash_state *st, const void *p, size_t n)
{
	unsigned char len[4] = {(unsigned char)n, (unsigned char)(n >> 8), (unsigned char)(n >> 16),
	                        (unsigned char)(n >> 24)};
	crypto_generichash_update(st, len, 4);
	crypto_generichash_update(st, p, n);
}

static void hash_str(crypto_generichash_state *st, const char *s)
{
	hash_field(st, s, strlen(s));
}

void journal_hash(const struct entry *e, unsigned char out[32])
{
	crypto_generichash_state st;
	char num[32];
	crypto_generichash_init(&st, NULL, 0, 32);
	hash_str(&st, "lotline-entry-1");
	hash_str(&st, e->site_id);
	hash_str(&st, int_format(e->seq, num));
	hash_str(&st, uint_format(e->hlc, num));
	hash_str(&st, e->user);
	hash_str(&st, e->terminal);
	hash_str(&st, e->kind);
	hash_str(&st, e->payload ? e->payload : "");
	hash_field(&st, e->prev_hash, 32);
	crypto_generichash_final(&st, out, 32);
}

int journal_append(struct session *s, const char *kind, const struct fields *payload,
                   struct entry *out)
{
	struct entry e;
	struct strbuf text = STRBUF_INIT;
	hlc_t last;
	int rc;

	if (!store_in_transaction(s->store))
		die("journal_append outside a transaction");
	memset(&e, 0, sizeof(e));
	strlcpy_(e.site_id, s->site_id, sizeof(e.site_id));
	strlcpy_(e.user, s->user.name, sizeof(e.user));
	strlcpy_(e.terminal, s->terminal, sizeof(e.terminal));
	strlcpy_(e.kind, kind, sizeof(e.kind));
	if (!s->head.valid) {
		if ((rc = db_journal_head(s->store, s->site_no, &s->head.seq, s->head.hash)) ||
		    (rc = db_journal_max_hlc(s->store, &s->head.hlc)))
			return rc;
		s->head.valid = 1;
	}
	e.seq = s->head.seq + 1;
	memcpy(e.prev_hash, s->head.hash, 32);
	last = s->head.hlc;
	e.hlc = hlc_next(last, clock_now_ms());
	fields_encode(payload, &text);
	e.payload = text.buf;
	journal_hash(&e, e.hash);
	rc = db_journal_insert(s->store, s->site_no, &e);
	if (rc == OK)
		rc = apply_entry(s->store, &e, payload);
	if (rc == OK) {
		s->head.seq = e.seq;
		memcpy(s->head.hash, e.hash, 32);
		s->head.hlc = e.hlc;
	} else {
		/* the caller rolls back; the next append must read the head again */
		s->head.valid = 0;
	}
	if (rc == OK && out) {
		*out = e;
		out->payload = NULL;
	}
	sb_free(&text);
	return rc;
}

/* ---- verification ---- */

struct verify {
	void (*report)(void *ctx, const char *problem);
	void *ctx;
	char site[33];
	int64_t seq;
	unsigned char prev[32];
	int64_t count;
	int problems;
	char first[512];
};

static void problem(struct verify *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct verify *v, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!v->problems++)
		strlcpy_(v->first, buf, sizeof(v->first));
	if (v->report)
		v->report(v->ctx, buf);
}

static int verify_entry(void *ctx, const struct entry *e)
{
	struct verify *v = ctx;
	unsigned char h[32];
	v->count++;
	if (strcmp(v->site, e->site_id) != 0) {
		strlcpy_(v->site, e->site_id, sizeof(v->site));
		v->seq = 0;
		memset(v->prev, 0, 32);
	}
	if (e->seq != v->seq + 1)
		problem(v, _("entry %s/%lld: expected sequence %lld (an entry is missing)"),
		        e->site_id, (long long)e->seq, (long long)v->seq + 1);
	if (memcmp(e->prev_hash, v->prev, 32) != 0)
		problem(v, _("entry %s/%lld: does not chain to the entry before it"), e->site_id,
		        (long long)e->seq);
	journal_hash(e, h);
	if (memcmp(h, e->hash, 32) != 0)
		problem(v,
		        _("entry %s/%lld: its hash does not match its content (changed after it "
		          "was written)"),
		        e->site_id, (long long)e->seq);
	v->seq = e->seq;
	memcpy(v->prev, e->hash, 32);
	return 0;
}

static int verify_balance(void *ctx, const char *lot, fixed_t qty, fixed_t sum)
{
	char a[FIXED_BUFSZ], b[FIXED_BUFSZ];
	problem(ctx, _("lot %s: balance %s differs from the sum of its movements %s"), lot,
	        fixed_format(qty, 0, a), fixed_format(sum, 0, b));
	return 0;
}

int journal_verify(struct session *s, void (*report)(void *ctx, const char *problem), void *ctx,
                   int64_t *entries_checked)
{
	struct verify v;
	int rc;
	memset(&v, 0, sizeof(v));
	v.report = report;
	v.ctx = ctx;
	if ((rc = db_journal_each(s->store, 0, verify_entry, &v)))
		return rc;
	if ((rc = db_verify_balances(s->store, verify_balance, &v)))
		return rc;
	if ((rc = apply_replay_compare(s->store, report, ctx, &v.problems)))
		return rc;
	if (entries_checked)
		*entries_checked = v.count;
	if (v.problems)
		return error_set(ERR_CORRUPT, "%s", v.first[0] ? v.first : _("the replay differs"));
	return OK;
}
