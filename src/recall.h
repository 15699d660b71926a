/* Recalls and mock recalls: the scope from a forward trace (lots still in stock
 * are held at once, except in a drill), the customer notification list, tracking
 * per customer, and closing with a summary. */
#ifndef LOTLINE_RECALL_H
#define LOTLINE_RECALL_H

#include "db/recall.h"
#include "output.h"
#include "session.h"

#include <stdio.h>

#define RECALL_MARKS "notified|acknowledged|returned"

/* Open a recall (drill: a mock recall, nothing held) of these lots; code_out gets
 * its code. The time from start to the complete list is kept as evidence. */
int recall_open(struct session *s, const char *const *lots, int n, const char *reason, int drill,
                char code_out[LOT_MAX + 1]);
/* what: notified, acknowledged or returned (with the quantity that came back). */
int recall_mark(struct session *s, const char *code, const char *customer, const char *what,
                const char *qty);
int recall_close(struct session *s, const char *code, const char *summary);

/* The recall's heading lines (code, reason, scope, time to the complete list). */
void recall_banner(FILE *fp, const struct recall *r);
/* The customer notification list: OUT_TABLE is the letter-style text (banner and
 * one block per customer), the others one row per shipment with the customer's
 * address. *rows (may be NULL) counts the shipments written. */
int recall_notices_write(struct session *s, const char *code, FILE *fp, enum out_format fmt,
                         long *rows);

#endif
