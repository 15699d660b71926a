/* Journal rows in the store: the append, the heads of the per-site chains, reading back. */
#ifndef LOTLINE_DB_JOURNAL_H
#define LOTLINE_DB_JOURNAL_H

#include "db/store.h"
#include "src/model.h"

/* The local number of a site id; created when create is set. */
int db_site_number(struct store *s, const char *site_id, int create, int64_t *site_no);
int db_site_set_code(struct store *s, const char *site_id, const char *code);
/* The last sequence number and hash of a site's chain (0 and zeros when empty). */
int db_journal_head(struct store *s, int64_t site_no, int64_t *seq, unsigned char hash[32]);
/* The highest clock stamp the store has seen. */
int db_journal_max_hlc(struct store *s, hlc_t *out);
/* Append; sets e->id. */
int db_journal_insert(struct store *s, int64_t site_no, struct entry *e);
/* Every entry in (site, seq) order, or in local order when by_arrival. The callback
 * gets an entry whose payload is valid only during the call; non-zero stops. */
int db_journal_each(struct store *s, int by_arrival, int (*cb)(void *ctx, const struct entry *e),
                    void *ctx);
int64_t db_journal_count(struct store *s);

#endif
