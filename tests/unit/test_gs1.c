/* GS1 element strings: good codes and what they decode to, bad codes and the
 * problem class their message names, the century rule, hostile bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/clock.h"
#include "src/error.h"
#include "src/gs1.h"

#define GS "\x1d"

/* Elements as "AI=shown|AI=shown", shown as gs1_display() gives it. */
static const char *summary(const struct gs1_result *r)
{
	static char out[4096];
	char shown[GS1_VALUE_MAX + 64];
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; i < r->n; i++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s=%s", i ? "|" : "",
		                      r->el[i].ai, gs1_display(&r->el[i], shown, sizeof(shown)));
	return out;
}

static int64_t today(void)
{
	return days_from_civil(2026, 11, 23);
}

struct good {
	const char *in;
	const char *want;
};

static const struct good goods[] = {
    /* the bracketed form */
    {"(01)09501101530003(17)261231(10)AB-123", "01=09501101530003|17=2026-12-31|10=AB-123"},
    {"(01)09501101530003", "01=09501101530003"},
    {" (01) 09501101530003 (17)261231 ", "01=09501101530003|17=2026-12-31"},
    {"(10)AB(C)D(17)261231", "10=AB(C)D|17=2026-12-31"},
    /* scanner data: fixed-length AIs need no GS, variable ones do unless last */
    {"]C1"
     "0109501101530003"
     "17261231"
     "10AB-123",
     "01=09501101530003|17=2026-12-31|10=AB-123"},
    {"]C1"
     "0109501101530003"
     "10AB-123" GS "17261231",
     "01=09501101530003|10=AB-123|17=2026-12-31"},
    {"]C1"
     "10AB-123" GS "21SN42" GS "0109501101530003",
     "10=AB-123|21=SN42|01=09501101530003"},
    {"]d2" GS "0109501101530003"
     "10LOT7" GS "17270200",
     "01=09501101530003|10=LOT7|17=2027-02-28"},
    {"]Q3"
     "0109501101530003"
     "21SN/0042",
     "01=09501101530003|21=SN/0042"},
    {"]e0"
     "0109501101530003"
     "3103000750",
     "01=09501101530003|3103=0.750 kg"},
    {"0109501101530003"
     "17261231"
     "10ABC",
     "01=09501101530003|17=2026-12-31|10=ABC"},
    /* one GS after a fixed-length element, or at the end, is harmless */
    {"0109501101530003" GS "17261231" GS "10ABC" GS, "01=09501101530003|17=2026-12-31|10=ABC"},
    {"0109501101530003\r\n", "01=09501101530003"},
    /* an AIM GS1 identifier: eight digits are AI 17, not a GTIN-8 */
    {"]C1"
     "17261231",
     "17=2026-12-31"},
    /* bare GTINs, padded to 14 digits */
    {"96385074", "01=00000096385074"},
    {"036000291452", "01=00036000291452"},
    {"4006381333931", "01=04006381333931"},
    {"10614141000415", "01=10614141000415"},
    {"]E0"
     "4006381333931",
     "01=04006381333931"},
    {"]E4"
     "96385074",
     "01=00000096385074"},
    {"]I1"
     "10614141000415",
     "01=10614141000415"},
    /* SSCC, GTIN of contents, GLNs */
    {"(00)106141411234567897", "00=106141411234567897"},
    {"(02)10614141000415(37)24", "02=10614141000415|37=24"},
    {"(410)9501101020016(414)9501101020016(417)9501101020016",
     "410=9501101020016|414=9501101020016|417=9501101020016"},
    {"410950110102001641195011010200164129501101020016",
     "410=9501101020016|411=9501101020016|412=9501101020016"},
    /* dates: DD 00 is the last day of the month; leap years */
    {"(17)240229", "17=2024-02-29"},
    {"(17)240200", "17=2024-02-29"},
    {"(17)230200", "17=2023-02-28"},
    {"(11)261100(13)260400(15)261200(16)260100(12)270600",
     "11=2026-11-30|13=2026-04-30|15=2026-12-31|16=2026-01-31|12=2027-06-30"},
    {"(7006)260115", "7006=2026-01-15"},
    {"(7003)2612311430", "7003=2026-12-31T14:30"},
    {"(7003)2701010000", "7003=2027-01-01T00:00"},
    /* every decimal position of a measure */
    {"(3100)000750", "3100=750 kg"},
    {"(3101)000750", "3101=75.0 kg"},
    {"(3102)000750", "3102=7.50 kg"},
    {"(3103)000750", "3103=0.750 kg"},
    {"(3104)000750", "3104=0.0750 kg"},
    {"(3105)000750", "3105=0.00750 kg"},
    {"(3105)123456", "3105=1.23456 kg"},
    {"(3110)000012(3121)000105(3132)000200(3211)000105",
     "3110=12 m|3121=10.5 m|3132=2.00 m|3211=10.5 in"},
    {"(3143)001500(3151)000330(3164)012345", "3143=1.500 m2|3151=33.0 l|3164=1.2345 m3"},
    {"(3202)001000(3303)012500(3372)000150", "3202=10.00 lb|3303=12.500 kg|3372=1.50 kg/m2"},
    {"(3402)000500(3560)000003(3571)000120(3612)000250",
     "3402=5.00 lb|3560=3 oz t|3571=12.0 oz|3612=2.50 gal"},
    {"3103000750"
     "3303000900"
     "0109501101530003",
     "3103=0.750 kg|3303=0.900 kg|01=09501101530003"},
    /* counts and the other variable-length AIs */
    {"(30)12", "30=12"},
    {"(30)00000012(37)99999999", "30=00000012|37=99999999"},
    {"(20)01(21)A-1(22)CPV(240)ADD(241)CUST(250)SEC(251)REF",
     "20=01|21=A-1|22=CPV|240=ADD|241=CUST|250=SEC|251=REF"},
    {"(400)PO-1234(401)GINC/1(403)ROUTE", "400=PO-1234|401=GINC/1|403=ROUTE"},
    {"(422)250(424)250(426)276(427)BY", "422=250|424=250|426=276|427=BY"},
    {"(8005)000250(8020)REF-25(8200)http://example.com/a?b=c",
     "8005=000250|8020=REF-25|8200=http://example.com/a?b=c"},
    {"(90)INT(91)A(92)B(99)Z", "90=INT|91=A|92=B|99=Z"},
    {"(253)9501101020016ABC(255)9501101020016(8003)09501101530003SER",
     "253=9501101020016ABC|255=9501101020016|8003=09501101530003SER"},
    {"(8017)106141411234567897(402)95011010000000001",
     "8017=106141411234567897|402=95011010000000001"},
    {"(7001)1234567890123(7002)CUT(7004)150(7010)01(710)PZN",
     "7001=1234567890123|7002=CUT|7004=150|7010=01|710=PZN"},
    /* character set 82, all of it */
    {"(10)!\"%&'()*+,-./:;<=>", "10=!\"%&'()*+,-./:;<=>"},
    {"(21)?_azAZ09", "21=?_azAZ09"},
    /* the longest values */
    {"(10)ABCDEFGHIJ0123456789", "10=ABCDEFGHIJ0123456789"},
    /* an identical repeat (two symbols read together) is kept once */
    {"(10)A(17)261231(10)A", "10=A|17=2026-12-31"},
};

static void good_codes(void **state)
{
	struct gs1_result r;
	(void)state;
	for (size_t i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
		int rc = gs1_parse_on(goods[i].in, strlen(goods[i].in), today(), &r);
		if (rc != OK)
			fail_msg("'%s': %s", goods[i].in, error_msg());
		if (strcmp(summary(&r), goods[i].want))
			fail_msg("'%s': got %s, want %s", goods[i].in, summary(&r), goods[i].want);
	}
}

struct bad {
	const char *in;
	const char *class; /* the problem class the message must name */
	const char *ai;    /* "(AI)" the message must name, or NULL */
};

static const struct bad bads[] = {
    /* check digits: GTIN-8/12/13/14, SSCC, GLN */
    {"(01)09501101530008", "check digit", "01"},
    {"(02)10614141000416", "check digit", "02"},
    {"96385075", "check digit", "01"},
    {"036000291453", "check digit", "01"},
    {"4006381333932", "check digit", "01"},
    {"10614141000414", "check digit", "01"},
    {"]E0"
     "4006381333930",
     "check digit", "01"},
    {"(00)106141411234567890", "check digit", "00"},
    {"(410)9501101020017", "check digit", "410"},
    {"(414)9501101020010", "check digit", "414"},
    {"(8017)106141411234567898", "check digit", "8017"},
    {"(253)9501101020015", "check digit", "253"},
    /* dates */
    {"(17)261301", "bad date", "17"},
    {"(17)260001", "bad date", "17"},
    {"(17)230229", "bad date", "17"},
    {"(17)240230", "bad date", "17"},
    {"(17)260431", "bad date", "17"},
    {"(11)269901", "bad date", "11"},
    {"(7006)260100", "bad date", "7006"},
    {"(7003)2612002359", "bad date", "7003"},
    {"(7003)2612312400", "bad date", "7003"},
    {"(7003)2612312360", "bad date", "7003"},
    {"0109501101530003"
     "17261301"
     "10A",
     "bad date", "17"},
    /* unknown AIs */
    {"(3106)000750", "unknown AI", "3106"},
    {"(14)123456", "unknown AI", "14"},
    {"(310)000750", "unknown AI", "310"},
    {"(23)123", "unknown AI", "23"},
    {"(999)1", "unknown AI", "999"},
    {"]C1"
     "0109501101530003"
     "19123456",
     "unknown AI", "19"},
    {"]C1"
     "3106000750",
     "unknown AI", "3106"},
    {"(12345)6", "unknown AI", NULL},
    {"(1A)6", "unknown AI", NULL},
    {"LOT-123", "unknown AI", NULL},
    {"]C1"
     "0109501101530003"
     "1",
     "unknown AI", NULL},
    {"]C1"
     "0109501101530003"
     "24",
     "unknown AI", NULL},
    /* lengths */
    {"(01)0950110153000", "too short", "01"},
    {"(01)095011015300030", "too long", "01"},
    {"]C1"
     "01095011015300",
     "too short", "01"},
    {"]C1"
     "0109501101530003"
     "172612" GS "10A",
     "too short", "17"},
    {"(10)(17)261231", "too short", "10"},
    {"]C1"
     "10" GS "17261231",
     "too short", "10"},
    {"(10)ABCDEFGHIJ0123456789X", "too long", "10"},
    {"]C1"
     "10ABCDEFGHIJ0123456789X",
     "too long", "10"},
    {"(30)123456789", "too long", "30"},
    {"(422)2500", "too long", "422"},
    {"(20)1", "too short", "20"},
    {"(3103)00075", "too short", "3103"},
    {"", "too short", NULL},
    {"]C1", "too short", NULL},
    {"]C1" GS, "too short", NULL},
    /* a GS missing after a fixed-length AI that needs one */
    {"]C1"
     "422250"
     "10ABC",
     "missing separator", "422"},
    {"]C1"
     "8005000250"
     "17261231",
     "missing separator", "8005"},
    {"]C1"
     "70032612311430"
     "10A",
     "missing separator", "7003"},
    /* characters */
    {"(10)AB#1", "bad character", "10"},
    {"(10)AB 12", "bad character", "10"},
    {"(10)caf\xc3\xa9", "bad character", "10"},
    {"(30)12A", "bad character", "30"},
    {"(01)0950110153000A", "bad character", "01"},
    {"(17)26-231", "bad character", "17"},
    {"(10)A" GS "B", "bad character", "10"},
    {"]C1"
     "10AB\x80",
     "bad character", "10"},
    {"]C1"
     "10A" GS GS "17261231",
     "bad character", "10"},
    {"(8003)19501101530003", "bad character", "8003"},
    /* duplicates */
    {"(10)A(10)B", "duplicate", "10"},
    {"(3102)000750(3103)000750", "duplicate", "3103"},
    {"]C1"
     "17261231"
     "17261130",
     "duplicate", "17"},
    {"(17)261231(01)09501101530003(17)270101", "duplicate", "17"},
};

static void bad_codes(void **state)
{
	struct gs1_result r;
	char ai[16];
	(void)state;
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		error_clear();
		int rc = gs1_parse_on(bads[i].in, strlen(bads[i].in), today(), &r);
		if (rc != ERR_INVALID)
			fail_msg("'%s': accepted as %s", bads[i].in, summary(&r));
		if (!strstr(error_msg(), bads[i].class))
			fail_msg("'%s': '%s' does not say %s", bads[i].in, error_msg(),
			         bads[i].class);
		snprintf(ai, sizeof(ai), "(%s)", bads[i].ai ? bads[i].ai : "");
		if (bads[i].ai && !strstr(error_msg(), ai))
			fail_msg("'%s': '%s' does not name %s", bads[i].in, error_msg(), ai);
	}
}

/* The messages as the command line shows them. */
static void messages(void **state)
{
	struct gs1_result r;
	(void)state;
	assert_int_equal(gs1_parse_on("(17)261301", 10, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(), "AI (17): bad date: month 13 in '261301'");
	assert_int_equal(gs1_parse_on("(17)230229", 10, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(),
	                    "AI (17): bad date: day 29 in '230229' (2023-02 has 28 days)");
	assert_int_equal(gs1_parse_on("(01)09501101530008", 18, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(), "AI (01): check digit: '09501101530008' should end in 3");
	assert_int_equal(gs1_parse_on("4006381333932", 13, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(),
	                    "AI (01): check digit: GTIN-13 '4006381333932' should end in 1");
	assert_int_equal(gs1_parse_on("]C13106000750", 13, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(), "unknown AI (3106) at position 4");
	assert_int_equal(gs1_parse_on("]C1422250"
	                              "10ABC",
	                              14, today(), &r),
	                 ERR_INVALID);
	assert_string_equal(error_msg(),
	                    "AI (422): missing separator: 3 characters, then GS or the "
	                    "end, but '10ABC' follows");
	assert_int_equal(gs1_parse_on("(10)A(10)B", 10, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(), "AI (10): duplicate: 'B' after (10) 'A'");
	assert_int_equal(gs1_parse_on("(10)A\x01"
	                              "B",
	                              7, today(), &r),
	                 ERR_INVALID);
	assert_string_equal(error_msg(), "AI (10): bad character '\\x01' in 'A\\x01B'");
	assert_int_equal(gs1_parse_on("]C110A" GS GS "17261231", 16, today(), &r), ERR_INVALID);
	assert_string_equal(error_msg(), "bad character: a second GS after AI (10) at position 8");
	/* on error the elements before the bad one are there */
	assert_int_equal(gs1_parse_on("(01)09501101530003(17)261301", 28, today(), &r),
	                 ERR_INVALID);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.el[0].ai, "01");
}

static void decoded(void **state)
{
	struct gs1_result r;
	const char *code = "]C1"
	                   "0109501101530003"
	                   "17240200"
	                   "3103000750"
	                   "10L-1" GS "3024";
	(void)state;
	assert_int_equal(gs1_parse_on(code, strlen(code), today(), &r), OK);
	assert_string_equal(r.symbology, "]C1");
	assert_int_equal(r.n, 5);
	const struct gs1_element *e = gs1_find(&r, "17");
	assert_non_null(e);
	assert_int_equal(e->kind, GS1_DATE);
	assert_string_equal(e->value, "240200");
	assert_string_equal(e->iso, "2024-02-29");
	assert_int_equal(e->days, days_from_civil(2024, 2, 29));
	e = gs1_find(&r, "310");
	assert_non_null(e);
	assert_string_equal(e->ai, "3103");
	assert_int_equal(e->kind, GS1_MEASURE);
	assert_int_equal(e->qty, 750000);
	assert_int_equal(e->decimals, 3);
	assert_string_equal(e->unit, "kg");
	assert_ptr_equal(gs1_find(&r, "3103"), e);
	assert_null(gs1_find(&r, "3102"));
	assert_null(gs1_find(&r, "311"));
	e = gs1_find(&r, "30");
	assert_int_equal(e->kind, GS1_COUNT);
	assert_int_equal(e->qty, 24 * FIXED_SCALE);
	assert_string_equal(gs1_find(&r, "10")->value, "L-1");
	assert_string_equal(gs1_find(&r, "10")->title, "BATCH/LOT");
	assert_null(gs1_find(&r, "21"));
	assert_null(gs1_find(&r, "1"));
	/* no AIM identifier */
	assert_int_equal(gs1_parse_on("(10)X", 5, today(), &r), OK);
	assert_string_equal(r.symbology, "");
}

/* GS1 General Specifications 7.12: 49 years back, 50 ahead of this year. */
static void century(void **state)
{
	struct gs1_result r;
	(void)state;
	setenv("TZ", "UTC", 1);
	setenv("LOTLINE_NOW", "2026-11-23", 1);
	assert_int_equal(gs1_parse("(17)760101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2076-01-01");
	assert_int_equal(gs1_parse("(17)770101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "1977-01-01");
	assert_int_equal(gs1_parse("(17)000101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2000-01-01");
	setenv("LOTLINE_NOW", "2060-06-01", 1);
	assert_int_equal(gs1_parse("(17)101231", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2110-12-31");
	assert_int_equal(gs1_parse("(17)111231", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2011-12-31");
	setenv("LOTLINE_NOW", "2099-01-01", 1);
	assert_int_equal(gs1_parse("(17)000101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2100-01-01");
	assert_int_equal(gs1_parse("(17)490101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2149-01-01");
	assert_int_equal(gs1_parse("(17)500101", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2050-01-01");
	/* 2100 is no leap year, 2000 was */
	assert_int_equal(gs1_parse("(17)000229", 10, &r), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "bad date"));
	assert_int_equal(gs1_parse("(17)000200", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2100-02-28");
	setenv("LOTLINE_NOW", "2026-11-23", 1);
	assert_int_equal(gs1_parse("(17)000229", 10, &r), OK);
	assert_string_equal(r.el[0].iso, "2000-02-29");
	unsetenv("LOTLINE_NOW");
}

static void limits(void **state)
{
	struct gs1_result r;
	static char big[GS1_INPUT_MAX + 2];
	char code[600];
	(void)state;
	memset(big, '9', sizeof(big));
	assert_int_equal(gs1_parse_on(big, sizeof(big), today(), &r), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "too long"));
	/* AI 91-99 take 90 characters, not 91 */
	memset(code, 'A', sizeof(code));
	memcpy(code, "(91)", 4);
	assert_int_equal(gs1_parse_on(code, 94, today(), &r), OK);
	assert_int_equal(strlen(r.el[0].value), 90);
	assert_int_equal(gs1_parse_on(code, 95, today(), &r), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "too long"));
	/* more elements than a result holds */
	static const char *const ais[] = {
	    "10",  "21",  "22",   "240",  "241",  "243",  "250",  "251", "254", "400", "401",
	    "403", "420", "7002", "7005", "7020", "7021", "7022", "710", "711", "712", "713",
	    "714", "715", "8002", "8004", "8012", "8020", "90",   "91",  "92",  "93",  "94",
	};
	size_t n = 0;
	assert_int_equal(sizeof(ais) / sizeof(ais[0]), GS1_MAX_ELEMENTS + 1);
	for (size_t i = 0; i < sizeof(ais) / sizeof(ais[0]); i++)
		n += (size_t)snprintf(code + n, sizeof(code) - n, "(%s)A", ais[i]);
	assert_int_equal(gs1_parse_on(code, n - 5, today(), &r), OK);
	assert_int_equal(r.n, GS1_MAX_ELEMENTS);
	assert_int_equal(gs1_parse_on(code, n, today(), &r), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "too long"));
	/* a NUL is a byte like any other */
	assert_int_equal(gs1_parse_on("(10)A\0B", 7, today(), &r), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "bad character"));
}

/* Random bytes, and random mutations of a good code: never a crash, always a
 * verdict with a message. */
static void hostile(void **state)
{
	static const char alphabet[] = "0123456789()]CdQ" GS "AZaz-/ #\x80\xff";
	const char *seed = "]C1"
	                   "0109501101530003"
	                   "17261231"
	                   "3103000750"
	                   "10AB-123" GS "21S";
	struct gs1_result r;
	char buf[96];
	uint32_t x = 12345;
	(void)state;
	for (int i = 0; i < 200000; i++) {
		size_t n;
		x = x * 1103515245u + 12345u;
		if (i % 2) {
			n = (x >> 8) % sizeof(buf);
			for (size_t j = 0; j < n; j++) {
				x = x * 1103515245u + 12345u;
				buf[j] = alphabet[(x >> 16) % (sizeof(alphabet) - 1)];
			}
		} else {
			n = strlen(seed);
			memcpy(buf, seed, n);
			for (int m = 0; m < 3; m++) {
				x = x * 1103515245u + 12345u;
				buf[(x >> 8) % n] = alphabet[(x >> 20) % (sizeof(alphabet) - 1)];
			}
		}
		error_clear();
		int rc = gs1_parse_on(buf, n, today(), &r);
		if (rc != OK && (rc != ERR_INVALID || !error_msg()[0]))
			fail_msg("no message for a refused code");
		if (rc == OK && (r.n < 1 || r.n > GS1_MAX_ELEMENTS))
			fail_msg("bad element count %d", r.n);
	}
}

static void table(void **state)
{
	(void)state;
	if (gs1_table_check() != OK)
		fail_msg("%s", error_msg());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(table),    cmocka_unit_test(good_codes), cmocka_unit_test(bad_codes),
	    cmocka_unit_test(messages), cmocka_unit_test(decoded),    cmocka_unit_test(century),
	    cmocka_unit_test(limits),   cmocka_unit_test(hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
