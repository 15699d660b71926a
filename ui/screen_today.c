/* Today: what needs someone's attention, each with a count: lots expiring
 * within the warning window, expired lots still in stock, lots on hold or in
 * quarantine, lots with no COA, open exceptions, negative balances and
 * rejected documents. Enter opens the ledger with that very filter (the
 * Documents screen for rejected documents), so the count and the list agree. */
#include "db/documents.h"
#include "db/ledger_page.h"
#include "db/lots.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/settings.h"
#include "src/util.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts stop here ("1000+", as the ledger's): past a thousand lots the number
 * changes no decision, and each count reads at most this many lots. */
#define TODAY_COUNT_LIMIT 1000

enum today_row {
	T_EXPIRING,
	T_EXPIRED,
	T_HELD,
	T_COA,
	T_EXCEPTIONS,
	T_NEGATIVE,
	T_REJECTED, /* documents: redo them */
	T_COUNT
};

struct today {
	struct ui *ui;
	char today[11], until[11];
	int64_t warn_days;
	struct ledger_query q[T_COUNT];
	int64_t count[T_COUNT];
	int more[T_COUNT];
	int narrow; /* short labels */
	struct table t;
};

static const struct table_col today_cols[] = {
    {N_("Count"), 6, 4, 1, 1, 0, 0},
    {N_("What needs attention"), 60, 12, 2, 0, 0, 1},
};

static void what(const struct today *td, int row, char *buf, size_t n)
{
	static const char *const short_what[T_COUNT] = {
	    N_("Expiring"),   N_("Expired"),  N_("Held"),     N_("No COA"),
	    N_("Exceptions"), N_("Negative"), N_("Rejected"),
	};
	if (td->narrow) {
		snprintf(buf, n, "%s", _(short_what[row]));
		return;
	}
	switch (row) {
	case T_EXPIRING:
		snprintf(buf, n,
		         ngettext("Expiring within %lld day", "Expiring within %lld days",
		                  (unsigned long)td->warn_days),
		         (long long)td->warn_days);
		break;
	case T_EXPIRED:
		snprintf(buf, n, "%s", _("Expired, still in stock"));
		break;
	case T_HELD:
		snprintf(buf, n, "%s", _("On hold or in quarantine"));
		break;
	case T_COA:
		snprintf(buf, n, "%s", _("COA missing"));
		break;
	case T_EXCEPTIONS:
		snprintf(buf, n, "%s", _("Exceptions to resolve"));
		break;
	case T_REJECTED:
		snprintf(buf, n, "%s", _("Documents rejected"));
		break;
	default:
		snprintf(buf, n, "%s", _("Negative balances"));
	}
}

static int today_count(void *ctx)
{
	return T_COUNT;
}

static const char *today_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct today *td = ctx;
	int i = *(const int *)row;
	if (col == 0) {
		if (td->count[i] < 0)
			snprintf(buf, n, "?");
		else
			snprintf(buf, n, "%lld%s", (long long)td->count[i], td->more[i] ? "+" : "");
	} else {
		what(td, i, buf, n);
	}
	return buf;
}

static enum style today_mark(void *ctx, const void *row, char *marker)
{
	struct today *td = ctx;
	int i = *(const int *)row;
	static const char marks[T_COUNT] = {'*', '!', 'H', 'C', 'E', '-', 'R'};
	*marker = td->count[i] > 0 ? marks[i] : ' ';
	if (td->count[i] <= 0)
		return ST_NORMAL;
	return i == T_EXPIRING ? ST_EXPIRING : i == T_HELD ? ST_HELD : ST_EXPIRED;
}

static const struct table_src today_src = {
    .row_size = sizeof(int),
    .count = today_count,
    .cell = today_cell,
    .mark = today_mark,
};

static void count_all(struct ui *ui, struct today *td)
{
	for (int i = 0; i < T_COUNT; i++) {
		struct ledger_totals tot;
		if (i == T_EXCEPTIONS) {
			td->count[i] = db_exception_open_count(ui->s.store);
			td->more[i] = 0;
			continue;
		}
		if (i == T_REJECTED) {
			td->count[i] = db_documents_count(ui->s.store, "rejected");
			td->more[i] = 0;
			continue;
		}
		if (db_ledger_totals(ui->s.store, &td->q[i], TODAY_COUNT_LIMIT, &tot)) {
			ui_error(ui, NULL);
			td->count[i] = -1;
			continue;
		}
		td->count[i] = tot.lots;
		td->more[i] = tot.more;
	}
}

static void *today_open(struct ui *ui, const void *arg)
{
	struct today *td = xcalloc(1, sizeof(*td));
	td->ui = ui;
	td->warn_days = setting_int(&ui->s, SETTING_EXPIRY_WARNING_DAYS);
	date_format(clock_today(), td->today);
	date_format(clock_today() + td->warn_days, td->until);
	for (int i = 0; i < T_COUNT; i++)
		td->q[i].sort = LS_EXPIRY;
	td->q[T_EXPIRING].f.expires_from = td->today;
	td->q[T_EXPIRING].f.expires_by = td->until;
	td->q[T_EXPIRED].f.expired_before = td->today;
	td->q[T_HELD].held = 1;
	td->q[T_COA].f.coa = "missing";
	td->q[T_EXCEPTIONS].exceptions = 1;
	td->q[T_NEGATIVE].negative = 1;
	count_all(ui, td);
	table_init(&td->t, ui, today_cols, (int)ARRAY_SIZE(today_cols), &today_src, td);
	return td;
}

static void today_close(struct ui *ui, void *st)
{
	struct today *td = st;
	table_free(&td->t);
	free(td);
}

static void today_resume(struct ui *ui, void *st)
{
	count_all(ui, st);
}

static void today_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct today *td = st;
	td->narrow = r->w < 40;
	table_draw(&td->t, r);
}

static enum result today_action(struct ui *ui, void *st, int action)
{
	struct today *td = st;
	if (action == ACT_OPEN) {
		const int *i = table_selected(&td->t);
		if (!i)
			return RES_HANDLED;
		if (*i == T_REJECTED) {
			struct documents_open_arg arg = {"rejected"};
			ui_push(ui, SCREEN_DOCUMENTS, &arg);
			return RES_HANDLED;
		}
		char title[128];
		what(td, *i, title, sizeof(title));
		struct ledger_open_arg arg = {&td->q[*i], title};
		ui_push(ui, SCREEN_LEDGER, &arg);
		return RES_HANDLED;
	}
	return table_action(&td->t, action);
}

const struct screen_ops screen_today_ops = {
    .name = "today",
    .id = SCREEN_TODAY,
    .open = today_open,
    .close = today_close,
    .resume = today_resume,
    .draw = today_draw,
    .action = today_action,
};
