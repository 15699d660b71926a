/* The main menu: every screen by its number (from SCREEN_INFO), so a VT100 or a
 * handheld without F-keys reaches them all with one key (number 10 is the key
 * 0, after 9 as on a keypad); screens still to come show as not available yet.
 * Below them, lock, switch user and quit with their keys. */
#include "src/i18n.h"
#include "src/util.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct menu_row {
	int screen; /* or -1 for an action */
	int action;
};

struct menu {
	struct ui *ui;
	struct menu_row rows[SCREEN_COUNT + 4];
	int n;
	struct table t;
};

static const struct table_col menu_cols[] = {
    {N_("Key"), 3, 3, 1, 1, 0, 0},
    {N_("Screen"), 42, 12, 2, 0, 0, 0},
    {N_("Note"), 24, 6, 3, 0, 0, 1},
};

static int menu_count(void *ctx)
{
	struct menu *m = ctx;
	return m->n;
}

static const char *menu_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct menu *m = ctx;
	const struct menu_row *r = &m->rows[*(const int *)row];
	struct frame *f = &m->ui->stack[m->ui->depth - 1];
	switch (col) {
	case 0:
		if (r->screen >= 0) /* 10 is the key 0, after 9 as on a keypad */
			snprintf(buf, n, "%d", screen_menu_no(r->screen) % 10);
		else
			ui_key_for(m->ui, f, r->action, buf, n);
		return buf;
	case 1:
		if (r->screen >= 0)
			return screen_title(r->screen);
		return action_help(r->action, buf, (unsigned)n);
	default:
		return r->screen >= 0 && !screen_built(r->screen) ? _("not available yet") : "";
	}
}

static enum style menu_mark(void *ctx, const void *row, char *marker)
{
	struct menu *m = ctx;
	const struct menu_row *r = &m->rows[*(const int *)row];
	*marker = ' ';
	return r->screen >= 0 && !screen_built(r->screen) ? ST_DIM : ST_NORMAL;
}

static const struct table_src menu_src = {
    .row_size = sizeof(int),
    .count = menu_count,
    .cell = menu_cell,
    .mark = menu_mark,
};

static void *menu_open(struct ui *ui, const void *arg)
{
	struct menu *m = xcalloc(1, sizeof(*m));
	m->ui = ui;
	for (int no = 1; no <= 10; no++)
		for (int s = 0; s < SCREEN_COUNT; s++)
			if (screen_menu_no(s) == no)
				m->rows[m->n++] = (struct menu_row){s, -1};
	m->rows[m->n++] = (struct menu_row){-1, ACT_LOCK};
	m->rows[m->n++] = (struct menu_row){-1, ACT_SWITCH_USER};
	m->rows[m->n++] = (struct menu_row){-1, ACT_QUIT};
	table_init(&m->t, ui, menu_cols, (int)ARRAY_SIZE(menu_cols), &menu_src, m);
	m->t.no_marker_col = 1;
	return m;
}

static void menu_close(struct ui *ui, void *st)
{
	struct menu *m = st;
	table_free(&m->t);
	free(m);
}

static void menu_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct menu *m = st;
	table_draw(&m->t, r);
}

static enum result open_row(struct ui *ui, struct menu *m, int i)
{
	const struct menu_row *r = &m->rows[i];
	if (r->screen < 0) {
		ui->pending_action = r->action;
		return RES_HANDLED;
	}
	if (!screen_built(r->screen)) {
		ui_error(ui, _("%s is not available yet"), screen_title(r->screen));
		return RES_HANDLED;
	}
	ui_push(ui, (enum screen_id)r->screen, NULL);
	return RES_HANDLED;
}

static enum result menu_action(struct ui *ui, void *st, int action)
{
	struct menu *m = st;
	if (action == ACT_OPEN) {
		const int *i = table_selected(&m->t);
		return i ? open_row(ui, m, *i) : RES_HANDLED;
	}
	return table_action(&m->t, action);
}

/* A digit opens the screen with that number; 0 is number 10. */
static enum result menu_key(struct ui *ui, void *st, int key)
{
	struct menu *m = st;
	if (key < '0' || key > '9')
		return RES_NOT_MINE;
	int no = key == '0' ? 10 : key - '0';
	for (int i = 0; i < m->n; i++) {
		if (m->rows[i].screen >= 0 && screen_menu_no(m->rows[i].screen) == no) {
			table_select_index(&m->t, i);
			return open_row(ui, m, i);
		}
	}
	return RES_NOT_MINE;
}

const struct screen_ops screen_menu_ops = {
    .name = "menu",
    .id = SCREEN_MENU,
    .open = menu_open,
    .close = menu_close,
    .draw = menu_draw,
    .action = menu_action,
    .on_key = menu_key,
};
