/* The Recipes screen: every recipe with its status and version (the active one,
 * else the newest); Enter shows one with its lines. Activate, archive, clone and
 * plan a run call the services in src/recipe.h and src/production.h; a planned
 * run opens on the Production screen. Reached from the Production screen. */
#include "db/production.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/recipe.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct recipes {
	struct ui *ui;
	int detail; /* one recipe and its lines */
	char code[CODE_MAX + 1];
	int64_t version;
	struct recipe r;
	struct recipe *list;
	int n, cap;
	struct recipe_line *lines;
	int nlines, caplines;
	char pending[LOT_MAX + 1]; /* a run the plan form made */
	struct table t;
};

static const struct table_col list_cols[] = {
    {N_("Recipe"), 12, 6, 1, 0, 0, 0}, {N_("Ver"), 3, 3, 3, 1, 0, 0},
    {N_("Status"), 8, 6, 2, 0, 0, 0},  {N_("Makes"), 12, 6, 4, 0, 0, 0},
    {N_("Yield"), 10, 6, 5, 1, 0, 0},  {N_("Lines"), 5, 5, 6, 1, 0, 0},
    {N_("Name"), 24, 8, 7, 0, 0, 1},
};

static const struct table_col line_cols[] = {
    {N_("#"), 3, 2, 5, 1, 0, 0},           {N_("Item"), 12, 6, 1, 0, 0, 0},
    {N_("Qty"), 9, 6, 2, 1, 0, 0},         {N_("Unit"), 4, 4, 3, 0, 0, 0},
    {N_("As written"), 12, 8, 6, 0, 0, 0}, {N_("Role"), 10, 6, 7, 0, 0, 0},
    {N_("Name"), 24, 8, 4, 0, 0, 1},
};

static int count(void *ctx)
{
	struct recipes *rs = ctx;
	return rs->detail ? rs->nlines : rs->n;
}

static const char *cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct recipes *rs = ctx;
	int i = *(const int *)row;
	char q[FIXED_BUFSZ];
	if (rs->detail) {
		const struct recipe_line *l = &rs->lines[i];
		switch (col) {
		case 0:
			snprintf(buf, n, "%lld", (long long)l->line);
			return buf;
		case 1:
			return l->item_code;
		case 2:
			snprintf(buf, n, "%s", fixed_format(l->qty, 0, q));
			return buf;
		case 3:
			return l->unit;
		case 4:
			return l->entered;
		case 5:
			return _(l->role);
		default:
			return l->item_name;
		}
	}
	const struct recipe *r = &rs->list[i];
	switch (col) {
	case 0:
		return r->code;
	case 1:
		snprintf(buf, n, "%lld", (long long)r->version);
		return buf;
	case 2:
		return _(r->status);
	case 3:
		return r->item_code;
	case 4:
		return r->yield_entered;
	case 5:
		snprintf(buf, n, "%lld", (long long)r->lines);
		return buf;
	default:
		return r->item_name;
	}
}

static enum style mark(void *ctx, const void *row, char *marker)
{
	struct recipes *rs = ctx;
	if (rs->detail) {
		*marker = ' ';
		return ST_NORMAL;
	}
	const struct recipe *r = &rs->list[*(const int *)row];
	/* A: active (can be scheduled); archived ones are dim */
	*marker = !strcmp(r->status, "active") ? 'A' : ' ';
	return !strcmp(r->status, "archived") ? ST_DIM : ST_NORMAL;
}

static const struct table_src src = {
    .row_size = sizeof(int),
    .count = count,
    .cell = cell,
    .mark = mark,
};

static int add_recipe(void *ctx, const struct recipe *r)
{
	struct recipes *rs = ctx;
	GROW(rs->list, rs->n, rs->cap, 16);
	rs->list[rs->n++] = *r;
	return 0;
}

static int add_line(void *ctx, const struct recipe_line *l)
{
	struct recipes *rs = ctx;
	GROW(rs->lines, rs->nlines, rs->caplines, 16);
	rs->lines[rs->nlines++] = *l;
	return 0;
}

static int load(struct ui *ui, struct recipes *rs)
{
	int rc;
	if (!rs->detail) {
		rs->n = 0;
		return db_recipe_each(ui->s.store, add_recipe, rs);
	}
	if ((rc = db_recipe_get(ui->s.store, rs->code, rs->version, &rs->r)))
		return rc;
	rs->nlines = 0;
	return db_recipe_lines_each(ui->s.store, rs->r.id, add_line, rs);
}

static void rs_free(struct recipes *rs)
{
	table_free(&rs->t);
	free(rs->list);
	free(rs->lines);
	free(rs);
}

static void *recipes_open(struct ui *ui, const void *arg)
{
	const struct recipes_open_arg *a = arg;
	struct recipes *rs = xcalloc(1, sizeof(*rs));
	rs->ui = ui;
	if (a && a->code) {
		rs->detail = 1;
		strlcpy_(rs->code, a->code, sizeof(rs->code));
		rs->version = a->version;
	}
	if (load(ui, rs)) {
		ui_error(ui, NULL);
		free(rs->list);
		free(rs->lines);
		free(rs);
		return NULL;
	}
	if (rs->detail)
		table_init(&rs->t, ui, line_cols, (int)ARRAY_SIZE(line_cols), &src, rs);
	else
		table_init(&rs->t, ui, list_cols, (int)ARRAY_SIZE(list_cols), &src, rs);
	rs->t.empty = rs->detail ? "" : _("No recipes yet: lotline recipe add or import");
	return rs;
}

static void recipes_close(struct ui *ui, void *st)
{
	rs_free(st);
}

static void recipes_resume(struct ui *ui, void *st)
{
	struct recipes *rs = st;
	if (load(ui, rs))
		ui_error(ui, NULL);
	table_refresh(&rs->t);
	if (rs->pending[0]) {
		char code[LOT_MAX + 1];
		struct production_open_arg a = {code, 0};
		strlcpy_(code, rs->pending, sizeof(code));
		rs->pending[0] = '\0';
		ui_push(ui, SCREEN_PRODUCTION, &a);
	}
}

static const char *recipes_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct recipes *rs = st;
	if (!rs->detail)
		snprintf(buf, n, "%s", _("Recipes"));
	else if (ui->compact)
		snprintf(buf, n, "%s v%lld", rs->r.code, (long long)rs->r.version);
	else
		/* L10N: "Recipe GRANOLA version 2" */
		snprintf(buf, n, _("Recipe %s version %lld"), rs->r.code, (long long)rs->r.version);
	return buf;
}

static void recipes_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct recipes *rs = st;
	struct rect tr = *r;
	if (rs->detail) {
		char a[256];
		if (ui->compact)
			snprintf(a, sizeof(a), "%s %s", _(rs->r.status), rs->r.yield_entered);
		else
			snprintf(a, sizeof(a), _("%s: makes %s %s %s"), _(rs->r.status),
			         rs->r.yield_entered, rs->r.item_code, rs->r.item_name);
		term_put(r->y, r->x, r->w, a, ST_HEADER);
		term_put(r->y + 1, r->x, r->w, rs->r.instructions, ST_NORMAL);
		tr.y += 2;
		tr.h -= 2;
	}
	table_draw(&rs->t, &tr);
}

/* The recipe the action is about: the one shown, or the selected row's. */
static const struct recipe *current(struct recipes *rs)
{
	if (rs->detail)
		return &rs->r;
	const int *i = table_selected(&rs->t);
	return i ? &rs->list[*i] : NULL;
}

static int clone_submit(struct ui *ui, struct form *fm)
{
	const char *from = fm->ctx;
	const char *as = form_get(fm, "as");
	int rc = recipe_clone(&ui->s, from, 0, as);
	if (rc == OK)
		ui_info(ui, _("Recipe %s cloned as %s (draft)"), from, as);
	return rc;
}

static void set_status(struct ui *ui, struct recipes *rs, const struct recipe *r,
                       const char *status)
{
	/* activate: the newest version (editing adds versions); archive: the one shown */
	int64_t v = !strcmp(status, "active") && !rs->detail ? 0 : r->version;
	char code[CODE_MAX + 1];
	strlcpy_(code, r->code, sizeof(code));
	if (recipe_set_status(&ui->s, code, v, status) != OK) {
		ui_error(ui, NULL);
		return;
	}
	ui_info(ui,
	        !strcmp(status, "active") ? _("Recipe %s is active") : _("Recipe %s is archived"),
	        code);
	recipes_resume(ui, rs);
}

static enum result recipes_action(struct ui *ui, void *st, int action)
{
	struct recipes *rs = st;
	const struct recipe *r = current(rs);
	switch (action) {
	case ACT_OPEN:
		if (!rs->detail && r) {
			struct recipes_open_arg a = {r->code, r->version};
			ui_push(ui, SCREEN_RECIPES, &a);
		}
		return RES_HANDLED;
	case ACT_RECIPE_PLAN:
		production_plan_form(ui, r ? r->code : NULL, rs->pending);
		return RES_HANDLED;
	case ACT_RECIPE_ACTIVATE:
	case ACT_RECIPE_ARCHIVE:
		if (r)
			set_status(ui, rs, r,
			           action == ACT_RECIPE_ACTIVATE ? "active" : "archived");
		return RES_HANDLED;
	case ACT_RECIPE_CLONE: {
		if (!r)
			return RES_HANDLED;
		if (session_require(&ui->s, PERM_RECIPES)) {
			ui_error(ui, NULL);
			return RES_HANDLED;
		}
		struct form *fm = form_new(_("Clone a recipe"));
		fm->ctx = xstrdup(r->code);
		fm->free_ctx = free;
		fm->submit = clone_submit;
		snprintf(fm->intro, sizeof(fm->intro), _("A new draft with the lines of %s"),
		         r->code);
		form_add(fm, "as", _("New code"), FIELD_TEXT, 1)->svc_key = N_("code");
		ui_push_form(ui, fm);
		return RES_HANDLED;
	}
	}
	return table_action(&rs->t, action);
}

const struct screen_ops screen_recipes_ops = {
    .name = "recipes",
    .id = SCREEN_RECIPES,
    .open = recipes_open,
    .close = recipes_close,
    .resume = recipes_resume,
    .title = recipes_title,
    .draw = recipes_draw,
    .action = recipes_action,
};
