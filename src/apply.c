/* What each kind of journal entry does to lots, movements and master data. */
#include "apply.h"
#include "db/journal.h"
#include "db/lots.h"
#include "db/master.h"
#include "db/purchasing.h"
#include "db/verify.h"
#include "error.h"
#include "hlc.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef int (*apply_fn)(struct store *s, const struct entry *e, const struct fields *f);

#include "apply_internal.h"

#define need_int fields_int

int apply_location_id(struct store *s, const char *code, int64_t *id)
{
	struct location l;
	int rc = db_location_get(s, code, &l);
	if (rc == OK)
		*id = l.id;
	return rc;
}

static int apply_site_init(struct store *s, const struct entry *e, const struct fields *f)
{
	return db_site_set_code(s, e->site_id, fields_str(f, "code"));
}

static int apply_setting(struct store *s, const struct entry *e, const struct fields *f)
{
	return db_setting_put(s, fields_str(f, "key"), fields_str(f, "value"), e->hlc);
}

static int apply_user(struct store *s, const struct entry *e, const struct fields *f)
{
	struct user u;
	int64_t active = 1;
	memset(&u, 0, sizeof(u));
	strlcpy_(u.name, fields_str(f, "name"), sizeof(u.name));
	strlcpy_(u.full_name, fields_str(f, "full_name"), sizeof(u.full_name));
	strlcpy_(u.role, fields_str(f, "role"), sizeof(u.role));
	strlcpy_(u.pin_hash, fields_str(f, "pin_hash"), sizeof(u.pin_hash));
	strlcpy_(u.badge, fields_str(f, "badge"), sizeof(u.badge));
	if (fields_get(f, "active"))
		need_int(f, "active", &active);
	u.active = active != 0;
	return db_user_put(s, &u, e->hlc);
}

static int apply_item(struct store *s, const struct entry *e, const struct fields *f)
{
	struct item it;
	memset(&it, 0, sizeof(it));
	strlcpy_(it.code, fields_str(f, "code"), sizeof(it.code));
	strlcpy_(it.name, fields_str(f, "name"), sizeof(it.name));
	strlcpy_(it.kind, fields_str(f, "kind"), sizeof(it.kind));
	strlcpy_(it.category, fields_str(f, "category"), sizeof(it.category));
	strlcpy_(it.base_unit, fields_str(f, "base_unit"), sizeof(it.base_unit));
	strlcpy_(it.gtin, fields_str(f, "gtin"), sizeof(it.gtin));
	strlcpy_(it.pack_gtin, fields_str(f, "pack_gtin"), sizeof(it.pack_gtin));
	strlcpy_(it.allergens, fields_str(f, "allergens"), sizeof(it.allergens));
	if (fields_get(f, "shelf_life_days"))
		need_int(f, "shelf_life_days", &it.shelf_life_days);
	if (fields_get(f, "density"))
		need_int(f, "density", &it.density);
	if (fields_get(f, "pack_size"))
		need_int(f, "pack_size", &it.pack_size);
	return db_item_put(s, &it, e->hlc);
}

static int apply_location(struct store *s, const struct entry *e, const struct fields *f)
{
	struct location l;
	memset(&l, 0, sizeof(l));
	strlcpy_(l.code, fields_str(f, "code"), sizeof(l.code));
	strlcpy_(l.name, fields_str(f, "name"), sizeof(l.name));
	strlcpy_(l.kind, fields_str(f, "kind"), sizeof(l.kind));
	return db_location_put(s, &l, e->hlc);
}

static int apply_party(struct store *s, const struct entry *e, const struct fields *f,
                       enum party_kind k)
{
	struct party p;
	memset(&p, 0, sizeof(p));
	strlcpy_(p.code, fields_str(f, "code"), sizeof(p.code));
	strlcpy_(p.name, fields_str(f, "name"), sizeof(p.name));
	strlcpy_(p.contact, fields_str(f, "contact"), sizeof(p.contact));
	strlcpy_(p.email, fields_str(f, "email"), sizeof(p.email));
	strlcpy_(p.phone, fields_str(f, "phone"), sizeof(p.phone));
	strlcpy_(p.address, fields_str(f, "address"), sizeof(p.address));
	strlcpy_(p.city, fields_str(f, "city"), sizeof(p.city));
	strlcpy_(p.postcode, fields_str(f, "postcode"), sizeof(p.postcode));
	strlcpy_(p.country, fields_str(f, "country"), sizeof(p.country));
	return db_party_put(s, k, &p, e->hlc);
}

static int apply_supplier(struct store *s, const struct entry *e, const struct fields *f)
{
	return apply_party(s, e, f, PARTY_SUPPLIER);
}

static int apply_customer(struct store *s, const struct entry *e, const struct fields *f)
{
	return apply_party(s, e, f, PARTY_CUSTOMER);
}

/* Remote facts can break rules that the local service would have enforced; they
 * are kept and raised for a manager instead of being refused. */
static int check_balance(struct store *s, const struct entry *e, int64_t lot_id, fixed_t balance)
{
	struct lot l;
	int rc;
	if (balance >= 0)
		return OK;
	if ((rc = db_lot_get_by_id(s, lot_id, &l)))
		return rc;
	{
		char q[FIXED_BUFSZ], msg[256];
		snprintf(msg, sizeof(msg), _("lot %s balance is below zero (%s %s)"), l.code,
		         fixed_format(l.qty, 0, q), l.unit);
		return db_exception_add(s, e->id, lot_id, "negative-balance", msg);
	}
}

/* new_lot: the lot was just created holding this movement's quantity */
static int movement_record(struct store *s, const struct entry *e, const struct movement_new *m0,
                           int new_lot)
{
	struct movement_new m = *m0;
	fixed_t balance = m.qty;
	int rc;
	m.entry = e->id;
	m.hlc = e->hlc;
	if ((rc = db_movement_insert(s, &m, NULL)) ||
	    (!new_lot && (rc = db_lot_add_qty(s, m.lot_id, m.qty, e->hlc, m.kind, &balance))))
		return rc;
	return check_balance(s, e, m.lot_id, balance);
}

int apply_movement(struct store *s, const struct entry *e, const struct movement_new *m0)
{
	return movement_record(s, e, m0, 0);
}

/* Two terminals offline received under the same lot code (typed or scanned,
 * not made from the pattern, which carries the site code). Of the same item
 * and unit it is one lot on every store: this receipt adds to it, the earliest
 * receipt's details stand, the newest's place and status (by their stamps),
 * and a manager is told. Of another item the receipt cannot be kept apart
 * from the lot there: refused, as before. */
static int same_code_receipt(struct store *s, const struct entry *e, const struct lot_new *n,
                             int64_t lot_id, int *earliest)
{
	struct lot l;
	char msg[256];
	int rc;
	if ((rc = db_lot_get_by_id(s, lot_id, &l)))
		return rc;
	if (l.item_id != n->item_id || strcmp(l.unit, n->unit))
		return error_set(ERR_CONFLICT,
		                 _("lot %s already exists here for %s in %s: a receipt of another "
		                   "item or unit under the same code cannot be kept"),
		                 n->code, l.item_code, l.unit);
	if ((rc = db_lot_name_creator_site(s, lot_id)) ||
	    (rc = db_lot_keep_earliest_receipt(s, lot_id, n, e->id, e->hlc, earliest)) ||
	    (rc = db_lot_set_location(s, lot_id, n->location_id, e->hlc)) ||
	    (rc = db_lot_set_status(s, lot_id, n->status, e->hlc)))
		return rc;
	snprintf(msg, sizeof(msg),
	         _("lot %s was received on two terminals while they were offline: the receipts "
	           "are one lot now; check its details"),
	         n->code);
	return db_exception_add(s, e->id, lot_id, "same-lot-code", msg);
}

static int apply_receive(struct store *s, const struct entry *e, const struct fields *f)
{
	struct item it;
	struct party sup;
	struct lot_new n;
	struct movement_new m;
	int64_t qty, cost = 0, lot_id;
	int rc;

	memset(&n, 0, sizeof(n));
	memset(&m, 0, sizeof(m));
	if ((rc = db_item_get(s, fields_str(f, "item"), &it)))
		return rc;
	n.item_id = it.id;
	if (*fields_str(f, "supplier")) {
		if ((rc = db_party_get(s, PARTY_SUPPLIER, fields_str(f, "supplier"), &sup)))
			return rc;
		n.supplier_id = sup.id;
	}
	if ((rc = apply_location_id(s, fields_str(f, "location"), &n.location_id)))
		return rc;
	if ((rc = need_int(f, "qty", &qty)))
		return rc;
	if (fields_get(f, "cost") && (rc = need_int(f, "cost", &cost)))
		return rc;
	n.code = fields_str(f, "lot");
	n.supplier_lot = fields_str(f, "supplier_lot");
	n.received = fields_str(f, "received");
	n.expiry = fields_str(f, "expiry");
	n.unit = fields_str(f, "unit");
	n.unit_cost = cost;
	n.status = fields_str(f, "status");
	n.origin = fields_str(f, "origin");
	/* "add": more of an existing lot (the same supplier lot again) */
	int adding = *fields_str(f, "add"), earliest = 1;
	if (adding) {
		if ((rc = db_lot_id(s, n.code, &lot_id)))
			return rc;
	} else {
		n.qty = qty; /* one write: the lot starts with what was received */
		n.kind = "receive";
		n.site = e->site_id;
		rc = db_lot_insert(s, &n, e->id, e->hlc, &lot_id);
		/* the code in use: only a remote receipt, this store's own refuses it
		 * (looked up only then: a bulk load inserts a million) */
		if (rc == ERR_CONFLICT && db_lot_id(s, n.code, &lot_id) == OK) {
			if ((rc = same_code_receipt(s, e, &n, lot_id, &earliest)))
				return rc;
			adding = 1;
		} else if (rc) {
			return rc;
		}
	}
	m.lot_id = lot_id;
	m.kind = "receive";
	m.qty = qty;
	m.note = fields_str(f, "note");
	m.reason = fields_str(f, "origin");
	m.to_location = n.location_id;
	m.status_after = n.status;
	if ((rc = movement_record(s, e, &m, !adding)))
		return rc;
	if (*fields_str(f, "po")) {
		struct po po;
		struct po_line line;
		int64_t n_line;
		if ((rc = need_int(f, "po_line", &n_line)) ||
		    (rc = db_po_get(s, fields_str(f, "po"), &po)))
			return rc;
		if ((rc = db_po_line_find(s, po.id, n_line, 0, &line)))
			return rc == ERR_NOT_FOUND
			           ? error_set(ERR_NOT_FOUND, _("line %lld of %s not found"),
			                       (long long)n_line, po.ref)
			           : rc;
		if ((rc = db_po_line_receive(s, line.id, qty)) ||
		    (!*fields_str(f, "add") && earliest &&
		     (rc = db_lot_set_po_line(s, n.code, line.id))))
			return rc;
	}
	return OK;
}

static int apply_po(struct store *s, const struct entry *e, const struct fields *f)
{
	struct po po;
	struct party sup;
	int64_t lines, id;
	int rc;
	memset(&po, 0, sizeof(po));
	strlcpy_(po.ref, fields_str(f, "ref"), sizeof(po.ref));
	strlcpy_(po.expected, fields_str(f, "expected"), sizeof(po.expected));
	strlcpy_(po.note, fields_str(f, "note"), sizeof(po.note));
	if ((rc = db_party_get(s, PARTY_SUPPLIER, fields_str(f, "supplier"), &sup)) ||
	    (rc = need_int(f, "lines", &lines)) || (rc = db_po_insert(s, &po, sup.id, e->hlc, &id)))
		return rc;
	for (int64_t i = 1; i <= lines; i++) {
		struct po_line l;
		struct item it;
		char key[32];
		memset(&l, 0, sizeof(l));
		l.po_id = id;
		l.line = i;
		snprintf(key, sizeof(key), "%lld.item", (long long)i);
		if ((rc = db_item_get(s, fields_str(f, key), &it)))
			return rc;
		l.item_id = it.id;
		snprintf(key, sizeof(key), "%lld.qty", (long long)i);
		if ((rc = need_int(f, key, &l.qty)))
			return rc;
		snprintf(key, sizeof(key), "%lld.unit", (long long)i);
		strlcpy_(l.unit, fields_str(f, key), sizeof(l.unit));
		snprintf(key, sizeof(key), "%lld.ordered", (long long)i);
		strlcpy_(l.ordered, fields_str(f, key), sizeof(l.ordered));
		snprintf(key, sizeof(key), "%lld.cost", (long long)i);
		if ((rc = need_int(f, key, &l.unit_cost)) || (rc = db_po_line_insert(s, &l)))
			return rc;
	}
	return OK;
}

static int apply_po_close(struct store *s, const struct entry *e, const struct fields *f)
{
	struct po po;
	int64_t line;
	int rc;
	if ((rc = db_po_get(s, fields_str(f, "ref"), &po)) || (rc = need_int(f, "line", &line)))
		return rc;
	return db_po_close(s, po.id, line, e->hlc);
}

static int lot_of(struct store *s, const struct fields *f, int64_t *id)
{
	return db_lot_id(s, fields_str(f, "lot"), id);
}

static int apply_adjust(struct store *s, const struct entry *e, const struct fields *f)
{
	struct movement_new m;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = lot_of(s, f, &m.lot_id)) || (rc = need_int(f, "qty", &m.qty)))
		return rc;
	m.kind = "adjust";
	m.reason = fields_str(f, "reason");
	m.note = fields_str(f, "note");
	return apply_movement(s, e, &m);
}

static int apply_transfer(struct store *s, const struct entry *e, const struct fields *f)
{
	struct movement_new m;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = lot_of(s, f, &m.lot_id)))
		return rc;
	if ((rc = apply_location_id(s, fields_str(f, "from"), &m.from_location)) ||
	    (rc = apply_location_id(s, fields_str(f, "to"), &m.to_location)))
		return rc;
	m.kind = "transfer";
	m.note = fields_str(f, "note");
	if ((rc = apply_movement(s, e, &m)))
		return rc;
	return db_lot_set_location(s, m.lot_id, m.to_location, e->hlc);
}

/* hold, release, quarantine: a status change with no quantity. */
static int apply_status(struct store *s, const struct entry *e, const struct fields *f)
{
	struct movement_new m;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = lot_of(s, f, &m.lot_id)))
		return rc;
	m.kind = e->kind + strlen("lot.");
	m.reason = fields_str(f, "reason");
	m.note = fields_str(f, "note");
	m.status_before = fields_str(f, "status_before");
	m.status_after = fields_str(f, "status");
	if ((rc = apply_movement(s, e, &m)))
		return rc;
	return db_lot_set_status(s, m.lot_id, m.status_after, e->hlc);
}

static int apply_scrap(struct store *s, const struct entry *e, const struct fields *f)
{
	struct movement_new m;
	int rc;
	memset(&m, 0, sizeof(m));
	if ((rc = lot_of(s, f, &m.lot_id)) || (rc = need_int(f, "qty", &m.qty)))
		return rc;
	m.qty = -m.qty;
	m.kind = "scrap";
	m.reason = fields_str(f, "reason");
	m.note = fields_str(f, "note");
	m.status_before = fields_str(f, "status_before");
	m.status_after = fields_str(f, "status");
	if ((rc = apply_movement(s, e, &m)))
		return rc;
	if (*m.status_after && (rc = db_lot_set_status(s, m.lot_id, m.status_after, e->hlc)))
		return rc;
	return OK;
}

/* A correction reverses the named movement: its quantity, its move, its status. */
static int apply_correct(struct store *s, const struct entry *e, const struct fields *f)
{
	struct movement orig;
	struct movement_new m;
	int64_t seq, idx, lot_id;
	int rc;

	memset(&m, 0, sizeof(m));
	if ((rc = need_int(f, "seq", &seq)) || (rc = need_int(f, "idx", &idx)))
		return rc;
	if ((rc = db_movement_by_ref(s, fields_str(f, "site"), seq, idx, &orig, &lot_id)))
		return rc;
	m.lot_id = lot_id;
	m.kind = "correct";
	m.qty = -orig.qty;
	m.reason = fields_str(f, "reason");
	m.note = fields_str(f, "note");
	m.corrects = orig.id;
	if (orig.from_location[0] && orig.to_location[0] && strcmp(orig.kind, "transfer") == 0) {
		if ((rc = apply_location_id(s, orig.to_location, &m.from_location)) ||
		    (rc = apply_location_id(s, orig.from_location, &m.to_location)))
			return rc;
	}
	if (orig.status_before[0] && strcmp(orig.status_before, orig.status_after) != 0) {
		m.status_before = orig.status_after;
		m.status_after = orig.status_before;
	}
	if ((rc = apply_movement(s, e, &m)))
		return rc;
	if (m.to_location && (rc = db_lot_set_location(s, lot_id, m.to_location, e->hlc)))
		return rc;
	if (m.status_after && (rc = db_lot_set_status(s, lot_id, m.status_after, e->hlc)))
		return rc;
	return OK;
}

static const struct {
	const char *kind;
	apply_fn fn;
} appliers[] = {
    {"site.init", apply_site_init},
    {"setting.set", apply_setting},
    {"user.put", apply_user},
    {"item.put", apply_item},
    {"location.put", apply_location},
    {"supplier.put", apply_supplier},
    {"customer.put", apply_customer},
    APPLY_PRODUCTION_KINDS APPLY_DOCUMENT_KINDS APPLY_ORDER_KINDS{"po.put", apply_po},
    {"po.close", apply_po_close},
    {"lot.receive", apply_receive},
    {"lot.adjust", apply_adjust},
    {"lot.transfer", apply_transfer},
    {"lot.hold", apply_status},
    {"lot.release", apply_status},
    {"lot.quarantine", apply_status},
    {"lot.scrap", apply_scrap},
    {"lot.correct", apply_correct},
};

int apply_known_kind(const char *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(appliers); i++)
		if (strcmp(appliers[i].kind, kind) == 0)
			return 1;
	return 0;
}

int apply_entry(struct store *s, const struct entry *e, const struct fields *payload)
{
	for (size_t i = 0; i < ARRAY_SIZE(appliers); i++) {
		if (strcmp(appliers[i].kind, e->kind) == 0) {
			int rc = appliers[i].fn(s, e, payload);
			if (rc)
				error_prefix(rc, _("applying entry %s/%lld (%s)"), e->site_id,
				             (long long)e->seq, e->kind);
			return rc;
		}
	}
	return error_set(ERR_INVALID, _("entry %s/%lld has an unknown kind '%s'"), e->site_id,
	                 (long long)e->seq, e->kind);
}

int apply_ingest(struct store *s, struct entry *e)
{
	struct fields f = FIELDS_INIT;
	int64_t site_no;
	int rc;
	if ((rc = fields_decode(e->payload, strlen(e->payload), &f)))
		goto out;
	if ((rc = db_site_number(s, e->site_id, 1, &site_no)))
		goto out;
	if ((rc = db_journal_insert(s, site_no, e)))
		goto out;
	rc = apply_entry(s, e, &f);
out:
	fields_free(&f);
	return rc;
}

struct replay {
	struct store *target;
	int rc;
};

static int replay_one(void *ctx, const struct entry *e)
{
	struct replay *r = ctx;
	struct entry copy = *e;
	r->rc = apply_ingest(r->target, &copy);
	return r->rc ? 1 : 0;
}

int apply_replay_compare(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                         int *problems)
{
	char uri[128];
	struct store *replay;
	struct replay r = {NULL, OK};
	int rc;

	snprintf(uri, sizeof(uri), "file:lotline-replay-%ld?mode=memory&cache=shared",
	         (long)getpid());
	if ((rc = store_open(uri, STORE_CREATE, &replay)))
		return rc;
	r.target = replay;
	if ((rc = store_begin(replay)) == OK) {
		rc = db_journal_each(s, 1, replay_one, &r);
		if (rc == 1)
			rc = r.rc;
		rc = rc == OK ? store_commit(replay) : (store_rollback(replay), rc);
	}
	if (rc == OK)
		rc = db_compare_derived(s, uri, report, ctx, problems);
	else
		error_prefix(rc, _("replaying the journal"));
	store_close(replay);
	return rc;
}
