/* The row loop shared by db/'s list queries (db/ only). */
#ifndef LOTLINE_DB_ROWS_H
#define LOTLINE_DB_ROWS_H

#include "db/store_internal.h"
#include "src/error.h"

#include <string.h>

/* Prepare sql (uncached: these queries run once per command), bind, read each row
 * with readfn into a rowtype and hand it to cb, which stops the loop by returning
 * non-zero (that value is returned). */
#define ROWS_EACH(s, sql, bind, rowtype, readfn, cb, ctx, what)                                    \
	do {                                                                                       \
		sqlite3_stmt *st_ = NULL;                                                          \
		int rc_;                                                                           \
		if (sqlite3_prepare_v2((s)->db, sql, -1, &st_, NULL) != SQLITE_OK)                 \
			return store_error(s, what);                                               \
		bind;                                                                              \
		while ((rc_ = sqlite3_step(st_)) == SQLITE_ROW) {                                  \
			rowtype row_;                                                              \
			memset(&row_, 0, sizeof(row_));                                            \
			readfn(st_, &row_);                                                        \
			int stop_ = cb(ctx, &row_);                                                \
			if (stop_) {                                                               \
				sqlite3_finalize(st_);                                             \
				return stop_;                                                      \
			}                                                                          \
		}                                                                                  \
		rc_ = rc_ == SQLITE_DONE ? OK : store_error(s, what);                              \
		sqlite3_finalize(st_);                                                             \
		return rc_;                                                                        \
	} while (0)

#endif
