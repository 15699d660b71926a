/* The ledger as people and programs see it: its columns and the text of each cell,
 * shared by 'lotline ledger', exports and the Ledger screen. */
#ifndef LOTLINE_LEDGER_VIEW_H
#define LOTLINE_LEDGER_VIEW_H

#include "fixed.h"
#include "model.h"
#include "output.h"
#include "session.h"

enum ledger_col {
	LC_ITEM,
	LC_LOT,
	LC_QTY,
	LC_UNIT,
	LC_EXPIRY,
	LC_LOCATION,
	LC_COA,
	LC_LAST_DATE,
	LC_LAST_KIND,
	LC_STATUS,
	LC_ITEM_NAME,
	LC_SUPPLIER,
	LC_SUPPLIER_LOT,
	LC_RECEIVED,
	LC_UNIT_COST,
	LC_RESERVED, /* what customer orders hold back of the lot */
	LC_COUNT
};

#define LEDGER_TABLE_COLS   10
#define LEDGER_MACHINE_COLS LC_COUNT

/* Table: the ten ledger columns (last movement as "date kind", reserved after
 * the unit). */
extern const struct out_col ledger_table_cols[LEDGER_TABLE_COLS];
/* CSV/TSV/JSON: stable names, every column. */
extern const struct out_col ledger_machine_cols[LEDGER_MACHINE_COLS];

struct ledger_cells {
	const char *v[LC_COUNT];
	const char *table[LEDGER_TABLE_COLS];
	char qty[FIXED_BUFSZ], cost[FIXED_BUFSZ], reserved[FIXED_BUFSZ], last_date[11], last[40];
};

/* Fill the cells of one lot: v for machine formats, table for people. */
void ledger_cells_fill(const struct lot *l, struct ledger_cells *c);
/* The table column that shows a sort order's key (Reserved is not a sort). */
int ledger_sort_table_col(int sort);
/* What a movement changed besides the quantity, for history lists: a move, a
 * status, a correction, and whether it was corrected. */
void movement_detail(const struct movement *m, char *buf, size_t n);
/* Check a filter's values (known location, item, status, COA status). */
int ledger_filter_check(struct session *s, const struct ledger_filter *f);

#endif
