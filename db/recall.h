/* Recalls and mock recalls in the store: the scope saved when one is opened, the
 * customer notification list, and per-customer progress. */
#ifndef LOTLINE_DB_RECALL_H
#define LOTLINE_DB_RECALL_H

#include "db/store.h"
#include "src/model.h"

struct recall {
	int64_t id;
	char code[LOT_MAX + 1];
	char reason[TEXT_MAX + 1];
	int drill;
	char status[16];
	char opened_by[CODE_MAX + 1];
	hlc_t opened_hlc;
	int64_t elapsed_ms;
	char summary[TEXT_MAX * 4 + 1];
	hlc_t closed_hlc; /* 0 while open */
	int64_t lots, held, in_stock, customers, notified, acknowledged;
	char sources[TEXT_MAX + 1]; /* the lots named when it was opened */
};

struct recall_lot {
	char lot[LOT_MAX + 1];
	char item[CODE_MAX + 1];
	int64_t depth;
	fixed_t qty; /* in stock when the recall was opened */
	char unit[16];
	char status[16]; /* before the recall */
	int held;
};

/* One shipment on the notification list, with the customer's address. */
struct recall_notice {
	struct party customer;
	char lot[LOT_MAX + 1];
	char item[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char order[CODE_MAX + 1];
	fixed_t qty;
	char unit[16];
	char shipped[11];
};

struct recall_customer {
	char code[CODE_MAX + 1];
	char name[NAME_MAX_ + 1];
	int64_t shipments;
	hlc_t notified, acknowledged; /* 0: not yet */
	fixed_t returned;
};

int db_recall_insert(struct store *s, const struct recall *r, hlc_t hlc, int64_t *id);
int db_recall_lot_insert(struct store *s, int64_t recall_id, int64_t lot_id, int64_t depth,
                         fixed_t qty, const char *status, int held);
/* A shipment in scope; the customer joins the recall's tracking list. */
int db_recall_shipment_insert(struct store *s, int64_t recall_id, int64_t customer_id,
                              int64_t order_id, int64_t lot_id, fixed_t qty, const char *date);
int db_recall_get(struct store *s, const char *code, struct recall *out);
int db_recall_each(struct store *s, int (*cb)(void *ctx, const struct recall *r), void *ctx);
int db_recall_lots_each(struct store *s, int64_t recall_id,
                        int (*cb)(void *ctx, const struct recall_lot *l), void *ctx);
int db_recall_notices_each(struct store *s, int64_t recall_id,
                           int (*cb)(void *ctx, const struct recall_notice *n), void *ctx);
int db_recall_customers_each(struct store *s, int64_t recall_id,
                             int (*cb)(void *ctx, const struct recall_customer *c), void *ctx);
/* what: notified, acknowledged or returned (adds qty). ERR_NOT_FOUND when the
 * customer is not on the recall's list. */
int db_recall_mark(struct store *s, int64_t recall_id, int64_t customer_id, const char *what,
                   fixed_t qty, hlc_t hlc);
int db_recall_close(struct store *s, int64_t recall_id, const char *summary, hlc_t hlc);

#endif
