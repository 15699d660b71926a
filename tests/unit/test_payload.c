/* Payload encoding and strict decoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "src/error.h"
#include "src/payload.h"

static void round_trip(void **state)
{
	struct fields f = FIELDS_INIT, g = FIELDS_INIT;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	fields_set(&f, "lot", "LOT-261123-DM001");
	fields_set(&f, "note", "quote \" backslash \\ newline\n tab\t ctrl\x01 é");
	fields_set_int(&f, "qty", -1500000);
	fields_set(&f, "empty", "");
	fields_encode(&f, &sb);
	assert_int_equal(fields_decode(sb.buf, sb.len, &g), OK);
	assert_int_equal(g.n, 4);
	for (size_t i = 0; i < f.n; i++)
		assert_string_equal(fields_get(&g, f.v[i].key), f.v[i].val);
	int64_t q;
	assert_int_equal(fields_int(&g, "qty", &q), OK);
	assert_int_equal(q, -1500000);
	assert_int_equal(fields_int(&g, "lot", &q), ERR_INVALID);
	assert_int_equal(fields_int(&g, "absent", &q), ERR_INVALID);
	fields_free(&f);
	fields_free(&g);
	sb_free(&sb);
}

static void numbers_written(void **state)
{
	char buf[24], ref[24];
	static const int64_t v[] = {
	    0, 1, -1, 9, 10, -10, 123456789, INT64_MAX, INT64_MIN, INT64_MIN + 1, 1000000000000LL};
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(ref, sizeof(ref), "%lld", (long long)v[i]);
		assert_string_equal(int_format(v[i], buf), ref);
	}
	assert_string_equal(uint_format(UINT64_MAX, buf), "18446744073709551615");
	assert_string_equal(uint_format(0, buf), "0");
}

static void replace_keeps_order(void **state)
{
	struct fields f = FIELDS_INIT;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	fields_set(&f, "a", "1");
	fields_set(&f, "b", "2");
	fields_set(&f, "a", "a much longer value than before");
	fields_set_int(&f, "b", 42);
	fields_encode(&f, &sb);
	assert_string_equal(sb.buf, "{\"a\":\"a much longer value than before\",\"b\":\"42\"}");
	fields_free(&f);
	sb_free(&sb);
}

static void decode_forms(void **state)
{
	struct fields f = FIELDS_INIT;
	const char *j = " { \"a\" : 12 , \"b\":\"\\u00e9\\n\" } ";
	(void)state;
	assert_int_equal(fields_decode(j, strlen(j), &f), OK);
	assert_string_equal(fields_get(&f, "a"), "12");
	assert_string_equal(fields_get(&f, "b"), "\xc3\xa9\n");
	fields_free(&f);
	assert_int_equal(fields_decode("{}", 2, &f), OK);
	assert_int_equal(f.n, 0);
	fields_free(&f);
}

static void decode_bad(void **state)
{
	static const char *const bad[] = {
	    "",
	    "[]",
	    "{",
	    "{\"a\"}",
	    "{\"a\":}",
	    "{\"a\":1,}",
	    "{\"a\":1} x",
	    "{\"a\":\"x}",
	    "{\"a\":tru}",
	    "{\"a\":\"\\q\"}",
	    "{\"a\":1,\"a\":2}",
	    "{\"a\":\"\\u12\"}",
	    "{a:1}",
	    "{\"a\":\"\\ud800\"}",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct fields f = FIELDS_INIT;
		assert_int_equal(fields_decode(bad[i], strlen(bad[i]), &f), ERR_INVALID);
		assert_non_null(strstr(error_msg(), "payload:"));
		fields_free(&f);
	}
	/* a NUL inside the given length is refused, not read past */
	struct fields f = FIELDS_INIT;
	assert_int_equal(fields_decode("{\"a\":\"x\0y\"}", 11, &f), ERR_INVALID);
	fields_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(round_trip),          cmocka_unit_test(numbers_written),
	    cmocka_unit_test(replace_keeps_order), cmocka_unit_test(decode_forms),
	    cmocka_unit_test(decode_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
