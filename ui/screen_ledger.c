/* The Ledger screen: one row per lot, paged from the store (keyset pagination,
 * so a million lots scroll like a hundred), sorted by any column, searched as
 * you type (item, lot or supplier lot), filtered by location, category, item,
 * status, COA status and expiry, with a count and the totals per unit of what
 * is shown. Expired, expiring and held lots are marked (! * H Q) so they stand
 * out without colour. Export writes what is shown as 'lotline ledger --format
 * csv' does. */
#include "db/ledger_page.h"
#include "db/lots.h"
#include "db/master.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/ledger.h"
#include "src/ledger_view.h"
#include "src/output.h"
#include "src/scan.h"
#include "src/settings.h"
#include "src/textwidth.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Counts stop here and show as "1000+ lots". */
#define COUNT_LIMIT  1000
#define EXPORT_BATCH 256
/* A query slower than this reads ahead (a sort or filter no index serves: each
 * page would cost a scan of the table, so one scan serves many pages). */
#define SLOW_US    30000
#define READ_AHEAD 512

/* Rows read ahead: those following the lot from_id in direction dir. */
struct read_ahead {
	struct lot *rows;
	int n, dir, end, valid;
	int64_t from_id;
};

struct ledger {
	struct ui *ui;
	struct ledger_query q;
	/* the strings the query points at */
	char location[CODE_MAX + 1], category[CODE_MAX + 1], item[CODE_MAX + 1];
	char status[16], coa[16], expiry[16];
	char from[11], to[11], before[11];
	char search[LOT_MAX + 1];
	int search_cur, searching;
	char what[128]; /* the list Today opened, shown in the title */
	int64_t today, warn_until;
	struct table t;
	struct table_col cols[LEDGER_TABLE_COLS];
	struct ledger_totals tot;
	int tot_valid, tot_from_rows;
	int slow; /* this query was slow: read ahead */
	struct read_ahead ra;
	/* the cells of the last row asked for */
	const struct lot *cell_row;
	int64_t cell_id;
	struct ledger_cells cells;
};

/* Widths and priorities of the ten columns; the titles are the command line's.
 * Reserved drops before COA and location: it is empty for most lots, and what
 * orders hold shows on the lot and the order. */
static const struct {
	int width, min, prio, right, middle;
} col_fit[LEDGER_TABLE_COLS] = {
    {9, 6, 3, 0, 0},    /* Item */
    {16, 12, 1, 0, 1},  /* Lot */
    {8, 5, 2, 1, 0},    /* Qty */
    {4, 3, 5, 0, 0},    /* Unit */
    {8, 5, 9, 1, 0},    /* Reserved */
    {10, 10, 4, 0, 0},  /* Expiry */
    {8, 4, 7, 0, 0},    /* Location */
    {8, 4, 8, 0, 0},    /* COA */
    {18, 10, 10, 0, 0}, /* Last movement */
    {10, 5, 6, 0, 0},   /* Status */
};

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Serve a page from the rows read ahead when they hold it. */
static int from_read_ahead(struct ledger *lg, const struct lot *from, int dir, struct lot *out,
                           int n)
{
	struct read_ahead *ra = &lg->ra;
	int start = -1;
	if (!ra->valid || ra->dir != dir)
		return -1;
	if (from ? from->id == ra->from_id : ra->from_id == 0)
		start = 0;
	for (int i = 0; start < 0 && from && i < ra->n; i++)
		if (ra->rows[i].id == from->id)
			start = i + 1;
	if (start < 0 || (start + n > ra->n && !ra->end))
		return -1;
	int k = ra->n - start < n ? ra->n - start : n;
	memcpy(out, ra->rows + start, (size_t)k * sizeof(*out));
	return k;
}

static int ledger_fetch(void *ctx, const void *from, int incl, int dir, void *out, int n)
{
	struct ledger *lg = ctx;
	struct store *st = lg->ui->s.store;
	int got;
	if (!incl && lg->slow && (got = from_read_ahead(lg, from, dir, out, n)) >= 0)
		return got;
	if (!incl && lg->slow && n < READ_AHEAD) {
		struct read_ahead *ra = &lg->ra;
		if (!ra->rows)
			ra->rows = xcalloc(READ_AHEAD, sizeof(*ra->rows));
		got = db_ledger_page(st, &lg->q, from, 0, dir, ra->rows, READ_AHEAD);
		ra->valid = got >= 0;
		if (got < 0)
			return got;
		ra->n = got;
		ra->dir = dir;
		ra->end = got < READ_AHEAD;
		ra->from_id = from ? ((const struct lot *)from)->id : 0;
		int k = got < n ? got : n;
		memcpy(out, ra->rows, (size_t)k * sizeof(struct lot));
		return k;
	}
	int64_t t0 = now_us();
	got = db_ledger_page(st, &lg->q, from, incl, dir, out, n);
	if (now_us() - t0 > SLOW_US)
		lg->slow = 1;
	return got;
}

static const char *ledger_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct ledger *lg = ctx;
	const struct lot *l = row;
	if (lg->cell_row != l || lg->cell_id != l->id) {
		ledger_cells_fill(l, &lg->cells);
		lg->cell_row = l;
		lg->cell_id = l->id;
	}
	return lg->cells.table[col];
}

/* Expired first, then held, then expiring: the marker that matters most. */
static enum style ledger_mark(void *ctx, const void *row, char *marker)
{
	struct ledger *lg = ctx;
	const struct lot *l = row;
	int64_t exp = 0;
	int has_exp = l->expiry[0] && date_parse(l->expiry, &exp) == OK;
	*marker = ' ';
	if (l->qty < 0) {
		*marker = '-';
		return ST_EXPIRED;
	}
	if (has_exp && exp < lg->today && lot_status_open(l->status)) {
		*marker = '!';
		return ST_EXPIRED;
	}
	if (!strcmp(l->status, "hold") || !strcmp(l->status, "quarantine")) {
		*marker = l->status[0] == 'h' ? 'H' : 'Q';
		return ST_HELD;
	}
	if (has_exp && exp <= lg->warn_until && lot_status_open(l->status)) {
		*marker = '*';
		return ST_EXPIRING;
	}
	return ST_NORMAL;
}

static const struct table_src ledger_src = {
    .row_size = sizeof(struct lot),
    .fetch = ledger_fetch,
    .cell = ledger_cell,
    .mark = ledger_mark,
};

static void requery(struct ledger *lg)
{
	lg->q.f.text = lg->search[0] ? lg->search : NULL;
	lg->t.sort_col = ledger_sort_table_col((int)lg->q.sort);
	lg->t.sort_desc = lg->q.desc;
	table_reset(&lg->t);
	lg->tot_valid = 0;
	lg->tot_from_rows = 1;
	lg->cell_row = NULL;
	lg->slow = 0;
	lg->ra.valid = 0;
}

static void copy_filter(struct ledger *lg, const struct ledger_query *q)
{
	const struct ledger_filter *f = &q->f;
	lg->q = *q;
	memset(&lg->q.f, 0, sizeof(lg->q.f));
#define COPY(field, buf)                                                                           \
	if (f->field) {                                                                            \
		strlcpy_(lg->buf, f->field, sizeof(lg->buf));                                      \
		lg->q.f.field = lg->buf;                                                           \
	}
	COPY(location, location)
	COPY(category, category)
	COPY(item, item)
	COPY(status, status)
	COPY(coa, coa)
	COPY(expires_from, from)
	COPY(expires_by, to)
	COPY(expired_before, before)
#undef COPY
	lg->q.f.include_empty = f->include_empty;
	if (f->text)
		strlcpy_(lg->search, f->text, sizeof(lg->search));
}

static void *ledger_open(struct ui *ui, const void *arg)
{
	const struct ledger_open_arg *a = arg;
	struct ledger *lg = xcalloc(1, sizeof(*lg));
	lg->ui = ui;
	lg->today = clock_today();
	lg->warn_until = lg->today + setting_int(&ui->s, SETTING_EXPIRY_WARNING_DAYS);
	lg->q.sort = LS_EXPIRY;
	if (a && a->q)
		copy_filter(lg, a->q);
	if (a && a->what)
		strlcpy_(lg->what, a->what, sizeof(lg->what));
	for (int i = 0; i < LEDGER_TABLE_COLS; i++)
		lg->cols[i] = (struct table_col){ledger_table_cols[i].title,
		                                 col_fit[i].width,
		                                 col_fit[i].min,
		                                 col_fit[i].prio,
		                                 col_fit[i].right,
		                                 col_fit[i].middle,
		                                 0};
	table_init(&lg->t, ui, lg->cols, LEDGER_TABLE_COLS, &ledger_src, lg);
	lg->t.empty = _("No lots to show");
	requery(lg);
	return lg;
}

static void ledger_close(struct ui *ui, void *st)
{
	struct ledger *lg = st;
	table_free(&lg->t);
	free(lg->ra.rows);
	free(lg);
}

/* Back from a lot: balances and statuses may have changed. */
static void ledger_resume(struct ui *ui, void *st)
{
	struct ledger *lg = st;
	lg->cell_row = NULL;
	lg->ra.valid = 0;
	table_refresh(&lg->t);
	lg->tot_valid = 0;
	lg->tot_from_rows = 0;
}

static const char *ledger_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct ledger *lg = st;
	if (lg->what[0])
		/* L10N: the Ledger's title when Today opened it: "Ledger: COA missing" */
		snprintf(buf, n, _("Ledger: %s"), lg->what);
	else
		snprintf(buf, n, "%s", screen_title(SCREEN_LEDGER));
	return buf;
}

/* "location DRY, status hold, expiring by 2026-11-30" */
static void filter_text(struct ledger *lg, char *buf, size_t n)
{
	const struct ledger_filter *f = &lg->q.f;
	struct strbuf sb = STRBUF_INIT;
#define ADD(label, v)                                                                              \
	if (v)                                                                                     \
		sb_printf(&sb, "%s%s %s", sb.len ? ", " : "", label, v);
	ADD(_("location"), f->location)
	ADD(_("category"), f->category)
	ADD(_("item"), f->item)
	ADD(_("status"), f->status)
	ADD(_("COA"), f->coa)
	ADD(_("expires by"), f->expires_by)
	ADD(_("expired before"), f->expired_before)
#undef ADD
	if (lg->q.held)
		sb_printf(&sb, "%s%s", sb.len ? ", " : "", _("on hold or in quarantine"));
	if (lg->q.negative)
		sb_printf(&sb, "%s%s", sb.len ? ", " : "", _("below zero"));
	if (lg->q.exceptions)
		sb_printf(&sb, "%s%s", sb.len ? ", " : "", _("open exceptions"));
	snprintf(buf, n, "%s", sb_str(&sb));
	sb_free(&sb);
}

static void totals_from_rows(struct ledger *lg)
{
	const struct lot *rows = (const struct lot *)(const void *)lg->t.rows;
	memset(&lg->tot, 0, sizeof(lg->tot));
	for (int i = 0; i < lg->t.n; i++) {
		int u = 0;
		while (u < lg->tot.nunits && strcmp(lg->tot.units[u].unit, rows[i].unit))
			u++;
		if (u == lg->tot.nunits) {
			if (u == LEDGER_TOTAL_UNITS)
				continue;
			strlcpy_(lg->tot.units[u].unit, rows[i].unit,
			         sizeof(lg->tot.units[u].unit));
			lg->tot.nunits++;
		}
		lg->tot.units[u].lots++;
		lg->tot.units[u].qty += rows[i].qty;
		lg->tot.lots++;
	}
}

/* "101 lots: 2100 kg, 300 l, 9000 each", or "1000+ lots" */
static void count_text(struct ledger *lg, char *buf, size_t n)
{
	if (!lg->tot_valid) {
		/* a first page that is not full is everything: no second query */
		if (lg->tot_from_rows && lg->t.n < table_page_rows(&lg->t))
			totals_from_rows(lg);
		else if (db_ledger_totals(lg->ui->s.store, &lg->q, COUNT_LIMIT, &lg->tot))
			ui_error(lg->ui, NULL);
		lg->tot_valid = 1;
	}
	const struct ledger_totals *t = &lg->tot;
	if (t->more) {
		snprintf(buf, n, _("%lld+ lots"), (long long)t->lots);
		return;
	}
	size_t len = (size_t)snprintf(
	    buf, n, ngettext("%lld lot", "%lld lots", (unsigned long)t->lots), (long long)t->lots);
	for (int i = 0; i < t->nunits && len < n; i++) {
		char q[FIXED_BUFSZ];
		len += (size_t)snprintf(buf + len, n - len, "%s%s %s", i ? ", " : ": ",
		                        fixed_format(t->units[i].qty, 0, q), t->units[i].unit);
	}
}

static void ledger_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct ledger *lg = st;
	struct rect tr = *r;
	char line[512], filt[400];
	filter_text(lg, filt, sizeof(filt));
	/* the search line while typing, or what filters the list */
	if (lg->searching || lg->search[0] || filt[0]) {
		int x = r->x;
		if (lg->searching || lg->search[0]) {
			const char *label = _("Search: ");
			x += term_text(r->y, x, r->w, label, ST_HEADER);
			int w = r->w - (x - r->x);
			int used = term_text(r->y, x, w, lg->search,
			                     lg->searching ? ST_FIELD_FOCUS : ST_NORMAL);
			if (lg->searching) {
				char before[LOT_MAX + 1];
				memcpy(before, lg->search, (size_t)lg->search_cur);
				before[lg->search_cur] = '\0';
				ui->cursor_y = r->y;
				ui->cursor_x = x + text_width(before);
				if (ui->cursor_x >= r->x + r->w)
					ui->cursor_x = r->x + r->w - 1;
			}
			x += used + 2;
		}
		if (filt[0] && x < r->x + r->w) {
			snprintf(line, sizeof(line), _("Filter: %s"), filt);
			term_text(r->y, x, r->x + r->w - x, line, ST_NORMAL);
		}
		tr.y++;
		tr.h--;
	}
	tr.h--;
	table_draw(&lg->t, &tr);
	count_text(lg, line, sizeof(line));
	/* the text only: blanks after it cost the terminal nothing */
	term_text(tr.y + tr.h, r->x, r->w, line, ST_HEADER);
}

/* ---- the filter form ---- */

static int add_location(void *ctx, const struct location *l)
{
	form_add_choice(ctx, l->code);
	return 0;
}

struct item_choices {
	struct form_field *items, *categories;
};

static int add_item(void *ctx, const struct item *it)
{
	struct item_choices *c = ctx;
	form_add_choice(c->items, it->code);
	if (!it->category[0])
		return 0;
	for (int i = 0; i < c->categories->nchoices; i++)
		if (!strcmp(c->categories->choices[i], it->category))
			return 0;
	form_add_choice(c->categories, it->category);
	return 0;
}

static int filter_submit(struct ui *ui, struct form *fm)
{
	struct ledger *lg = fm->ctx;
	struct ledger_filter f;
	const char *exp = form_get(fm, "expiry");
	memset(&f, 0, sizeof(f));
	f.location = form_get(fm, "location");
	f.category = form_get(fm, "category");
	f.item = form_get(fm, "item");
	f.status = form_get(fm, "status");
	f.coa = form_get(fm, "coa");
	int rc = ledger_filter_check(&ui->s, &f);
	if (rc)
		return rc;
	long days = -1;
	if (exp && strcmp(exp, "expired")) {
		char *end;
		days = strtol(exp, &end, 10);
		if (*end || days < 0 || days > 36500)
			return error_set(ERR_INVALID,
			                 _("expiry: 'expired' or a number of days, not '%s'"), exp);
	}
	struct ledger_query q = lg->q;
	q.f = f;
	q.held = q.negative = q.exceptions = 0;
	if (exp && days < 0) {
		date_format(lg->today, lg->before);
		q.f.expired_before = lg->before;
	} else if (exp) {
		date_format(lg->today, lg->from);
		date_format(lg->today + days, lg->to);
		q.f.expires_from = lg->from;
		q.f.expires_by = lg->to;
	}
	char search[LOT_MAX + 1];
	strlcpy_(search, lg->search, sizeof(search));
	copy_filter(lg, &q);
	strlcpy_(lg->search, search, sizeof(lg->search));
	if (exp)
		strlcpy_(lg->expiry, exp, sizeof(lg->expiry));
	else
		lg->expiry[0] = '\0';
	lg->what[0] = '\0';
	requery(lg);
	return OK;
}

static void open_filter(struct ui *ui, struct ledger *lg)
{
	struct form *fm = form_new(_("Filter the ledger"));
	struct item_choices ic;
	fm->ctx = lg;
	fm->submit = filter_submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s", _("Empty fields do not filter."));
	struct form_field *f = form_add(fm, "location", _("Location"), FIELD_CHOICE, 0);
	db_location_each(ui->s.store, add_location, f);
	ic.categories = form_add(fm, "category", _("Category"), FIELD_CHOICE, 0);
	ic.items = form_add(fm, "item", _("Item"), FIELD_CHOICE, 0);
	db_item_each(ui->s.store, add_item, &ic);
	f = form_add(fm, "status", _("Status"), FIELD_CHOICE, 0);
	form_add_choices(f, "available|hold|quarantine|consumed|shipped|scrapped|returned");
	f = form_add(fm, "coa", _("COA"), FIELD_CHOICE, 0);
	form_add_choices(f, "missing|uploaded|reviewed|linked");
	f = form_add(fm, "expiry", _("Expiry"), FIELD_CHOICE, 0);
	f->strict = 0;
	f->svc_key = N_("expiry");
	f->hint = _("expired, or within DAYS");
	form_add_choices(f, "expired|7|30|90");
	form_set(fm, "location", lg->q.f.location);
	form_set(fm, "category", lg->q.f.category);
	form_set(fm, "item", lg->q.f.item);
	form_set(fm, "status", lg->q.f.status);
	form_set(fm, "coa", lg->q.f.coa);
	form_set(fm, "expiry", lg->expiry);
	ui_push_form(ui, fm);
}

/* ---- export ---- */

static int export_submit(struct ui *ui, struct form *fm)
{
	struct ledger *lg = fm->ctx;
	const char *path = form_get(fm, "file");
	FILE *fp = fopen(path, "w");
	if (!fp)
		return error_set(ERR_IO, _("file: cannot write %s: %s"), path, strerror(errno));
	struct out o;
	struct lot *batch = xcalloc(EXPORT_BATCH, sizeof(*batch));
	struct ledger_cells c;
	int got, rc = OK;
	const struct lot *from = NULL;
	out_begin(&o, fp, OUT_CSV, ledger_machine_cols, LEDGER_MACHINE_COLS);
	/* page by page, as the screen does: never the whole ledger in memory */
	while ((got = db_ledger_page(ui->s.store, &lg->q, from, 0, 1, batch, EXPORT_BATCH)) > 0) {
		for (int i = 0; i < got; i++) {
			ledger_cells_fill(&batch[i], &c);
			out_row(&o, c.v);
		}
		batch[0] = batch[got - 1];
		from = &batch[0];
		if (got < EXPORT_BATCH)
			break;
	}
	if (got < 0)
		rc = ERR_DB;
	out_end(&o);
	if (fclose(fp) != 0 && rc == OK)
		rc = error_set(ERR_IO, _("file: cannot write %s: %s"), path, strerror(errno));
	free(batch);
	if (rc == OK)
		ui_info(
		    ui,
		    ngettext("Wrote %ld lot to %s", "Wrote %ld lots to %s", (unsigned long)o.rows),
		    o.rows, path);
	return rc;
}

static void open_export(struct ui *ui, struct ledger *lg)
{
	struct form *fm = form_new(_("Export the ledger"));
	fm->ctx = lg;
	fm->submit = export_submit;
	snprintf(
	    fm->intro, sizeof(fm->intro), "%s",
	    _("The lots shown, in order, as CSV (the columns of 'lotline ledger --format csv')."));
	struct form_field *f = form_add(fm, "file", _("File"), FIELD_TEXT, 1);
	f->svc_key = N_("file");
	form_set(fm, "file", "ledger.csv");
	ui_push_form(ui, fm);
}

/* ---- actions ---- */

static void stop_search(struct ledger *lg, int clear)
{
	lg->searching = 0;
	if (clear && lg->search[0]) {
		lg->search[0] = '\0';
		lg->search_cur = 0;
		requery(lg);
	}
}

static enum result ledger_action(struct ui *ui, void *st, int action)
{
	struct ledger *lg = st;
	if (lg->searching && (action == ACT_OPEN || action == ACT_BACK)) {
		stop_search(lg, action == ACT_BACK);
		return RES_HANDLED;
	}
	switch (action) {
	case ACT_OPEN: {
		const struct lot *l = table_selected(&lg->t);
		if (l) {
			struct lot_open_arg arg = {l->code};
			ui_push(ui, SCREEN_LOT, &arg);
		}
		return RES_HANDLED;
	}
	case ACT_LEDGER_SEARCH:
		lg->searching = 1;
		lg->search_cur = (int)strlen(lg->search);
		return RES_HANDLED;
	case ACT_LEDGER_FILTER:
		stop_search(lg, 0);
		open_filter(ui, lg);
		return RES_HANDLED;
	case ACT_LEDGER_CLEAR:
		memset(&lg->q.f, 0, sizeof(lg->q.f));
		lg->q.held = lg->q.negative = lg->q.exceptions = 0;
		lg->search[0] = lg->expiry[0] = lg->what[0] = '\0';
		lg->searching = lg->search_cur = 0;
		requery(lg);
		return RES_HANDLED;
	case ACT_LEDGER_SORT:
	case ACT_LEDGER_SORT_PREV:
		lg->q.sort = (enum ledger_sort)(
		    ((int)lg->q.sort + (action == ACT_LEDGER_SORT ? 1 : LS_COUNT - 1)) % LS_COUNT);
		lg->q.desc = 0;
		requery(lg);
		ui_info(ui, _("Sorted by %s"),
		        _(ledger_table_cols[ledger_sort_table_col((int)lg->q.sort)].title));
		return RES_HANDLED;
	case ACT_LEDGER_SORT_REVERSE:
		lg->q.desc = !lg->q.desc;
		requery(lg);
		return RES_HANDLED;
	case ACT_LEDGER_EXPORT:
		stop_search(lg, 0);
		open_export(ui, lg);
		return RES_HANDLED;
	}
	return table_action(&lg->t, action);
}

/* While searching, typing edits the search and the list follows each key; a
 * character no binding takes starts the search (type to filter). */
static enum result ledger_key(struct ui *ui, void *st, int key)
{
	struct ledger *lg = st;
	if (!lg->searching && LK_IS_CHAR(key)) {
		lg->searching = 1;
		lg->search[0] = '\0';
		lg->search_cur = 0;
	}
	if (!lg->searching)
		return RES_NOT_MINE;
	char before[LOT_MAX + 1];
	strlcpy_(before, lg->search, sizeof(before));
	if (!edit_key(lg->search, sizeof(lg->search), &lg->search_cur, key))
		return RES_NOT_MINE;
	if (strcmp(before, lg->search))
		requery(lg);
	return RES_HANDLED;
}

static int ledger_typing(void *st)
{
	struct ledger *lg = st;
	return lg->searching;
}

/* A lot's code opens it; an item's or a location's shows its lots; anything
 * else is refused, naming what was scanned. */
static enum result ledger_scan(struct ui *ui, void *st, const char *code)
{
	struct ledger *lg = st;
	struct scan_hit hit;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind == SCAN_LOT) {
		struct lot_open_arg arg = {hit.code};
		ui_push(ui, SCREEN_LOT, &arg);
	} else if (hit.kind == SCAN_ITEM) {
		strlcpy_(lg->item, hit.code, sizeof(lg->item));
		lg->q.f.item = lg->item;
		requery(lg);
		ui_info(ui, _("Scanned item %s: its lots"), hit.code);
	} else {
		strlcpy_(lg->location, hit.code, sizeof(lg->location));
		lg->q.f.location = lg->location;
		requery(lg);
		ui_info(ui, _("Scanned location %s: the lots there"), hit.code);
	}
	return RES_HANDLED;
}

const struct screen_ops screen_ledger_ops = {
    .name = "ledger",
    .id = SCREEN_LEDGER,
    .open = ledger_open,
    .close = ledger_close,
    .resume = ledger_resume,
    .title = ledger_title,
    .draw = ledger_draw,
    .action = ledger_action,
    .on_key = ledger_key,
    .on_scan = ledger_scan,
    .typing = ledger_typing,
};
