/* Traceability queries: recursive walks of the genealogy (lot_links) forward to
 * shipments and customers and backward to supplier lots, one step either way,
 * and what an order or a customer received. */
#ifndef LOTLINE_DB_TRACE_H
#define LOTLINE_DB_TRACE_H

#include "db/store.h"
#include "src/model.h"

#include <stddef.h>

#define TRACE_DEPTH_MAX 100 /* deeper than any real genealogy; stops a cycle */

/* One row of a trace. kind says what it is:
 *   lot      a starting lot (party: its supplier, ref: the supplier lot)
 *   made     forward: lot was made from via in run
 *   input    backward: lot went into via in run (party: its supplier)
 *   ship     lot left on order ref to customer party
 *   return   some of it came back from order ref
 *   supplier, output, customer: the one-step report (depth -1 back, 1 forward)
 * qty is in unit: for made/input/output the quantity of the input used. */
struct trace_row {
	int64_t depth;
	char kind[12];
	int64_t lot_id;
	char lot[LOT_MAX + 1];
	char item[CODE_MAX + 1];
	char via[LOT_MAX + 1];
	char run[LOT_MAX + 1];
	char party[CODE_MAX + 1];
	char party_name[NAME_MAX_ + 1];
	char ref[LOT_MAX + 1];
	fixed_t qty;
	char unit[16];
	char date[11];
	/* db_trace_node and db_trace_children only: the lot has rows one level
	 * further (0 for the other queries, and for supplier, customer and return
	 * rows), and its status now ("" on those rows) */
	int more;
	char status[16];
};

typedef int (*trace_cb)(void *ctx, const struct trace_row *r);

/* Every lot made from the given lots, to depth levels, with every shipment and
 * return of any of them (the starting lots included). */
int db_trace_forward(struct store *s, const int64_t *lots, size_t n, int64_t depth, trace_cb cb,
                     void *ctx);
/* Every input of the given lots, down to depth levels, with their suppliers. */
int db_trace_backward(struct store *s, const int64_t *lots, size_t n, int64_t depth, trace_cb cb,
                      void *ctx);
/* The shipments of one order (kind ship); the lots it reserved when nothing has
 * shipped yet (kind lot). */
int db_trace_order(struct store *s, int64_t order_id, trace_cb cb, void *ctx);
/* Every shipment to and return from one customer. */
int db_trace_customer(struct store *s, int64_t customer_id, trace_cb cb, void *ctx);
/* Immediate supplier or inputs, immediate outputs and customers of one lot. */
int db_trace_one_step(struct store *s, int64_t lot_id, trace_cb cb, void *ctx);

/* One lot as the root of a tree (kind lot, as a trace's starting lot; more: it
 * has rows one level on in that direction). */
int db_trace_node(struct store *s, int64_t lot_id, int backward, struct trace_row *out);
/* The rows one level on from one lot, each saying whether it leads further: for
 * a tree opened level by level. Forward: output (lot made from it), customer
 * (shipped), return; backward: supplier, input. depth is 1 (forward) or -1. */
int db_trace_children(struct store *s, int64_t lot_id, int backward, trace_cb cb, void *ctx);

#endif
