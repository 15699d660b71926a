/* Internal lot codes from a pattern such as "LOT-{YYMMDD}-{SITE}{NNN}".
 * {SITE} is the store's site code, unique among enrolled terminals, so two
 * terminals that were offline at the same time never make the same code. */
#ifndef LOTLINE_LOTCODE_H
#define LOTLINE_LOTCODE_H

#include <stddef.h>
#include <stdint.h>

#define LOTCODE_DEFAULT_PATTERN "LOT-{YYMMDD}-{SITE}{NNN}"
#define LOTCODE_MAX             64

/* Check a pattern: known tokens only, exactly one counter {N...}. */
int lotcode_check(const char *pattern);
/* Whether codes from the pattern carry the site code ({SITE}): a store that
 * syncs needs it, or two terminals offline make the same code. */
int lotcode_has_site(const char *pattern);
/* Expand the pattern for a date and counter. The counter is zero-padded to the
 * number of N's and grows wider when it needs to. */
int lotcode_format(const char *pattern, const char *site_code, int64_t day, uint64_t counter,
                   char *out, size_t outsz);
/* The pattern expanded with the counter left as "#": the key under which the
 * next counter value is kept. */
int lotcode_series(const char *pattern, const char *site_code, int64_t day, char *out,
                   size_t outsz);

#endif
