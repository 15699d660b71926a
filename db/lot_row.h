/* How db/ reads a lot for the ledger: the columns and the row reader shared by
 * db/lots.c and db/ledger_page.c (db/ only: it speaks SQLite). */
#ifndef LOTLINE_DB_LOT_ROW_H
#define LOTLINE_DB_LOT_ROW_H

#include "db/lots.h"
#include <sqlite3.h>

/* The lot's columns, from lots l, items i, locations lo and suppliers sp. */
#define LOT_COLUMNS                                                                                \
	"SELECT l.id, l.code, l.item_id, i.code, i.name, i.category, "                             \
	"coalesce(sp.code, ''), l.supplier_lot, l.received, "                                      \
	"CASE l.expiry WHEN '" NO_EXPIRY "' THEN '' ELSE l.expiry END, l.unit, "                   \
	"l.unit_cost, l.location_id, lo.code, l.qty, l.status, l.coa, l.origin, "                  \
	"l.last_hlc, l.last_kind, "                                                                \
	"(SELECT coalesce(sum(a.reserved), 0) FROM allocations a "                                 \
	"WHERE a.lot_id = l.id AND a.reserved > 0) "

/* Read the 21 columns of LOT_COLUMNS (the last: what orders reserve of it). */
void db_lot_row_read(sqlite3_stmt *st, struct lot *l);

#endif
