/* Purchase orders and their lines in the store. */
#ifndef LOTLINE_DB_PURCHASING_H
#define LOTLINE_DB_PURCHASING_H

#include "db/store.h"
#include "src/model.h"

struct po {
	int64_t id;
	char ref[CODE_MAX + 1];
	char supplier_code[CODE_MAX + 1];
	char supplier_name[NAME_MAX_ + 1];
	char expected[11];
	char note[TEXT_MAX + 1];
	char status[16];
	int64_t lines, open_lines;
};

struct po_line {
	int64_t id, po_id, line, item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16];    /* the item's base unit: qty and received are in it */
	char ordered[48]; /* as ordered, e.g. "4 pack" */
	fixed_t qty, received, unit_cost;
	int closed;
};

int db_po_insert(struct store *s, const struct po *p, int64_t supplier_id, hlc_t hlc, int64_t *id);
int db_po_line_insert(struct store *s, const struct po_line *l);
int db_po_get(struct store *s, const char *ref, struct po *out);
int db_po_each(struct store *s, const char *status, int (*cb)(void *ctx, const struct po *p),
               void *ctx);
int db_po_lines_each(struct store *s, int64_t po_id, int (*cb)(void *ctx, const struct po_line *l),
                     void *ctx);
/* Line number n of an order; or, with n == 0, the first open line for the item
 * (else the first line for it at all). ERR_NOT_FOUND when there is none. */
int db_po_line_find(struct store *s, int64_t po_id, int64_t n, int64_t item_id,
                    struct po_line *out);
/* Count a receipt against a line; the line closes when all is received. */
int db_po_line_receive(struct store *s, int64_t line_id, fixed_t qty);
/* Close one line (n > 0) or every line; the order closes with its last open line. */
int db_po_close(struct store *s, int64_t po_id, int64_t n, hlc_t hlc);
int db_lot_set_po_line(struct store *s, const char *lot, int64_t line_id);

#endif
