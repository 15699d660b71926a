/* Telling a barcode scanner from a person: a keyboard-wedge scanner types a
 * whole code in a burst (a few ms between characters, people are above ~80 ms),
 * usually ending with Enter or Tab, sometimes behind an AIM symbology identifier
 * ("]C1") or a configured prefix. Pure logic, no curses, so it is unit-tested. */
#ifndef LOTLINE_UI_SCANNER_H
#define LOTLINE_UI_SCANNER_H

#include <stddef.h>

#define SCAN_MAX 512

struct scan_config {
	int gap_ms;  /* at most this between a scanner's characters */
	int min_len; /* a burst this long (without terminator) is a scan */
	int prefix;  /* a character that starts every scan, 0: none */
	int suffix;  /* a character that ends every scan, 0: Enter or Tab */
};

extern const struct scan_config scan_defaults;

/* Does this character start a burst worth watching (printable, GS, prefix)? */
int scan_starts(const struct scan_config *c, int key);
/* Is key the end of a scan (the suffix, else Enter or Tab)? */
int scan_ends(const struct scan_config *c, int key);
/* Decide on a burst: keys[0..n) arrived with gaps_ms[i] before keys[i] (gaps_ms[0]
 * unused); terminated says the last key ended it (and is not part of the code).
 * Returns 1 and the code in out (prefix and terminator removed, GS kept) when it
 * is a scan, 0 when the keys are a person typing. */
int scan_decide(const struct scan_config *c, const int *keys, const int *gaps_ms, int n,
                int terminated, char *out, size_t outsz);

#endif
