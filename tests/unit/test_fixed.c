/* Fixed-point parsing, formatting and arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "src/error.h"
#include "src/fixed.h"

static void parse_ok(void **state)
{
	fixed_t v;
	(void)state;
	assert_int_equal(fixed_parse("12", 0, &v), OK);
	assert_int_equal(v, 12000000);
	assert_int_equal(fixed_parse("0.1", 0, &v), OK);
	assert_int_equal(v, 100000);
	assert_int_equal(fixed_parse("-2.5", 0, &v), OK);
	assert_int_equal(v, -2500000);
	assert_int_equal(fixed_parse("1,25", 1, &v), OK);
	assert_int_equal(v, 1250000);
	assert_int_equal(fixed_parse(".5", 0, &v), OK);
	assert_int_equal(v, 500000);
	assert_int_equal(fixed_parse("0.000001", 0, &v), OK);
	assert_int_equal(v, 1);
}

static void parse_bad(void **state)
{
	fixed_t v;
	(void)state;
	assert_int_equal(fixed_parse("1,25", 0, &v), ERR_INVALID);
	assert_int_equal(fixed_parse("abc", 0, &v), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "not a number"));
	assert_int_equal(fixed_parse("", 0, &v), ERR_INVALID);
	assert_int_equal(fixed_parse("1.0000001", 0, &v), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "decimals"));
	assert_int_equal(fixed_parse("99999999999999", 0, &v), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "too large"));
	assert_int_equal(fixed_parse("1.2.3", 0, &v), ERR_INVALID);
	assert_int_equal(fixed_parse("-", 0, &v), ERR_INVALID);
}

static void format(void **state)
{
	char b[FIXED_BUFSZ];
	(void)state;
	assert_string_equal(fixed_format(12000000, 0, b), "12");
	assert_string_equal(fixed_format(12500000, 0, b), "12.5");
	assert_string_equal(fixed_format(12500000, 2, b), "12.50");
	assert_string_equal(fixed_format(-1, 0, b), "-0.000001");
	assert_string_equal(fixed_format(0, 0, b), "0");
	assert_string_equal(fixed_format(INT64_MIN + 1, 0, b), "-9223372036854.775807");
}

/* Receiving 0.1 kg ten times gives exactly 1 kg. */
static void tenths_add_up(void **state)
{
	fixed_t v, sum = 0;
	(void)state;
	for (int i = 0; i < 10; i++) {
		assert_int_equal(fixed_parse("0.1", 0, &v), OK);
		sum += v;
	}
	assert_int_equal(sum, FIXED_ONE);
}

static void arithmetic(void **state)
{
	fixed_t v;
	(void)state;
	assert_int_equal(fixed_mul(2500000, 4000000, &v), OK); /* 2.5 * 4 */
	assert_int_equal(v, 10000000);
	assert_int_equal(fixed_div(10000000, 3000000, &v), OK); /* 10 / 3 */
	assert_int_equal(v, 3333333);
	assert_int_equal(fixed_div(20000000, 3000000, &v), OK); /* 6.666667 rounds up */
	assert_int_equal(v, 6666667);
	assert_int_equal(fixed_div(-20000000, 3000000, &v), OK);
	assert_int_equal(v, -6666667);
	assert_int_equal(fixed_div(1, 0, &v), ERR_INVALID);
	assert_int_equal(fixed_mul(INT64_MAX, INT64_MAX, &v), ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parse_ok),      cmocka_unit_test(parse_bad),  cmocka_unit_test(format),
	    cmocka_unit_test(tenths_add_up), cmocka_unit_test(arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
