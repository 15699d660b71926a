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

/* The Import screen's look at a file before importing it: which of the file's
 * columns feed which field, and the first rows as the services would get them
 * (quotes, decimal commas and dates already read). Nothing is written. */
#define IMPORT_PREVIEW_COLS 32
struct import_preview {
	char encoding[32]; /* as read: from the byte order mark, the option, or UTF-8 */
	char delimiter;
	size_t ncols; /* the fields the file has a column for, in the kind's order */
	struct import_preview_col {
		const char *field; /* translated label ("expiry") */
		char *header;      /* the file's name for it ("Best before") */
		int required;
	} col[IMPORT_PREVIEW_COLS];
	char *missing; /* required fields without a column, comma-separated, or NULL */
	char *ignored; /* the file's columns that are not imported, or NULL */
	size_t nrows;
	struct import_preview_row {
		long line;
		char *v[IMPORT_PREVIEW_COLS]; /* by col[] */
	} * rows;
};

/* Up to max_rows rows of path as kind would read them. Problems with the file
 * as a whole (no such file, unknown encoding) are the return value; problems
 * in rows are for the dry run (import_file with dry_run) to list. */
int import_preview(struct session *s, const char *kind, const char *path,
                   const struct import_opts *o, size_t max_rows, struct import_preview *p);
void import_preview_free(struct import_preview *p);

#endif
