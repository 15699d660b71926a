/* libFuzzer target for the GS1 element-string parser (scans are outside
 * input: any bytes can arrive). Whatever parses must print, and must parse
 * again to the same elements when written back as scanner data and, when no
 * value holds a "(", in the bracketed form. make check builds and runs it
 * briefly when configure found clang with libFuzzer; by hand, from the source
 * tree after configure in build/:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I. -Ibuild -o fuzz_gs1 \
 *     tests/fuzz/fuzz_gs1.c src/gs1.c src/checkdigit.c src/clock.c src/error.c \
 *     src/fixed.c src/util.c
 *   ./fuzz_gs1 -max_total_time=60 tests/fuzz/corpus_gs1 */
#include "src/clock.h"
#include "src/error.h"
#include "src/gs1.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const struct gs1_result *a, const struct gs1_result *b)
{
	if (a->n != b->n)
		return 0;
	for (int i = 0; i < a->n; i++)
		if (strcmp(a->el[i].ai, b->el[i].ai) || strcmp(a->el[i].value, b->el[i].value) ||
		    strcmp(a->el[i].iso, b->el[i].iso) || a->el[i].qty != b->el[i].qty)
			return 0;
	return 1;
}

/* Write r back as scanner data (sep = GS, a GS after every element) or in
 * brackets; returns the length, or 0 when it does not fit. */
static size_t write_back(const struct gs1_result *r, int brackets, char *buf, size_t size)
{
	size_t n = 0;
	for (int i = 0; i < r->n; i++) {
		size_t a = strlen(r->el[i].ai), v = strlen(r->el[i].value);
		if (n + a + v + 3 > size)
			return 0;
		if (brackets)
			buf[n++] = '(';
		memcpy(buf + n, r->el[i].ai, a);
		n += a;
		if (brackets)
			buf[n++] = ')';
		memcpy(buf + n, r->el[i].value, v);
		n += v;
		if (!brackets)
			buf[n++] = GS1_GS;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gs1_result r, again;
	static char buf[GS1_MAX_ELEMENTS * (GS1_AI_MAX + GS1_VALUE_MAX + 3)];
	char shown[GS1_VALUE_MAX + 64];
	int64_t today = days_from_civil(2026, 11, 23);

	int rc = gs1_parse_on((const char *)data, size, today, &r);
	if (rc != OK) {
		if (rc != ERR_INVALID || !error_msg()[0])
			__builtin_trap();
		return 0;
	}
	if (r.n < 1 || r.n > GS1_MAX_ELEMENTS)
		__builtin_trap();
	int paren = 0;
	for (int i = 0; i < r.n; i++) {
		const struct gs1_element *e = &r.el[i];
		int64_t days;
		gs1_display(e, shown, sizeof(shown));
		if (gs1_find(&r, e->ai) != e)
			__builtin_trap();
		if (e->kind == GS1_DATE && (date_parse(e->iso, &days) != OK || days != e->days))
			__builtin_trap();
		if (strchr(e->value, '('))
			paren = 1;
	}
	size_t n = write_back(&r, 0, buf, sizeof(buf));
	if (n && (gs1_parse_on(buf, n, today, &again) != OK || !same(&r, &again)))
		__builtin_trap();
	if (!paren && (n = write_back(&r, 1, buf, sizeof(buf))) &&
	    (gs1_parse_on(buf, n, today, &again) != OK || !same(&r, &again)))
		__builtin_trap();
	return 0;
}
