/* Reading the dates people and spreadsheets write. The order of day and month is
 * never guessed: a date is read only when its numbers allow one reading, or the
 * caller says which order the file uses. */
#include "csv_date.h"
#include "clock.h"
#include "error.h"
#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct parts {
	int n;
	long v[3];
	int len[3]; /* digits; 0 for a month name */
	int month;  /* which part is a month name, or -1 */
};

int date_order_parse(const char *s, enum date_order *out)
{
	static const char *const names[] = {"dmy", "mdy", "ymd"};
	for (int i = 0; i < 3; i++) {
		if (!strcasecmp(s, names[i])) {
			*out = (enum date_order)(DATE_DMY + i);
			return OK;
		}
	}
	return error_set(ERR_INVALID, _("--date-format: '%s' is not dmy, mdy or ymd"), s);
}

static int month_of(const char *p, size_t n)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	if (n < 3 || n > 9)
		return 0;
	for (int i = 0; i < 12; i++)
		if (!strncasecmp(p, names + 3 * i, 3))
			return i + 1;
	return 0;
}

/* Three parts (numbers or one month name) apart by / . - , or spaces, and
 * nothing after them but spaces or a time of day. */
static int split(const char *s, struct parts *pt)
{
	const char *p = s;
	pt->n = 0;
	pt->month = -1;
	while (*p == ' ')
		p++;
	while (*p && pt->n < 3) {
		const char *q = p;
		if (isdigit((unsigned char)*p)) {
			while (isdigit((unsigned char)*q))
				q++;
			if (q - p > 4)
				return 0;
			pt->v[pt->n] = strtol(p, NULL, 10);
			pt->len[pt->n] = (int)(q - p);
		} else if (isalpha((unsigned char)*p)) {
			while (isalpha((unsigned char)*q))
				q++;
			int m = month_of(p, (size_t)(q - p));
			if (!m || pt->month >= 0)
				return 0;
			pt->month = pt->n;
			pt->v[pt->n] = m;
			pt->len[pt->n] = 0;
		} else {
			return 0;
		}
		pt->n++;
		p = q;
		if (pt->n < 3) {
			if (!*p || !strchr("/.- ,", *p))
				return 0;
			while (*p && strchr("/.- ,", *p))
				p++;
		}
	}
	if (pt->n != 3)
		return 0;
	if ((*p == ' ' || *p == 'T') && strchr(p, ':'))
		return 1;
	return p[strspn(p, " ")] == '\0';
}

static long full_year(long y, int len)
{
	return len == 2 ? 2000 + y : y;
}

/* The shape of numbers a/b/year: which orders read them. */
static enum date_shape ab_shape(long a, long b)
{
	if (a > 12 && b > 12)
		return SHAPE_INVALID;
	if (a == b)
		return SHAPE_FIXED;
	if (a > 12)
		return SHAPE_DMY;
	if (b > 12)
		return SHAPE_MDY;
	return SHAPE_AMBIGUOUS;
}

static int year_last(const struct parts *pt)
{
	return pt->month < 0 && pt->len[0] <= 2 && (pt->len[2] == 2 || pt->len[2] == 4);
}

enum date_shape csv_date_shape(const char *s)
{
	struct parts pt;
	if (!split(s, &pt))
		return SHAPE_INVALID;
	if (year_last(&pt))
		return ab_shape(pt.v[0], pt.v[1]);
	return SHAPE_FIXED;
}

/* Year, month and day of parts in an order; 0 when the form fits no reading. */
static int resolve(const struct parts *pt, enum date_order order, long *y, long *m, long *d)
{
	if (pt->month >= 0) {
		/* the other two: the four-digit one is the year, else the last one */
		int i = pt->month == 0 ? 1 : 0, j = pt->month == 2 ? 1 : 2;
		int yi = pt->len[i] == 4 && pt->len[j] != 4 ? i : j;
		int di = yi == i ? j : i;
		*m = pt->v[pt->month];
		*y = full_year(pt->v[yi], pt->len[yi]);
		*d = pt->v[di];
		return pt->len[di] <= 2;
	}
	if (pt->len[0] == 4 || (order == DATE_YMD && pt->len[2] <= 2)) {
		*y = full_year(pt->v[0], pt->len[0]);
		*m = pt->v[1];
		*d = pt->v[2];
		return pt->len[0] != 3 && pt->len[1] <= 2 && pt->len[2] <= 2;
	}
	if (!year_last(pt) || order == DATE_YMD)
		return 0;
	if (order == DATE_AUTO) {
		enum date_shape sh = ab_shape(pt->v[0], pt->v[1]);
		if (sh == SHAPE_AMBIGUOUS || sh == SHAPE_INVALID)
			return 0;
		order = sh == SHAPE_MDY ? DATE_MDY : DATE_DMY;
	}
	*y = full_year(pt->v[2], pt->len[2]);
	*d = order == DATE_DMY ? pt->v[0] : pt->v[1];
	*m = order == DATE_DMY ? pt->v[1] : pt->v[0];
	return 1;
}

int csv_date_parse(const char *s, enum date_order order, char *iso)
{
	struct parts pt;
	long y, m, d;
	if (!split(s, &pt))
		return error_set(ERR_INVALID, _("'%s' is not a date (write YYYY-MM-DD)"), s);
	if (order == DATE_AUTO && year_last(&pt) && ab_shape(pt.v[0], pt.v[1]) == SHAPE_AMBIGUOUS)
		return error_set(ERR_INVALID,
		                 _("'%s' could be day/month or month/day: give --date-format dmy "
		                   "or mdy"),
		                 s);
	if (!resolve(&pt, order, &y, &m, &d)) {
		if (order == DATE_YMD)
			return error_set(ERR_INVALID,
			                 _("'%s' is not a date in year/month/day order"), s);
		return error_set(ERR_INVALID, _("'%s' is not a real date"), s);
	}
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month((int)y, (int)m)) {
		if (year_last(&pt) && order == DATE_DMY)
			return error_set(ERR_INVALID,
			                 _("'%s' is not a real date (read as day/month/year)"), s);
		if (year_last(&pt) && order == DATE_MDY)
			return error_set(ERR_INVALID,
			                 _("'%s' is not a real date (read as month/day/year)"), s);
		return error_set(ERR_INVALID, _("'%s' is not a real date"), s);
	}
	date_format_ymd((int)y, (int)m, (int)d, iso);
	return OK;
}
