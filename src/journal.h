/* Appending entries to the journal (hash-chained, clock-stamped) and applying
 * them; verifying the chains. */
#ifndef LOTLINE_JOURNAL_H
#define LOTLINE_JOURNAL_H

#include "model.h"
#include "payload.h"
#include "session.h"

/* Append one entry of this session's site and apply it, inside the caller's
 * transaction. On return out (if given) holds the entry's identity. */
int journal_append(struct session *s, const char *kind, const struct fields *payload,
                   struct entry *out);
/* The entry's hash: BLAKE2b-256 over its fields and the previous hash. */
void journal_hash(const struct entry *e, unsigned char out[32]);

/* Recompute every chain and balance, and replay the journal into a fresh store to
 * compare the derived tables. Problems go to report(); returns OK when none, else
 * ERR_CORRUPT with the first problem as the message. */
int journal_verify(struct session *s, void (*report)(void *ctx, const char *problem), void *ctx,
                   int64_t *entries_checked);

#endif
