/* The batch record of a production run as lines of text: plan vs actual, every
 * lot in and out with quantities and costs, who did what and when, sign-off.
 * One maker for `lotline run record` and the Production screen. */
#ifndef LOTLINE_BATCH_RECORD_H
#define LOTLINE_BATCH_RECORD_H

#include "db/production.h"
#include "session.h"

typedef void (*record_line_fn)(void *ctx, const char *text);

/* The run's first lines (code, recipe, target, status, shortage and bypass). */
void batch_record_header(const struct run *r, record_line_fn line, void *ctx);
/* The whole batch record, line by line. */
int batch_record(struct session *s, const char *run, record_line_fn line, void *ctx);
/* Money with cents, from fixed-point millionths. */
void batch_record_money(fixed_t v, char *buf);

#endif
