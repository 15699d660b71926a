/* Dates in CSV files: the forms read, the orders, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "src/csv_date.h"
#include "src/error.h"

static void expect(const char *in, enum date_order o, const char *iso)
{
	char out[11];
	if (csv_date_parse(in, o, out) != OK)
		fail_msg("'%s' (order %d): %s", in, (int)o, error_msg());
	assert_string_equal(out, iso);
}

static void refuse(const char *in, enum date_order o, const char *msg)
{
	char out[11];
	assert_int_equal(csv_date_parse(in, o, out), ERR_INVALID);
	if (!strstr(error_msg(), msg))
		fail_msg("'%s': message '%s' lacks '%s'", in, error_msg(), msg);
}

static void forms(void **state)
{
	(void)state;
	expect("2026-12-31", DATE_AUTO, "2026-12-31");
	expect("2026-12-31T00:00:00Z", DATE_AUTO, "2026-12-31");
	expect("2026-12-31 10:15", DATE_DMY, "2026-12-31");
	expect("2026/1/5", DATE_MDY, "2026-01-05");
	expect("31/12/2026", DATE_AUTO, "2026-12-31");
	expect("31.12.2026", DATE_AUTO, "2026-12-31");
	expect("12/31/2026", DATE_AUTO, "2026-12-31");
	expect("12/31/26", DATE_AUTO, "2026-12-31");
	expect("05/05/2026", DATE_AUTO, "2026-05-05");
	expect("03/04/2026", DATE_DMY, "2026-04-03");
	expect("03/04/2026", DATE_MDY, "2026-03-04");
	expect("26/04/03", DATE_YMD, "2026-04-03");
	expect("31-Dec-2026", DATE_AUTO, "2026-12-31");
	expect("Dec 31, 2026", DATE_AUTO, "2026-12-31");
	expect("1 february 27", DATE_AUTO, "2027-02-01");
	expect(" 31/12/2026 00:00 ", DATE_AUTO, "2026-12-31");
}

static void refusals(void **state)
{
	(void)state;
	refuse("03/04/2026", DATE_AUTO, "could be day/month or month/day");
	refuse("31/02/2026", DATE_AUTO, "'31/02/2026' is not a real date");
	refuse("2027-02-29", DATE_AUTO, "is not a real date");
	refuse("12/31/2026", DATE_DMY, "not a real date (read as day/month/year)");
	refuse("31/12/2026", DATE_MDY, "not a real date (read as month/day/year)");
	refuse("31/12/2026", DATE_YMD, "not a date in year/month/day order");
	refuse("next tuesday", DATE_AUTO, "is not a date");
	refuse("2026-12", DATE_AUTO, "is not a date");
	refuse("20261231", DATE_AUTO, "is not a date");
	refuse("2026-12-31x", DATE_AUTO, "is not a date");
	refuse("31/13/2026", DATE_AUTO, "is not a real date");
	refuse("Dec Jan 2026", DATE_AUTO, "is not a date");
}

static void shapes(void **state)
{
	(void)state;
	assert_int_equal(csv_date_shape("2026-03-04"), SHAPE_FIXED);
	assert_int_equal(csv_date_shape("31/12/2026"), SHAPE_DMY);
	assert_int_equal(csv_date_shape("12/31/2026"), SHAPE_MDY);
	assert_int_equal(csv_date_shape("03/04/26"), SHAPE_AMBIGUOUS);
	assert_int_equal(csv_date_shape("04/04/26"), SHAPE_FIXED);
	assert_int_equal(csv_date_shape("31/31/2026"), SHAPE_INVALID);
	assert_int_equal(csv_date_shape("soon"), SHAPE_INVALID);
	enum date_order o;
	assert_int_equal(date_order_parse("DMY", &o), OK);
	assert_int_equal(o, DATE_DMY);
	assert_int_equal(date_order_parse("dym", &o), ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(forms),
	    cmocka_unit_test(refusals),
	    cmocka_unit_test(shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
