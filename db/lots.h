/* Lots, their movements, the ledger and history queries, lot-code counters,
 * balance checks and exceptions. */
#ifndef LOTLINE_DB_LOTS_H
#define LOTLINE_DB_LOTS_H

#include "db/store.h"
#include "src/model.h"

#define NO_EXPIRY "9999-12-31"

struct lot_new {
	const char *code;
	int64_t item_id;
	int64_t supplier_id; /* 0 = none */
	const char *supplier_lot;
	const char *received;
	const char *expiry; /* "" = does not expire */
	const char *unit;
	fixed_t unit_cost;
	int64_t location_id;
	const char *status;
	const char *origin;
	/* the movement that creates it, already applied: the lot starts holding
	 * qty with kind as its last movement (NULL: empty, a movement follows) */
	fixed_t qty;
	const char *kind;
	const char *site; /* the site id of the entry that creates it */
};

/* A lot's status and place as set when it was made carry no site (a million
 * lots would carry 64 bytes more each); for a tie-break against another
 * receipt of the same code they are given the creating entry's site. */
int db_lot_name_creator_site(struct store *s, int64_t lot_id);
/* A lot code made on two terminals offline for the same item: one lot, whose
 * supplier, supplier lot, dates, cost, origin and creating entry are the
 * earliest receipt's on every store. *kept is 1 when the receipt being applied
 * (entry, stamped hlc) is earlier than the one there and took its place. */
int db_lot_keep_earliest_receipt(struct store *s, int64_t lot_id, const struct lot_new *n,
                                 int64_t entry, hlc_t hlc, int *kept);

struct movement_new {
	int64_t entry, idx, lot_id;
	const char *kind;
	fixed_t qty;
	hlc_t hlc;
	const char *reason, *note;
	int64_t from_location, to_location; /* 0 = none */
	const char *status_before, *status_after;
	int64_t corrects;         /* movement id, 0 = none */
	int64_t run_id, run_line; /* production, 0 = none */
};

int db_lot_insert(struct store *s, const struct lot_new *n, int64_t entry, hlc_t hlc,
                  int64_t *lot_id);
int db_lot_get(struct store *s, const char *code, struct lot *out);
int db_lot_get_by_id(struct store *s, int64_t id, struct lot *out);
/* A lot of this item with this supplier lot number (ERR_NOT_FOUND if none). */
int db_lot_by_supplier_lot(struct store *s, int64_t item_id, const char *supplier_lot,
                           struct lot *out);
int db_lot_exists(struct store *s, const char *code);
/* The local id of a lot code (ERR_NOT_FOUND naming the code). */
int db_lot_id(struct store *s, const char *code, int64_t *id);
/* Add to the balance and note the movement as the lot's last when it is the
 * newest; *balance (if given) is the balance after. */
int db_lot_add_qty(struct store *s, int64_t lot_id, fixed_t delta, hlc_t hlc, const char *kind,
                   fixed_t *balance);
/* Set status or location when this stamp is not older than the last one that did. */
int db_lot_set_status(struct store *s, int64_t lot_id, const char *status, hlc_t hlc);
int db_lot_set_location(struct store *s, int64_t lot_id, int64_t location_id, hlc_t hlc);

int db_movement_insert(struct store *s, const struct movement_new *m, int64_t *id);
/* A lot's movements in order, numbered from 1, with the balance after each. */
int db_history_each(struct store *s, int64_t lot_id, int (*cb)(void *ctx, const struct movement *m),
                    void *ctx);
/* The movement with this history number. */
int db_movement_by_no(struct store *s, int64_t lot_id, int64_t no, struct movement *out);
/* The movement made by entry (site, seq) at index idx (no, balance left 0). */
int db_movement_by_ref(struct store *s, const char *site_id, int64_t seq, int64_t idx,
                       struct movement *out, int64_t *lot_id);

/* The ledger: lots matching the filter, soonest expiry first. */
int db_ledger_each(struct store *s, const struct ledger_filter *f,
                   int (*cb)(void *ctx, const struct lot *l), void *ctx);

/* Lots of an item that can be used on day today (available, not expired, with
 * stock), first expiry first (FEFO) or first received first (FIFO). */
int db_usable_lots_each(struct store *s, int64_t item_id, const char *today, int fifo,
                        int (*cb)(void *ctx, const struct lot *l), void *ctx);

/* The next number of a lot-code series, and whether a code is taken. */
int db_lot_counter_next(struct store *s, const char *series, int64_t *n);

/* Lots whose balance differs from the sum of their movements. */
int db_verify_balances(struct store *s,
                       int (*cb)(void *ctx, const char *lot, fixed_t qty, fixed_t sum), void *ctx);
int db_exception_add(struct store *s, int64_t entry, int64_t lot_id, const char *kind,
                     const char *message);
int64_t db_exception_open_count(struct store *s);

/* How many lots the store holds. */
int64_t db_lots_count(struct store *s);
/* The highest lot id (0 for none): lots above it are newer. */
int64_t db_lots_max_id(struct store *s);

/* Loading many lots at once: the secondary indexes of lots and movements are
 * dropped inside the caller's transaction and built again before it commits,
 * one sort each instead of an insert per row into every index; the text index
 * of lot codes gets the new lots in one statement at the end (FTS5 writes its
 * pending terms out at the end of every statement, so a row at a time costs a
 * segment per row). The loading must only insert lots, never delete one or
 * change its code. A rollback brings everything back as it was. */
struct lot_indexes {
	char **create; /* each index's own CREATE statement, from the schema */
	int n;
	char *text_trigger; /* the trigger that feeds lots_text, set aside too */
	int64_t last_id;    /* lots above this id are the new ones to index */
};
int db_lot_indexes_drop(struct store *s, struct lot_indexes *saved);
/* Builds them again and frees saved (also after an error). */
int db_lot_indexes_build(struct store *s, struct lot_indexes *saved);
void db_lot_indexes_free(struct lot_indexes *saved);

#endif
