/* Fixed-point numbers for quantities and money: 64-bit integers in millionths.
 * No floating point ever touches the ledger. */
#ifndef LOTLINE_FIXED_H
#define LOTLINE_FIXED_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t fixed_t;

#define FIXED_DECIMALS 6
#define FIXED_SCALE    INT64_C(1000000)
#define FIXED_ONE      FIXED_SCALE

/* Parse "12", "-0.5", "1,25" (when decimal_comma), at most 6 decimals.
 * Returns OK or ERR_INVALID with a message naming what is wrong. */
int fixed_parse(const char *s, int decimal_comma, fixed_t *out);
/* Format with at least min_decimals and at most 6, trailing zeros trimmed.
 * buf needs FIXED_BUFSZ bytes. */
#define FIXED_BUFSZ 32
char *fixed_format(fixed_t v, int min_decimals, char *buf);
/* a * b and a / b with exact rounding (half away from zero); ERR_INVALID on overflow. */
int fixed_mul(fixed_t a, fixed_t b, fixed_t *out);
int fixed_div(fixed_t a, fixed_t b, fixed_t *out);
/* a * num / den rounded half away from zero, 128-bit intermediate. */
int fixed_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out);

#endif
