/* Lot labels: ZPL for Zebra printers (GS1-128 with AIs 01, 17 and 10 when the
 * item has a GTIN, else Code 128 of the lot code) or plain text. */
#ifndef LOTLINE_LABEL_H
#define LOTLINE_LABEL_H

#include "model.h"
#include "session.h"
#include "util.h"

enum label_format { LABEL_ZPL, LABEL_TEXT };

int label_format_parse(const char *s, enum label_format *fmt);
/* The GS1 element string for a lot, "(01)...(17)...(10)...", or "" when the
 * item has no GTIN or the lot code cannot travel in AI 10. */
void label_gs1(const struct lot *l, const struct item *it, char *buf, size_t n);
void label_render(const struct lot *l, const struct item *it, enum label_format fmt,
                  struct strbuf *out);

/* Send a lot's label (format NULL: the label_format setting) to the
 * label_print_command; quiet throws away what the command prints (the screens). */
int label_print(struct session *s, const char *lot, const char *format, int quiet);

#endif
