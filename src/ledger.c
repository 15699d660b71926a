/* Lot services. The checks here are the rules: the screens, the command line and
 * imports all come through these functions. */
#include "ledger.h"
#include "clock.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "documents.h"
#include "lotcode.h"
#include "purchasing.h"
#include "settings.h"
#include "units.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int lot_status_open(const char *status)
{
	return !strcmp(status, "available") || !strcmp(status, "hold") ||
	       !strcmp(status, "quarantine");
}

int lot_usable(const struct lot *l, int64_t today)
{
	int64_t exp;
	if (strcmp(l->status, "available") != 0 || l->qty <= 0)
		return 0;
	if (l->expiry[0] && date_parse(l->expiry, &exp) == OK && exp < today)
		return 0;
	return 1;
}

static int reason_ok(const char *what, const char *list, const char *reason, int required)
{
	if (!reason || !*reason) {
		if (required)
			return error_set(ERR_INVALID, _("%s: a reason is required (one of %s)"),
			                 what, list);
		return OK;
	}
	if (list_has(list, '|', reason))
		return OK;
	return error_set(ERR_INVALID, _("%s: reason '%s' is not one of %s"), what, reason, list);
}

static int note_ok(const char *note)
{
	if (note && strlen(note) > TEXT_MAX)
		return error_set(ERR_INVALID, _("note: longer than %d characters"), TEXT_MAX);
	return OK;
}

static void unit_ctx_for(const struct item *it, struct unit_ctx *c)
{
	c->base_unit = it->base_unit;
	c->density = it->density;
	c->pack_size = it->pack_size;
}

/* A quantity as typed, in a unit, converted to the lot's unit. */
static int qty_in(struct session *s, int64_t item_id, const char *item_code, const char *text,
                  const char *unit, const char *to_unit, fixed_t *out)
{
	struct item it;
	struct unit_ctx c;
	fixed_t q;
	int rc;
	(void)item_id;
	if (!text || !*text)
		return error_set(ERR_INVALID, _("quantity: required"));
	if (fixed_parse(text, 0, &q))
		return error_prefix(ERR_INVALID, _("quantity"));
	if (!unit || !*unit || !strcmp(unit, to_unit)) {
		*out = q;
		return OK;
	}
	if ((rc = db_item_get(s->store, item_code, &it)))
		return rc;
	unit_ctx_for(&it, &c);
	if ((rc = unit_convert(q, unit, to_unit, &c, out)))
		return error_prefix(rc, _("unit"));
	return OK;
}

static int load_lot(struct session *s, const char *code, struct lot *l)
{
	if (!code || !*code)
		return error_set(ERR_INVALID, _("lot: required"));
	return db_lot_get(s->store, code, l);
}

static int require_open(const struct lot *l, const char *action)
{
	if (!lot_status_open(l->status))
		return error_set(ERR_CONFLICT, _("lot %s is %s: it cannot be %s"), l->code,
		                 _(l->status), action);
	return OK;
}

int ledger_next_code(struct session *s, const char *pattern, int64_t day, char out[LOT_MAX + 1])
{
	char series[LOT_MAX + 32];
	int64_t n;
	int rc;
	if ((rc = lotcode_series(pattern, s->site_code, day, series, sizeof(series))))
		return rc;
	/* The counter skips codes already taken (an import may have used them). */
	do {
		if ((rc = db_lot_counter_next(s->store, series, &n)) ||
		    (rc =
		         lotcode_format(pattern, s->site_code, day, (uint64_t)n, out, LOT_MAX + 1)))
			return rc;
	} while (db_lot_exists(s->store, out));
	return OK;
}

/* The same item and supplier lot as an open lot: ask, add to it, or book anew
 * (r->dup). Adding needs the same place and the same expiry: a lot is one
 * place and one date. */
static int receive_duplicate(struct session *s, const struct receive_req *r, const struct item *it,
                             const struct location *loc, int64_t exp, struct lot *same, int *adding)
{
	char date[11];
	*adding = 0;
	if (r->dup == RECEIVE_DUP_IGNORE || r->dup == RECEIVE_DUP_NEW || !r->supplier_lot ||
	    !*r->supplier_lot ||
	    db_lot_by_supplier_lot(s->store, it->id, r->supplier_lot, same) != OK ||
	    !lot_status_open(same->status)) {
		error_clear();
		return OK;
	}
	if (r->dup == RECEIVE_DUP_ASK) {
		if (r->asks)
			*r->asks = RECEIVE_ASK_DUP;
		return error_set(ERR_CONFLICT,
		                 _("supplier lot: %s of %s is already lot %s (%s); add to that lot "
		                   "or book a new one"),
		                 r->supplier_lot, it->code, same->code, same->location_code);
	}
	/* stock that QA has not seen must not slip into a released lot */
	if (!strcmp(same->status, "available") && setting_on(s, SETTING_QUARANTINE_ON_RECEIPT))
		return error_set(ERR_CONFLICT,
		                 _("supplier lot: lot %s is released, and new stock waits in "
		                   "quarantine (quarantine_on_receipt); book a new lot"),
		                 same->code);
	if (same->location_id != loc->id)
		return error_set(ERR_CONFLICT,
		                 _("location: lot %s is in %s, not %s; add to it there or book a "
		                   "new lot"),
		                 same->code, same->location_code, loc->code);
	if (strcmp(same->expiry, exp ? date_format(exp, date) : "") != 0)
		return error_set(
		    ERR_CONFLICT, _("expiry: %s, but lot %s expires %s; book a new lot"),
		    exp ? date : "-", same->code, same->expiry[0] ? same->expiry : "-");
	*adding = 1;
	return OK;
}

int ledger_receive_in_tx(struct session *s, const struct receive_req *r, char lot_out[LOT_MAX + 1])
{
	struct item it;
	struct location loc;
	struct party sup;
	struct unit_ctx uc;
	struct fields f = FIELDS_INIT;
	fixed_t qty, base_qty, cost = 0;
	int64_t today = clock_today(), received = today, exp = 0;
	char date[11], lot[LOT_MAX + 1], num[FIXED_BUFSZ], entered[FIXED_BUFSZ + 24];
	int import = r->origin && !strcmp(r->origin, "import");
	int rc;

	if (!r->item || !*r->item)
		return error_set(ERR_INVALID, _("item: required"));
	if ((rc = db_item_get(s->store, r->item, &it)))
		return rc;
	if (!r->location || !*r->location)
		return error_set(ERR_INVALID, _("location: required"));
	if ((rc = db_location_get(s->store, r->location, &loc)))
		return rc;
	if (r->supplier && *r->supplier &&
	    (rc = db_party_get(s->store, PARTY_SUPPLIER, r->supplier, &sup)))
		return rc;
	if (!r->qty || !*r->qty)
		return error_set(ERR_INVALID, _("quantity: required"));
	if (fixed_parse(r->qty, 0, &qty))
		return error_prefix(ERR_INVALID, _("quantity"));
	if (qty <= 0)
		return error_set(ERR_INVALID, _("quantity: must be more than zero, not %s"),
		                 r->qty);
	unit_ctx_for(&it, &uc);
	const char *unit = r->unit && *r->unit ? r->unit : it.base_unit;
	if ((rc = unit_convert(qty, unit, it.base_unit, &uc, &base_qty)))
		return error_prefix(rc, _("unit"));
	if (base_qty <= 0)
		return error_set(ERR_INVALID,
		                 _("quantity: %s %s is less than the smallest amount "
		                   "of %s"),
		                 r->qty, unit, it.base_unit);
	struct po po;
	struct po_line pl;
	const char *supplier = r->supplier;
	if (r->po && *r->po) {
		/* the over-receipt check apart, so that a caller can ask for the yes */
		if ((rc = po_match(s, r->po, r->po_line, &it, r->supplier, base_qty, 1, &po, &pl)))
			return rc;
		if (!r->over && (rc = po_check_over(po.ref, &pl, base_qty))) {
			if (r->asks)
				*r->asks = RECEIVE_ASK_OVER;
			return rc;
		}
		supplier = po.supplier_code;
		if (!r->cost || !*r->cost)
			cost = pl.unit_cost;
	}
	if (r->cost && *r->cost) {
		fixed_t per_unit;
		if (fixed_parse(r->cost, 0, &per_unit))
			return error_prefix(ERR_INVALID, _("unit cost"));
		if (per_unit < 0)
			return error_set(ERR_INVALID, _("unit cost: must not be negative"));
		/* cost per base unit = cost per entered unit * entered qty / base qty */
		int64_t total;
		if ((rc = fixed_muldiv(per_unit, qty, base_qty, &total)))
			return error_prefix(rc, _("unit cost"));
		cost = total;
	}
	if (r->received && *r->received) {
		if ((rc = date_parse(r->received, &received)))
			return error_prefix(rc, _("received"));
		if (received > today)
			return error_set(ERR_INVALID, _("received: %s is in the future"),
			                 r->received);
	}
	if (r->expiry && *r->expiry) {
		if ((rc = date_parse(r->expiry, &exp)))
			return error_prefix(rc, _("expiry"));
		if (!import && exp < today)
			return error_set(
			    ERR_INVALID,
			    _("expiry: %s has passed; an expired lot cannot be received"),
			    r->expiry);
	} else if (it.shelf_life_days > 0) {
		exp = received + it.shelf_life_days;
	}
	if (r->supplier_lot && strlen(r->supplier_lot) > LOT_MAX)
		return error_set(ERR_INVALID, _("supplier lot: longer than %d characters"),
		                 LOT_MAX);
	if ((rc = note_ok(r->note)))
		return rc;
	struct lot same;
	int adding = 0;
	if ((rc = receive_duplicate(s, r, &it, &loc, exp, &same, &adding)))
		return rc;
	const char *status =
	    setting_on(s, SETTING_QUARANTINE_ON_RECEIPT) ? "quarantine" : "available";
	if (r->status && *r->status) {
		if (!import)
			return error_set(ERR_INVALID,
			                 _("status: only imports give a lot's status"));
		if (!lot_status_open(r->status))
			return error_set(ERR_INVALID,
			                 _("status: '%s' is not available, hold or quarantine"),
			                 r->status);
		status = r->status;
	}
	if (adding) {
		strlcpy_(lot, same.code, sizeof(lot));
		status = same.status;
	} else if (r->lot && *r->lot) {
		if (strlen(r->lot) > LOT_MAX || strpbrk(r->lot, " \t\r\n"))
			return error_set(ERR_INVALID, _("lot: '%s' is not a usable lot code"),
			                 r->lot);
		if (db_lot_exists(s->store, r->lot))
			return error_set(ERR_CONFLICT, _("lot: %s already exists"), r->lot);
		strlcpy_(lot, r->lot, sizeof(lot));
	} else {
		char pattern[128];
		setting_get(s, SETTING_LOT_CODE_PATTERN, pattern, sizeof(pattern));
		if ((rc = ledger_next_code(s, pattern, received, lot)))
			return rc;
	}

	fields_set(&f, "lot", lot);
	fields_set(&f, "item", it.code);
	fields_set_int(&f, "qty", base_qty);
	fields_set(&f, "unit", it.base_unit);
	snprintf(entered, sizeof(entered), "%s %s", fixed_format(qty, 0, num), unit);
	fields_set(&f, "entered", entered);
	fields_set(&f, "supplier", supplier ? supplier : "");
	fields_set(&f, "supplier_lot", r->supplier_lot ? r->supplier_lot : "");
	fields_set(&f, "received", date_format(received, date));
	fields_set(&f, "expiry", exp ? date_format(exp, date) : "");
	fields_set(&f, "location", loc.code);
	fields_set_int(&f, "cost", cost);
	fields_set(&f, "status", status);
	fields_set(&f, "origin", import ? "import" : "receive");
	fields_set(&f, "note", r->note ? r->note : "");
	if (adding)
		fields_set(&f, "add", "1");
	if (r->po && *r->po) {
		fields_set(&f, "po", po.ref);
		fields_set_int(&f, "po_line", pl.line);
	}
	rc = journal_append(s, "lot.receive", &f, NULL);
	fields_free(&f);
	if (rc == OK && lot_out)
		strlcpy_(lot_out, lot, LOT_MAX + 1);
	return rc;
}

int ledger_receive(struct session *s, const struct receive_req *r, char lot_out[LOT_MAX + 1])
{
	int rc = session_require(s, PERM_RECEIVE);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, ledger_receive_in_tx(s, r, lot_out));
}

int ledger_receive_many(struct session *s, const struct receive_req *r, int n,
                        char (*lots)[LOT_MAX + 1], int *failed, int dry_run)
{
	int rc = session_require(s, PERM_RECEIVE);
	*failed = -1;
	if (rc)
		return rc;
	if (n < 1)
		return error_set(ERR_INVALID, _("receipt: nothing to book"));
	if ((rc = session_begin(s)))
		return rc;
	for (int i = 0; i < n && rc == OK; i++)
		if ((rc = ledger_receive_in_tx(s, &r[i], lots[i])))
			*failed = i;
	if (rc == OK && dry_run) {
		/* everything would be booked: undo it */
		session_end(s, ERR_CONFLICT);
		error_clear();
		return OK;
	}
	return session_end(s, rc);
}

/* The common frame of a lot action: permission, transaction, lot lookup. */
#define LOT_ACTION_BEGIN(perm)                                                                     \
	struct lot l;                                                                              \
	struct fields f = FIELDS_INIT;                                                             \
	int rc = session_require(s, perm);                                                         \
	if (rc || (rc = session_begin(s)))                                                         \
		return rc;                                                                         \
	if ((rc = load_lot(s, lot, &l)))                                                           \
		goto out;                                                                          \
	fields_set(&f, "lot", l.code)

#define LOT_ACTION_END()                                                                           \
	out:                                                                                       \
	fields_free(&f);                                                                           \
	return session_end(s, rc)

int ledger_adjust(struct session *s, const char *lot, const char *qty, const char *unit,
                  int is_delta, const char *reason, const char *note)
{
	fixed_t q, delta;
	LOT_ACTION_BEGIN(PERM_ADJUST);
	if ((rc = require_open(&l, _("adjusted"))) ||
	    (rc = reason_ok(_("adjust"), ADJUST_REASONS, reason, 1)) || (rc = note_ok(note)))
		goto out;
	if (!strcmp(reason, "other") && (!note || !*note)) {
		rc = error_set(ERR_INVALID, _("adjust: reason 'other' needs a note saying why"));
		goto out;
	}
	if ((rc = qty_in(s, l.item_id, l.item_code, qty, unit, l.unit, &q)))
		goto out;
	delta = is_delta ? q : q - l.qty;
	if (!is_delta && q < 0) {
		rc = error_set(ERR_INVALID, _("quantity: a count cannot be negative"));
		goto out;
	}
	if (delta == 0) {
		rc = error_set(ERR_INVALID, _("adjust: the lot already holds that quantity"));
		goto out;
	}
	if (l.qty + delta < 0) {
		char a[FIXED_BUFSZ];
		rc = error_set(ERR_INVALID, _("quantity: the lot holds only %s %s"),
		               fixed_format(l.qty, 0, a), l.unit);
		goto out;
	}
	fields_set_int(&f, "qty", delta);
	fields_set(&f, "reason", reason);
	fields_set(&f, "note", note ? note : "");
	rc = journal_append(s, "lot.adjust", &f, NULL);
	LOT_ACTION_END();
}

int ledger_move(struct session *s, const char *lot, const char *to, const char *note)
{
	struct location dest;
	LOT_ACTION_BEGIN(PERM_MOVE);
	if ((rc = require_open(&l, _("moved"))) || (rc = note_ok(note)))
		goto out;
	if (!to || !*to) {
		rc = error_set(ERR_INVALID, _("to: a location is required"));
		goto out;
	}
	if ((rc = db_location_get(s->store, to, &dest)))
		goto out;
	if (dest.id == l.location_id) {
		rc = error_set(ERR_INVALID, _("to: lot %s is already in %s"), l.code, dest.code);
		goto out;
	}
	fields_set(&f, "from", l.location_code);
	fields_set(&f, "to", dest.code);
	fields_set(&f, "note", note ? note : "");
	rc = journal_append(s, "lot.transfer", &f, NULL);
	LOT_ACTION_END();
}

/* hold, release and quarantine share one shape: from some statuses to one status. */
static int status_change(struct session *s, const char *lot, enum permission perm, const char *kind,
                         const char *to, const char *from_allowed, const char *reason,
                         const char *note)
{
	LOT_ACTION_BEGIN(perm);
	if ((rc = note_ok(note)))
		goto out;
	if (!strcmp(l.status, to)) {
		rc = error_set(ERR_CONFLICT, _("lot %s is already %s"), l.code, _(to));
		goto out;
	}
	if (!list_has(from_allowed, ' ', l.status)) {
		rc = error_set(ERR_CONFLICT, _("lot %s is %s: only a lot that is %s can be %s"),
		               l.code, _(l.status), from_allowed, kind);
		goto out;
	}
	/* releasing from hold or quarantine is where QA's policy applies */
	if (!strcmp(to, "available") && (rc = qc_release_check(s, &l)))
		goto out;
	fields_set(&f, "status_before", l.status);
	fields_set(&f, "status", to);
	fields_set(&f, "reason", reason ? reason : "");
	fields_set(&f, "note", note ? note : "");
	char entry_kind[32];
	snprintf(entry_kind, sizeof(entry_kind), "lot.%s", kind);
	rc = journal_append(s, entry_kind, &f, NULL);
	LOT_ACTION_END();
}

int ledger_hold(struct session *s, const char *lot, const char *reason, const char *note)
{
	int rc = reason_ok(_("hold"), HOLD_REASONS, reason, 1);
	if (rc)
		return rc;
	return status_change(s, lot, PERM_HOLD, "hold", "hold", "available quarantine", reason,
	                     note);
}

int ledger_release(struct session *s, const char *lot, const char *note)
{
	return status_change(s, lot, PERM_RELEASE, "release", "available", "hold quarantine", NULL,
	                     note);
}

int ledger_quarantine(struct session *s, const char *lot, const char *reason, const char *note)
{
	int rc = reason_ok(_("quarantine"), HOLD_REASONS, reason, 1);
	if (rc)
		return rc;
	return status_change(s, lot, PERM_QUARANTINE, "quarantine", "quarantine", "available hold",
	                     reason, note);
}

int ledger_scrap(struct session *s, const char *lot, const char *qty, const char *unit,
                 const char *reason, const char *note)
{
	fixed_t q;
	LOT_ACTION_BEGIN(PERM_SCRAP);
	if ((rc = require_open(&l, _("scrapped"))) ||
	    (rc = reason_ok(_("scrap"), SCRAP_REASONS, reason, 1)) || (rc = note_ok(note)))
		goto out;
	if (qty && *qty) {
		if ((rc = qty_in(s, l.item_id, l.item_code, qty, unit, l.unit, &q)))
			goto out;
	} else {
		q = l.qty;
	}
	if (q <= 0) {
		rc = error_set(ERR_INVALID, _("quantity: must be more than zero"));
		goto out;
	}
	if (q > l.qty) {
		char a[FIXED_BUFSZ];
		rc = error_set(ERR_INVALID, _("quantity: the lot holds only %s %s"),
		               fixed_format(l.qty, 0, a), l.unit);
		goto out;
	}
	fields_set_int(&f, "qty", q);
	fields_set(&f, "reason", reason);
	fields_set(&f, "note", note ? note : "");
	fields_set(&f, "status_before", l.status);
	fields_set(&f, "status", q == l.qty ? "scrapped" : l.status);
	rc = journal_append(s, "lot.scrap", &f, NULL);
	LOT_ACTION_END();
}

int ledger_correct(struct session *s, const char *lot, int64_t no, const char *reason,
                   const char *note)
{
	struct movement m;
	LOT_ACTION_BEGIN(PERM_CORRECT);
	if ((rc = note_ok(note)))
		goto out;
	if ((!reason || !*reason) && (!note || !*note)) {
		rc = error_set(ERR_INVALID, _("correct: say why in a reason or a note"));
		goto out;
	}
	if ((rc = db_movement_by_no(s->store, l.id, no, &m)))
		goto out;
	if (!strcmp(m.kind, "correct")) {
		rc = error_set(ERR_CONFLICT,
		               _("movement #%lld is itself a correction; record a new "
		                 "movement instead"),
		               (long long)no);
		goto out;
	}
	if (m.corrected) {
		rc = error_set(ERR_CONFLICT, _("movement #%lld of %s is already corrected"),
		               (long long)no, l.code);
		goto out;
	}
	if (l.qty - m.qty < 0) {
		char a[FIXED_BUFSZ];
		rc = error_set(
		    ERR_CONFLICT,
		    _("correcting movement #%lld would leave %s below zero (it holds %s %s)"),
		    (long long)no, l.code, fixed_format(l.qty, 0, a), l.unit);
		goto out;
	}
	if (!strcmp(m.kind, "transfer") && strcmp(l.location_code, m.to_location) != 0) {
		rc = error_set(ERR_CONFLICT,
		               _("lot %s has moved again since movement #%lld; move it instead"),
		               l.code, (long long)no);
		goto out;
	}
	if (m.status_before[0] && strcmp(m.status_before, m.status_after) &&
	    strcmp(l.status, m.status_after) != 0) {
		rc = error_set(ERR_CONFLICT,
		               _("lot %s changed status again since movement #%lld (now %s)"),
		               l.code, (long long)no, _(l.status));
		goto out;
	}
	fields_set(&f, "site", m.site_id);
	fields_set_int(&f, "seq", m.seq);
	fields_set_int(&f, "idx", m.idx);
	fields_set(&f, "reason", reason ? reason : "");
	fields_set(&f, "note", note ? note : "");
	rc = journal_append(s, "lot.correct", &f, NULL);
	LOT_ACTION_END();
}
