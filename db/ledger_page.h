/* The ledger a page at a time, for the screens: keyset pagination in any sort
 * order (never OFFSET, never everything), the filters of the Ledger and Today
 * screens, and bounded counts so a million lots answer at once. */
#ifndef LOTLINE_DB_LEDGER_PAGE_H
#define LOTLINE_DB_LEDGER_PAGE_H

#include "db/store.h"
#include "src/model.h"

/* The sort orders, in the order of the ledger's table columns. Every order
 * ends with the lot's id, so each key is unique. */
enum ledger_sort {
	LS_ITEM,     /* item code, expiry, id */
	LS_LOT,      /* lot code */
	LS_QTY,      /* quantity, id */
	LS_UNIT,     /* unit, expiry, id */
	LS_EXPIRY,   /* expiry (no expiry last), id */
	LS_LOCATION, /* location code, expiry, id */
	LS_COA,      /* COA status, expiry, id */
	LS_LAST,     /* last movement, id */
	LS_STATUS,   /* status, expiry, id */
	LS_COUNT
};

struct ledger_query {
	struct ledger_filter f; /* as 'lotline ledger' (f.item is an item code) */
	int held;               /* on hold or in quarantine */
	int negative;           /* balance below zero */
	int exceptions;         /* lots with an open exception */
	enum ledger_sort sort;
	int desc;
};

/* Up to n lots next to `from` in the query's order: after it when dir > 0, before
 * it when dir < 0, nearest first; `from` itself too when incl. from NULL starts
 * at the first (dir > 0) or the last (dir < 0) lot. Returns how many, or -1 with
 * the message stored. */
int db_ledger_page(struct store *s, const struct ledger_query *q, const struct lot *from, int incl,
                   int dir, struct lot *out, int n);

/* What the query shows, counting at most `limit` lots: the count, whether there
 * are more, and the total per unit (largest count first). */
#define LEDGER_TOTAL_UNITS 8
struct ledger_totals {
	int64_t lots;
	int more;
	int nunits;
	struct {
		char unit[16];
		int64_t lots;
		fixed_t qty;
	} units[LEDGER_TOTAL_UNITS];
};
int db_ledger_totals(struct store *s, const struct ledger_query *q, int64_t limit,
                     struct ledger_totals *out);

/* How pages and counts find their lots: chosen for each query (LP_AUTO), or
 * always in the sort's index, by a scan of the table, or from the trigram index
 * of lot codes and supplier lots (a search of three characters or more). Every
 * plan gives the same answer; the tests compare them. */
enum ledger_plan { LP_AUTO, LP_ORDER, LP_SCAN, LP_TEXT };
void db_ledger_force_plan(struct store *s, enum ledger_plan plan);

#endif
