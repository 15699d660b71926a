/* Receiving by scan: what a supplier's label says about a receipt line (item,
 * quantity, supplier lot, expiry), shared by the Receiving screen and
 * `lotline receive --scan`. Booking is ledger_receive_many (src/ledger.h). */
#ifndef LOTLINE_RECEIVING_H
#define LOTLINE_RECEIVING_H

#include "fixed.h"
#include "session.h"

struct receipt_scan {
	char item[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char base_unit[16];
	int64_t shelf_life_days;
	fixed_t density, pack_size; /* for converting the quantity to base_unit */
	char qty[FIXED_BUFSZ];      /* "" when the label gives none */
	char unit[16];              /* the unit of qty ("pack" for a case GTIN), or "" */
	char supplier_lot[LOT_MAX + 1];
	char expiry[11]; /* from (17), else (15); "" when the label has none */
};

/* Read a scanned code as a receipt line: an item code, a GTIN, or a GS1 label
 * with (01) or (02) and any of (10), (17), (15), (30), (37), (310n)...
 * ERR_INVALID / ERR_NOT_FOUND "Scanned CODE: why" when it says nothing about
 * an item to receive (a broken label names the AI and the problem). */
int receipt_scan(struct session *s, const char *code, struct receipt_scan *out);

#endif
