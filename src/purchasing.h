/* Purchase orders: what is expected from a supplier, and receiving against it. */
#ifndef LOTLINE_PURCHASING_H
#define LOTLINE_PURCHASING_H

#include "db/purchasing.h"
#include "session.h"

struct po_line_req {
	const char *item, *qty, *unit, *cost; /* unit NULL: the item's base unit */
};

struct po_req {
	const char *ref, *supplier, *expected, *note;
	const struct po_line_req *lines;
	int nlines;
};

int po_add(struct session *s, const struct po_req *r);
/* The same inside the caller's transaction (imports). */
int po_add_in_tx(struct session *s, const struct po_req *r);
/* Close line n (0: the whole order) when nothing more will come. */
int po_close(struct session *s, const char *ref, int64_t n);
/* Parse "ITEM:QTY[:UNIT[:COST]]" (the command line's --line) into r; text is
 * modified in place. */
int po_line_parse(char *text, struct po_line_req *r);
/* The line a receipt of base_qty of item counts against: line n, or the first
 * open line of the item. An order that is not open, a closed line, another item
 * or supplier, and an over-receipt without over set are refused. */
int po_match(struct session *s, const char *ref, int64_t n, const struct item *it,
             const char *supplier, fixed_t base_qty, int over, struct po *po, struct po_line *line);

/* ERR_CONFLICT when receiving base_qty more on the line goes over what it
 * ordered (what over-receipt needs confirmation for). */
int po_check_over(const char *ref, const struct po_line *line, fixed_t base_qty);

#endif
