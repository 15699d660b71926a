/* Traceability from the command line and the screens: lot codes, order refs and
 * customer codes in, trace rows out (db/trace.h says what each row is). */
#ifndef LOTLINE_TRACE_H
#define LOTLINE_TRACE_H

#include "db/trace.h"
#include "session.h"

/* Forward (every lot made from them, shipments, customers) or backward (every
 * input down to supplier lots); depth 0 means as deep as it goes. */
int trace_lots(struct session *s, const char *const *lots, int n, int backward, int64_t depth,
               trace_cb cb, void *ctx);
/* What went into an order: its shipments (or reserved lots), then every input. */
int trace_order(struct session *s, const char *ref, int64_t depth, trace_cb cb, void *ctx);
/* Which lots a customer received (and returned). */
int trace_customer(struct session *s, const char *code, trace_cb cb, void *ctx);
/* One step back (supplier or inputs) and one step forward (outputs, customers). */
int trace_one_step(struct session *s, const char *lot, trace_cb cb, void *ctx);

/* A tree opened level by level (the trace screen): the root lot, then the rows
 * one level on from any lot in it, each saying whether it leads further. */
int trace_root(struct session *s, const char *lot, int backward, struct trace_row *out);
int trace_children(struct session *s, int64_t lot_id, int backward, trace_cb cb, void *ctx);

#endif
