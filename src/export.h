/* Exporting CSV for spreadsheets and other programs: the ledger, all lots, the
 * movements of a period and the master data, in the columns that 'lotline
 * import' reads back; UTF-8 unless another encoding is asked for. */
#ifndef LOTLINE_EXPORT_H
#define LOTLINE_EXPORT_H

#include "session.h"

#include <stdio.h>

struct export_opts {
	const char *encoding;        /* NULL: UTF-8 */
	int bom;                     /* start with a byte order mark (Excel wants one for UTF-8) */
	char delimiter;              /* 0: comma */
	struct ledger_filter filter; /* ledger and lots */
	const char *from, *to;       /* movements: ISO dates, both included; NULL: open */
};

/* The kinds, space-separated. */
const char *export_kinds(void);
/* Does this kind take the ledger's filters, or a date range? */
int export_takes_filter(const char *kind);
int export_takes_range(const char *kind);
/* Write one kind as CSV to fp; *rows counts the rows after the header. A value
 * the encoding cannot hold is ERR_INVALID naming its line and column. */
int export_write(struct session *s, const char *kind, FILE *fp, const struct export_opts *o,
                 long *rows);

#endif
