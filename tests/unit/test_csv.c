/* The CSV reader: quoting, line numbers across quoted line breaks, line ends,
 * byte order marks, delimiter sniffing, invalid bytes; fed whole and in pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/csv_read.h"
#include "src/error.h"
#include "src/util.h"

/* Rows as "LINE:a|b|c" and problems as "!LINE:COL:message", one per line. */
static int on_row(void *ctx, const struct csv_row *row)
{
	struct strbuf *sb = ctx;
	sb_printf(sb, "%ld%s:", row->line, row->bad ? "*" : "");
	for (size_t i = 0; i < row->n; i++)
		sb_printf(sb, "%s%s", i ? "|" : "", row->v[i]);
	sb_putc(sb, '\n');
	return 0;
}

static void on_problem(void *ctx, long line, size_t col, const char *msg)
{
	struct strbuf *sb = ctx;
	sb_printf(sb, "!%ld:%zu:%.18s\n", line, col, msg);
}

/* Read data in pieces of chunk bytes (0: all at once); returns the transcript. */
static char *read_csv(const char *data, size_t n, const char *enc, char delim, size_t chunk,
                      char *delim_out)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_read_opts o = {enc, delim, on_row, on_problem, &sb};
	struct csv_reader *r;
	assert_int_equal(csv_reader_new(&o, &r), OK);
	if (!chunk)
		chunk = n ? n : 1;
	for (size_t i = 0; i < n; i += chunk)
		assert_int_equal(csv_reader_feed(r, data + i, n - i < chunk ? n - i : chunk), OK);
	assert_int_equal(csv_reader_finish(r), OK);
	if (delim_out)
		*delim_out = csv_reader_delimiter(r);
	csv_reader_free(r);
	sb_putc(&sb, '\0');
	return sb.buf;
}

/* The same transcript whatever the pieces. */
static void check(const char *data, size_t n, const char *enc, const char *expect)
{
	static const size_t chunks[] = {0, 1, 2, 3, 5, 64};
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		char *got = read_csv(data, n, enc, 0, chunks[i], NULL);
		if (strcmp(got, expect) != 0)
			fail_msg("chunk %zu:\n--- expected\n%s--- got\n%s", chunks[i], expect, got);
		free(got);
	}
}

#define CHECK(lit, enc, expect) check(lit, sizeof(lit) - 1, enc, expect)

static void quoting(void **state)
{
	(void)state;
	CHECK("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",  padded  \n", NULL,
	      "1:a|b|c\n2:x,1|say \"hi\"|padded\n");
	CHECK("a,b\n\" kept \",\n", NULL, "1:a|b\n2: kept |\n");
	CHECK("a,b,\n1,2,\n", NULL, "1:a|b|\n2:1|2|\n");
}

static void embedded_newlines(void **state)
{
	(void)state;
	CHECK("h1,h2\n\"one\ntwo\nthree\",x\nnext,y\n", NULL,
	      "1:h1|h2\n2:one\ntwo\nthree|x\n5:next|y\n");
	CHECK("h1,h2\r\n\"a\r\nb\",c\r\nd,e\r\n", NULL, "1:h1|h2\n2:a\r\nb|c\n4:d|e\n");
	/* blank lines between records still count */
	CHECK("h\n\n\nx\n  \ny", NULL, "1:h\n4:x\n6:y\n");
}

static void line_ends(void **state)
{
	(void)state;
	const char *expect = "1:a|b\n2:1|2\n3:3|4\n";
	CHECK("a,b\n1,2\n3,4\n", NULL, expect);
	CHECK("a,b\r\n1,2\r\n3,4\r\n", NULL, expect);
	CHECK("a,b\r1,2\r3,4\r", NULL, expect);
	CHECK("a,b\r\n1,2\n3,4", NULL, expect);
	CHECK("a,b\r\r\n1,2\n3,4", NULL, "1:a|b\n3:1|2\n4:3|4\n");
	CHECK("a\rb\nc\r\n\rd\n", NULL, "1:a\n2:b\n3:c\n5:d\n");
}

static void byte_order_marks(void **state)
{
	(void)state;
	CHECK("\xef\xbb\xbf"
	      "caf\xc3\xa9,b\n1,2\n",
	      NULL, "1:caf\xc3\xa9|b\n2:1|2\n");
	/* "é,b\n1,2\n" in UTF-16LE and UTF-16BE */
	CHECK("\xff\xfe\xe9\x00,\x00"
	      "b\x00\n\x00"
	      "1\x00,\x00"
	      "2\x00\n\x00",
	      NULL, "1:\xc3\xa9|b\n2:1|2\n");
	CHECK("\xfe\xff\x00\xe9\x00,\x00"
	      "b\x00\n\x00"
	      "1\x00,\x00"
	      "2\x00\n",
	      NULL, "1:\xc3\xa9|b\n2:1|2\n");
	/* a mark that agrees with --encoding is skipped; UTF-16 reads it */
	CHECK("\xff\xfe"
	      "a\x00\n\x00",
	      "utf-16le", "1:a\n");
	CHECK("\xff\xfe"
	      "a\x00\n\x00",
	      "UTF-16", "1:a\n");
	CHECK("caf\xe9\n\x80\n", "WINDOWS-1252", "1:caf\xc3\xa9\n2:\xe2\x82\xac\n");
}

static void bom_conflict(void **state)
{
	struct csv_read_opts o = {"ISO-8859-1", 0, NULL, NULL, NULL};
	(void)state;
	assert_int_equal(csv_read_mem(&o,
	                              "\xff\xfe"
	                              "a\x00",
	                              4),
	                 ERR_INVALID);
	assert_non_null(strstr(error_msg(), "UTF-16LE byte order mark"));
	o.encoding = "NO-SUCH-ENCODING";
	assert_int_equal(csv_read_mem(&o, "a", 1), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "NO-SUCH-ENCODING"));
}

static void sniffing(void **state)
{
	static const struct {
		const char *data;
		char delim;
	} cases[] = {
	    {"a,b,c\n1,2,3\n", ','},
	    {"a;b;c\n1,5;2;3\n", ';'},
	    {"a\tb\tc\n1\t2\t3\n", '\t'},
	    {"\"x;y\",b\n", ','},
	    {"single\nrow\n", ','},
	    {"\n\n  a;b\n", ';'},
	    {"", ','},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char d = 0;
		free(read_csv(cases[i].data, strlen(cases[i].data), NULL, 0, 0, &d));
		assert_int_equal(d, cases[i].delim);
	}
	CHECK("a;b\n1,5;x y\n", NULL, "1:a|b\n2:1,5|x y\n");
	CHECK("a\tb\n\t2\n", NULL, "1:a|b\n2:|2\n");
	/* a given delimiter is not second-guessed */
	char *got = read_csv("a;b,c\n", 6, NULL, ',', 0, NULL);
	assert_string_equal(got, "1:a;b|c\n");
	free(got);
}

static void invalid_bytes(void **state)
{
	(void)state;
	/* Latin-1 bytes read as UTF-8: the row is marked, the line and column named */
	CHECK("code,name\nA,ok\nB,caf\xe9\nC,fine\n", NULL,
	      "1:code|name\n2:A|ok\n!3:2:has bytes that are\n3*:B|caf\xff\n4:C|fine\n");
	/* inside a quoted field that spans lines: the line where the record starts */
	CHECK("a,b\n\"x\ny\xff\",z\n", NULL, "1:a|b\n!2:1:has bytes that are\n2*:x\ny\xff|z\n");
	/* bytes Windows-1252 leaves undefined */
	CHECK("a\n\x81\n", "WINDOWS-1252", "1:a\n!2:1:has bytes that are\n2*:\xff\n");
	/* a sequence cut off by the end of the file */
	CHECK("a\n\xc3", NULL, "1:a\n!2:1:has bytes that are\n2*:\xff\n");
	/* UTF-16 without a mark read as UTF-8 */
	CHECK("a\x00,\x00"
	      "b\x00\n\x00",
	      NULL,
	      "!1:1:has a NUL byte: is\n1*:a\xfe|\xfe"
	      "b\xfe\n2*:\xfe\n");
}

static void quote_errors(void **state)
{
	(void)state;
	CHECK("a,b\n1,\"open\n2,3\n", NULL, "1:a|b\n!2:2:unterminated quote\n");
	CHECK("a,b\nx,\"q\"junk\ny,z\n", NULL, "1:a|b\n!2:2:a quote inside a f\n3:y|z\n");
	CHECK("a,b\nx,5\" pipe\ny,z\n", NULL, "1:a|b\n!2:2:a quote inside a f\n3:y|z\n");
	/* in a record that spans lines: named where the record starts */
	CHECK("a,b\n\"x\ny\"junk,z\nq,r\n", NULL, "1:a|b\n!2:1:a quote inside a f\n4:q|r\n");
}

static int stop_at_two(void *ctx, const struct csv_row *row)
{
	(*(int *)ctx)++;
	return row->line == 2 ? ERR_CONFLICT : OK;
}

static void callback_stops(void **state)
{
	int n = 0;
	struct csv_read_opts o = {NULL, 0, stop_at_two, NULL, &n};
	(void)state;
	assert_int_equal(csv_read_mem(&o, "a\nb\nc\nd\n", 8), ERR_CONFLICT);
	assert_int_equal(n, 2);
}

static void delimiter_names(void **state)
{
	char c;
	(void)state;
	assert_int_equal(csv_delimiter_parse("tab", &c), OK);
	assert_int_equal(c, '\t');
	assert_int_equal(csv_delimiter_parse(";", &c), OK);
	assert_int_equal(c, ';');
	assert_int_equal(csv_delimiter_parse("Semicolon", &c), OK);
	assert_int_equal(c, ';');
	assert_int_equal(csv_delimiter_parse("|", &c), OK);
	assert_int_equal(csv_delimiter_parse("\"", &c), ERR_INVALID);
	assert_int_equal(csv_delimiter_parse("ab", &c), ERR_INVALID);
	assert_int_equal(csv_delimiter_parse("x", &c), ERR_INVALID);
}

/* The formula guard: what needs a quote, and that taking it off gives back
 * exactly what was there. */
static void formula_guard(void **state)
{
	static const char *const guarded[] = {"=SUM(A1)", "+cmd", "-- note", "@risk", "\t=x",
	                                      "\r=x",     "-",    "+",       "'=x",   "''-1",
	                                      "+49 30 1", "-1e5", "=1"};
	static const char *const plain[] = {"",   "a=b",    "-2.5", "+3",  "-0,5",
	                                    "12", "'plain", "'5",   "x-1", " =x"};
	(void)state;
	for (size_t i = 0; i < sizeof(guarded) / sizeof(*guarded); i++) {
		char buf[64];
		assert_true(csv_guard_needed(guarded[i]));
		snprintf(buf, sizeof(buf), "'%s", guarded[i]);
		assert_string_equal(csv_unguard(buf), guarded[i]);
	}
	for (size_t i = 0; i < sizeof(plain) / sizeof(*plain); i++) {
		assert_false(csv_guard_needed(plain[i]));
		assert_string_equal(csv_unguard(plain[i]), plain[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(quoting),        cmocka_unit_test(embedded_newlines),
	    cmocka_unit_test(line_ends),      cmocka_unit_test(byte_order_marks),
	    cmocka_unit_test(bom_conflict),   cmocka_unit_test(sniffing),
	    cmocka_unit_test(invalid_bytes),  cmocka_unit_test(quote_errors),
	    cmocka_unit_test(callback_stops), cmocka_unit_test(delimiter_names),
	    cmocka_unit_test(formula_guard),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
