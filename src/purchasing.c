/* Purchase order services. */
#include "purchasing.h"
#include "clock.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "record.h"
#include "units.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

#define PO_LINES_MAX 200

int po_line_parse(char *text, struct po_line_req *r)
{
	char *parts[4] = {NULL, NULL, NULL, NULL};
	int n = 0;
	for (char *p = text; n < 4;) {
		parts[n++] = p;
		char *colon = strchr(p, ':');
		if (!colon)
			break;
		*colon = '\0';
		p = colon + 1;
	}
	if (n < 2 || !*parts[0] || !*parts[1])
		return error_set(ERR_INVALID, _("line: '%s' is not ITEM:QTY[:UNIT[:COST]]"), text);
	r->item = parts[0];
	r->qty = parts[1];
	r->unit = parts[2] && *parts[2] ? parts[2] : NULL;
	r->cost = parts[3] && *parts[3] ? parts[3] : NULL;
	return OK;
}

static int check_line(struct session *s, int i, const struct po_line_req *r, struct fields *f)
{
	struct item it;
	struct unit_ctx uc;
	fixed_t q, base, cost = 0;
	char key[32], num[FIXED_BUFSZ], ordered[64];
	int rc;
	if ((rc = db_item_get(s->store, r->item, &it)))
		return error_prefix(rc, _("line %d"), i);
	if (fixed_parse(r->qty, 0, &q) || q <= 0)
		return error_set(ERR_INVALID,
		                 _("line %d: quantity '%s' must be a number more than zero"), i,
		                 r->qty);
	uc.base_unit = it.base_unit;
	uc.density = it.density;
	uc.pack_size = it.pack_size;
	const char *unit = r->unit ? r->unit : it.base_unit;
	if ((rc = unit_convert(q, unit, it.base_unit, &uc, &base)))
		return error_prefix(rc, _("line %d: unit"), i);
	if (r->cost) {
		fixed_t per;
		if (fixed_parse(r->cost, 0, &per) || per < 0)
			return error_set(ERR_INVALID, _("line %d: cost '%s' is not an amount"), i,
			                 r->cost);
		if ((rc = fixed_muldiv(per, q, base, &cost)))
			return error_prefix(rc, _("line %d: cost"), i);
	}
	snprintf(ordered, sizeof(ordered), "%s %s", fixed_format(q, 0, num), unit_canonical(unit));
	snprintf(key, sizeof(key), "%d.item", i);
	fields_set(f, key, it.code);
	snprintf(key, sizeof(key), "%d.qty", i);
	fields_set_int(f, key, base);
	snprintf(key, sizeof(key), "%d.unit", i);
	fields_set(f, key, it.base_unit);
	snprintf(key, sizeof(key), "%d.ordered", i);
	fields_set(f, key, ordered);
	snprintf(key, sizeof(key), "%d.cost", i);
	fields_set_int(f, key, cost);
	return OK;
}

int po_add(struct session *s, const struct po_req *r)
{
	int rc = session_require(s, PERM_PURCHASE);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, po_add_in_tx(s, r));
}

int po_add_in_tx(struct session *s, const struct po_req *r)
{
	struct fields f = FIELDS_INIT;
	struct party sup;
	struct po existing;
	int64_t day;
	int rc = session_require(s, PERM_PURCHASE);
	if (rc)
		return rc;
	if (!r->ref || !*r->ref || strlen(r->ref) > CODE_MAX || strpbrk(r->ref, " \t\r\n")) {
		rc = error_set(ERR_INVALID, _("purchase order: '%s' is not a usable reference"),
		               r->ref ? r->ref : "");
		goto out;
	}
	if (db_po_get(s->store, r->ref, &existing) == OK) {
		rc = error_set(ERR_CONFLICT, _("purchase order %s already exists"), r->ref);
		goto out;
	}
	if (!r->supplier || !*r->supplier) {
		rc = error_set(ERR_INVALID, _("supplier: required"));
		goto out;
	}
	if ((rc = db_party_get(s->store, PARTY_SUPPLIER, r->supplier, &sup)))
		goto out;
	if (r->expected && *r->expected && (rc = date_parse(r->expected, &day))) {
		error_prefix(rc, _("expected"));
		goto out;
	}
	if (r->nlines < 1 || r->nlines > PO_LINES_MAX) {
		rc = error_set(ERR_INVALID, _("lines: an order needs 1 to %d lines"), PO_LINES_MAX);
		goto out;
	}
	fields_set(&f, "ref", r->ref);
	fields_set(&f, "supplier", sup.code);
	fields_set(&f, "expected", r->expected ? r->expected : "");
	fields_set(&f, "note", r->note ? r->note : "");
	fields_set_int(&f, "lines", r->nlines);
	for (int i = 0; i < r->nlines; i++)
		if ((rc = check_line(s, i + 1, &r->lines[i], &f)))
			goto out;
	rc = journal_append(s, "po.put", &f, NULL);
out:
	fields_free(&f);
	return rc;
}

int po_close(struct session *s, const char *ref, int64_t n)
{
	struct fields f = FIELDS_INIT;
	struct po po;
	struct po_line line;
	int rc = session_require(s, PERM_PURCHASE);
	if (rc || (rc = session_begin(s)))
		return rc;
	if ((rc = db_po_get(s->store, ref, &po)))
		goto out;
	if (strcmp(po.status, "open") != 0) {
		rc = error_set(ERR_CONFLICT, _("purchase order %s is %s"), ref, _(po.status));
		goto out;
	}
	if (n > 0) {
		if (db_po_line_find(s->store, po.id, n, 0, &line) != OK) {
			rc = error_set(ERR_NOT_FOUND, _("purchase order %s has no line %lld"), ref,
			               (long long)n);
			goto out;
		}
		if (line.closed) {
			rc = error_set(ERR_CONFLICT, _("line %lld of %s is already closed"),
			               (long long)n, ref);
			goto out;
		}
	}
	fields_set(&f, "ref", po.ref);
	fields_set_int(&f, "line", n);
	rc = journal_append(s, "po.close", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

int po_match(struct session *s, const char *ref, int64_t n, const struct item *it,
             const char *supplier, fixed_t base_qty, int over, struct po *po, struct po_line *line)
{
	int rc;
	if ((rc = db_po_get(s->store, ref, po)))
		return rc;
	if (strcmp(po->status, "open") != 0)
		return error_set(ERR_CONFLICT,
		                 _("purchase order %s is %s: nothing more is received "
		                   "against it"),
		                 ref, _(po->status));
	if (supplier && *supplier && strcmp(supplier, po->supplier_code) != 0)
		return error_set(ERR_INVALID, _("supplier: %s, but purchase order %s is from %s"),
		                 supplier, ref, po->supplier_code);
	rc = db_po_line_find(s->store, po->id, n, it->id, line);
	if (rc == ERR_NOT_FOUND)
		return n ? error_set(ERR_NOT_FOUND, _("purchase order %s has no line %lld"), ref,
		                     (long long)n)
		         : error_set(ERR_NOT_FOUND, _("purchase order %s has no line for item %s"),
		                     ref, it->code);
	if (rc)
		return rc;
	if (line->item_id != it->id)
		return error_set(ERR_INVALID, _("item: line %lld of %s is for %s, not %s"),
		                 (long long)line->line, ref, line->item_code, it->code);
	if (line->closed)
		return error_set(ERR_CONFLICT, _("line %lld of %s (%s) is closed"),
		                 (long long)line->line, ref, line->item_code);
	if (!over)
		return po_check_over(ref, line, base_qty);
	return OK;
}

int po_check_over(const char *ref, const struct po_line *line, fixed_t base_qty)
{
	if (line->received + base_qty > line->qty) {
		char a[FIXED_BUFSZ], b[FIXED_BUFSZ], c[FIXED_BUFSZ];
		return error_set(ERR_CONFLICT,
		                 _("over-receipt: line %lld of %s ordered %s %s and %s have been "
		                   "received; receiving %s more needs confirmation"),
		                 (long long)line->line, ref, fixed_format(line->qty, 0, a),
		                 line->unit, fixed_format(line->received, 0, b),
		                 fixed_format(base_qty, 0, c));
	}
	return OK;
}
