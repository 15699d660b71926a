/* Customer orders: add, confirm (reserve lots by the consumption order), cancel;
 * picking one lot at a time with scans checked against the reservation; short
 * picks that re-allocate; ship with a despatch note; customer returns. */
#ifndef LOTLINE_ORDERS_H
#define LOTLINE_ORDERS_H

#include "db/orders.h"
#include "session.h"

#define SHORT_REASONS  "not-found|damaged|count|blocked|other"
#define RETURN_REASONS "damaged|quality|complaint|recall|wrong-item|other"

struct order_line_req {
	const char *item, *qty, *unit; /* unit NULL: the item's base unit */
	const char *lot;               /* a lot the customer asked for, or NULL */
};

struct order_req {
	const char *ref, *customer, *ship_date, *note;
	const struct order_line_req *lines;
	int nlines;
};

/* "ITEM:QTY[:UNIT[:LOT]]" split in place. */
int order_line_parse(char *text, struct order_line_req *out);

int order_add(struct session *s, const struct order_req *r);
/* The same inside the caller's transaction (the import adds many orders in one). */
int order_add_in_tx(struct session *s, const struct order_req *r);
/* Reserve lots for every line (FEFO/FIFO by the consumption_order setting, or the
 * lot the customer asked for); refused, with nothing reserved, when a line cannot
 * be covered. */
int order_confirm(struct session *s, const char *ref);
int order_cancel(struct session *s, const char *ref, const char *reason);

/* What the picker is told next: "pick qty unit of lot from location". */
struct pick_task {
	char order[CODE_MAX + 1];
	int64_t line;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char lot[LOT_MAX + 1];
	char location[CODE_MAX + 1];
	char expiry[11];
	char unit[16];
	fixed_t qty;       /* still to pick of this lot for this line */
	int64_t remaining; /* picks left on the order, this one included */
};

/* The next pick of an order; ERR_CONFLICT when nothing is left (then ship). */
int pick_next(struct session *s, const char *ref, struct pick_task *out);
/* A scanned location checked against the next pick, before the lot is scanned. */
int pick_check_location(struct session *s, const char *ref, const char *location);

struct pick_req {
	const char *order, *location, *lot;
	const char *qty; /* NULL: all that is left of the lot for the line */
};
/* Validate the scans and record the pick; *done (if given) is what was picked. */
int pick_record(struct session *s, const struct pick_req *r, struct pick_task *done);
/* The next pick could not be filled: found is what was there (0 or more, less than
 * asked). The rest is re-allocated from other lots where it can be; *unfilled
 * (if given) is what could not. */
int pick_short(struct session *s, const char *ref, const char *found, const char *reason,
               fixed_t *reallocated, fixed_t *unfilled);

int order_ship(struct session *s, const char *ref);
int order_return(struct session *s, const char *ref, const char *lot, const char *qty,
                 const char *location, const char *reason);

#endif
