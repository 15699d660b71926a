/* GS1 element strings from scans and from people: GS-separated scanner data
 * (with or without an AIM symbology identifier such as "]C1"), the bracketed
 * human-readable form "(01)...(17)...(10)...", or a bare GTIN from an EAN/UPC
 * barcode. A pure parser: no store, no printing, bounded on any input. */
#ifndef LOTLINE_GS1_H
#define LOTLINE_GS1_H

#include "fixed.h"

#include <stddef.h>
#include <stdint.h>

#define GS1_GS           '\x1d' /* group separator: FNC1 as scanners send it */
#define GS1_AI_MAX       4      /* digits in the longest AI */
#define GS1_VALUE_MAX    90     /* characters in the longest value (AIs 91-99) */
#define GS1_MAX_ELEMENTS 32
#define GS1_INPUT_MAX    4096 /* longer input is refused unread */

enum gs1_kind {
	GS1_TEXT,     /* the raw value is all there is */
	GS1_DATE,     /* YYMMDD: iso and days are set */
	GS1_DATETIME, /* YYMMDDHHMM (7003): iso "YYYY-MM-DDTHH:MM" and days */
	GS1_MEASURE,  /* 31nn-36nn: qty, unit and decimals are set */
	GS1_COUNT,    /* 30, 37: qty (whole units, no unit name) */
};

struct gs1_element {
	char ai[GS1_AI_MAX + 1];
	char value[GS1_VALUE_MAX + 1]; /* as encoded (a GTIN padded to 14 digits) */
	enum gs1_kind kind;
	const char *title; /* GS1 data title, N_() ("BATCH/LOT") */
	char iso[17];      /* dates: "YYYY-MM-DD"; DD 00 is the month's last day */
	int64_t days;      /* dates: days since 1970-01-01 */
	fixed_t qty;       /* measures and counts */
	const char *unit;  /* measures: "kg", "l", "m2", ... */
	int decimals;      /* measures: the AI's last digit */
};

struct gs1_result {
	char symbology[4]; /* the AIM identifier that came with the scan ("]C1"), or "" */
	int n;
	struct gs1_element el[GS1_MAX_ELEMENTS];
};

/* Parse len bytes of data (any bytes; NUL is just a bad character). Returns OK,
 * or ERR_INVALID with a message naming the AI and the problem: "check digit",
 * "bad date", "unknown AI", "too long", "too short", "missing separator", "bad
 * character" or "duplicate". On error r holds the elements before the bad one.
 * Two-digit years follow GS1's rule (49 years back, 50 ahead) from
 * clock_today(), which is read at most once per call. */
int gs1_parse(const char *data, size_t len, struct gs1_result *r);
/* The same with today (days since 1970-01-01) given, for callers that parse
 * many codes in a row. */
int gs1_parse_on(const char *data, size_t len, int64_t today, struct gs1_result *r);

/* The element with this AI, or NULL. A three-digit measure family ("310")
 * finds whichever decimal position was scanned ("3103"). */
const struct gs1_element *gs1_find(const struct gs1_result *r, const char *ai);

/* An element as people read it: dates in ISO, measures as "0.750 kg" (exactly
 * the AI's decimals), everything else as encoded. Returns buf. */
char *gs1_display(const struct gs1_element *e, char *buf, size_t size);

/* OK when the AI table is sorted and agrees with GS1's prefix rules; used by
 * the unit tests so a bad edit to the table fails the build's tests. */
int gs1_table_check(void);

#endif
