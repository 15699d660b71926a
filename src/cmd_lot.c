/* lotline receive|adjust|move|hold|release|quarantine|scrap|correct: one movement each. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "ledger.h"
#include "receiving.h"
#include "scan.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct cmd_entry cmd_receive;

/* receive --scan: each label a line of one receipt, booked all or none. What a
 * label lacks comes from --qty, --supplier-lot and --expiry. */
static int receive_scans(struct session *s, const struct args *a, const char *const *codes, int n,
                         int64_t po_line)
{
	static struct receipt_scan sc[MULTI_MAX];
	static struct receive_req r[MULTI_MAX];
	static char lots[MULTI_MAX][LOT_MAX + 1];
	static char code[MULTI_MAX][1024];
	char shown[80];
	int asks = RECEIVE_ASK_NONE, failed = -1, rc;
	if (flag(a, "add") && flag(a, "new-lot"))
		return error_set(ERR_INVALID, _("--add and --new-lot: choose one"));
	for (int i = 0; i < n; i++) {
		scan_unescape(codes[i], code[i], sizeof(code[i]));
		if ((rc = receipt_scan(s, code[i], &sc[i])))
			return error_prefix(rc, _("--scan %d"), i + 1);
		const char *qty = sc[i].qty[0] ? sc[i].qty : arg(a, "qty");
		if (!qty)
			return error_set(
			    ERR_INVALID, _("--scan %d: %s gives no quantity of %s; give --qty"),
			    i + 1, scan_shown(code[i], shown, sizeof(shown)), sc[i].item);
		r[i] = (struct receive_req){
		    .item = sc[i].item,
		    .qty = qty,
		    .unit = sc[i].qty[0] ? sc[i].unit : arg(a, "unit"),
		    .supplier = arg(a, "supplier"),
		    .supplier_lot =
		        sc[i].supplier_lot[0] ? sc[i].supplier_lot : arg(a, "supplier-lot"),
		    .expiry = sc[i].expiry[0] ? sc[i].expiry : arg(a, "expiry"),
		    .location = arg(a, "location"),
		    .cost = arg(a, "cost"),
		    .note = arg(a, "note"),
		    .received = arg(a, "received"),
		    .origin = "receive",
		    .po = arg(a, "po"),
		    .po_line = po_line,
		    .over = flag(a, "over"),
		    .dup = flag(a, "add")       ? RECEIVE_DUP_ADD
		           : flag(a, "new-lot") ? RECEIVE_DUP_NEW
		                                : RECEIVE_DUP_ASK,
		    .asks = &asks,
		};
	}
	rc = ledger_receive_many(s, r, n, lots, &failed, 0);
	if (rc && failed >= 0) {
		error_prefix(rc, _("--scan %d (%s)"), failed + 1,
		             scan_shown(code[failed], shown, sizeof(shown)));
		if (asks != RECEIVE_ASK_NONE) {
			char msg[512];
			strlcpy_(msg, error_msg(), sizeof(msg));
			return error_set(
			    rc, "%s; %s", msg,
			    asks == RECEIVE_ASK_OVER
			        ? _("give --over to confirm")
			        : _("give --add to add to it or --new-lot for a new lot"));
		}
		return rc;
	}
	for (int i = 0; rc == OK && i < n; i++)
		printf("%s\n", lots[i]);
	return rc;
}

static int exec_receive(struct session *s, const struct args *a)
{
	char lot[LOT_MAX + 1];
	const char *const *codes;
	int nscan = args_all(a, "scan", &codes);
	struct receive_req r = {
	    .item = a->npos > 0 ? a->pos[0] : NULL,
	    .qty = a->npos > 1 ? a->pos[1] : NULL,
	    .unit = a->npos > 2 ? a->pos[2] : arg(a, "unit"),
	    .supplier = arg(a, "supplier"),
	    .supplier_lot = arg(a, "supplier-lot"),
	    .expiry = arg(a, "expiry"),
	    .location = arg(a, "location"),
	    .cost = arg(a, "cost"),
	    .note = arg(a, "note"),
	    .lot = arg(a, "lot"),
	    .received = arg(a, "received"),
	    .origin = "receive",
	    .po = arg(a, "po"),
	    .over = flag(a, "over"),
	};
	if (arg(a, "po-line")) {
		char *end;
		r.po_line = strtoll(arg(a, "po-line"), &end, 10);
		if (*end || r.po_line < 1)
			return error_set(ERR_INVALID, _("--po-line: '%s' is not a line number"),
			                 arg(a, "po-line"));
	}
	if (nscan)
		return a->npos
		           ? error_set(ERR_INVALID, _("--scan: give labels or ITEM QTY, not both"))
		           : receive_scans(s, a, codes, nscan, r.po_line);
	if (a->npos < 2)
		return error_set(ERR_INVALID, _("usage: lotline receive %s"), _(cmd_receive.usage));
	int rc = ledger_receive(s, &r, lot);
	if (rc == OK)
		printf("%s\n", lot);
	return rc;
}

static const struct opt receive_opts[] = {
    {"location", N_("CODE"), N_("where the lot is put (required)")},
    {"unit", N_("UNIT"), N_("unit of QTY (else the item's base unit)")},
    {"supplier", N_("CODE"), N_("the supplier")},
    {"supplier-lot", N_("TEXT"), N_("the supplier's lot number")},
    {"expiry", N_("DATE"), N_("expiry (else from the item's shelf life)")},
    {"cost", N_("MONEY"), N_("cost per unit of QTY")},
    {"lot", N_("CODE"), N_("use this lot code instead of a new internal one")},
    {"received", N_("DATE"), N_("receiving date if not today")},
    {"note", N_("TEXT"), N_("a note")},
    {"po", N_("REF"), N_("receive against this purchase order")},
    {"po-line", N_("N"), N_("its line (else the first open line of the item)")},
    {"over", NULL, N_("confirm receiving more than the line ordered")},
    {"scan", N_("CODE"), N_("a scanned label (again for more lines of one receipt)")},
    {"qty", N_("QTY"), N_("with --scan: the quantity of labels that give none")},
    {"add", NULL, N_("with --scan: add a known supplier lot to its lot")},
    {"new-lot", NULL, N_("with --scan: book a known supplier lot as a new lot")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_receive = {
    .name = "receive",
    .usage = N_("ITEM QTY [UNIT] --location CODE [options] | --scan CODE ... --location CODE"),
    .summary = N_("book a received lot, or a receipt of scanned labels; prints the lot codes"),
    .opts = receive_opts,
    .min_pos = 0,
    .max_pos = 3,
    .exec = exec_receive,
};

static int exec_adjust(struct session *s, const struct args *a)
{
	const char *q = a->pos[1];
	int delta = q[0] == '+' || q[0] == '-';
	if (delta && flag(a, "count"))
		return error_set(ERR_INVALID, _("--count takes a new quantity, not a change (%s)"),
		                 q);
	int rc = ledger_adjust(s, a->pos[0], q[0] == '+' ? q + 1 : q, arg(a, "unit"), delta,
	                       arg(a, "reason"), arg(a, "note"));
	if (rc == OK)
		printf(_("%s adjusted\n"), a->pos[0]);
	return rc;
}

static const struct opt adjust_opts[] = {
    {"reason", N_("CODE"), N_("count, sample, spoilage, damaged or other (required)")},
    {"note", N_("TEXT"), N_("a note (required with reason other)")},
    {"unit", N_("UNIT"), N_("unit of QTY (else the lot's unit)")},
    {"count", NULL, N_("QTY is the counted quantity (the default without a sign)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_adjust = {
    .name = "adjust",
    .usage = N_("LOT QTY|+DELTA|-DELTA --reason CODE [--note TEXT]"),
    .summary = N_("set a lot's quantity to a count, or change it by a delta"),
    .opts = adjust_opts,
    .min_pos = 2,
    .max_pos = 2,
    .exec = exec_adjust,
};

static int exec_move(struct session *s, const struct args *a)
{
	int rc = ledger_move(s, a->pos[0], a->pos[1], arg(a, "note"));
	if (rc == OK)
		printf(_("%s moved to %s\n"), a->pos[0], a->pos[1]);
	return rc;
}

static const struct opt note_opts[] = {
    {"note", N_("TEXT"), N_("a note")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_move = {
    .name = "move",
    .usage = N_("LOT LOCATION [--note TEXT]"),
    .summary = N_("transfer a lot to another location"),
    .opts = note_opts,
    .min_pos = 2,
    .max_pos = 2,
    .exec = exec_move,
};

static int exec_hold(struct session *s, const struct args *a)
{
	int rc = ledger_hold(s, a->pos[0], arg(a, "reason"), arg(a, "note"));
	if (rc == OK)
		printf(_("%s is on hold\n"), a->pos[0]);
	return rc;
}

static const struct opt hold_opts[] = {
    {"reason", N_("CODE"), N_("inspection, failed-test, complaint, recall or other (required)")},
    {"note", N_("TEXT"), N_("a note")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_hold = {
    .name = "hold",
    .usage = N_("LOT --reason CODE [--note TEXT]"),
    .summary = N_("put a lot on hold (blocks allocation, not moves)"),
    .opts = hold_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_hold,
};

static int exec_quarantine(struct session *s, const struct args *a)
{
	int rc = ledger_quarantine(s, a->pos[0], arg(a, "reason"), arg(a, "note"));
	if (rc == OK)
		printf(_("%s is in quarantine\n"), a->pos[0]);
	return rc;
}

const struct cmd_entry cmd_quarantine = {
    .name = "quarantine",
    .usage = N_("LOT --reason CODE [--note TEXT]"),
    .summary = N_("put a lot in quarantine (qa, manager, owner)"),
    .opts = hold_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_quarantine,
};

static int exec_release(struct session *s, const struct args *a)
{
	int rc = ledger_release(s, a->pos[0], arg(a, "note"));
	if (rc == OK)
		printf(_("%s is available\n"), a->pos[0]);
	return rc;
}

const struct cmd_entry cmd_release = {
    .name = "release",
    .usage = N_("LOT [--note TEXT]"),
    .summary = N_("release a held or quarantined lot (qa, manager, owner)"),
    .opts = note_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_release,
};

static int exec_scrap(struct session *s, const struct args *a)
{
	int rc = ledger_scrap(s, a->pos[0], a->npos > 1 ? a->pos[1] : NULL, arg(a, "unit"),
	                      arg(a, "reason"), arg(a, "note"));
	if (rc == OK)
		printf(_("%s scrapped\n"), a->pos[0]);
	return rc;
}

static const struct opt scrap_opts[] = {
    {"reason", N_("CODE"), N_("spoilage, damaged, expired or other (required)")},
    {"note", N_("TEXT"), N_("a note")},
    {"unit", N_("UNIT"), N_("unit of QTY (else the lot's unit)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_scrap = {
    .name = "scrap",
    .usage = N_("LOT [QTY] --reason CODE [--note TEXT]"),
    .summary = N_("write off a lot, or part of it, as waste"),
    .opts = scrap_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_scrap,
};

static int exec_correct(struct session *s, const struct args *a)
{
	const char *n = a->pos[1];
	char *end;
	if (*n == '#')
		n++;
	long long no = strtoll(n, &end, 10);
	if (!*n || *end || no < 1)
		return error_set(ERR_INVALID,
		                 _("movement: '%s' is not a movement number from "
		                   "'lotline history'"),
		                 a->pos[1]);
	int rc = ledger_correct(s, a->pos[0], no, arg(a, "reason"), arg(a, "note"));
	if (rc == OK)
		printf(_("movement #%lld of %s corrected\n"), no, a->pos[0]);
	return rc;
}

static const struct opt correct_opts[] = {
    {"reason", N_("TEXT"), N_("why the movement was wrong")},
    {"note", N_("TEXT"), N_("a note")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_correct = {
    .name = "correct",
    .usage = N_("LOT MOVEMENT --reason TEXT"),
    .summary = N_("reverse one movement of a lot (numbers as in 'lotline history')"),
    .opts = correct_opts,
    .min_pos = 2,
    .max_pos = 2,
    .exec = exec_correct,
};
