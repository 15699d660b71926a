/* The sync engine without sockets: identity, version vectors, the checked
 * ingest of a batch, and the sender's cursor over the journal in arrival order. */
#include "sync_core.h"
#include "apply.h"
#include "db/journal.h"
#include "db/lots.h"
#include "db/sync.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "payload.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t sync_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t sync_wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- identity ---- */

int sync_identity(struct store *s, struct sync_ident *out)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if (store_meta_get(s, "site_id", out->site_id, sizeof(out->site_id)) == OK) {
		store_meta_get(s, "site_code", out->site_code, sizeof(out->site_code));
	} else if (store_meta_get(s, "restore_site_id", out->site_id, sizeof(out->site_id)) == OK) {
		store_meta_get(s, "restore_site_code", out->site_code, sizeof(out->site_code));
		out->restoring = 1;
	} else {
		return error_set(ERR_INVALID,
		                 _("the store %s has not been set up: run 'lotline init'"),
		                 store_path(s));
	}
	if ((rc = store_meta_get(s, "curve_public", out->public_key, sizeof(out->public_key))) ||
	    (rc = store_meta_get(s, "curve_secret", out->secret_key, sizeof(out->secret_key))))
		return error_set(rc, _("the store %s has no CURVE key pair"), store_path(s));
	error_clear();
	return OK;
}

int sync_finish_restore(struct store *s, const struct sync_ident *id)
{
	int rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_meta_set(s, "site_id", id->site_id)) ||
	    (rc = store_meta_set(s, "site_code", id->site_code)) ||
	    (rc = db_meta_delete(s, "restore_site_id")) ||
	    (rc = db_meta_delete(s, "restore_site_code"))) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s);
}

/* ---- version vectors ---- */

struct vec_build {
	struct sync_pos *v;
	size_t n, cap;
};

static int vec_add(void *ctx, const char *site_id, int64_t site_no, int64_t seq)
{
	struct vec_build *b = ctx;
	(void)site_no;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	strlcpy_(b->v[b->n].site_id, site_id, sizeof(b->v[b->n].site_id));
	b->v[b->n].seq = seq;
	b->n++;
	return 0;
}

int sync_vector(struct store *s, struct sync_pos **vec, size_t *n)
{
	struct vec_build b = {NULL, 0, 0};
	int rc = db_sync_vector(s, vec_add, &b);
	if (rc) {
		free(b.v);
		return rc;
	}
	*vec = b.v;
	*n = b.n;
	return OK;
}

static int site_head(struct store *s, const char *site_id, int64_t *site_no, int64_t *seq,
                     unsigned char hash[32])
{
	int rc = db_site_number(s, site_id, 0, site_no);
	if (rc == ERR_NOT_FOUND) {
		error_clear();
		*site_no = 0;
		*seq = 0;
		memset(hash, 0, 32);
		return OK;
	}
	if (rc)
		return rc;
	return db_journal_head(s, *site_no, seq, hash);
}

int sync_vector_covers(struct store *s, const struct sync_pos *vec, size_t n, int *covers)
{
	*covers = 1;
	for (size_t i = 0; i < n; i++) {
		int64_t no, seq;
		unsigned char h[32];
		int rc = site_head(s, vec[i].site_id, &no, &seq, h);
		if (rc)
			return rc;
		if (seq < vec[i].seq) {
			*covers = 0;
			return OK;
		}
	}
	return OK;
}

/* ---- receiving ---- */

struct head {
	char site_id[33];
	int64_t seq;
	unsigned char hash[32];
};

struct heads {
	struct head *v;
	size_t n, cap;
};

static int head_of(struct store *s, struct heads *h, const char *site_id, struct head **out)
{
	int64_t no;
	for (size_t i = 0; i < h->n; i++) {
		if (!strcmp(h->v[i].site_id, site_id)) {
			*out = &h->v[i];
			return OK;
		}
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	struct head *x = &h->v[h->n];
	strlcpy_(x->site_id, site_id, sizeof(x->site_id));
	int rc = site_head(s, site_id, &no, &x->seq, x->hash);
	if (rc)
		return rc;
	h->n++;
	*out = x;
	return OK;
}

static void refuse(struct ingest_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void refuse(struct ingest_result *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	r->status = SYNC_ACK_REFUSED;
}

static int site_code_matches(const struct entry *e, const char *code)
{
	struct fields f = FIELDS_INIT;
	int ok = fields_decode(e->payload, strlen(e->payload), &f) == OK &&
	         !strcmp(fields_str(&f, "code"), code);
	fields_free(&f);
	return ok;
}

/* Check and apply the first n entries inside the caller's transaction; *stop is
 * where it stopped (n when it did not). Non-OK only for a failing store. */
static int ingest_range(struct store *s, const struct sync_msg *m, size_t n, const char *only_site,
                        const char *only_code, struct heads *h, struct ingest_result *r,
                        size_t *stop)
{
	size_t i;
	int rc;
	for (i = 0; i < n && r->status == SYNC_ACK_OK; i++) {
		const struct entry *e = &m->entries[i];
		struct head *hd;
		unsigned char hash[32];
		long long seq = (long long)e->seq;

		if (only_site && strcmp(e->site_id, only_site)) {
			refuse(r, _("entry %s/%lld is of another site than the peer's (%s)"),
			       e->site_id, seq, only_site);
			break;
		}
		if ((rc = head_of(s, h, e->site_id, &hd)))
			return rc;
		if (e->seq <= hd->seq) {
			/* already here: the same entry, or a second history of the site */
			if (e->seq == hd->seq) {
				memcpy(hash, hd->hash, 32);
			} else {
				int64_t no;
				if ((rc = db_site_number(s, e->site_id, 0, &no)) ||
				    (rc = db_journal_hash_at(s, no, e->seq, hash)))
					return rc;
			}
			if (memcmp(hash, e->hash, 32)) {
				refuse(r,
				       _("entry %s/%lld differs from the one this store has (two "
				         "histories of one site)"),
				       e->site_id, seq);
				break;
			}
			r->duplicates++;
			continue;
		}
		if (e->seq > hd->seq + 1) {
			r->status = SYNC_ACK_GAP;
			break;
		}
		if (memcmp(e->prev_hash, hd->hash, 32)) {
			refuse(r, _("entry %s/%lld does not chain to entry %lld"), e->site_id, seq,
			       (long long)hd->seq);
			break;
		}
		journal_hash(e, hash);
		if (memcmp(hash, e->hash, 32)) {
			refuse(r, _("entry %s/%lld: its hash does not match its content"),
			       e->site_id, seq);
			break;
		}
		if (only_code && !strcmp(e->kind, "site.init") &&
		    !site_code_matches(e, only_code)) {
			refuse(r, _("entry %s/%lld names a site code other than the enrolled %s"),
			       e->site_id, seq, only_code);
			break;
		}
		struct entry copy = *e;
		if ((rc = apply_ingest(s, &copy))) {
			if (rc == ERR_DB || rc == ERR_IO)
				return rc;
			refuse(r, "%s", error_msg());
			break;
		}
		hd->seq = e->seq;
		memcpy(hd->hash, e->hash, 32);
		r->applied++;
	}
	*stop = i;
	return OK;
}

static void result_positions(struct ingest_result *r, const struct heads *h)
{
	r->vec = xcalloc(h->n ? h->n : 1, sizeof(*r->vec));
	r->nvec = h->n;
	for (size_t i = 0; i < h->n; i++) {
		strlcpy_(r->vec[i].site_id, h->v[i].site_id, sizeof(r->vec[i].site_id));
		r->vec[i].seq = h->v[i].seq;
	}
}

int sync_ingest(struct store *s, const struct sync_msg *m, const char *only_site,
                const char *only_code, const char *peer_site, struct ingest_result *r)
{
	struct heads h = {NULL, 0, 0};
	int64_t before;
	size_t stop = 0;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = store_begin(s)))
		return rc;
	before = db_exception_open_count(s);
	rc = ingest_range(s, m, m->nentries, only_site, only_code, &h, r, &stop);
	if (rc == OK && r->status == SYNC_ACK_REFUSED) {
		/* the refused entry may be half applied: keep only what came before it */
		struct ingest_result again;
		store_rollback(s);
		h.n = 0;
		memset(&again, 0, sizeof(again));
		if ((rc = store_begin(s)))
			goto out;
		size_t stop2;
		rc = ingest_range(s, m, stop, only_site, only_code, &h, &again, &stop2);
		if (rc == OK && again.status != SYNC_ACK_OK)
			rc = error_set(ERR_DB, _("a batch applied differently the second time: %s"),
			               again.reason);
		r->applied = again.applied;
		r->duplicates = again.duplicates;
	}
	if (rc == OK && peer_site && r->applied)
		rc = db_sync_state_add(s, peer_site, r->applied, 0, 0, 0);
	if (rc == OK)
		r->exceptions = db_exception_open_count(s) - before;
	if (rc == OK)
		rc = store_commit(s);
	else
		store_rollback(s);
	if (rc == OK)
		result_positions(r, &h);
out:
	free(h.v);
	return rc;
}

void ingest_result_free(struct ingest_result *r)
{
	free(r->vec);
	r->vec = NULL;
	r->nvec = 0;
}

/* ---- sending ---- */

static void pos_grow(struct sync_sender *t, int64_t site_no)
{
	if ((size_t)site_no < t->npos)
		return;
	size_t n = t->npos ? t->npos : 8;
	while (n <= (size_t)site_no)
		n *= 2;
	t->pos = xrealloc(t->pos, n * sizeof(*t->pos));
	memset(t->pos + t->npos, 0, (n - t->npos) * sizeof(*t->pos));
	t->npos = n;
}

/* Merge a peer's positions (acknowledged or announced) for the sites known here. */
static void merge_positions(struct sync_sender *t, struct store *s, const struct sync_pos *vec,
                            size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int64_t no;
		if (db_site_number(s, vec[i].site_id, 0, &no)) {
			error_clear();
			continue;
		}
		pos_grow(t, no);
		if (vec[i].seq > t->pos[no].confirmed)
			t->pos[no].confirmed = vec[i].seq;
		if (t->pos[no].have < t->pos[no].confirmed)
			t->pos[no].have = t->pos[no].confirmed;
	}
}

struct rewind {
	struct sync_sender *t;
	struct store *s;
	int64_t cursor;
	int rc;
};

static int rewind_site(void *ctx, const char *site_id, int64_t site_no, int64_t seq)
{
	struct rewind *w = ctx;
	struct sync_sender *t = w->t;
	int64_t id;
	(void)site_id;
	if (t->only_site_no && site_no != t->only_site_no)
		return 0;
	pos_grow(t, site_no);
	if (seq <= t->pos[site_no].have)
		return 0;
	if ((w->rc = db_sync_first_after(w->s, site_no, t->pos[site_no].have, &id)))
		return 1;
	if (id && id - 1 < w->cursor)
		w->cursor = id - 1;
	return 0;
}

/* Send again from what the peer confirmed: batches in flight are forgotten
 * (their acknowledgements still count when they come). */
static int rewind_sender(struct sync_sender *t, struct store *s)
{
	struct rewind w = {t, s, INT64_MAX, OK};
	for (size_t i = 0; i < t->npos; i++)
		t->pos[i].have = t->pos[i].confirmed;
	t->epoch++;
	t->ninflight = 0;
	t->rewinds++;
	int rc = db_sync_vector(s, rewind_site, &w);
	if (rc == 1)
		rc = w.rc;
	if (rc)
		return rc;
	t->cursor = w.cursor == INT64_MAX ? db_journal_max_id(s) : w.cursor;
	t->at_end = 0;
	t->uptodate_due = 1;
	return OK;
}

int sync_sender_start(struct sync_sender *t, struct store *s, int64_t only_site_no,
                      const struct sync_pos *vec, size_t n)
{
	memset(t, 0, sizeof(*t));
	t->only_site_no = only_site_no;
	t->next_batch = 1;
	merge_positions(t, s, vec, n);
	return rewind_sender(t, s);
}

void sync_sender_free(struct sync_sender *t)
{
	free(t->pos);
	t->pos = NULL;
	t->npos = 0;
}

struct fill {
	struct sync_sender *t;
	struct strbuf *out;
	size_t count;
	int rows;
};

static int fill_one(void *ctx, const struct entry *e, int64_t site_no)
{
	struct fill *f = ctx;
	struct sync_sender *t = f->t;
	f->rows++;
	t->cursor = e->id;
	pos_grow(t, site_no);
	if (e->seq <= t->pos[site_no].have)
		return 0;
	sync_entries_add(f->out, e);
	t->pos[site_no].have = e->seq;
	f->count++;
	return f->out->len >= SYNC_BATCH_BYTES || f->count >= SYNC_BATCH_ENTRIES;
}

int sync_sender_next(struct sync_sender *t, struct store *s, int64_t now_ms, struct strbuf *out,
                     size_t *count)
{
	struct fill f = {t, out, 0, 0};
	*count = 0;
	if (t->refused || t->ninflight >= SYNC_WINDOW)
		return OK;
	sync_entries_begin(out, t->next_batch);
	t->at_end = 0;
	for (;;) {
		int limit = SYNC_BATCH_ENTRIES - (int)f.count;
		f.rows = 0;
		/* the callback returns 1 when the batch is full; statuses are >= 2 */
		int rc = db_sync_read(s, t->cursor, t->only_site_no, limit, fill_one, &f);
		if (rc == 1)
			break;
		if (rc)
			return rc;
		if (f.rows < limit) {
			t->at_end = 1;
			break;
		}
	}
	if (!f.count)
		return OK;
	sync_entries_finish(out, f.count);
	t->inflight[t->ninflight].batch = t->next_batch++;
	t->inflight[t->ninflight].epoch = t->epoch;
	t->inflight[t->ninflight].sent_ms = now_ms;
	t->ninflight++;
	t->uptodate_due = 1;
	t->sent += (int64_t)f.count;
	*count = f.count;
	return OK;
}

struct upto {
	struct sync_sender *t;
	struct vec_build b;
};

static int upto_add(void *ctx, const char *site_id, int64_t site_no, int64_t seq)
{
	struct upto *u = ctx;
	if (u->t->only_site_no && site_no != u->t->only_site_no)
		return 0;
	return vec_add(&u->b, site_id, site_no, seq);
}

int sync_sender_uptodate(struct sync_sender *t, struct store *s, struct strbuf *out, int *produced)
{
	struct upto u = {t, {NULL, 0, 0}};
	struct sync_msg m;
	int rc;
	*produced = 0;
	if (t->refused || !t->at_end || !t->uptodate_due)
		return OK;
	if ((rc = db_sync_vector(s, upto_add, &u))) {
		free(u.b.v);
		return rc;
	}
	memset(&m, 0, sizeof(m));
	m.type = SYNC_UPTODATE;
	m.batch = t->next_batch - 1;
	m.vec = u.b.v;
	m.nvec = u.b.n;
	sync_encode(&m, out);
	free(u.b.v);
	t->uptodate_due = 0;
	*produced = 1;
	return OK;
}

int sync_sender_ack(struct sync_sender *t, struct store *s, const struct sync_msg *ack)
{
	int found = -1;
	for (int i = 0; i < t->ninflight; i++)
		if (t->inflight[i].batch == ack->batch)
			found = i;
	uint64_t epoch = found >= 0 ? t->inflight[found].epoch : 0;
	if (found >= 0) {
		memmove(&t->inflight[found], &t->inflight[found + 1],
		        (size_t)(t->ninflight - found - 1) * sizeof(t->inflight[0]));
		t->ninflight--;
	}
	merge_positions(t, s, ack->vec, ack->nvec);
	if (ack->status == SYNC_ACK_REFUSED) {
		t->refused = 1;
		return OK;
	}
	if (ack->status == SYNC_ACK_GAP && found >= 0 && epoch == t->epoch)
		return rewind_sender(t, s);
	return OK;
}

void sync_sender_peer_has(struct sync_sender *t, struct store *s, const struct sync_pos *vec,
                          size_t n)
{
	merge_positions(t, s, vec, n);
}

int sync_sender_tick(struct sync_sender *t, struct store *s, int64_t now_ms)
{
	if (t->ninflight && now_ms - t->inflight[0].sent_ms > SYNC_ACK_TIMEOUT_MS)
		return rewind_sender(t, s);
	return OK;
}

int64_t sync_sender_confirmed(const struct sync_sender *t, int64_t site_no)
{
	return site_no >= 0 && (size_t)site_no < t->npos ? t->pos[site_no].confirmed : 0;
}
