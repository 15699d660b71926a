/* Services on lots: receive, adjust, move, hold, release, quarantine, scrap,
 * correct. Each checks the role and the lot's state, then records one journal
 * entry in one transaction. */
#ifndef LOTLINE_LEDGER_H
#define LOTLINE_LEDGER_H

#include "session.h"

struct receive_req {
	const char *item;         /* item code */
	const char *qty;          /* as typed */
	const char *unit;         /* NULL: the item's base unit */
	const char *supplier;     /* supplier code, optional */
	const char *supplier_lot; /* optional */
	const char *expiry;       /* ISO date; NULL: from shelf life, or none */
	const char *location;     /* location code */
	const char *cost;         /* unit cost per entered unit, optional */
	const char *note;
	const char *lot;      /* NULL: a new internal code from the pattern */
	const char *received; /* ISO date; NULL: today (imports may give another) */
	const char *origin;   /* "receive" or "import" */
	const char *status;   /* imports only: the lot's status; NULL: by the rules */
	const char *po;       /* purchase order reference, optional */
	int64_t po_line;      /* its line; 0: the first open line of the item */
	int over;             /* confirm receiving more than the line ordered */
	int dup;              /* RECEIVE_DUP_*: when the item already has this supplier lot */
	int *asks;            /* set to RECEIVE_ASK_* when a refusal needs only a yes */
};

/* What a supplier lot the item already has (in an open lot) means. IGNORE books
 * a new lot without asking (the plain receive command and imports); ASK refuses
 * so that the caller asks; ADD adds to that lot; NEW books a new lot anyway. */
enum { RECEIVE_DUP_IGNORE, RECEIVE_DUP_ASK, RECEIVE_DUP_ADD, RECEIVE_DUP_NEW };
/* Refusals a yes turns into a booking: set over, or choose ADD or NEW. */
enum { RECEIVE_ASK_NONE, RECEIVE_ASK_OVER, RECEIVE_ASK_DUP };

int ledger_receive(struct session *s, const struct receive_req *r, char lot_out[LOT_MAX + 1]);
int ledger_receive_in_tx(struct session *s, const struct receive_req *r, char lot_out[LOT_MAX + 1]);
/* One receipt of n lines in one transaction: all are booked or none. lots
 * (n codes) gets each line's lot; on a refusal *failed is the line's index
 * (from 0) and the message is the line's. dry_run checks everything the same
 * way and books nothing. */
int ledger_receive_many(struct session *s, const struct receive_req *r, int n,
                        char (*lots)[LOT_MAX + 1], int *failed, int dry_run);

/* qty is the new count, or a change when is_delta ("+3", "-2"); unit NULL: the lot's. */
int ledger_adjust(struct session *s, const char *lot, const char *qty, const char *unit,
                  int is_delta, const char *reason, const char *note);
int ledger_move(struct session *s, const char *lot, const char *to, const char *note);
int ledger_hold(struct session *s, const char *lot, const char *reason, const char *note);
int ledger_release(struct session *s, const char *lot, const char *note);
int ledger_quarantine(struct session *s, const char *lot, const char *reason, const char *note);
/* qty NULL scraps the whole balance. */
int ledger_scrap(struct session *s, const char *lot, const char *qty, const char *unit,
                 const char *reason, const char *note);
/* Reverse movement number no of the lot's history. */
int ledger_correct(struct session *s, const char *lot, int64_t no, const char *reason,
                   const char *note);

/* The next code of a pattern's series for a day ({NNN} counts per series and
 * skips codes that lots already use). */
int ledger_next_code(struct session *s, const char *pattern, int64_t day, char out[LOT_MAX + 1]);

/* Reason codes accepted by each action, |-separated. */
#define ADJUST_REASONS "count|sample|spoilage|damaged|other"
#define HOLD_REASONS   "inspection|failed-test|complaint|recall|other"
#define SCRAP_REASONS  "spoilage|damaged|expired|other"

/* Can a lot in this status have stock taken or moved? (consumed, shipped, scrapped
 * and returned lots are closed). */
int lot_status_open(const char *status);
/* The lot can be consumed, picked or shipped today. */
int lot_usable(const struct lot *l, int64_t today);

#endif
