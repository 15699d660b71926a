/* Telling a scanner's burst from a person's typing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ui/keys.h"
#include "ui/scanner.h"

/* keys of text, with the same gap before each, optionally ending with Enter */
static int decide(const char *text, int gap, int enter, char *out)
{
	int keys[64], gaps[64], n = 0;
	for (const char *p = text; *p; p++) {
		keys[n] = (unsigned char)*p;
		gaps[n++] = gap;
	}
	if (enter) {
		keys[n] = LK_ENTER;
		gaps[n++] = gap;
	}
	return scan_decide(&scan_defaults, keys, gaps, n, enter, out, 64);
}

static void burst_is_a_scan(void **state)
{
	char out[64];
	(void)state;
	assert_int_equal(decide("LOT-261123-DM001", 5, 1, out), 1);
	assert_string_equal(out, "LOT-261123-DM001");
	/* a long burst without Enter is a scan too */
	assert_int_equal(decide("0105012345678900", 3, 0, out), 1);
}

static void typing_is_typing(void **state)
{
	char out[64];
	(void)state;
	assert_int_equal(decide("flour", 120, 1, out), 0);
	/* two quick keys are a person, not a scanner */
	assert_int_equal(decide("ab", 5, 1, out), 0);
	/* a short quick burst without a terminator is typing */
	assert_int_equal(decide("abcd", 5, 0, out), 0);
	/* one slow gap in the middle: typing */
	int keys[] = {'A', 'B', 'C', 'D', 'E', LK_ENTER}, gaps[] = {0, 5, 5, 200, 5, 5};
	assert_int_equal(scan_decide(&scan_defaults, keys, gaps, 6, 1, out, 64), 0);
}

static void aim_and_gs_kept(void **state)
{
	char out[64];
	int keys[] = {']', 'C', '1', '0', '1', 29, '1', '0', 'A'}, gaps[9] = {0};
	(void)state;
	/* an AIM identifier marks a scan whatever the timing; GS is kept */
	for (int i = 1; i < 9; i++)
		gaps[i] = 200;
	assert_int_equal(scan_decide(&scan_defaults, keys, gaps, 9, 0, out, 64), 1);
	assert_int_equal(strlen(out), 9);
	assert_int_equal(out[5], 29);
	assert_int_equal(strncmp(out, "]C1", 3), 0);
}

static void prefix_and_suffix(void **state)
{
	struct scan_config c = scan_defaults;
	char out[64];
	int keys[] = {'~', 'X', 'Y', '#'}, gaps[] = {0, 200, 200, 200};
	(void)state;
	c.prefix = '~';
	c.suffix = '#';
	assert_true(scan_ends(&c, '#'));
	assert_false(scan_ends(&c, LK_ENTER));
	assert_int_equal(scan_decide(&c, keys, gaps, 4, 1, out, 64), 1);
	assert_string_equal(out, "XY");
	assert_true(scan_ends(&scan_defaults, LK_TAB));
	assert_true(scan_starts(&scan_defaults, 29));
	assert_false(scan_starts(&scan_defaults, LK_F(2)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(burst_is_a_scan),
	    cmocka_unit_test(typing_is_typing),
	    cmocka_unit_test(aim_and_gs_kept),
	    cmocka_unit_test(prefix_and_suffix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
