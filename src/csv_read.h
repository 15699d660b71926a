/* Reading CSV as spreadsheets write it: bytes in any encoding iconv knows (a byte
 * order mark decides when there is one), converted to UTF-8, the delimiter sniffed
 * from the first line, parsed by libcsv into rows that know the physical line they
 * start on. Problems are reported with their line and column, never repaired. */
#ifndef LOTLINE_CSV_READ_H
#define LOTLINE_CSV_READ_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>

struct csv_row {
	long line;            /* physical line (1-based) where the record starts */
	size_t n;             /* number of fields */
	const char *const *v; /* the fields in UTF-8; valid during the callback */
	int bad;              /* a problem in this row was reported already */
};

struct csv_read_opts {
	const char *encoding; /* NULL: from a byte order mark, else UTF-8 */
	char delimiter;       /* 0: sniffed from the first line (comma, semicolon or tab) */
	/* Each row in order, the header first; a non-zero return stops the reading
	 * and becomes its result. */
	int (*row)(void *ctx, const struct csv_row *row);
	/* A problem at a line and 1-based column (the message is translated). */
	void (*problem)(void *ctx, long line, size_t col, const char *msg);
	void *ctx;
};

struct csv_reader;

/* ERR_INVALID when the encoding is unknown to iconv. */
int csv_reader_new(const struct csv_read_opts *o, struct csv_reader **out);
/* Feed bytes in pieces of any size; returns what a row callback returned, or OK. */
int csv_reader_feed(struct csv_reader *r, const void *data, size_t n);
/* The end of the input: the last record, an unterminated quote. */
int csv_reader_finish(struct csv_reader *r);
void csv_reader_free(struct csv_reader *r);

/* After the first row: the delimiter in use and the encoding ("UTF-16LE"). */
char csv_reader_delimiter(const struct csv_reader *r);
const char *csv_reader_encoding(const struct csv_reader *r);
/* Problems reported so far. */
long csv_reader_problems(const struct csv_reader *r);

/* A whole buffer in one call (tests, fuzzing). */
int csv_read_mem(const struct csv_read_opts *o, const void *data, size_t n);

/* iconv from the encoding to UTF-8 (reading) or back (to_utf8 0, writing);
 * ERR_INVALID naming --encoding when iconv does not know it. */
int csv_iconv_open(const char *encoding, int to_utf8, iconv_t *cd);
/* An encoding's name in one spelling: "utf-16le", "UTF_16LE" -> "UTF16LE". */
void csv_encoding_norm(const char *in, char *out, size_t n);

/* "," ";" "tab" "\t" "comma" "semicolon" "|": ERR_INVALID naming --delimiter. */
int csv_delimiter_parse(const char *s, char *out);

/* The formula guard. A spreadsheet runs a cell that starts with = + - @ (or a
 * tab or carriage return) as a formula, so export writes such a text with a
 * single quote in front, as a user would type it to keep it text: '=SUM(A1)
 * and '-- note --. Plain numbers (-2.5) are left alone. A text that already
 * starts with quotes and then one of those characters gets one more, so that
 * csv_unguard(), which removes one quote before them, gives back exactly what
 * was exported: the round trip stays byte for byte. */
int csv_guard_needed(const char *v);
/* v without the one guarding quote, or v itself. */
const char *csv_unguard(const char *v);

#endif
