/* Dates as spreadsheets write them: ISO, day/month/year, month/day/year,
 * year/month/day, with / . - or spaces, two- or four-digit years, English month
 * names, and a time of day after them (ignored). */
#ifndef LOTLINE_CSV_DATE_H
#define LOTLINE_CSV_DATE_H

enum date_order { DATE_AUTO, DATE_DMY, DATE_MDY, DATE_YMD };

/* What a date's form says about the order of its numbers. */
enum date_shape {
	SHAPE_FIXED,     /* ISO, year first, a month name, or day = month: one reading */
	SHAPE_DMY,       /* 31/12/2026: only day/month reads */
	SHAPE_MDY,       /* 12/31/2026: only month/day reads */
	SHAPE_AMBIGUOUS, /* 03/04/2026: both read */
	SHAPE_INVALID,   /* no reading at all */
};

/* "dmy", "mdy" or "ymd": ERR_INVALID naming --date-format. */
int date_order_parse(const char *s, enum date_order *out);
/* The shape of a date, for deciding the order of a whole file. */
enum date_shape csv_date_shape(const char *s);
/* The date as ISO "YYYY-MM-DD" (iso: 11 bytes) reading a/b/year in order (AUTO
 * reads only forms with one reading). ERR_INVALID with a message that quotes s. */
int csv_date_parse(const char *s, enum date_order order, char *iso);

#endif
