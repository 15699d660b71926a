/* The clock (real or fixed by LOTLINE_NOW) and civil-date arithmetic. */
#include "clock.h"
#include "error.h"
#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int date_parse(const char *s, int64_t *days)
{
	int y = 0, m = 0, d = 0;
	/* digits where the pattern has them: this runs for every date of an import */
	static const char pattern[] = "dddd-dd-dd";
	int ok = s != NULL;
	for (int i = 0; ok && i < 10; i++)
		ok = pattern[i] == 'd' ? isdigit((unsigned char)s[i]) != 0 : s[i] == '-';
	if (!ok || s[10])
		return error_set(ERR_INVALID, _("'%s' is not a date (YYYY-MM-DD)"), s ? s : "");
	for (int i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return error_set(ERR_INVALID, _("'%s' is not a real date"), s);
	*days = days_from_civil(y, m, d);
	return OK;
}

char *date_format(int64_t days, char *buf)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	return date_format_ymd(y % 10000, m, d, buf);
}

char *date_format_ymd(int y, int m, int d, char *buf)
{
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10 % 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10 % 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

/* LOTLINE_NOW: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" in local time, or with a
 * trailing Z for UTC. Unreadable values are a start-up error. */
static int64_t parse_now(const char *s)
{
	struct tm tm = {0};
	int y, mo, d, h = 0, mi = 0, sec = 0;
	int n = sscanf(s, "%d-%d-%d%*[T ]%d:%d:%d", &y, &mo, &d, &h, &mi, &sec);
	if (n < 3) {
		fprintf(stderr, "lotline: LOTLINE_NOW='%s' is not an ISO date or time\n", s);
		exit(2);
	}
	if (strchr(s, 'Z'))
		return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * 1000;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm) * 1000;
}

int64_t clock_now_ms(void)
{
	const char *fixed = getenv("LOTLINE_NOW");
	if (fixed && *fixed)
		return parse_now(fixed);
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void local_tm(int64_t ms, struct tm *tm)
{
	time_t t = (time_t)(ms / 1000);
	localtime_r(&t, tm);
}

int64_t clock_today(void)
{
	struct tm tm;
	local_tm(clock_now_ms(), &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *time_format_short(int64_t ms, char *buf)
{
	struct tm tm;
	local_tm(ms, &tm);
	strftime(buf, 20, "%Y-%m-%d %H:%M", &tm);
	return buf;
}

char *time_format_iso(int64_t ms, char *buf)
{
	struct tm tm;
	local_tm(ms, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S%z", &tm);
	return buf;
}
