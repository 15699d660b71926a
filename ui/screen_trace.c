/* The Traceability screen: a tree from one lot, forward (every lot made from
 * it, every shipment and customer) or backward (every input down to supplier
 * lots and suppliers), opened level by level. Each level is one query of the
 * trace service (trace_children), read only when it is opened, so a lot used
 * almost everywhere shows its first level at once; the lines shown are paged by
 * the table widget. Enter opens the lot of the selected line; a recall of it is
 * one key away. */
#include "db/lots.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/scan.h"
#include "src/textwidth.h"
#include "src/trace.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "One level further" opens at most this many lots at once: a level of a lot
 * used almost everywhere can hold thousands, each one query. */
#define LEVEL_OPEN_MAX 200

struct node {
	struct trace_row r;
	int parent; /* node index; -1 for the root */
	int level;
	int loaded, expanded;
	int child0, nchild; /* children are contiguous in the node array */
	int gen;            /* the status was read in this generation of the screen */
};

struct trace_screen {
	struct ui *ui;
	int backward;
	int has_root;
	struct node *nodes;
	int nn, capn;
	int *vis; /* node indexes in the order shown */
	int nvis, capv;
	int gen; /* grows when the store may have changed (another screen, sync) */
	struct table t;
};

/* The tree's column comes first and keeps room for a few levels (a level-3
 * shipment, "to CUSTOMER", still whole at 80 columns); at 20 columns it takes
 * what there is beside the quantity. */
static const struct table_col trace_cols[] = {
    {N_("Lot / where"), 34, 26, 1, 0, 1, 1}, {N_("Item"), 10, 6, 3, 0, 0, 0},
    {N_("Qty"), 9, 7, 2, 1, 0, 0},           {N_("Unit"), 4, 3, 4, 0, 0, 0},
    {N_("Date"), 10, 10, 5, 0, 0, 0},        {N_("Supplier/customer"), 16, 8, 6, 0, 0, 0},
    {N_("Ref"), 12, 6, 7, 0, 0, 0},          {N_("Run"), 16, 8, 8, 0, 0, 0},
};
static const struct table_col trace_cols_compact[] = {
    {N_("Lot / where"), 34, 12, 1, 0, 1, 1}, {N_("Item"), 10, 6, 3, 0, 0, 0},
    {N_("Qty"), 9, 5, 2, 1, 0, 0},           {N_("Unit"), 4, 3, 4, 0, 0, 0},
    {N_("Date"), 10, 10, 5, 0, 0, 0},        {N_("Supplier/customer"), 16, 8, 6, 0, 0, 0},
    {N_("Ref"), 12, 6, 7, 0, 0, 0},          {N_("Run"), 16, 8, 8, 0, 0, 0},
};

/* Lot lines open further; supplier, customer and return lines end a branch. */
static int is_lot(const struct node *n)
{
	return !strcmp(n->r.kind, "lot") || !strcmp(n->r.kind, "output") ||
	       !strcmp(n->r.kind, "input");
}

static int add_node(struct trace_screen *ts, const struct trace_row *r, int parent)
{
	GROW(ts->nodes, ts->nn, ts->capn, 64);
	struct node *n = &ts->nodes[ts->nn];
	memset(n, 0, sizeof(*n));
	n->r = *r;
	n->parent = parent;
	n->level = parent < 0 ? 0 : ts->nodes[parent].level + 1;
	n->gen = ts->gen;
	return ts->nn++;
}

struct child_ctx {
	struct trace_screen *ts;
	int parent;
};

static int child_row(void *ctx, const struct trace_row *r)
{
	struct child_ctx *c = ctx;
	add_node(c->ts, r, c->parent);
	return 0;
}

/* Read a lot's next level once; 0, or the service's status (message stored). */
static int load(struct trace_screen *ts, int i)
{
	if (ts->nodes[i].loaded)
		return OK;
	struct child_ctx c = {ts, i};
	int first = ts->nn;
	int rc = trace_children(&ts->ui->s, ts->nodes[i].r.lot_id, ts->backward, child_row, &c);
	if (rc) {
		ts->nn = first;
		return rc;
	}
	ts->nodes[i].loaded = 1;
	ts->nodes[i].child0 = first;
	ts->nodes[i].nchild = ts->nn - first;
	return OK;
}

static void vis_add(struct trace_screen *ts, int i)
{
	GROW(ts->vis, ts->nvis, ts->capv, 64);
	ts->vis[ts->nvis++] = i;
}

/* The lines shown: the open lots' children under them, depth first. An explicit
 * stack, since a tree may be a hundred levels deep. */
static void rebuild(struct trace_screen *ts)
{
	ts->nvis = 0;
	if (!ts->has_root)
		return;
	int *stack = xcalloc((size_t)ts->nn + 1, sizeof(*stack));
	int sp = 0;
	stack[sp++] = 0;
	while (sp) {
		int i = stack[--sp];
		const struct node *n = &ts->nodes[i];
		vis_add(ts, i);
		if (n->expanded)
			for (int k = n->nchild - 1; k >= 0; k--)
				stack[sp++] = n->child0 + k;
	}
	free(stack);
}

static int vis_pos(const struct trace_screen *ts, int node)
{
	for (int p = 0; p < ts->nvis; p++)
		if (ts->vis[p] == node)
			return p;
	return -1;
}

static int selected_node(const struct trace_screen *ts)
{
	const int *p = table_selected(&ts->t);
	return p && *p < ts->nvis ? ts->vis[*p] : -1;
}

/* Show the lines again after a change, keeping the first line shown where it was
 * and selecting node. */
static void reshow(struct trace_screen *ts, int node)
{
	int top = -1;
	const int *rows = (const int *)(const void *)ts->t.rows;
	if (ts->t.n > 0 && !ts->t.stale && rows[0] < ts->nvis)
		top = ts->vis[rows[0]];
	rebuild(ts);
	table_reset(&ts->t);
	int tp = top >= 0 ? vis_pos(ts, top) : -1;
	if (tp > 0 && ts->t.cap > 0)
		table_select_index(&ts->t, tp);
	int p = vis_pos(ts, node);
	table_select_index(&ts->t, p >= 0 ? p : 0);
}

/* Start again from a lot, in the current direction, its first level open. */
static int set_root(struct trace_screen *ts, const char *code)
{
	struct trace_row r;
	int rc = trace_root(&ts->ui->s, code, ts->backward, &r);
	if (rc)
		return rc;
	ts->nn = 0;
	ts->has_root = 1;
	add_node(ts, &r, -1);
	if ((rc = load(ts, 0)) == OK)
		ts->nodes[0].expanded = 1;
	ts->t.want = -1;
	reshow(ts, 0);
	return rc;
}

static int trace_count(void *ctx)
{
	struct trace_screen *ts = ctx;
	return ts->nvis;
}

/* The first column: indentation, + (opens) or - (open), and what the line is. */
static void tree_cell(struct trace_screen *ts, const struct node *n, char *buf, size_t size)
{
	int per = ts->ui->compact ? 1 : 2;
	int indent = n->level * per, at = 0;
	char mark = ' ';
	if (is_lot(n) && (n->r.more || n->parent < 0))
		mark = n->expanded ? '-' : '+';
	if (n->expanded && n->nchild == 0)
		mark = ' ';
	for (; at < indent && at < (int)size - 3; at++)
		buf[at] = ' ';
	buf[at++] = mark;
	if (!ts->ui->compact)
		buf[at++] = ' ';
	buf[at] = '\0';
	const char *k = n->r.kind;
	if (ts->ui->compact && !is_lot(n)) {
		/* 20 columns: a sign instead of words, or the code would be cut */
		char sign = !strcmp(k, "customer") ? '>' : !strcmp(k, "return") ? '<' : '^';
		snprintf(buf + at, size - (size_t)at, "%c%s", sign, n->r.party);
	} else if (!strcmp(k, "customer"))
		/* L10N: a trace line: the lot was shipped to this customer */
		snprintf(buf + at, size - (size_t)at, _("to %s"), n->r.party);
	else if (!strcmp(k, "return"))
		/* L10N: a trace line: some of the lot came back from this customer (short: the
		 * tree is narrow) */
		snprintf(buf + at, size - (size_t)at, _("back: %s"), n->r.party);
	else if (!strcmp(k, "supplier"))
		/* L10N: a trace line: the lot was bought from this supplier */
		snprintf(buf + at, size - (size_t)at, _("from %s"), n->r.party);
	else
		snprintf(buf + at, size - (size_t)at, "%s", n->r.lot);
}

static const char *trace_cell(void *ctx, const void *row, int col, char *buf, size_t size)
{
	struct trace_screen *ts = ctx;
	int p = *(const int *)row;
	if (p >= ts->nvis)
		return "";
	const struct node *n = &ts->nodes[ts->vis[p]];
	char q[FIXED_BUFSZ];
	switch (col) {
	case 0:
		tree_cell(ts, n, buf, size);
		return buf;
	case 1:
		return n->r.item;
	case 2:
		snprintf(buf, size, "%s", fixed_format(n->r.qty, 0, q));
		return buf;
	case 3:
		return n->r.unit;
	case 4:
		return n->r.date;
	case 5:
		if (!n->r.party[0])
			return "";
		snprintf(buf, size, "%s %s", n->r.party, n->r.party_name);
		return buf;
	case 6:
		return n->r.ref;
	default:
		return n->r.run;
	}
}

/* Held (H) and quarantined (Q) lots stand out, as in the Ledger: a recall's
 * holds show in its trace; so does where a lot left the building. */
static enum style trace_mark(void *ctx, const void *row, char *marker)
{
	struct trace_screen *ts = ctx;
	int p = *(const int *)row;
	*marker = ' ';
	if (p >= ts->nvis)
		return ST_NORMAL;
	struct node *n = &ts->nodes[ts->vis[p]];
	const struct trace_row *r = &n->r;
	if (n->gen != ts->gen && is_lot(n)) {
		/* a hold or a recall since it was read: only lines shown are read again */
		struct lot l;
		if (db_lot_get_by_id(ts->ui->s.store, r->lot_id, &l) == OK)
			strlcpy_(n->r.status, l.status, sizeof(n->r.status));
		n->gen = ts->gen;
	}
	if (!strcmp(r->status, "hold") || !strcmp(r->status, "quarantine")) {
		*marker = r->status[0] == 'h' ? 'H' : 'Q';
		return ST_HELD;
	}
	return !strcmp(r->kind, "customer") || !strcmp(r->kind, "return") ? ST_HEADER : ST_NORMAL;
}

static const struct table_src trace_src = {
    .row_size = sizeof(int),
    .count = trace_count,
    .cell = trace_cell,
    .mark = trace_mark,
};

static void *trace_open(struct ui *ui, const void *arg)
{
	const struct trace_open_arg *a = arg;
	struct trace_screen *ts = xcalloc(1, sizeof(*ts));
	ts->ui = ui;
	ts->backward = a ? a->backward : 0;
	table_init(&ts->t, ui, trace_cols, (int)ARRAY_SIZE(trace_cols), &trace_src, ts);
	/* no lot yet: the line above says what to do; the table stays empty */
	if (a && a->code) {
		if (set_root(ts, a->code)) {
			ui_error(ui, NULL);
			table_free(&ts->t);
			free(ts->nodes);
			free(ts->vis);
			free(ts);
			return NULL;
		}
	} else {
		/* from the menu: ask for the lot (a scan answers too) */
		ui->pending_action = ACT_TRACE_LOT;
	}
	return ts;
}

static void trace_close(struct ui *ui, void *st)
{
	struct trace_screen *ts = st;
	table_free(&ts->t);
	free(ts->nodes);
	free(ts->vis);
	free(ts);
}

static void trace_resume(struct ui *ui, void *st)
{
	struct trace_screen *ts = st;
	ts->gen++;
}

static void trace_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct trace_screen *ts = st;
	char line[256], key[16];
	if (!ts->has_root) {
		snprintf(
		    line, sizeof(line), _("No lot yet: scan a label, or %s to type a lot code"),
		    ui_key_for(ui, &ui->stack[ui->depth - 1], ACT_TRACE_LOT, key, sizeof(key)));
	} else {
		const struct node *root = &ts->nodes[0];
		if (ui->compact)
			snprintf(line, sizeof(line), "%s %s", ts->backward ? _("Back") : _("Fwd"),
			         root->r.lot);
		else
			snprintf(line, sizeof(line),
			         ts->backward ? _("Backward: what went into %s (%s), %d lines")
			                      : _("Forward: where %s (%s) went, %d lines"),
			         root->r.lot, root->r.item, ts->nvis);
	}
	term_put(r->y, r->x, r->w, line, ST_HEADER);
	/* the tree's own keys are not in the F-key bar: say them where there is room */
	if (ts->has_root && !ui->compact) {
		char open[16], close[16], hint[96];
		const struct frame *f = &ui->stack[ui->depth - 1];
		ui_key_for(ui, f, ACT_TRACE_EXPAND, open, sizeof(open));
		ui_key_for(ui, f, ACT_TRACE_COLLAPSE, close, sizeof(close));
		/* L10N: the trace screen's hint: "Right opens, Left closes" */
		snprintf(hint, sizeof(hint), _("%s opens, %s closes"), open, close);
		int hw = text_width(hint), lw = text_width(line);
		if (open[0] && close[0] && lw + 2 + hw <= r->w)
			term_put_right(r->y, r->x + r->w - hw, hw, hint, ST_HEADER);
	}
	struct rect tr = {r->y + 1, r->x, r->h - 1, r->w};
	/* 20 columns cannot spare two for markers: colour alone says held there */
	ts->t.no_marker_col = ui->compact;
	ts->t.cols = ui->compact ? trace_cols_compact : trace_cols;
	table_draw(&ts->t, &tr);
}

/* Open a lot one level; on an open one, open every lot at its frontier (the
 * level below the deepest one shown), up to LEVEL_OPEN_MAX of them. */
static void expand(struct ui *ui, struct trace_screen *ts, int i)
{
	struct node *n = &ts->nodes[i];
	if (!is_lot(n) || (!n->r.more && n->parent >= 0)) {
		ui_info(ui, _("%s: the trace ends here"), n->r.lot);
		return;
	}
	if (!n->expanded) {
		if (load(ts, i)) {
			ui_error(ui, NULL);
			return;
		}
		ts->nodes[i].expanded = 1;
		if (ts->nodes[i].nchild == 0)
			ui_info(ui, _("%s: the trace ends here"), ts->nodes[i].r.lot);
		reshow(ts, i);
		return;
	}
	/* the closed lots under it, in the order shown (loading moves the nodes:
	 * no pointer into them lives across a load) */
	rebuild(ts);
	int p = vis_pos(ts, i), opened = 0, waiting = 0, level = n->level;
	for (int q = p + 1; q < ts->nvis && ts->nodes[ts->vis[q]].level > level; q++) {
		struct node *c = &ts->nodes[ts->vis[q]];
		if (!is_lot(c) || c->expanded || !c->r.more)
			continue;
		if (opened == LEVEL_OPEN_MAX) {
			waiting++;
			continue;
		}
		if (load(ts, ts->vis[q])) {
			ui_error(ui, NULL);
			break;
		}
		ts->nodes[ts->vis[q]].expanded = 1;
		opened++;
	}
	if (waiting)
		ui_info(ui, _("Opened %d lots; %d more at that level: open them one at a time"),
		        opened, waiting);
	else if (!opened)
		ui_info(ui, _("%s: the trace ends here"), ts->nodes[i].r.lot);
	reshow(ts, i);
}

static void collapse(struct ui *ui, struct trace_screen *ts, int i)
{
	struct node *n = &ts->nodes[i];
	if (n->expanded && n->nchild > 0) {
		n->expanded = 0;
		reshow(ts, i);
	} else if (n->parent >= 0) {
		reshow(ts, n->parent);
	}
}

/* ---- choosing the lot to trace ---- */

static int lot_submit(struct ui *ui, struct form *fm)
{
	struct trace_screen *ts = fm->ctx;
	int rc = set_root(ts, form_get(fm, "lot"));
	if (rc == OK)
		ui_info(ui, ts->backward ? _("Traced %s backward") : _("Traced %s forward"),
		        ts->nodes[0].r.lot);
	return rc;
}

/* A scanned label answers the form at once. */
static enum result lot_scan(struct ui *ui, struct form *fm, const char *code)
{
	struct scan_hit hit;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind != SCAN_LOT) {
		ui_error(ui, _("Scanned %s: that is not a lot"), code);
		return RES_HANDLED;
	}
	form_set(fm, "lot", hit.code);
	return form_action(ui, fm, ACT_SAVE);
}

static void open_lot_form(struct ui *ui, struct trace_screen *ts)
{
	struct form *fm = form_new(_("Trace a lot"));
	fm->ctx = ts;
	fm->submit = lot_submit;
	fm->on_scan = lot_scan;
	snprintf(fm->intro, sizeof(fm->intro), "%s",
	         ts->backward ? _("Backward: every input down to the supplier lots.")
	                      : _("Forward: every lot made from it, every customer."));
	struct form_field *f = form_add(fm, "lot", _("Lot"), FIELD_TEXT, 1);
	f->svc_key = N_("lot");
	f->hint = _("type it, or scan the label");
	if (ts->has_root)
		form_set(fm, "lot", ts->nodes[0].r.lot);
	ui_push_form(ui, fm);
}

static enum result trace_action(struct ui *ui, void *st, int action)
{
	struct trace_screen *ts = st;
	int i = selected_node(ts);
	switch (action) {
	case ACT_TRACE_LOT:
		open_lot_form(ui, ts);
		return RES_HANDLED;
	case ACT_TRACE_DIRECTION:
		ts->backward = !ts->backward;
		if (ts->has_root) {
			char code[LOT_MAX + 1];
			strlcpy_(code, ts->nodes[0].r.lot, sizeof(code));
			if (set_root(ts, code))
				ui_error(ui, NULL);
		}
		ui_info(ui, "%s",
		        ts->backward ? _("Backward: to the supplier lots")
		                     : _("Forward: to the customers"));
		return RES_HANDLED;
	}
	if (i < 0)
		return action == ACT_OPEN ? RES_HANDLED : table_action(&ts->t, action);
	switch (action) {
	case ACT_TRACE_EXPAND:
		expand(ui, ts, i);
		return RES_HANDLED;
	case ACT_TRACE_COLLAPSE:
		collapse(ui, ts, i);
		return RES_HANDLED;
	case ACT_OPEN: {
		struct lot_open_arg arg = {ts->nodes[i].r.lot};
		ui_push(ui, SCREEN_LOT, &arg);
		return RES_HANDLED;
	}
	case ACT_TRACE_RECALL: {
		/* the role is the service's rule; asking first saves filling a form in vain */
		if (session_require(&ui->s, PERM_RECALL)) {
			ui_error(ui, NULL);
			return RES_HANDLED;
		}
		struct recall_open_arg arg = {NULL, ts->nodes[i].r.lot};
		if (ui_push(ui, SCREEN_RECALL, &arg) == 0)
			ui->pending_action = ACT_RECALL_NEW;
		return RES_HANDLED;
	}
	}
	return table_action(&ts->t, action);
}

/* A lot's label starts the trace from it. */
static enum result trace_scan(struct ui *ui, void *st, const char *code)
{
	struct trace_screen *ts = st;
	struct scan_hit hit;
	if (scan_lookup(&ui->s, code, &hit) != OK) {
		ui_error(ui, NULL);
		return RES_HANDLED;
	}
	if (hit.kind != SCAN_LOT) {
		ui_error(ui, _("Scanned %s: that is not a lot"), code);
		return RES_HANDLED;
	}
	if (set_root(ts, hit.code))
		ui_error(ui, NULL);
	else
		ui_info(ui, ts->backward ? _("Traced %s backward") : _("Traced %s forward"),
		        hit.code);
	return RES_HANDLED;
}

static int trace_offers(void *st, int action)
{
	struct trace_screen *ts = st;
	if (action == ACT_TRACE_RECALL || action == ACT_TRACE_DIRECTION)
		return ts->has_root;
	return 1;
}

const struct screen_ops screen_trace_ops = {
    .name = "trace",
    .id = SCREEN_TRACE,
    .open = trace_open,
    .close = trace_close,
    .resume = trace_resume,
    .draw = trace_draw,
    .action = trace_action,
    .on_scan = trace_scan,
    .offers = trace_offers,
};
