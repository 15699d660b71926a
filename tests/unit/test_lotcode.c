/* Lot-code patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "src/clock.h"
#include "src/error.h"
#include "src/lotcode.h"

static void default_pattern(void **state)
{
	char out[LOTCODE_MAX + 1];
	int64_t day = days_from_civil(2026, 11, 23);
	(void)state;
	assert_int_equal(lotcode_format(LOTCODE_DEFAULT_PATTERN, "KX", day, 7, out, sizeof(out)),
	                 OK);
	assert_string_equal(out, "LOT-261123-KX007");
	assert_int_equal(lotcode_format(LOTCODE_DEFAULT_PATTERN, "KX", day, 1234, out, sizeof(out)),
	                 OK);
	assert_string_equal(out, "LOT-261123-KX1234");
	assert_int_equal(lotcode_series(LOTCODE_DEFAULT_PATTERN, "KX", day, out, sizeof(out)), OK);
	assert_string_equal(out, "LOT-261123-KX#");
}

/* Two sites on the same day with the same counter never make the same code. */
static void sites_differ(void **state)
{
	char a[LOTCODE_MAX + 1], b[LOTCODE_MAX + 1];
	int64_t day = days_from_civil(2026, 11, 23);
	(void)state;
	assert_int_equal(lotcode_format(LOTCODE_DEFAULT_PATTERN, "A", day, 1, a, sizeof(a)), OK);
	assert_int_equal(lotcode_format(LOTCODE_DEFAULT_PATTERN, "B", day, 1, b, sizeof(b)), OK);
	assert_string_not_equal(a, b);
}

static void other_tokens(void **state)
{
	char out[LOTCODE_MAX + 1];
	int64_t day = days_from_civil(2027, 1, 5);
	(void)state;
	assert_int_equal(
	    lotcode_format("{YYYY}{MM}{DD}/{SITE}/{NNNNN}", "Q", day, 42, out, sizeof(out)), OK);
	assert_string_equal(out, "20270105/Q/00042");
	assert_int_equal(lotcode_format("B{YY}-{N}", "Q", day, 3, out, sizeof(out)), OK);
	assert_string_equal(out, "B27-3");
}

static void bad_patterns(void **state)
{
	(void)state;
	assert_int_equal(lotcode_check("LOT-{YYMMDD}"), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "exactly one counter"));
	assert_int_equal(lotcode_check("{NNN}-{NN}"), ERR_INVALID);
	assert_int_equal(lotcode_check("LOT-{WEEK}-{NNN}"), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "unknown token '{WEEK}'"));
	assert_int_equal(lotcode_check("LOT {NNN}"), ERR_INVALID);
	assert_int_equal(lotcode_check("LOT-{NNN"), ERR_INVALID);
	assert_int_equal(lotcode_check(LOTCODE_DEFAULT_PATTERN), OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(default_pattern),
	    cmocka_unit_test(sites_differ),
	    cmocka_unit_test(other_tokens),
	    cmocka_unit_test(bad_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
