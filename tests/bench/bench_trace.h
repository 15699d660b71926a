/* The genealogy, orders and shipments of the generated store, and the trace
 * timings (tests/bench/bench_trace.c). */
#ifndef LOTLINE_BENCH_TRACE_H
#define LOTLINE_BENCH_TRACE_H

#include "src/session.h"

/* Runs in levels over the lots G0000001..lots, orders shipped to customers; inside
 * the caller's transaction, committing every batch entries (*entries counts). */
void bench_genealogy(struct session *s, long lots, long *entries, long batch);
/* lotline-bench trace DB: forward and backward traces, median of several runs. */
void bench_trace(const char *path);

#define SALT_LOT     "G0000002" /* in every first-level run */
#define ORDINARY_LOT "G0000003" /* in one first-level run */

#endif
