/* Wall clock and calendar dates. LOTLINE_NOW (ISO date or date-time) replaces the
 * system clock everywhere so that tests of expiry and dates are deterministic. */
#ifndef LOTLINE_CLOCK_H
#define LOTLINE_CLOCK_H

#include <stdint.h>

/* Milliseconds since the epoch, from LOTLINE_NOW when set. */
int64_t clock_now_ms(void);
/* Days since 1970-01-01 for a civil date, and back. */
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t z, int *y, int *m, int *d);
/* Parse an ISO date "YYYY-MM-DD" strictly (real calendar dates only) into days;
 * ERR_INVALID with a message naming the problem. */
int date_parse(const char *s, int64_t *days);
/* Format days as "YYYY-MM-DD" into buf (11 bytes). */
char *date_format(int64_t days, char *buf);
/* The same from a year (0-9999), month and day, without printf: imports write
 * two dates for every row. */
char *date_format_ymd(int y, int m, int d, char *buf);
/* Today's date (local time of the terminal) as days. */
int64_t clock_today(void);
/* Format milliseconds as local "YYYY-MM-DD HH:MM" (buf 20 bytes) or ISO with
 * seconds and offset for machine formats (buf 32 bytes). */
char *time_format_short(int64_t ms, char *buf);
char *time_format_iso(int64_t ms, char *buf);
int days_in_month(int y, int m);

#endif
