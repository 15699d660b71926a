/* Civil dates, LOTLINE_NOW, and the hybrid logical clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "src/clock.h"
#include "src/error.h"
#include "src/hlc.h"

static void civil_round_trip(void **state)
{
	(void)state;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	assert_int_equal(days_from_civil(2000, 3, 1), 11017);
	for (int64_t d = -800000; d < 800000; d += 37) {
		int y, m, dd;
		civil_from_days(d, &y, &m, &dd);
		assert_int_equal(days_from_civil(y, m, dd), d);
	}
}

static void parse_dates(void **state)
{
	int64_t d;
	char buf[11];
	(void)state;
	assert_int_equal(date_parse("2024-02-29", &d), OK);
	assert_string_equal(date_format(d, buf), "2024-02-29");
	assert_int_equal(date_parse("2023-02-29", &d), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "not a real date"));
	assert_int_equal(date_parse("2023-13-01", &d), ERR_INVALID);
	assert_int_equal(date_parse("23-01-01", &d), ERR_INVALID);
	assert_int_equal(date_parse("2023/01/01", &d), ERR_INVALID);
	assert_int_equal(date_parse("2023-01-011", &d), ERR_INVALID);
	/* digits only where the form has them (scanf once let signs and spaces in) */
	assert_int_equal(date_parse("+202-01-01", &d), ERR_INVALID);
	assert_int_equal(date_parse("2023-+1-01", &d), ERR_INVALID);
	assert_int_equal(date_parse("2023- 1-01", &d), ERR_INVALID);
	assert_int_equal(date_parse("2023-01-0", &d), ERR_INVALID);
	assert_int_equal(date_parse("", &d), ERR_INVALID);
	assert_int_equal(date_parse(NULL, &d), ERR_INVALID);
	assert_int_equal(date_parse("0001-01-01", &d), OK);
	assert_string_equal(date_format(d, buf), "0001-01-01");
	assert_int_equal(date_parse("9999-12-31", &d), OK);
	assert_string_equal(date_format(d, buf), "9999-12-31");
	assert_string_equal(date_format_ymd(2026, 11, 3, buf), "2026-11-03");
	assert_string_equal(date_format_ymd(987, 1, 9, buf), "0987-01-09");
	/* every day of four centuries reads back as written */
	for (int64_t day = days_from_civil(1900, 1, 1); day < days_from_civil(2300, 1, 1); day++) {
		int64_t back;
		assert_int_equal(date_parse(date_format(day, buf), &back), OK);
		assert_int_equal(back, day);
	}
	assert_int_equal(days_in_month(2000, 2), 29);
	assert_int_equal(days_in_month(1900, 2), 28);
}

static void fixed_now(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	setenv("LOTLINE_NOW", "2026-11-23T08:30:00Z", 1);
	assert_int_equal(clock_now_ms(),
	                 (days_from_civil(2026, 11, 23) * 86400 + 8 * 3600 + 1800) * 1000LL);
	assert_int_equal(clock_today(), days_from_civil(2026, 11, 23));
	setenv("LOTLINE_NOW", "2026-01-31", 1);
	assert_int_equal(clock_today(), days_from_civil(2026, 1, 31));
	unsetenv("LOTLINE_NOW");
}

static void hlc_monotonic(void **state)
{
	(void)state;
	hlc_t a = hlc_next(0, 1000);
	assert_int_equal(hlc_wall_ms(a), 1000);
	/* the same wall time twice: the counter moves on */
	hlc_t b = hlc_next(a, 1000);
	assert_true(b > a);
	assert_int_equal(hlc_wall_ms(b), 1000);
	/* the wall clock going backwards never makes an earlier stamp */
	hlc_t c = hlc_next(b, 500);
	assert_true(c > b);
	/* a remote stamp from a clock an hour ahead pulls ours forward */
	hlc_t remote = hlc_next(0, 1000 + 3600000);
	hlc_t seen = hlc_observe(c, remote);
	hlc_t d = hlc_next(seen, 1001);
	assert_true(d > remote);
	/* and the wall clock taking over again */
	hlc_t e = hlc_next(d, 1000 + 3600000 + 5);
	assert_int_equal(hlc_wall_ms(e), 1000 + 3600000 + 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(civil_round_trip),
	    cmocka_unit_test(parse_dates),
	    cmocka_unit_test(fixed_now),
	    cmocka_unit_test(hlc_monotonic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
