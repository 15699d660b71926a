/* Customer orders in the store: lines, the lots reserved for them, picks,
 * shipments and returns. */
#ifndef LOTLINE_DB_ORDERS_H
#define LOTLINE_DB_ORDERS_H

#include "db/store.h"
#include "src/model.h"

struct order {
	int64_t id;
	char ref[CODE_MAX + 1];
	int64_t customer_id;
	char customer_code[CODE_MAX + 1];
	char customer_name[NAME_MAX_ + 1];
	char ship_date[11];
	char note[TEXT_MAX + 1];
	char status[16];
	char shipped[11];
	int64_t lines;
};

/* A line with what is allocated, picked and shipped against it. */
struct order_line {
	int64_t line, item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16]; /* the item's base unit */
	fixed_t qty;
	char entered[48];
	char lot[LOT_MAX + 1]; /* the lot the customer asked for, or "" */
	fixed_t allocated, picked, shipped, shorted;
};

struct allocation {
	int64_t line, lot_id;
	char lot[LOT_MAX + 1];
	char item_code[CODE_MAX + 1];
	char location[CODE_MAX + 1];
	char expiry[11];
	char unit[16];
	fixed_t qty, picked, reserved;
};

struct shipment {
	int64_t line;
	char order_ref[CODE_MAX + 1];
	char lot[LOT_MAX + 1];
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char expiry[11];
	char unit[16];
	fixed_t qty;
	char shipped[11];
};

int db_order_insert(struct store *s, const struct order *o, hlc_t hlc, int64_t *id);
int db_order_line_insert(struct store *s, int64_t order_id, int64_t line, int64_t item_id,
                         fixed_t qty, const char *entered, int64_t lot_id);
int db_order_get(struct store *s, const char *ref, struct order *out);
/* Orders of one status (NULL: all), newest first. */
int db_order_each(struct store *s, const char *status, int (*cb)(void *ctx, const struct order *o),
                  void *ctx);
int db_order_lines_each(struct store *s, int64_t order_id,
                        int (*cb)(void *ctx, const struct order_line *l), void *ctx);
/* While applying an entry stamped hlc: the status, kept only when newer than
 * the one there (the greater site id wins a tie). */
int db_order_set_status(struct store *s, int64_t order_id, const char *status, hlc_t hlc);
/* The entries that change an order's reservations (confirm, pick, short pick,
 * cancel, ship), so that they can be worked through again in clock order when
 * one arrives after a newer one. */
int db_order_entry_add(struct store *s, int64_t order_id, int64_t entry);
/* They in clock order (equal stamps: the smaller site id first), each with its
 * kind and payload; cb returns non-zero to stop (returned). */
int db_order_entries_each(struct store *s, int64_t order_id,
                          int (*cb)(void *ctx, const char *kind, const char *payload), void *ctx);
/* For such an entry stamped hlc: *newest is 1, and the order's stamp now its, when
 * it is newer than every such entry applied so far (the greater site id wins a
 * tie); else 0. */
int db_order_claim_reservations(struct store *s, int64_t order_id, hlc_t hlc, int *newest);
/* Every allocation row of the order gone, before working them out again. */
int db_allocations_delete(struct store *s, int64_t order_id);
/* Every reservation of the order dropped, what was picked kept as picked: a
 * later confirmation's reservations replace an earlier one's. */
int db_allocations_clear(struct store *s, int64_t order_id);
int db_order_set_shipped(struct store *s, int64_t order_id, const char *date);
int db_order_line_add_short(struct store *s, int64_t order_id, int64_t line, fixed_t qty);

/* Reserve qty of a lot for a line (added to what the line already has of it). */
int db_allocation_add(struct store *s, int64_t order_id, int64_t line, int64_t lot_id, fixed_t qty);
/* Allocations of an order by line, then in the order they were made. */
int db_allocations_each(struct store *s, int64_t order_id,
                        int (*cb)(void *ctx, const struct allocation *a), void *ctx);
int db_allocation_pick(struct store *s, int64_t order_id, int64_t line, int64_t lot_id,
                       fixed_t qty);
/* A short pick: the allocation keeps only what was picked. */
int db_allocation_cut(struct store *s, int64_t order_id, int64_t line, int64_t lot_id);
/* Shipped or cancelled: the order holds no stock back any more. */
int db_allocations_release(struct store *s, int64_t order_id);
/* What orders hold back of a lot. */
int db_lot_reserved(struct store *s, int64_t lot_id, fixed_t *out);

int db_pick_insert(struct store *s, int64_t order_id, int64_t line, int64_t lot_id,
                   int64_t location_id, fixed_t qty, fixed_t short_qty, const char *reason,
                   int64_t entry);
int db_shipment_insert(struct store *s, int64_t order_id, int64_t line, int64_t lot_id, fixed_t qty,
                       const char *date, int64_t entry);
int db_shipments_each(struct store *s, int64_t order_id,
                      int (*cb)(void *ctx, const struct shipment *sh), void *ctx);
int db_return_insert(struct store *s, int64_t order_id, int64_t lot_id, fixed_t qty,
                     int64_t location_id, const char *reason, const char *date, int64_t entry);
/* What an order shipped of a lot, and what came back. */
int db_order_lot_totals(struct store *s, int64_t order_id, int64_t lot_id, fixed_t *shipped,
                        fixed_t *returned);

#endif
