/* SQL for recalls: the saved scope, the notification list and tracking. */
#include "db/recall.h"
#include "db/lots.h"
#include "db/rows.h"
#include "src/i18n.h"

int db_recall_insert(struct store *s, const struct recall *r, hlc_t hlc, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO recalls (code, reason, drill, status, opened_by, opened_hlc, "
	       "elapsed_ms) VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, r->code);
	bind_text(st, 2, r->reason);
	sqlite3_bind_int(st, 3, r->drill);
	bind_text(st, 4, r->opened_by);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)hlc);
	sqlite3_bind_int64(st, 6, r->elapsed_ms);
	rc = store_step_done(s, st, _("saving a recall"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("recall %s already exists"), r->code);
	if (rc == OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_recall_lot_insert(struct store *s, int64_t recall_id, int64_t lot_id, int64_t depth,
                         fixed_t qty, const char *status, int held)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO recall_lots (recall_id, lot_id, depth, qty, "
	                                 "status, held) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, recall_id);
	sqlite3_bind_int64(st, 2, lot_id);
	sqlite3_bind_int64(st, 3, depth);
	sqlite3_bind_int64(st, 4, qty);
	bind_text(st, 5, status);
	sqlite3_bind_int(st, 6, held);
	return store_step_done(s, st, _("saving a recall's lots"));
}

int db_recall_shipment_insert(struct store *s, int64_t recall_id, int64_t customer_id,
                              int64_t order_id, int64_t lot_id, fixed_t qty, const char *date)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO recall_shipments (recall_id, customer_id, order_id, lot_id, qty, "
	       "shipped) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_stmt *c;
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, recall_id);
	sqlite3_bind_int64(st, 2, customer_id);
	sqlite3_bind_int64(st, 3, order_id);
	sqlite3_bind_int64(st, 4, lot_id);
	sqlite3_bind_int64(st, 5, qty);
	bind_text(st, 6, date);
	if ((rc = store_step_done(s, st, _("saving a recall's shipments"))))
		return rc;
	c = store_stmt(s, "INSERT OR IGNORE INTO recall_customers (recall_id, customer_id) "
	                  "VALUES (?1, ?2)");
	if (!c)
		return ERR_DB;
	sqlite3_bind_int64(c, 1, recall_id);
	sqlite3_bind_int64(c, 2, customer_id);
	return store_step_done(s, c, _("saving a recall's customers"));
}

#define RECALL_SELECT                                                                              \
	"SELECT r.id, r.code, r.reason, r.drill, r.status, r.opened_by, r.opened_hlc, "            \
	"r.elapsed_ms, r.summary, coalesce(r.closed_hlc, 0), "                                     \
	"(SELECT count(*) FROM recall_lots x WHERE x.recall_id = r.id), "                          \
	"(SELECT count(*) FROM recall_lots x WHERE x.recall_id = r.id AND x.held), "               \
	"(SELECT count(*) FROM recall_lots x WHERE x.recall_id = r.id AND x.qty > 0), "            \
	"(SELECT count(*) FROM recall_customers x WHERE x.recall_id = r.id), "                     \
	"(SELECT count(*) FROM recall_customers x WHERE x.recall_id = r.id AND "                   \
	"x.notified_hlc IS NOT NULL), "                                                            \
	"(SELECT count(*) FROM recall_customers x WHERE x.recall_id = r.id AND "                   \
	"x.acknowledged_hlc IS NOT NULL), "                                                        \
	"(SELECT coalesce(group_concat(code, ' '), '') FROM (SELECT l.code FROM recall_lots "      \
	"x JOIN lots l ON l.id = x.lot_id WHERE x.recall_id = r.id AND x.depth = 0 ORDER BY "      \
	"l.code)) FROM recalls r "

static void recall_read(sqlite3_stmt *st, struct recall *r)
{
	r->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, r->code);
	COLUMN_COPY(st, 2, r->reason);
	r->drill = sqlite3_column_int(st, 3);
	COLUMN_COPY(st, 4, r->status);
	COLUMN_COPY(st, 5, r->opened_by);
	r->opened_hlc = (hlc_t)sqlite3_column_int64(st, 6);
	r->elapsed_ms = sqlite3_column_int64(st, 7);
	COLUMN_COPY(st, 8, r->summary);
	r->closed_hlc = (hlc_t)sqlite3_column_int64(st, 9);
	r->lots = sqlite3_column_int64(st, 10);
	r->held = sqlite3_column_int64(st, 11);
	r->in_stock = sqlite3_column_int64(st, 12);
	r->customers = sqlite3_column_int64(st, 13);
	r->notified = sqlite3_column_int64(st, 14);
	r->acknowledged = sqlite3_column_int64(st, 15);
	COLUMN_COPY(st, 16, r->sources);
}

int db_recall_get(struct store *s, const char *code, struct recall *out)
{
	sqlite3_stmt *st = store_stmt(s, RECALL_SELECT "WHERE r.code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	memset(out, 0, sizeof(*out));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		recall_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("recall %s not found"), code);
	} else {
		rc = store_error(s, _("reading a recall"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_recall_each(struct store *s, int (*cb)(void *ctx, const struct recall *r), void *ctx)
{
	ROWS_EACH(s, RECALL_SELECT "ORDER BY r.id DESC", (void)0, struct recall, recall_read, cb,
	          ctx, _("listing recalls"));
}

static void lot_row(sqlite3_stmt *st, struct recall_lot *l)
{
	COLUMN_COPY(st, 0, l->lot);
	COLUMN_COPY(st, 1, l->item);
	l->depth = sqlite3_column_int64(st, 2);
	l->qty = sqlite3_column_int64(st, 3);
	COLUMN_COPY(st, 4, l->unit);
	COLUMN_COPY(st, 5, l->status);
	l->held = sqlite3_column_int(st, 6);
}

int db_recall_lots_each(struct store *s, int64_t recall_id,
                        int (*cb)(void *ctx, const struct recall_lot *l), void *ctx)
{
	ROWS_EACH(
	    s,
	    "SELECT l.code, i.code, x.depth, x.qty, l.unit, x.status, x.held FROM recall_lots x "
	    "JOIN lots l ON l.id = x.lot_id JOIN items i ON i.id = l.item_id "
	    "WHERE x.recall_id = ?1 ORDER BY x.depth, l.code",
	    sqlite3_bind_int64(st_, 1, recall_id), struct recall_lot, lot_row, cb, ctx,
	    _("reading a recall's lots"));
}

static void notice_row(sqlite3_stmt *st, struct recall_notice *n)
{
	struct party *p = &n->customer;
	p->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, p->code);
	COLUMN_COPY(st, 2, p->name);
	COLUMN_COPY(st, 3, p->contact);
	COLUMN_COPY(st, 4, p->email);
	COLUMN_COPY(st, 5, p->phone);
	COLUMN_COPY(st, 6, p->address);
	COLUMN_COPY(st, 7, p->city);
	COLUMN_COPY(st, 8, p->postcode);
	COLUMN_COPY(st, 9, p->country);
	COLUMN_COPY(st, 10, n->lot);
	COLUMN_COPY(st, 11, n->item);
	COLUMN_COPY(st, 12, n->item_name);
	COLUMN_COPY(st, 13, n->order);
	n->qty = sqlite3_column_int64(st, 14);
	COLUMN_COPY(st, 15, n->unit);
	COLUMN_COPY(st, 16, n->shipped);
}

int db_recall_notices_each(struct store *s, int64_t recall_id,
                           int (*cb)(void *ctx, const struct recall_notice *n), void *ctx)
{
	ROWS_EACH(
	    s,
	    "SELECT c.id, c.code, c.name, c.contact, c.email, c.phone, c.address, c.city, "
	    "c.postcode, c.country, l.code, i.code, i.name, o.ref, h.qty, l.unit, h.shipped "
	    "FROM recall_shipments h JOIN customers c ON c.id = h.customer_id JOIN orders o "
	    "ON o.id = h.order_id JOIN lots l ON l.id = h.lot_id JOIN items i ON "
	    "i.id = l.item_id WHERE h.recall_id = ?1 ORDER BY c.code, h.shipped, o.ref, l.code",
	    sqlite3_bind_int64(st_, 1, recall_id), struct recall_notice, notice_row, cb, ctx,
	    _("reading a recall's notices"));
}

static void customer_row(sqlite3_stmt *st, struct recall_customer *c)
{
	COLUMN_COPY(st, 0, c->code);
	COLUMN_COPY(st, 1, c->name);
	c->shipments = sqlite3_column_int64(st, 2);
	c->notified = (hlc_t)sqlite3_column_int64(st, 3);
	c->acknowledged = (hlc_t)sqlite3_column_int64(st, 4);
	c->returned = sqlite3_column_int64(st, 5);
}

int db_recall_customers_each(struct store *s, int64_t recall_id,
                             int (*cb)(void *ctx, const struct recall_customer *c), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT c.code, c.name, (SELECT count(*) FROM recall_shipments h WHERE "
	          "h.recall_id = x.recall_id AND h.customer_id = x.customer_id), "
	          "coalesce(x.notified_hlc, 0), coalesce(x.acknowledged_hlc, 0), x.returned "
	          "FROM recall_customers x JOIN customers c ON c.id = x.customer_id "
	          "WHERE x.recall_id = ?1 ORDER BY c.code",
	          sqlite3_bind_int64(st_, 1, recall_id), struct recall_customer, customer_row, cb,
	          ctx, _("reading a recall's customers"));
}

int db_recall_mark(struct store *s, int64_t recall_id, int64_t customer_id, const char *what,
                   fixed_t qty, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE recall_customers SET "
	       "notified_hlc = CASE WHEN ?3 = 'notified' THEN min(coalesce(notified_hlc, ?5), ?5) "
	       "ELSE notified_hlc END, "
	       "acknowledged_hlc = CASE WHEN ?3 = 'acknowledged' THEN "
	       "min(coalesce(acknowledged_hlc, ?5), ?5) ELSE acknowledged_hlc END, "
	       "returned = returned + CASE WHEN ?3 = 'returned' THEN ?4 ELSE 0 END "
	       "WHERE recall_id = ?1 AND customer_id = ?2");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, recall_id);
	sqlite3_bind_int64(st, 2, customer_id);
	bind_text(st, 3, what);
	sqlite3_bind_int64(st, 4, qty);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)hlc);
	if ((rc = store_step_done(s, st, _("tracking a recall"))))
		return rc;
	if (sqlite3_changes(s->db) == 0)
		return error_set(ERR_NOT_FOUND, _("the customer received nothing in this recall"));
	return OK;
}

int db_recall_close(struct store *s, int64_t recall_id, const char *summary, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE recalls SET status = 'closed', summary = ?2, closed_hlc = ?3, closed_site "
	       "= " SQL_APPLYING_SITE " WHERE id = ?1 AND (closed_hlc IS NULL OR " SQL_STAMP_OLDER(
	           "closed_hlc", "closed_site", "?3") ")");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, recall_id);
	bind_text(st, 2, summary);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("closing a recall"));
}
