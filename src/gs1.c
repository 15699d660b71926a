/* GS1 element strings: the AI table (a subset of GS1's Barcode Syntax
 * Dictionary), the GS-separated and bracketed forms, bare GTINs, and per-AI
 * checks (lengths, character sets, check digits, dates). */
#include "gs1.h"
#include "checkdigit.h"
#include "clock.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

enum cset { CS_N, CS_X };
enum lint { L_NONE, L_CSUM, L_YYMMD0, L_YYMMDD, L_HHMM, L_ZERO };

/* One component of a value, as in the Syntax Dictionary's "N13,csum [X..17]":
 * every part but the last has a fixed length. */
struct part {
	unsigned char cset, min, max, lint;
};

struct ai_def {
	const char *ai; /* a measure family is its first three digits: "310" */
	const char *title;
	unsigned char kind, nparts;
	struct part p[3];
	const char *unit;
};

#define N(n)                                                                                       \
	{                                                                                          \
		CS_N, n, n, L_NONE                                                                 \
	}
#define NV(lo, hi)                                                                                 \
	{                                                                                          \
		CS_N, lo, hi, L_NONE                                                               \
	}
#define X(lo, hi)                                                                                  \
	{                                                                                          \
		CS_X, lo, hi, L_NONE                                                               \
	}
#define CSUM(n)                                                                                    \
	{                                                                                          \
		CS_N, n, n, L_CSUM                                                                 \
	}
#define DATE0                                                                                      \
	{                                                                                          \
		CS_N, 6, 6, L_YYMMD0                                                               \
	}
#define DATE                                                                                       \
	{                                                                                          \
		CS_N, 6, 6, L_YYMMDD                                                               \
	}
#define HHMM                                                                                       \
	{                                                                                          \
		CS_N, 4, 4, L_HHMM                                                                 \
	}
#define ZERO                                                                                       \
	{                                                                                          \
		CS_N, 1, 1, L_ZERO                                                                 \
	}
#define T1(a, t, p)                                                                                \
	{                                                                                          \
		a, t, GS1_TEXT, 1, {p}, NULL                                                       \
	}
#define M(a, t, u)                                                                                 \
	{                                                                                          \
		a, t, GS1_MEASURE, 1, {N(6)}, u                                                    \
	}

/* Sorted by AI (strcmp); gs1_table_check() holds it to that and to the prefix
 * rules below. */
static const struct ai_def ai_table[] = {
    T1("00", N_("SSCC"), CSUM(18)),
    T1("01", N_("GTIN"), CSUM(14)),
    T1("02", N_("CONTENT"), CSUM(14)),
    T1("10", N_("BATCH/LOT"), X(1, 20)),
    {"11", N_("PROD DATE"), GS1_DATE, 1, {DATE0}, NULL},
    {"12", N_("DUE DATE"), GS1_DATE, 1, {DATE0}, NULL},
    {"13", N_("PACK DATE"), GS1_DATE, 1, {DATE0}, NULL},
    {"15", N_("BEST BEFORE or BEST BY"), GS1_DATE, 1, {DATE0}, NULL},
    {"16", N_("SELL BY"), GS1_DATE, 1, {DATE0}, NULL},
    {"17", N_("USE BY or EXPIRY"), GS1_DATE, 1, {DATE0}, NULL},
    T1("20", N_("VARIANT"), N(2)),
    T1("21", N_("SERIAL"), X(1, 20)),
    T1("22", N_("CPV"), X(1, 20)),
    T1("240", N_("ADDITIONAL ID"), X(1, 30)),
    T1("241", N_("CUST. PART No."), X(1, 30)),
    T1("242", N_("MTO VARIANT"), NV(1, 6)),
    T1("243", N_("PCN"), X(1, 20)),
    T1("250", N_("SECONDARY SERIAL"), X(1, 30)),
    T1("251", N_("REF. TO SOURCE"), X(1, 30)),
    {"253", N_("GDTI"), GS1_TEXT, 2, {CSUM(13), X(0, 17)}, NULL},
    T1("254", N_("GLN EXTENSION COMPONENT"), X(1, 20)),
    {"255", N_("GCN"), GS1_TEXT, 2, {CSUM(13), NV(0, 12)}, NULL},
    {"30", N_("VAR. COUNT"), GS1_COUNT, 1, {NV(1, 8)}, NULL},
    M("310", N_("NET WEIGHT (kg)"), "kg"),
    M("311", N_("LENGTH (m)"), "m"),
    M("312", N_("WIDTH (m)"), "m"),
    M("313", N_("HEIGHT (m)"), "m"),
    M("314", N_("AREA (m2)"), "m2"),
    M("315", N_("NET VOLUME (l)"), "l"),
    M("316", N_("NET VOLUME (m3)"), "m3"),
    M("320", N_("NET WEIGHT (lb)"), "lb"),
    M("321", N_("LENGTH (in)"), "in"),
    M("322", N_("LENGTH (ft)"), "ft"),
    M("323", N_("LENGTH (yd)"), "yd"),
    M("324", N_("WIDTH (in)"), "in"),
    M("325", N_("WIDTH (ft)"), "ft"),
    M("326", N_("WIDTH (yd)"), "yd"),
    M("327", N_("HEIGHT (in)"), "in"),
    M("328", N_("HEIGHT (ft)"), "ft"),
    M("329", N_("HEIGHT (yd)"), "yd"),
    M("330", N_("GROSS WEIGHT (kg)"), "kg"),
    M("331", N_("LENGTH (m), log"), "m"),
    M("332", N_("WIDTH (m), log"), "m"),
    M("333", N_("HEIGHT (m), log"), "m"),
    M("334", N_("AREA (m2), log"), "m2"),
    M("335", N_("VOLUME (l), log"), "l"),
    M("336", N_("VOLUME (m3), log"), "m3"),
    M("337", N_("KG PER m2"), "kg/m2"),
    M("340", N_("GROSS WEIGHT (lb)"), "lb"),
    M("341", N_("LENGTH (in), log"), "in"),
    M("342", N_("LENGTH (ft), log"), "ft"),
    M("343", N_("LENGTH (yd), log"), "yd"),
    M("344", N_("WIDTH (in), log"), "in"),
    M("345", N_("WIDTH (ft), log"), "ft"),
    M("346", N_("WIDTH (yd), log"), "yd"),
    M("347", N_("HEIGHT (in), log"), "in"),
    M("348", N_("HEIGHT (ft), log"), "ft"),
    M("349", N_("HEIGHT (yd), log"), "yd"),
    M("350", N_("AREA (in2)"), "in2"),
    M("351", N_("AREA (ft2)"), "ft2"),
    M("352", N_("AREA (yd2)"), "yd2"),
    M("353", N_("AREA (in2), log"), "in2"),
    M("354", N_("AREA (ft2), log"), "ft2"),
    M("355", N_("AREA (yd2), log"), "yd2"),
    M("356", N_("NET WEIGHT (t oz)"), "oz t"),
    M("357", N_("NET VOLUME (oz)"), "oz"),
    M("360", N_("NET VOLUME (qt)"), "qt"),
    M("361", N_("NET VOLUME (gal.)"), "gal"),
    M("362", N_("VOLUME (qt), log"), "qt"),
    M("363", N_("VOLUME (gal.), log"), "gal"),
    M("364", N_("VOLUME (in3)"), "in3"),
    M("365", N_("VOLUME (ft3)"), "ft3"),
    M("366", N_("VOLUME (yd3)"), "yd3"),
    M("367", N_("VOLUME (in3), log"), "in3"),
    M("368", N_("VOLUME (ft3), log"), "ft3"),
    M("369", N_("VOLUME (yd3), log"), "yd3"),
    {"37", N_("COUNT"), GS1_COUNT, 1, {NV(1, 8)}, NULL},
    T1("400", N_("ORDER NUMBER"), X(1, 30)),
    T1("401", N_("GINC"), X(1, 30)),
    T1("402", N_("GSIN"), CSUM(17)),
    T1("403", N_("ROUTE"), X(1, 30)),
    T1("410", N_("SHIP TO LOC"), CSUM(13)),
    T1("411", N_("BILL TO"), CSUM(13)),
    T1("412", N_("PURCHASE FROM"), CSUM(13)),
    T1("413", N_("SHIP FOR LOC"), CSUM(13)),
    T1("414", N_("LOC No."), CSUM(13)),
    T1("415", N_("PAY TO"), CSUM(13)),
    T1("416", N_("PROD/SERV LOC"), CSUM(13)),
    T1("417", N_("PARTY"), CSUM(13)),
    T1("420", N_("SHIP TO POST"), X(1, 20)),
    {"421", N_("SHIP TO POST"), GS1_TEXT, 2, {N(3), X(1, 9)}, NULL},
    T1("422", N_("ORIGIN"), N(3)),
    T1("424", N_("COUNTRY - PROCESS"), N(3)),
    T1("426", N_("COUNTRY - FULL PROCESS"), N(3)),
    T1("427", N_("ORIGIN SUBDIVISION"), X(1, 3)),
    T1("7001", N_("NSN"), N(13)),
    T1("7002", N_("MEAT CUT"), X(1, 30)),
    {"7003", N_("EXPIRY TIME"), GS1_DATETIME, 2, {DATE, HHMM}, NULL},
    T1("7004", N_("ACTIVE POTENCY"), NV(1, 4)),
    T1("7005", N_("CATCH AREA"), X(1, 12)),
    {"7006", N_("FIRST FREEZE DATE"), GS1_DATE, 1, {DATE}, NULL},
    T1("7010", N_("PROD METHOD"), X(1, 2)),
    T1("7020", N_("REFURB LOT"), X(1, 20)),
    T1("7021", N_("FUNC STAT"), X(1, 20)),
    T1("7022", N_("REV STAT"), X(1, 20)),
    T1("710", N_("NHRN PZN"), X(1, 20)),
    T1("711", N_("NHRN CIP"), X(1, 20)),
    T1("712", N_("NHRN CN"), X(1, 20)),
    T1("713", N_("NHRN DRN"), X(1, 20)),
    T1("714", N_("NHRN AIM"), X(1, 20)),
    T1("715", N_("NHRN NDC"), X(1, 20)),
    T1("8002", N_("CMT No."), X(1, 20)),
    {"8003", N_("GRAI"), GS1_TEXT, 3, {ZERO, CSUM(13), X(0, 16)}, NULL},
    T1("8004", N_("GIAI"), X(1, 30)),
    T1("8005", N_("PRICE PER UNIT"), N(6)),
    T1("8012", N_("VERSION"), X(1, 20)),
    T1("8017", N_("GSRN - PROVIDER"), CSUM(18)),
    T1("8018", N_("GSRN - RECIPIENT"), CSUM(18)),
    T1("8019", N_("SRIN"), NV(1, 10)),
    T1("8020", N_("REF No."), X(1, 25)),
    T1("8200", N_("PRODUCT URL"), X(1, 70)),
    T1("90", N_("INTERNAL"), X(1, 30)),
    T1("91", N_("INTERNAL"), X(1, 90)),
    T1("92", N_("INTERNAL"), X(1, 90)),
    T1("93", N_("INTERNAL"), X(1, 90)),
    T1("94", N_("INTERNAL"), X(1, 90)),
    T1("95", N_("INTERNAL"), X(1, 90)),
    T1("96", N_("INTERNAL"), X(1, 90)),
    T1("97", N_("INTERNAL"), X(1, 90)),
    T1("98", N_("INTERNAL"), X(1, 90)),
    T1("99", N_("INTERNAL"), X(1, 90)),
};

/* All AIs that share their first two digits have the same length (GS1 General
 * Specifications 3.2); unassigned prefixes count as two digits for messages. */
static int ai_length(int prefix)
{
	if ((prefix >= 23 && prefix <= 25) || (prefix >= 40 && prefix <= 42) || prefix == 71)
		return 3;
	if ((prefix >= 31 && prefix <= 36) || prefix == 39 || prefix == 43 || prefix == 70 ||
	    prefix == 72 || (prefix >= 80 && prefix <= 82))
		return 4;
	return 2;
}

/* The predefined-length prefixes, whose elements need no GS after them. 23 was
 * one until GS1 gave prefix 23 to the variable-length AI 235. */
static int predefined(int prefix)
{
	return prefix <= 4 || (prefix >= 11 && prefix <= 20) || (prefix >= 31 && prefix <= 36) ||
	       prefix == 41;
}

static int is_digit(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}

/* GS1 AI encodable character set 82. */
static int is_cset82(unsigned char ch)
{
	switch (ch) {
	case '!':
	case '"':
	case '%':
	case '&':
	case '\'':
	case '(':
	case ')':
	case '*':
	case '+':
	case ',':
	case '-':
	case '.':
	case '/':
	case ':':
	case ';':
	case '<':
	case '=':
	case '>':
	case '?':
	case '_':
		return 1;
	}
	return is_digit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Compare k digits of input with a NUL-terminated table AI. */
static int key_cmp(const char *key, size_t k, const char *ai)
{
	for (size_t i = 0; i < k; i++) {
		if (!ai[i])
			return 1;
		if (key[i] != ai[i])
			return (unsigned char)key[i] - (unsigned char)ai[i];
	}
	return ai[k] ? -1 : 0;
}

/* The definition of the k-digit AI at s, or NULL. */
static const struct ai_def *ai_lookup(const char *s, size_t k)
{
	int prefix = (s[0] - '0') * 10 + (s[1] - '0');
	size_t lo = 0, hi = ARRAY_SIZE(ai_table), kk = k;
	if ((size_t)ai_length(prefix) != k)
		return NULL;
	/* measures: the fourth digit is the decimal point's place, 0 to 5 */
	if (prefix >= 31 && prefix <= 36) {
		if (s[3] > '5')
			return NULL;
		kk = 3;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = key_cmp(s, kk, ai_table[mid].ai);
		if (c == 0)
			return &ai_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void def_lengths(const struct ai_def *d, size_t *min, size_t *max)
{
	*min = *max = 0;
	for (int i = 0; i < d->nparts; i++) {
		*min += d->p[i].min;
		*max += d->p[i].max;
	}
}

int gs1_table_check(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(ai_table); i++) {
		const struct ai_def *d = &ai_table[i];
		size_t n = strlen(d->ai), min, max;
		if (i > 0 && strcmp(ai_table[i - 1].ai, d->ai) >= 0)
			return error_set(ERR_INVALID, "gs1: AI %s is out of order", d->ai);
		if (n < 2 || !all_digits(d->ai, n))
			return error_set(ERR_INVALID, "gs1: AI '%s' is not 2-4 digits", d->ai);
		int prefix = (d->ai[0] - '0') * 10 + (d->ai[1] - '0');
		size_t want = (size_t)ai_length(prefix) - (d->kind == GS1_MEASURE);
		if (n != want || (d->kind == GS1_MEASURE) != (prefix >= 31 && prefix <= 36))
			return error_set(ERR_INVALID, "gs1: AI %s breaks the prefix length rule",
			                 d->ai);
		def_lengths(d, &min, &max);
		if (predefined(prefix) && min != max)
			return error_set(ERR_INVALID, "gs1: AI %s has a predefined length", d->ai);
		if (max > GS1_VALUE_MAX || d->nparts < 1 || d->nparts > 3)
			return error_set(ERR_INVALID, "gs1: AI %s has a bad length", d->ai);
		for (int p = 0; p + 1 < d->nparts; p++)
			if (d->p[p].min != d->p[p].max)
				return error_set(ERR_INVALID,
				                 "gs1: AI %s: only its last part may vary", d->ai);
	}
	return OK;
}

struct pctx {
	const char *in; /* the whole input, for positions in messages */
	struct gs1_result *r;
	int64_t today;
	int have_today, year;
	int raw; /* GS-separated: an overlong fixed value means a GS is missing */
};

/* Bytes of outside input, fit to quote in a message: GS as <GS>, other control
 * and non-ASCII bytes as \xNN, cut after 40 bytes. buf: SHOW_SIZE bytes. */
#define SHOW_SIZE 176
static const char *show(const char *s, size_t n, char *buf)
{
	char *o = buf;
	size_t cut = n > 40 ? 40 : n;
	for (size_t i = 0; i < cut; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == (unsigned char)GS1_GS) {
			memcpy(o, "<GS>", 4);
			o += 4;
		} else if (ch < 0x20 || ch >= 0x7f) {
			static const char hex[] = "0123456789ABCDEF";
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		} else {
			*o++ = (char)ch;
		}
	}
	if (cut < n) {
		memcpy(o, "...", 3);
		o += 3;
	}
	*o = '\0';
	return buf;
}

static int unknown_ai_at(struct pctx *c, const char *at, const char *end)
{
	char q[SHOW_SIZE];
	size_t n = (size_t)(end - at);
	return error_set(ERR_INVALID,
	                 _("unknown AI: no application identifier at position %zu ('%s')"),
	                 (size_t)(at - c->in) + 1, show(at, n > 8 ? 8 : n, q));
}

/* Two-digit years (GS1 General Specifications 7.12): within 49 years before
 * and 50 years after this year. */
static int full_year(struct pctx *c, int yy)
{
	if (!c->have_today) {
		c->today = clock_today();
		c->have_today = 1;
	}
	if (!c->year) {
		int m, d;
		civil_from_days(c->today, &c->year, &m, &d);
	}
	int cur = c->year % 100, century = c->year - cur, diff = yy - cur;
	if (diff >= 51)
		century -= 100;
	else if (diff <= -50)
		century += 100;
	return century + yy;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static void put2(char *o, int v)
{
	o[0] = (char)('0' + v / 10);
	o[1] = (char)('0' + v % 10);
}

static int check_date(struct pctx *c, struct gs1_element *e, const char *v, int day00)
{
	char q[SHOW_SIZE];
	int yy = two(v), mm = two(v + 2), dd = two(v + 4);
	if (mm < 1 || mm > 12)
		return error_set(ERR_INVALID, _("AI (%s): bad date: month %02d in '%s'"), e->ai, mm,
		                 show(v, 6, q));
	int y = full_year(c, yy), dim = days_in_month(y, mm);
	if (dd == 0 && !day00)
		return error_set(ERR_INVALID, _("AI (%s): bad date: day 00 in '%s'"), e->ai,
		                 show(v, 6, q));
	if (dd > dim)
		return error_set(ERR_INVALID,
		                 _("AI (%s): bad date: day %02d in '%s' (%04d-%02d has "
		                   "%d days)"),
		                 e->ai, dd, show(v, 6, q), y, mm, dim);
	if (dd == 0)
		dd = dim;
	e->days = days_from_civil(y, mm, dd);
	e->iso[0] = (char)('0' + y / 1000 % 10);
	e->iso[1] = (char)('0' + y / 100 % 10);
	put2(e->iso + 2, y % 100);
	e->iso[4] = '-';
	put2(e->iso + 5, mm);
	e->iso[7] = '-';
	put2(e->iso + 8, dd);
	e->iso[10] = '\0';
	return OK;
}

static int check_part(struct pctx *c, struct gs1_element *e, const struct part *p, const char *v,
                      size_t n)
{
	char q[SHOW_SIZE], ch[SHOW_SIZE];
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)v[i];
		if (p->cset == CS_N && !is_digit(b))
			return error_set(ERR_INVALID,
			                 _("AI (%s): bad character '%s' in '%s' (digits "
			                   "only)"),
			                 e->ai, show(v + i, 1, ch),
			                 show(e->value, strlen(e->value), q));
		if (p->cset == CS_X && !is_cset82(b))
			return error_set(ERR_INVALID, _("AI (%s): bad character '%s' in '%s'"),
			                 e->ai, show(v + i, 1, ch),
			                 show(e->value, strlen(e->value), q));
	}
	switch (p->lint) {
	case L_CSUM:
		if (!gs1_check_digit_ok(v, n))
			return error_set(ERR_INVALID,
			                 _("AI (%s): check digit: '%s' should end in %d"), e->ai,
			                 show(v, n, q), gs1_check_digit(v, n - 1));
		break;
	case L_YYMMD0:
	case L_YYMMDD:
		return check_date(c, e, v, p->lint == L_YYMMD0);
	case L_HHMM:
		if (two(v) > 23)
			return error_set(ERR_INVALID, _("AI (%s): bad date: hour %02d in '%s'"),
			                 e->ai, two(v), show(e->value, strlen(e->value), q));
		if (two(v + 2) > 59)
			return error_set(ERR_INVALID, _("AI (%s): bad date: minute %02d in '%s'"),
			                 e->ai, two(v + 2), show(e->value, strlen(e->value), q));
		e->iso[10] = 'T';
		put2(e->iso + 11, two(v));
		e->iso[13] = ':';
		put2(e->iso + 14, two(v + 2));
		e->iso[16] = '\0';
		break;
	case L_ZERO:
		if (v[0] != '0')
			return error_set(ERR_INVALID,
			                 _("AI (%s): bad character '%s' in '%s' (the "
			                   "first digit is 0)"),
			                 e->ai, show(v, 1, ch),
			                 show(e->value, strlen(e->value), q));
		break;
	}
	return OK;
}

static int check_length(struct pctx *c, const struct ai_def *d, struct gs1_element *e,
                        const char *v, size_t n)
{
	char q[SHOW_SIZE];
	size_t min, max;
	def_lengths(d, &min, &max);
	if (n < min && min == max)
		return error_set(ERR_INVALID, _("AI (%s): too short: %zu characters, %zu expected"),
		                 e->ai, n, min);
	if (n < min)
		return error_set(ERR_INVALID, _("AI (%s): too short: %zu characters, at least %zu"),
		                 e->ai, n, min);
	if (n > max && min == max && c->raw)
		return error_set(ERR_INVALID,
		                 _("AI (%s): missing separator: %zu characters, then GS "
		                   "or the end, but '%s' follows"),
		                 e->ai, max, show(v + max, n - max, q));
	if (n > max && min == max)
		return error_set(ERR_INVALID, _("AI (%s): too long: %zu characters, %zu expected"),
		                 e->ai, n, max);
	if (n > max && c->raw)
		return error_set(ERR_INVALID,
		                 _("AI (%s): too long: %zu characters, at most %zu (is "
		                   "a GS missing?)"),
		                 e->ai, n, max);
	if (n > max)
		return error_set(ERR_INVALID, _("AI (%s): too long: %zu characters, at most %zu"),
		                 e->ai, n, max);
	return OK;
}

/* Digits as a number; callers pass at most 8. */
static int64_t number(const char *s, size_t n)
{
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* An identical repeat is dropped, as GS1 allows when codes are read together;
 * a different value for the same AI, or for another decimal position of the
 * same measure, is refused. Returns 1 when e repeats an element. */
static int check_repeat(const struct gs1_result *r, const struct gs1_element *e, int *rc)
{
	char q1[SHOW_SIZE], q2[SHOW_SIZE];
	*rc = OK;
	for (int i = 0; i < r->n; i++) {
		const struct gs1_element *o = &r->el[i];
		int same_ai = !strcmp(o->ai, e->ai);
		if (!same_ai &&
		    !(e->kind == GS1_MEASURE && o->kind == GS1_MEASURE && !memcmp(o->ai, e->ai, 3)))
			continue;
		if (same_ai && !strcmp(o->value, e->value))
			return 1;
		*rc = error_set(ERR_INVALID, _("AI (%s): duplicate: '%s' after (%s) '%s'"), e->ai,
		                show(e->value, strlen(e->value), q1), o->ai,
		                show(o->value, strlen(o->value), q2));
		return 1;
	}
	return 0;
}

/* Check one element and add it to the result. */
static int element(struct pctx *c, const struct ai_def *d, const char *ai, size_t k, const char *v,
                   size_t n)
{
	struct gs1_result *r = c->r;
	struct gs1_element *e = &r->el[r->n];
	int rc;
	memcpy(e->ai, ai, k);
	e->ai[k] = '\0';
	if ((rc = check_length(c, d, e, v, n)))
		return rc;
	memcpy(e->value, v, n);
	e->value[n] = '\0';
	e->kind = d->kind;
	e->title = d->title;
	e->iso[0] = '\0';
	e->days = 0;
	e->qty = 0;
	e->unit = NULL;
	e->decimals = 0;
	size_t fixed = 0;
	for (int i = 0; i < d->nparts; i++) {
		size_t len = i + 1 < d->nparts ? d->p[i].max : n - fixed;
		if ((rc = check_part(c, e, &d->p[i], v + fixed, len)))
			return rc;
		fixed += len;
	}
	if (d->kind == GS1_MEASURE) {
		static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10};
		e->decimals = ai[3] - '0';
		e->qty = number(v, n) * scale[e->decimals];
		e->unit = d->unit;
	} else if (d->kind == GS1_COUNT) {
		e->qty = number(v, n) * FIXED_SCALE;
	}
	if (check_repeat(r, e, &rc))
		return rc;
	r->n++;
	return OK;
}

static int room(struct pctx *c)
{
	if (c->r->n < GS1_MAX_ELEMENTS)
		return OK;
	return error_set(ERR_INVALID, _("too long: more than %d elements"), GS1_MAX_ELEMENTS);
}

/* Scanner data: AIs back to back, a GS after each variable-length value that
 * is not last. One GS after any element is fine, needed or not. */
static int parse_raw(struct pctx *c, const char *p, const char *end)
{
	char q[SHOW_SIZE];
	int rc;
	c->raw = 1;
	while (p < end) {
		if ((rc = room(c)))
			return rc;
		if (end - p < 2 || !is_digit((unsigned char)p[0]) || !is_digit((unsigned char)p[1]))
			return unknown_ai_at(c, p, end);
		int prefix = two(p);
		size_t k = (size_t)ai_length(prefix);
		if ((size_t)(end - p) < k || !all_digits(p, k))
			return unknown_ai_at(c, p, end);
		const struct ai_def *d = ai_lookup(p, k);
		if (!d)
			return error_set(ERR_INVALID, _("unknown AI (%s) at position %zu"),
			                 show(p, k, q), (size_t)(p - c->in) + 1);
		const char *ai = p, *gs;
		size_t n, avail = (size_t)(end - p - k);
		p += k;
		if (predefined(prefix)) {
			size_t min, max;
			def_lengths(d, &min, &max);
			n = avail < max ? avail : max;
		} else {
			n = avail;
		}
		if ((gs = memchr(p, GS1_GS, n)))
			n = (size_t)(gs - p);
		if ((rc = element(c, d, ai, k, p, n)))
			return rc;
		p += n;
		if (p < end && *p == GS1_GS && ++p < end && *p == GS1_GS)
			return error_set(
			    ERR_INVALID,
			    _("bad character: a second GS after AI (%s) at position %zu"),
			    show(ai, k, q), (size_t)(p - c->in) + 1);
	}
	return OK;
}

/* Length of the "(AI)" marker at p, or 0 when p does not start one. */
static size_t marker(const char *p, const char *end)
{
	size_t k = 0;
	if (p >= end || *p != '(')
		return 0;
	while (k < GS1_AI_MAX && p + 1 + k < end && is_digit((unsigned char)p[1 + k]))
		k++;
	if (k < 2 || p + 1 + k >= end || p[1 + k] != ')')
		return 0;
	return k + 2;
}

/* The bracketed form people type and labels print. A value runs to the next
 * "(AI)" marker, so a "(" that does not start one is part of it; spaces are in
 * no GS1 value and are dropped around values. */
static int parse_hri(struct pctx *c, const char *p, const char *end)
{
	char q[SHOW_SIZE];
	int rc;
	c->raw = 0;
	while (p < end) {
		if ((rc = room(c)))
			return rc;
		size_t m = marker(p, end);
		if (!m)
			return unknown_ai_at(c, p, end);
		const char *ai = p + 1;
		size_t k = m - 2;
		const struct ai_def *d = ai_lookup(ai, k);
		if (!d)
			return error_set(ERR_INVALID, _("unknown AI (%s) at position %zu"),
			                 show(ai, k, q), (size_t)(p - c->in) + 1);
		const char *v = p + m, *next = v;
		while (next < end && !marker(next, end)) {
			const char *paren = memchr(next + 1, '(', (size_t)(end - next - 1));
			next = paren ? paren : end;
		}
		p = next;
		while (v < next && *v == ' ')
			v++;
		while (next > v && next[-1] == ' ')
			next--;
		if ((rc = element(c, d, ai, k, v, (size_t)(next - v))))
			return rc;
	}
	return OK;
}

/* A bare GTIN-8/12/13/14 from an EAN/UPC or ITF-14 symbol, as AI 01. */
static int parse_gtin(struct pctx *c, const char *p, size_t n)
{
	char q[SHOW_SIZE];
	struct gs1_element *e = &c->r->el[0];
	if (!gs1_check_digit_ok(p, n))
		return error_set(ERR_INVALID,
		                 _("AI (01): check digit: GTIN-%zu '%s' should end in %d"), n,
		                 show(p, n, q), gs1_check_digit(p, n - 1));
	memset(e, 0, sizeof(*e));
	strcpy(e->ai, "01");
	memset(e->value, '0', 14 - n);
	memcpy(e->value + 14 - n, p, n);
	e->value[14] = '\0';
	e->kind = GS1_TEXT;
	e->title = ai_table[1].title;
	c->r->n = 1;
	return OK;
}

/* AIM identifiers of symbologies that carry GS1 element strings (GS1-128,
 * GS1 DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode); after any other, all
 * digits of a GTIN's length are a GTIN. */
static int aim_is_gs1(const char *a)
{
	static const char *const ids[] = {"C1", "e0", "e1", "e2", "d2", "Q3", "J1"};
	for (size_t i = 0; i < ARRAY_SIZE(ids); i++)
		if (a[0] == ids[i][0] && a[1] == ids[i][1])
			return 1;
	return 0;
}

static int parse(struct pctx *c, const char *data, size_t len, struct gs1_result *r)
{
	const char *p = data, *end;
	int gs1_aim = 0, lead_gs = 0;
	c->in = data;
	c->r = r;
	c->year = 0;
	r->n = 0;
	r->symbology[0] = '\0';
	if (len > GS1_INPUT_MAX)
		return error_set(ERR_INVALID, _("too long: %zu bytes, at most %d"), len,
		                 GS1_INPUT_MAX);
	end = data + len;
	/* the Enter a scanner sends after the code */
	while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (end - p >= 3 && p[0] == ']' &&
	    ((p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= 'a' && p[1] <= 'z')) &&
	    is_digit((unsigned char)p[2])) {
		memcpy(r->symbology, p, 3);
		r->symbology[3] = '\0';
		gs1_aim = aim_is_gs1(p + 1);
		p += 3;
	}
	if (p < end && *p == GS1_GS) {
		lead_gs = 1;
		p++;
	}
	const char *t = p, *tend = end;
	while (t < tend && *t == ' ')
		t++;
	while (tend > t && tend[-1] == ' ')
		tend--;
	if (t < tend && *t == '(')
		return parse_hri(c, t, tend);
	if (p == end)
		return error_set(ERR_INVALID, _("too short: the code is empty"));
	size_t n = (size_t)(end - p);
	if (!gs1_aim && !lead_gs && (n == 8 || n == 12 || n == 13 || n == 14) && all_digits(p, n))
		return parse_gtin(c, p, n);
	return parse_raw(c, p, end);
}

int gs1_parse(const char *data, size_t len, struct gs1_result *r)
{
	struct pctx c = {.have_today = 0};
	return parse(&c, data, len, r);
}

int gs1_parse_on(const char *data, size_t len, int64_t today, struct gs1_result *r)
{
	struct pctx c = {.today = today, .have_today = 1};
	return parse(&c, data, len, r);
}

const struct gs1_element *gs1_find(const struct gs1_result *r, const char *ai)
{
	size_t n = strlen(ai);
	for (int i = 0; i < r->n; i++) {
		const struct gs1_element *e = &r->el[i];
		if (!strcmp(e->ai, ai) ||
		    (n == 3 && e->kind == GS1_MEASURE && !memcmp(e->ai, ai, 3)))
			return e;
	}
	return NULL;
}

char *gs1_display(const struct gs1_element *e, char *buf, size_t size)
{
	char num[FIXED_BUFSZ];
	switch (e->kind) {
	case GS1_DATE:
	case GS1_DATETIME:
		snprintf(buf, size, "%s", e->iso);
		break;
	case GS1_MEASURE:
		snprintf(buf, size, "%s %s", fixed_format(e->qty, e->decimals, num), e->unit);
		break;
	default:
		snprintf(buf, size, "%s", e->value);
	}
	return buf;
}
