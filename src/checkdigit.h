/* GS1 mod-10 check digits (GTIN-8/12/13/14, SSCC, GLN). */
#ifndef LOTLINE_CHECKDIGIT_H
#define LOTLINE_CHECKDIGIT_H

#include <stddef.h>

/* The check digit for the first n digits of s. */
int gs1_check_digit(const char *s, size_t n);
/* Is s all digits with a correct last check digit? */
int gs1_check_digit_ok(const char *s, size_t n);
/* A GTIN of 8, 12, 13 or 14 digits with a correct check digit. */
int gtin_valid(const char *s);

#endif
