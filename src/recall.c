/* Recall services. The scope travels in the entry (every lot with its stock and
 * status, every shipment), so a replay or another terminal records the same
 * recall even if more has shipped there since. */
#include "recall.h"
#include "clock.h"
#include "db/lots.h"
#include "db/master.h"
#include "db/trace.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "ledger.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RECALL_CODE_PATTERN "RCL-{YYMMDD}-{SITE}{NNN}"
#define DRILL_CODE_PATTERN  "MOCK-{YYMMDD}-{SITE}{NNN}"

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

struct scope_lot {
	int64_t id, depth;
};

struct scope {
	struct scope_lot *lots;
	size_t n, cap;
	struct strbuf ships;
	int rc;
};

/* The list separators must not appear in what they separate. */
static int plain(const char *v)
{
	if (strpbrk(v, "|;"))
		return error_set(ERR_INVALID, _("'%s' has | or ;, which a recall list cannot hold"),
		                 v);
	return OK;
}

static int scope_row(void *ctx, const struct trace_row *r)
{
	struct scope *sc = ctx;
	if (!strcmp(r->kind, "lot") || !strcmp(r->kind, "made")) {
		/* rows come by depth, so the first sighting is the shallowest */
		for (size_t i = 0; i < sc->n; i++)
			if (sc->lots[i].id == r->lot_id)
				return 0;
		if (sc->n == sc->cap) {
			sc->cap = sc->cap ? sc->cap * 2 : 64;
			sc->lots = xrealloc(sc->lots, sc->cap * sizeof(*sc->lots));
		}
		sc->lots[sc->n++] = (struct scope_lot){r->lot_id, r->depth};
	} else if (!strcmp(r->kind, "ship")) {
		if ((sc->rc = plain(r->party)) || (sc->rc = plain(r->ref)) ||
		    (sc->rc = plain(r->lot)))
			return 1;
		sb_printf(&sc->ships, "%s%s|%s|%s|%lld|%s", sc->ships.len ? ";" : "", r->party,
		          r->ref, r->lot, (long long)r->qty, r->date);
	}
	return 0;
}

int recall_open(struct session *s, const char *const *lots, int n, const char *reason, int drill,
                char code_out[LOT_MAX + 1])
{
	double t0 = mono_ms();
	struct scope sc;
	struct fields f = FIELDS_INIT;
	struct strbuf list = STRBUF_INIT;
	int64_t *ids = NULL, held = 0;
	char code[LOT_MAX + 1];
	int rc = session_require(s, PERM_RECALL);
	memset(&sc, 0, sizeof(sc));
	if (rc || (rc = session_begin(s)))
		return rc;
	if (!reason || !*reason || strlen(reason) > TEXT_MAX) {
		rc = error_set(ERR_INVALID, _("reason: say why (1 to %d characters)"), TEXT_MAX);
		goto out;
	}
	if (n < 1) {
		rc = error_set(ERR_INVALID, _("lot: name at least one lot"));
		goto out;
	}
	ids = xcalloc((size_t)n, sizeof(*ids));
	for (int i = 0; i < n; i++)
		if ((rc = db_lot_id(s->store, lots[i], &ids[i])))
			goto out;
	rc = db_trace_forward(s->store, ids, (size_t)n, TRACE_DEPTH_MAX, scope_row, &sc);
	if (rc == 1 || sc.rc)
		rc = sc.rc ? sc.rc : ERR_DB;
	if (rc)
		goto out;
	for (size_t i = 0; i < sc.n; i++) {
		struct lot l;
		int in_stock, hold;
		if ((rc = db_lot_get_by_id(s->store, sc.lots[i].id, &l)) || (rc = plain(l.code)))
			goto out;
		in_stock = lot_status_open(l.status) && l.qty > 0;
		/* a drill changes nothing; a lot already on hold stays as it is */
		hold = !drill && in_stock && strcmp(l.status, "hold") != 0;
		held += hold;
		sb_printf(&list, "%s%s|%lld|%lld|%s|%d", list.len ? ";" : "", l.code,
		          (long long)sc.lots[i].depth, (long long)(in_stock ? l.qty : 0), l.status,
		          hold);
	}
	if ((rc = ledger_next_code(s, drill ? DRILL_CODE_PATTERN : RECALL_CODE_PATTERN,
	                           clock_today(), code)))
		goto out;
	fields_set(&f, "code", code);
	fields_set(&f, "reason", reason);
	fields_set_int(&f, "drill", drill != 0);
	fields_set(&f, "lots", sb_str(&list));
	fields_set(&f, "shipments", sb_str(&sc.ships));
	fields_set_int(&f, "held", held);
	/* the list is complete here: this is the figure an auditor asks for */
	fields_set_int(&f, "elapsed_ms", (int64_t)(mono_ms() - t0 + 0.5));
	rc = journal_append(s, "recall.open", &f, NULL);
	if (rc == OK && code_out)
		strlcpy_(code_out, code, LOT_MAX + 1);
out:
	free(ids);
	free(sc.lots);
	sb_free(&sc.ships);
	sb_free(&list);
	fields_free(&f);
	return session_end(s, rc);
}

static int load_open(struct session *s, const char *code, struct recall *r)
{
	int rc;
	if (!code || !*code)
		return error_set(ERR_INVALID, _("recall: required"));
	if ((rc = db_recall_get(s->store, code, r)))
		return rc;
	if (strcmp(r->status, "open") != 0)
		return error_set(ERR_CONFLICT, _("recall %s is closed"), r->code);
	return OK;
}

struct find_customer {
	const char *code;
	int found;
};

static int find_customer(void *ctx, const struct recall_customer *c)
{
	struct find_customer *fc = ctx;
	if (!strcmp(c->code, fc->code))
		fc->found = 1;
	return 0;
}

int recall_mark(struct session *s, const char *code, const char *customer, const char *what,
                const char *qty)
{
	struct recall r;
	struct party c;
	struct fields f = FIELDS_INIT;
	struct find_customer fc = {customer, 0};
	fixed_t q = 0;
	int rc = session_require(s, PERM_RECALL);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_open(s, code, &r)))
		goto out;
	if (!customer || !*customer) {
		rc = error_set(ERR_INVALID, _("customer: required"));
		goto out;
	}
	if ((rc = db_party_get(s->store, PARTY_CUSTOMER, customer, &c)) ||
	    (rc = db_recall_customers_each(s->store, r.id, find_customer, &fc)))
		goto out;
	if (!fc.found) {
		rc = error_set(ERR_NOT_FOUND, _("customer %s received nothing in recall %s"),
		               c.code, r.code);
		goto out;
	}
	if (!what || (strcmp(what, "notified") && strcmp(what, "acknowledged") &&
	              strcmp(what, "returned"))) {
		rc = error_set(ERR_INVALID,
		               _("mark: '%s' is not notified, acknowledged or returned"),
		               what ? what : "");
		goto out;
	}
	if (!strcmp(what, "returned")) {
		if (!qty || fixed_parse(qty, 0, &q) || q <= 0) {
			rc = error_set(ERR_INVALID,
			               _("quantity: returned needs --qty, more than zero"));
			goto out;
		}
	} else if (qty) {
		rc = error_set(ERR_INVALID, _("quantity: only returned takes --qty"));
		goto out;
	}
	fields_set(&f, "code", r.code);
	fields_set(&f, "customer", c.code);
	fields_set(&f, "mark", what);
	fields_set_int(&f, "qty", q);
	rc = journal_append(s, "recall.mark", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

int recall_close(struct session *s, const char *code, const char *summary)
{
	struct recall r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_RECALL);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = load_open(s, code, &r)))
		goto out;
	if (!summary || !*summary || strlen(summary) > TEXT_MAX * 4) {
		rc = error_set(ERR_INVALID,
		               _("summary: say how the recall ended (1 to %d "
		                 "characters)"),
		               TEXT_MAX * 4);
		goto out;
	}
	fields_set(&f, "code", r.code);
	fields_set(&f, "summary", summary);
	rc = journal_append(s, "recall.close", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}
