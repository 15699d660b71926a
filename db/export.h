/* Queries for exports that no other part of lotline needs: every lot's movements
 * in a time range. */
#ifndef LOTLINE_DB_EXPORT_H
#define LOTLINE_DB_EXPORT_H

#include "db/store.h"
#include "src/model.h"

/* One movement with its lot, item and unit; balance is the lot's after it. */
struct movement_row {
	struct movement m;
	char lot[LOT_MAX + 1];
	char item[CODE_MAX + 1];
	char unit[16];
};

/* Movements stamped in [from, to) (to 0: no end), in the order they happened. */
int db_movements_each(struct store *s, hlc_t from, hlc_t to,
                      int (*cb)(void *ctx, const struct movement_row *r), void *ctx);

#endif
