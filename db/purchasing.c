/* SQL for purchase orders. */
#include "db/purchasing.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"

#include <string.h>

int db_po_insert(struct store *s, const struct po *p, int64_t supplier_id, hlc_t hlc, int64_t *id)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT INTO purchase_orders (ref, supplier_id, expected, note, status, "
	                  "status_hlc, hlc) VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?5)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, p->ref);
	sqlite3_bind_int64(st, 2, supplier_id);
	bind_text(st, 3, p->expected);
	bind_text(st, 4, p->note);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)hlc);
	rc = store_step_done(s, st, _("saving a purchase order"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("purchase order %s already exists"), p->ref);
	if (rc == OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_po_line_insert(struct store *s, const struct po_line *l)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO po_lines (po_id, line, item_id, qty, unit, ordered, unit_cost) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, l->po_id);
	sqlite3_bind_int64(st, 2, l->line);
	sqlite3_bind_int64(st, 3, l->item_id);
	sqlite3_bind_int64(st, 4, l->qty);
	bind_text(st, 5, l->unit);
	bind_text(st, 6, l->ordered);
	sqlite3_bind_int64(st, 7, l->unit_cost);
	return store_step_done(s, st, _("saving a purchase order line"));
}

#define PO_SELECT                                                                                  \
	"SELECT p.id, p.ref, s.code, s.name, p.expected, p.note, p.status, "                       \
	"(SELECT count(*) FROM po_lines WHERE po_id = p.id), "                                     \
	"(SELECT count(*) FROM po_lines WHERE po_id = p.id AND NOT closed) "                       \
	"FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id "

static void po_read(sqlite3_stmt *st, struct po *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, p->ref);
	COLUMN_COPY(st, 2, p->supplier_code);
	COLUMN_COPY(st, 3, p->supplier_name);
	COLUMN_COPY(st, 4, p->expected);
	COLUMN_COPY(st, 5, p->note);
	COLUMN_COPY(st, 6, p->status);
	p->lines = sqlite3_column_int64(st, 7);
	p->open_lines = sqlite3_column_int64(st, 8);
}

int db_po_get(struct store *s, const char *ref, struct po *out)
{
	sqlite3_stmt *st = store_stmt(s, PO_SELECT "WHERE p.ref = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, ref);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		po_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("purchase order %s not found"), ref);
	} else {
		rc = store_error(s, _("reading a purchase order"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_po_each(struct store *s, const char *status, int (*cb)(void *ctx, const struct po *p),
               void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db,
	                       PO_SELECT "WHERE ?1 IS NULL OR p.status = ?1 "
	                                 "ORDER BY p.expected, p.ref",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("listing purchase orders"));
	if (status)
		bind_text(st, 1, status);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct po p;
		po_read(st, &p);
		int stop = cb(ctx, &p);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("listing purchase orders"));
	sqlite3_finalize(st);
	return rc;
}

#define LINE_SELECT                                                                                \
	"SELECT l.id, l.po_id, l.line, l.item_id, i.code, i.name, l.unit, l.ordered, l.qty, "      \
	"l.received, l.unit_cost, l.closed FROM po_lines l JOIN items i ON i.id = l.item_id "

static void line_read(sqlite3_stmt *st, struct po_line *l)
{
	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, 0);
	l->po_id = sqlite3_column_int64(st, 1);
	l->line = sqlite3_column_int64(st, 2);
	l->item_id = sqlite3_column_int64(st, 3);
	COLUMN_COPY(st, 4, l->item_code);
	COLUMN_COPY(st, 5, l->item_name);
	COLUMN_COPY(st, 6, l->unit);
	COLUMN_COPY(st, 7, l->ordered);
	l->qty = sqlite3_column_int64(st, 8);
	l->received = sqlite3_column_int64(st, 9);
	l->unit_cost = sqlite3_column_int64(st, 10);
	l->closed = sqlite3_column_int(st, 11);
}

int db_po_lines_each(struct store *s, int64_t po_id, int (*cb)(void *ctx, const struct po_line *l),
                     void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, LINE_SELECT "WHERE l.po_id = ?1 ORDER BY l.line", -1, &st,
	                       NULL) != SQLITE_OK)
		return store_error(s, _("reading purchase order lines"));
	sqlite3_bind_int64(st, 1, po_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct po_line l;
		line_read(st, &l);
		int stop = cb(ctx, &l);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading purchase order lines"));
	sqlite3_finalize(st);
	return rc;
}

int db_po_line_find(struct store *s, int64_t po_id, int64_t n, int64_t item_id, struct po_line *out)
{
	sqlite3_stmt *st =
	    store_stmt(s, LINE_SELECT "WHERE l.po_id = ?1 AND (l.line = ?2 OR (?2 = 0 AND "
	                              "l.item_id = ?3)) ORDER BY l.closed, l.line LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, po_id);
	sqlite3_bind_int64(st, 2, n);
	sqlite3_bind_int64(st, 3, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		line_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = ERR_NOT_FOUND;
	} else {
		rc = store_error(s, _("reading a purchase order line"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_po_line_receive(struct store *s, int64_t line_id, fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE po_lines SET received = received + ?2, "
	                                 "closed = closed OR received + ?2 >= qty WHERE id = ?1");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, line_id);
	sqlite3_bind_int64(st, 2, qty);
	int rc = store_step_done(s, st, _("updating a purchase order line"));
	if (rc)
		return rc;
	st = store_stmt(s,
	                "UPDATE purchase_orders SET status = 'closed' WHERE status = 'open' "
	                "AND id = (SELECT po_id FROM po_lines WHERE id = ?1) AND NOT EXISTS "
	                "(SELECT 1 FROM po_lines WHERE po_id = purchase_orders.id AND NOT closed)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, line_id);
	return store_step_done(s, st, _("closing a purchase order"));
}

int db_po_close(struct store *s, int64_t po_id, int64_t n, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE po_lines SET closed = 1 WHERE po_id = ?1 AND (?2 = 0 OR line = ?2)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, po_id);
	sqlite3_bind_int64(st, 2, n);
	int rc = store_step_done(s, st, _("closing a purchase order line"));
	if (rc)
		return rc;
	st = store_stmt(s, "UPDATE purchase_orders SET status = 'closed', status_hlc = ?2 "
	                   "WHERE id = ?1 AND status = 'open' AND NOT EXISTS "
	                   "(SELECT 1 FROM po_lines WHERE po_id = ?1 AND NOT closed)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, po_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("closing a purchase order"));
}

int db_lot_set_po_line(struct store *s, const char *lot, int64_t line_id)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE lots SET po_line_id = ?2 WHERE code = ?1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, lot);
	sqlite3_bind_int64(st, 2, line_id);
	return store_step_done(s, st, _("linking a lot to its order"));
}
