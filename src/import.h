/* Importing CSV files: master data (items, locations, suppliers, customers) and
 * opening lots, through the same services as every other way in, all rows in one
 * transaction. Every problem in the file is reported, each with its line and
 * column; one problem and nothing is written. */
#ifndef LOTLINE_IMPORT_H
#define LOTLINE_IMPORT_H

#include "csv_date.h"
#include "session.h"

#include <stddef.h>
#include <stdint.h>

struct import_problem {
	long line;       /* physical line in the file; 0: the file as a whole */
	size_t col;      /* 1-based column; 0: no one column */
	const char *msg; /* "field: what is wrong", translated */
	int warning;     /* a warning does not stop the import */
};

struct import_opts {
	const char *encoding;  /* NULL: from a byte order mark, else UTF-8 */
	char delimiter;        /* 0: sniffed from the header line */
	int decimal_comma;     /* "1,5" is one and a half (always so with ';' delimiters) */
	enum date_order dates; /* DATE_AUTO: from the dates that have one reading */
	int dry_run;           /* check everything and write nothing */
	void (*report)(void *ctx, const struct import_problem *p);
	/* Bytes read of all there is to read (a file may be read twice). */
	void (*progress)(void *ctx, int64_t done, int64_t total);
	void *ctx;
};

struct import_result {
	long rows; /* imported, or that would be with dry_run */
	long errors, warnings;
};

/* The kinds of file, space-separated. */
const char *import_kinds(void);
/* Import path as kind ("items", "lots", ...). ERR_INVALID when the file had any
 * problem (each went to o->report), and then nothing was written. */
int import_file(struct session *s, const char *kind, const char *path, const struct import_opts *o,
                struct import_result *res);

#endif
