/* Unit conversion: within a dimension, through density, through pack size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "src/error.h"
#include "src/units.h"

#define Q(x) ((fixed_t)((x)*1000000.0 + ((x) < 0 ? -0.5 : 0.5)))

static fixed_t conv(const char *q, const char *from, const char *to, const struct unit_ctx *c)
{
	fixed_t in, out;
	assert_int_equal(fixed_parse(q, 0, &in), OK);
	assert_int_equal(unit_convert(in, from, to, c, &out), OK);
	return out;
}

static void same_dimension(void **state)
{
	(void)state;
	assert_int_equal(conv("1500", "g", "kg", NULL), 1500000);
	assert_int_equal(conv("1", "kg", "g", NULL), 1000000000);
	assert_int_equal(conv("1", "lb", "kg", NULL), 453592);
	assert_int_equal(conv("1", "kg", "lb", NULL), 2204623);
	assert_int_equal(conv("16", "oz", "lb", NULL), 1000000);
	assert_int_equal(conv("1", "gal", "l", NULL), 3785412);
	assert_int_equal(conv("128", "fl oz", "gal", NULL), 1000000);
	assert_int_equal(conv("250", "ml", "l", NULL), 250000);
	assert_int_equal(conv("1", "mg", "g", NULL), 1000);
	assert_int_equal(conv("3", "ea", "each", NULL), 3000000);
}

static void aliases(void **state)
{
	(void)state;
	assert_string_equal(unit_canonical("KGS"), "kg");
	assert_string_equal(unit_canonical("Litre"), "l");
	assert_string_equal(unit_canonical("floz"), "fl oz");
	assert_string_equal(unit_canonical("case"), "pack");
	assert_null(unit_canonical("furlong"));
	assert_false(unit_is_base("pack"));
	assert_true(unit_is_base("each"));
}

static void density(void **state)
{
	struct unit_ctx honey = {"kg", 1420000, 0}; /* 1.42 kg/l */
	(void)state;
	assert_int_equal(conv("1", "l", "kg", &honey), 1420000);
	assert_int_equal(conv("1.42", "kg", "l", &honey), 1000000);
	assert_int_equal(conv("500", "ml", "g", &honey), 710000000);
	fixed_t out;
	struct unit_ctx none = {"kg", 0, 0};
	assert_int_equal(unit_convert(1000000, "l", "kg", &none, &out), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "density"));
}

static void packs(void **state)
{
	struct unit_ctx flour = {"kg", 0, 25000000}; /* 25 kg sacks */
	struct unit_ctx jars = {"each", 0, 1200000000};
	(void)state;
	assert_int_equal(conv("2", "pack", "kg", &flour), 50000000);
	assert_int_equal(conv("75", "kg", "case", &flour), 3000000);
	assert_int_equal(conv("1", "pack", "g", &flour), 25000000000);
	assert_int_equal(conv("3", "cs", "each", &jars), 3600000000);
	fixed_t out;
	struct unit_ctx nopack = {"kg", 0, 0};
	assert_int_equal(unit_convert(1000000, "pack", "kg", &nopack, &out), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "pack size"));
}

static void refusals(void **state)
{
	fixed_t out;
	(void)state;
	assert_int_equal(unit_convert(1000000, "each", "kg", NULL, &out), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "does not convert"));
	assert_int_equal(unit_convert(1000000, "stone", "kg", NULL, &out), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "unknown unit 'stone'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_dimension), cmocka_unit_test(aliases),  cmocka_unit_test(density),
	    cmocka_unit_test(packs),          cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
