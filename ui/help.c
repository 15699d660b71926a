/* The help screen (F1): every action of the screen below (its own, its form's,
 * then the global ones and the screens to open), numbered, with the keys bound
 * to it and its description, all generated from the action table and the
 * keymap. Enter, or the number and Enter, runs the action: on a terminal
 * without F-keys every action is still reachable. */
#include "src/i18n.h"
#include "src/util.h"
#include "ui/fkeybar.h"
#include "ui/keys.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct help {
	struct ui *ui;
	struct frame below;
	int actions[ACT_COUNT];
	int n;
	char number[8]; /* digits typed so far */
	struct table t;
};

static const struct table_col help_cols[] = {
    {N_("#"), 3, 2, 1, 1, 0, 0},
    {N_("Keys"), 14, 5, 2, 0, 0, 0},
    {N_("Action"), 20, 10, 4, 0, 0, 0},
    {N_("What it does"), 70, 10, 3, 0, 0, 1},
};

static int help_count(void *ctx)
{
	struct help *h = ctx;
	return h->n;
}

/* The keys that run the action here, nearest scope first, shadowed ones left out. */
static void keys_text(struct help *h, int a, char *buf, size_t n)
{
	int scopes[4], ns = ui_scopes(&h->below, scopes);
	size_t len = 0;
	buf[0] = '\0';
	for (int s = 0; s < ns; s++) {
		for (int i = 0; i < h->ui->km.n; i++) {
			const struct binding *b = &h->ui->km.b[i];
			if (b->scope != scopes[s] || b->action != a ||
			    keymap_lookup(&h->ui->km, scopes, ns, b->key) != a)
				continue;
			char k[16];
			if (len + 1 >= n)
				break;
			lk_label(b->key, k, sizeof(k));
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? " " : "", k);
		}
	}
	if (!buf[0])
		snprintf(buf, n, "-");
}

static const char *help_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct help *h = ctx;
	int i = *(const int *)row, a = h->actions[i];
	switch (col) {
	case 0:
		snprintf(buf, n, "%d", i + 1);
		return buf;
	case 1:
		keys_text(h, a, buf, n);
		return buf;
	case 2:
		return action_name(a);
	default:
		return action_help(a, buf, (unsigned)n);
	}
}

static const struct table_src help_src = {
    .row_size = sizeof(int),
    .count = help_count,
    .cell = help_cell,
};

static void add_scope(struct help *h, int scope)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (action_view_screen(a) >= 0 || action_scope(a) != scope)
			continue;
		if (a == ACT_HELP && h->below.ops->id == SCREEN_HELP)
			continue;
		h->actions[h->n++] = a;
	}
}

static void *help_open(struct ui *ui, const void *arg)
{
	struct frame *below = ui->depth ? &ui->stack[ui->depth - 1] : NULL;
	if (!below)
		return NULL;
	struct help *h = xcalloc(1, sizeof(*h));
	h->ui = ui;
	h->below = *below;
	int id = (int)below->ops->id;
	if (id != SCREEN_FORM)
		add_scope(h, id);
	if (below->ops->uses_form)
		add_scope(h, SCREEN_FORM);
	add_scope(h, SCOPE_GLOBAL);
	/* the screens to open, when someone is logged in */
	for (int s = 0; s < SCREEN_COUNT && ui->logged_in; s++)
		if (screen_built(s) && screen_menu_no(s))
			h->actions[h->n++] = ACT_VIEW_LOGIN + s;
	table_init(&h->t, ui, help_cols, (int)ARRAY_SIZE(help_cols), &help_src, h);
	return h;
}

static void help_close(struct ui *ui, void *st)
{
	struct help *h = st;
	table_free(&h->t);
	free(h);
}

static const char *help_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct help *h = st;
	const char *t = h->below.ops->title ? h->below.ops->title(ui, h->below.st, buf, n)
	                                    : screen_title(h->below.ops->id);
	char below[128];
	snprintf(below, sizeof(below), "%s", t);
	/* L10N: the title of the help screen: "Help: Ledger" */
	snprintf(buf, n, _("Help: %s"), below);
	return buf;
}

static void help_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct help *h = st;
	table_draw(&h->t, r);
}

static enum result run_selected(struct ui *ui, struct help *h)
{
	const int *i = table_selected(&h->t);
	if (!i)
		return RES_HANDLED;
	int a = h->actions[*i];
	if (!fkeybar_applies(&h->below, a) || !ui_action_allowed(ui, &h->below, a)) {
		ui_error(ui, _("%s cannot run now"), action_name(a));
		return RES_HANDLED;
	}
	ui->pending_action = a;
	return RES_CLOSE;
}

static enum result help_action(struct ui *ui, void *st, int action)
{
	struct help *h = st;
	if (action == ACT_OPEN) {
		if (h->number[0]) {
			int no = atoi(h->number);
			h->number[0] = '\0';
			if (no >= 1 && no <= h->n)
				table_select_index(&h->t, no - 1);
		}
		return run_selected(ui, h);
	}
	if (action == ACT_HELP)
		return RES_HANDLED;
	h->number[0] = '\0';
	return table_action(&h->t, action);
}

/* Digits choose a line by its number. */
static enum result help_key(struct ui *ui, void *st, int key)
{
	struct help *h = st;
	size_t len = strlen(h->number);
	if (key < '0' || key > '9' || len + 1 >= sizeof(h->number))
		return RES_NOT_MINE;
	h->number[len] = (char)key;
	h->number[len + 1] = '\0';
	int no = atoi(h->number);
	if (no >= 1 && no <= h->n)
		table_select_index(&h->t, no - 1);
	return RES_HANDLED;
}

const struct screen_ops screen_help_ops = {
    .name = "help",
    .id = SCREEN_HELP,
    .open = help_open,
    .close = help_close,
    .title = help_title,
    .draw = help_draw,
    .action = help_action,
    .on_key = help_key,
};
