/* lotline receive|adjust|move|hold|release|quarantine|scrap|correct: one movement each. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "ledger.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int exec_receive(struct session *s, const struct args *a)
{
	char lot[LOT_MAX + 1];
	struct receive_req r = {
	    .item = a->pos[0],
	    .qty = a->pos[1],
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
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_receive = {
    .name = "receive",
    .usage = N_("ITEM QTY [UNIT] --location CODE [options]"),
    .summary = N_("book a received lot; prints its lot code"),
    .opts = receive_opts,
    .min_pos = 2,
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
