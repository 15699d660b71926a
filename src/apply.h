/* Applying a journal entry to the tables derived from it. One function for local
 * actions (already validated by a service) and entries from other stores (facts). */
#ifndef LOTLINE_APPLY_H
#define LOTLINE_APPLY_H

#include "db/store.h"
#include "model.h"
#include "payload.h"

int apply_entry(struct store *s, const struct entry *e, const struct fields *payload);
/* Is this an entry kind this lotline knows? */
int apply_known_kind(const char *kind);
/* Store an entry that came from elsewhere (sync, replay) and apply it. */
int apply_ingest(struct store *s, struct entry *e);
/* Replay the whole journal into a fresh in-memory store and report every lot,
 * movement or master row whose state differs. */
int apply_replay_compare(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                         int *problems);

#endif
