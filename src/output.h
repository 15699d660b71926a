/* Row output for the command line: an aligned table for people, CSV, TSV and JSON
 * for programs (a header row, ISO dates, dot decimals; stable column names). */
#ifndef LOTLINE_OUTPUT_H
#define LOTLINE_OUTPUT_H

#include <stdio.h>

enum out_format { OUT_TABLE, OUT_CSV, OUT_TSV, OUT_JSON };

struct out_col {
	const char *name;  /* machine name: CSV/TSV header and JSON key */
	const char *title; /* N_() table heading */
	int width;         /* table width in cells */
	int right;         /* right-aligned in tables; a number in JSON */
};

struct out {
	FILE *fp;
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	long rows;
};

int out_format_parse(const char *s, enum out_format *fmt);
void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int n);
void out_row(struct out *o, const char *const *values);
void out_end(struct out *o);
/* A JSON string with escapes. */
void json_write_string(FILE *fp, const char *s);

#endif
