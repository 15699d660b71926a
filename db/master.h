/* Master data in the store: items, locations, suppliers, customers, users, settings. */
#ifndef LOTLINE_DB_MASTER_H
#define LOTLINE_DB_MASTER_H

#include "db/store.h"
#include "src/model.h"

/* Insert or update by code; the hlc is the entry's, so the newest write wins. */
int db_item_put(struct store *s, const struct item *it, hlc_t hlc);
int db_item_get(struct store *s, const char *code, struct item *out);
/* The item whose GTIN or pack GTIN this is (compare out->pack_gtin to tell). */
int db_item_by_gtin(struct store *s, const char *gtin, struct item *out);
int db_item_each(struct store *s, int (*cb)(void *ctx, const struct item *it), void *ctx);

int db_location_put(struct store *s, const struct location *l, hlc_t hlc);
int db_location_get(struct store *s, const char *code, struct location *out);
int db_location_each(struct store *s, int (*cb)(void *ctx, const struct location *l), void *ctx);

int db_party_put(struct store *s, enum party_kind k, const struct party *p, hlc_t hlc);
int db_party_get(struct store *s, enum party_kind k, const char *code, struct party *out);
int db_party_each(struct store *s, enum party_kind k, int (*cb)(void *ctx, const struct party *p),
                  void *ctx);

int db_user_put(struct store *s, const struct user *u, hlc_t hlc);
int db_user_get(struct store *s, const char *name, struct user *out);
int db_user_by_badge(struct store *s, const char *badge, struct user *out);
int db_user_each(struct store *s, int (*cb)(void *ctx, const struct user *u), void *ctx);
int64_t db_user_count(struct store *s);

int db_setting_put(struct store *s, const char *key, const char *value, hlc_t hlc);
/* ERR_NOT_FOUND when never set (with no message when the memo knew it). */
int db_setting_get(struct store *s, const char *key, char *buf, size_t n);

#endif
