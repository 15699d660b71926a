/* SQL for exports. Balances run over each lot's whole history, ordered as
 * 'lotline history' orders it, so a range starts from the right balance. */
#include "db/export.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"

#include <string.h>

static const char movements_sql[] =
    "WITH h AS MATERIALIZED (SELECT m.lot_id, m.kind, m.qty, m.hlc, m.reason, m.note, "
    "m.from_location, m.to_location, j.user, j.terminal, si.site_id, j.seq, m.idx, "
    "sum(m.qty) OVER (PARTITION BY m.lot_id ORDER BY m.hlc, si.site_id, j.seq, m.idx) "
    "AS balance "
    "FROM movements m JOIN journal j ON j.id = m.entry JOIN sites si ON si.id = j.site "
    "WHERE m.hlc < ?2 AND m.lot_id IN (SELECT lot_id FROM movements WHERE hlc >= ?1 "
    "AND hlc < ?2)) "
    "SELECT l.code, i.code, l.unit, h.hlc, h.kind, h.qty, h.balance, h.user, h.terminal, "
    "h.reason, h.note, coalesce(fl.code, ''), coalesce(tl.code, ''), h.site_id, h.seq, h.idx "
    "FROM h JOIN lots l ON l.id = h.lot_id JOIN items i ON i.id = l.item_id "
    "LEFT JOIN locations fl ON fl.id = h.from_location "
    "LEFT JOIN locations tl ON tl.id = h.to_location "
    "WHERE h.hlc >= ?1 ORDER BY h.hlc, h.site_id, h.seq, h.idx";

static void row_read(sqlite3_stmt *st, struct movement_row *r)
{
	memset(r, 0, sizeof(*r));
	COLUMN_COPY(st, 0, r->lot);
	COLUMN_COPY(st, 1, r->item);
	COLUMN_COPY(st, 2, r->unit);
	r->m.hlc = (hlc_t)sqlite3_column_int64(st, 3);
	COLUMN_COPY(st, 4, r->m.kind);
	r->m.qty = sqlite3_column_int64(st, 5);
	r->m.balance = sqlite3_column_int64(st, 6);
	COLUMN_COPY(st, 7, r->m.user);
	COLUMN_COPY(st, 8, r->m.terminal);
	COLUMN_COPY(st, 9, r->m.reason);
	COLUMN_COPY(st, 10, r->m.note);
	COLUMN_COPY(st, 11, r->m.from_location);
	COLUMN_COPY(st, 12, r->m.to_location);
	COLUMN_COPY(st, 13, r->m.site_id);
	r->m.seq = sqlite3_column_int64(st, 14);
	r->m.idx = sqlite3_column_int64(st, 15);
}

int db_movements_each(struct store *s, hlc_t from, hlc_t to,
                      int (*cb)(void *ctx, const struct movement_row *r), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db, movements_sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading movements"));
	sqlite3_bind_int64(st, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(st, 2, to ? (sqlite3_int64)to : INT64_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct movement_row r;
		row_read(st, &r);
		int stop = cb(ctx, &r);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading movements"));
	sqlite3_finalize(st);
	return rc;
}
