/* lotline ledger and lotline history: the lots, and one lot's movements. */
#include "cmd.h"
#include "clock.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "ledger_view.h"
#include "output.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ledger_row(void *ctx, const struct lot *l)
{
	struct out *o = ctx;
	struct ledger_cells c;
	ledger_cells_fill(l, &c);
	out_row(o, o->fmt == OUT_TABLE ? c.table : c.v);
	return 0;
}

static int exec_ledger(struct session *s, const struct args *a)
{
	struct ledger_filter f;
	struct out o;
	enum out_format fmt = OUT_TABLE;
	char from[11], to[11];
	int rc;

	memset(&f, 0, sizeof(f));
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	f.location = arg(a, "location");
	f.item = arg(a, "item");
	f.category = arg(a, "category");
	f.status = arg(a, "status");
	f.coa = arg(a, "coa");
	f.text = arg(a, "search");
	f.include_empty = flag(a, "all");
	if (arg(a, "expiring")) {
		char *end;
		long days = strtol(arg(a, "expiring"), &end, 10);
		if (*end || days < 0 || days > 36500)
			return error_set(ERR_INVALID, _("--expiring: '%s' is not a number of days"),
			                 arg(a, "expiring"));
		f.expires_from = date_format(clock_today(), from);
		f.expires_by = date_format(clock_today() + days, to);
	}
	if (flag(a, "expired"))
		f.expired_before = date_format(clock_today(), from);
	if ((rc = ledger_filter_check(s, &f)))
		return rc;
	out_begin(&o, stdout, fmt, fmt == OUT_TABLE ? ledger_table_cols : ledger_machine_cols,
	          fmt == OUT_TABLE ? LEDGER_TABLE_COLS : LEDGER_MACHINE_COLS);
	rc = db_ledger_each(s->store, &f, ledger_row, &o);
	out_end(&o);
	if (rc == OK && fmt == OUT_TABLE)
		printf(ngettext("%ld lot\n", "%ld lots\n", (unsigned long)o.rows), o.rows);
	return rc;
}

static const struct opt ledger_opts[] = {
    {"location", N_("CODE"), N_("only lots in this location")},
    {"item", N_("CODE"), N_("only lots of this item")},
    {"category", N_("NAME"), N_("only items of this category")},
    {"status", N_("STATUS"),
     N_("available, hold, quarantine, consumed, shipped, scrapped or returned")},
    {"coa", N_("STATUS"), N_("missing, uploaded, reviewed or linked")},
    {"expiring", N_("DAYS"), N_("only lots expiring within DAYS from today")},
    {"expired", NULL, N_("only expired lots")},
    {"search", N_("TEXT"), N_("item, lot or supplier lot containing TEXT")},
    {"all", NULL, N_("include lots with nothing left")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_ledger = {
    .name = "ledger",
    .usage = N_("[filters] [--format FORMAT]"),
    .summary = N_("print one row per lot"),
    .opts = ledger_opts,
    .min_pos = 0,
    .max_pos = 0,
    .exec = exec_ledger,
};

static const struct out_col history_cols[] = {
    {"no", N_("#"), 3, 1},
    {"time", N_("Time"), 16, 0},
    {"kind", N_("Kind"), 10, 0},
    {"qty", N_("Qty"), 10, 1},
    {"balance", N_("Balance"), 10, 1},
    {"user", N_("User"), 8, 0},
    {"terminal", N_("Terminal"), 10, 0},
    {"reason", N_("Reason"), 10, 0},
    {"detail", N_("Detail"), 22, 0},
    {"note", N_("Note"), 24, 0},
};

struct history_ctx {
	struct out *o;
	int machine;
};

static int history_row(void *ctx, const struct movement *m)
{
	struct history_ctx *h = ctx;
	char no[24], t[32], q[FIXED_BUFSZ + 1], b[FIXED_BUFSZ], detail[96];
	snprintf(no, sizeof(no), "%lld", (long long)m->no);
	if (h->machine)
		time_format_iso(hlc_wall_ms(m->hlc), t);
	else
		time_format_short(hlc_wall_ms(m->hlc), t);
	fixed_format(m->qty, 0, q + 1);
	q[0] = '+';
	movement_detail(m, detail, sizeof(detail));
	const char *v[10] = {no,
	                     t,
	                     m->kind,
	                     m->qty > 0 && !h->machine ? q : q + 1,
	                     fixed_format(m->balance, 0, b),
	                     m->user,
	                     m->terminal,
	                     m->reason,
	                     detail,
	                     m->note};
	out_row(h->o, v);
	return 0;
}

static int exec_history(struct session *s, const struct args *a)
{
	struct lot l;
	struct out o;
	enum out_format fmt = OUT_TABLE;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if ((rc = db_lot_get(s->store, a->pos[0], &l)))
		return rc;
	if (fmt == OUT_TABLE) {
		char q[FIXED_BUFSZ];
		printf(_("%s  %s %s  %s %s  %s  %s\n\n"), l.code, l.item_code, l.item_name,
		       fixed_format(l.qty, 0, q), l.unit, l.location_code, _(l.status));
	}
	struct history_ctx h = {&o, fmt != OUT_TABLE};
	out_begin(&o, stdout, fmt, history_cols, (int)ARRAY_SIZE(history_cols));
	rc = db_history_each(s->store, l.id, history_row, &h);
	out_end(&o);
	return rc;
}

static const struct opt history_opts[] = {
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_history = {
    .name = "history",
    .usage = N_("LOT [--format FORMAT]"),
    .summary = N_("print every movement of a lot"),
    .opts = history_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_history,
};
