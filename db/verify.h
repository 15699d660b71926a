/* Comparing the derived tables of the store with those of a replayed journal. */
#ifndef LOTLINE_DB_VERIFY_H
#define LOTLINE_DB_VERIFY_H

#include "db/store.h"

/* Attach the store at uri and report every lot, movement or master row that
 * differs between the two; *problems is increased by the number found. */
int db_compare_derived(struct store *s, const char *uri,
                       void (*report)(void *ctx, const char *problem), void *ctx, int *problems);

#endif
