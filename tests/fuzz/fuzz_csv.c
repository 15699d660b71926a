/* libFuzzer target for the CSV reader and the date reader (CSV files are
 * outside input). The first byte picks the encoding, the delimiter and the size
 * of the pieces fed; the rest is the file. Read whole and in pieces, the file
 * must give the same rows and problems, in order, with lines that never go
 * back. Build, from the source tree (after configure in build/):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -I. -Ibuild \
 *     -o fuzz_csv tests/fuzz/fuzz_csv.c src/csv_read.c src/csv_date.c src/clock.c \
 *     src/hlc.c src/error.c src/util.c -lcsv
 *   ./fuzz_csv -max_total_time=60 */
#include "src/clock.h"
#include "src/csv_date.h"
#include "src/csv_read.h"
#include "src/error.h"
#include "src/util.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct transcript {
	struct strbuf sb;
	long last_line;
};

static int on_row(void *ctx, const struct csv_row *row)
{
	struct transcript *t = ctx;
	char iso[11];
	if (row->line < 1 || row->line < t->last_line || row->n == 0)
		__builtin_trap();
	t->last_line = row->line;
	sb_printf(&t->sb, "%ld%c", row->line, row->bad ? '*' : ':');
	for (size_t i = 0; i < row->n; i++) {
		/* a row not marked bad holds only what was decoded */
		if (!row->bad && strpbrk(row->v[i], "\xfe\xff"))
			__builtin_trap();
		sb_puts(&t->sb, row->v[i]);
		sb_putc(&t->sb, '\x1f');
		for (int o = DATE_AUTO; o <= DATE_YMD; o++) {
			int64_t days;
			if (csv_date_parse(row->v[i], (enum date_order)o, iso) == OK &&
			    date_parse(iso, &days) != OK)
				__builtin_trap();
		}
		csv_date_shape(row->v[i]);
	}
	sb_putc(&t->sb, '\n');
	return 0;
}

static void on_problem(void *ctx, long line, size_t col, const char *msg)
{
	struct transcript *t = ctx;
	if (line < 1 || col < 1)
		__builtin_trap();
	sb_printf(&t->sb, "!%ld:%zu:%s\n", line, col, msg);
}

static void read_in_pieces(const struct csv_read_opts *o, const uint8_t *p, size_t n, size_t piece)
{
	struct csv_reader *r;
	if (csv_reader_new(o, &r) != OK)
		return;
	int rc = OK;
	for (size_t i = 0; i < n && rc == OK; i += piece)
		rc = csv_reader_feed(r, p + i, n - i < piece ? n - i : piece);
	if (rc == OK)
		csv_reader_finish(r);
	csv_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = {
	    NULL, "WINDOWS-1252", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "UTF-16", NULL, "UTF-8"};
	static const char delims[] = {0, ',', ';', '\t'};
	struct transcript whole = {STRBUF_INIT, 0}, pieces = {STRBUF_INIT, 0};
	if (size < 1)
		return 0;
	struct csv_read_opts o = {encodings[data[0] & 7], delims[(data[0] >> 3) & 3], on_row,
	                          on_problem, &whole};
	size_t piece = 1 + (data[0] >> 5);
	read_in_pieces(&o, data + 1, size - 1, size);
	o.ctx = &pieces;
	read_in_pieces(&o, data + 1, size - 1, piece);
	if (whole.sb.len != pieces.sb.len ||
	    memcmp(sb_str(&whole.sb), sb_str(&pieces.sb), whole.sb.len) != 0)
		__builtin_trap();
	sb_free(&whole.sb);
	sb_free(&pieces.sb);
	return 0;
}
