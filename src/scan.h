/* What a scanned code names, decided in one place for the screens and the
 * command line: a lot (its code; a GS1 label whose (10) is one of our lot codes;
 * or (01) a GTIN and (10) that supplier's lot number), an item (code, GTIN or
 * pack GTIN), or a location. */
#ifndef LOTLINE_SCAN_H
#define LOTLINE_SCAN_H

#include "session.h"

enum scan_kind { SCAN_LOT, SCAN_ITEM, SCAN_LOCATION };

struct scan_hit {
	enum scan_kind kind;
	char code[LOT_MAX + 1];
};

/* ERR_NOT_FOUND "Scanned X: ..." when nothing has that code; ERR_INVALID with
 * the GS1 problem (AI and class) when it is a broken GS1 label. */
int scan_lookup(struct session *s, const char *code, struct scan_hit *hit);
/* A scanned code as people read it in a message: GS as <GS>, other control
 * characters as ?, cut to fit n. Returns buf. */
/* A code from a GS1 symbol (AIM identifier, brackets, a GS, or all digits). */
int scan_looks_gs1(const char *code);
/* A code typed in a shell: "\\x1d" and "<GS>" stand for a GS. Returns out. */
char *scan_unescape(const char *in, char *out, size_t n);
char *scan_shown(const char *code, char *buf, size_t n);

#endif
