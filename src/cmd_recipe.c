/* lotline recipe add|show|list|activate|archive|clone. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "recipe.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_version(const struct args *a, int64_t *v)
{
	const char *t = arg(a, "version");
	char *end;
	*v = 0;
	if (!t)
		return OK;
	*v = strtoll(t, &end, 10);
	if (*end || *v < 1)
		return error_set(ERR_INVALID, _("--version: '%s' is not a version number"), t);
	return OK;
}

static const struct out_col recipe_cols[] = {
    {"code", N_("Recipe"), 12, 0}, {"version", N_("Ver"), 3, 1},     {"status", N_("Status"), 8, 0},
    {"item", N_("Makes"), 12, 0},  {"item_name", N_("Name"), 24, 0}, {"yield", N_("Yield"), 12, 0},
    {"lines", N_("Lines"), 5, 1},
};

static int recipe_row(void *ctx, const struct recipe *r)
{
	char v[24], n[24];
	snprintf(v, sizeof(v), "%lld", (long long)r->version);
	snprintf(n, sizeof(n), "%lld", (long long)r->lines);
	const char *row[7] = {r->code,          v, r->status, r->item_code, r->item_name,
	                      r->yield_entered, n};
	out_row(ctx, row);
	return 0;
}

static const struct out_col line_cols[] = {
    {"line", N_("#"), 3, 1},     {"item", N_("Item"), 12, 0}, {"item_name", N_("Name"), 24, 0},
    {"qty", N_("Qty"), 10, 1},   {"unit", N_("Unit"), 5, 0},  {"entered", N_("As written"), 12, 0},
    {"role", N_("Role"), 10, 0},
};

static int line_row(void *ctx, const struct recipe_line *l)
{
	char n[24], q[FIXED_BUFSZ];
	snprintf(n, sizeof(n), "%lld", (long long)l->line);
	const char *row[7] = {n,       l->item_code, l->item_name, fixed_format(l->qty, 0, q),
	                      l->unit, l->entered,   l->role};
	out_row(ctx, row);
	return 0;
}

static int add(struct session *s, const struct args *a)
{
	const char *const *texts;
	int n = args_all(a, "line", &texts), rc = OK;
	struct recipe_line_req lines[MULTI_MAX];
	char *copies[MULTI_MAX];
	int64_t version;
	const char *yield = arg(a, "yield");
	char *ycopy = yield ? xstrdup(yield) : NULL, *yunit = NULL;
	if (ycopy && (yunit = strchr(ycopy, ':')))
		*yunit++ = '\0';
	for (int i = 0; i < n; i++)
		copies[i] = xstrdup(texts[i]);
	for (int i = 0; i < n && rc == OK; i++)
		rc = recipe_line_parse(copies[i], &lines[i]);
	struct recipe_req r = {
	    a->pos[1], arg(a, "item"), ycopy, yunit, arg(a, "instructions"), lines, n};
	if (rc == OK)
		rc = recipe_add(s, &r, &version);
	for (int i = 0; i < n; i++)
		free(copies[i]);
	free(ycopy);
	if (rc == OK)
		printf(_("recipe %s version %lld added as a draft\n"), a->pos[1],
		       (long long)version);
	return rc;
}

static int exec_recipe(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	int64_t version;
	int rc;
	if ((arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt))) ||
	    (rc = parse_version(a, &version)))
		return rc;
	if (strcmp(verb, "list") && a->npos < 2)
		return error_set(ERR_INVALID, _("lotline recipe %s: which recipe?"), verb);
	if (!strcmp(verb, "add"))
		return add(s, a);
	if (!strcmp(verb, "list")) {
		struct out o;
		out_begin(&o, stdout, fmt, recipe_cols, (int)ARRAY_SIZE(recipe_cols));
		rc = db_recipe_each(s->store, recipe_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "show")) {
		struct recipe r;
		struct out o;
		if ((rc = db_recipe_get(s->store, a->pos[1], version, &r)))
			return rc;
		if (fmt == OUT_TABLE)
			printf(_("%s version %lld (%s): makes %s %s %s\n%s%s\n"), r.code,
			       (long long)r.version, _(r.status), r.yield_entered, r.item_code,
			       r.item_name, r.instructions, r.instructions[0] ? "\n" : "");
		out_begin(&o, stdout, fmt, line_cols, (int)ARRAY_SIZE(line_cols));
		rc = db_recipe_lines_each(s->store, r.id, line_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "activate") || !strcmp(verb, "archive")) {
		const char *status = !strcmp(verb, "activate") ? "active" : "archived";
		if ((rc = recipe_set_status(s, a->pos[1], version, status)) == OK)
			printf(_("recipe %s is %s\n"), a->pos[1], _(status));
		return rc;
	}
	if (!strcmp(verb, "clone")) {
		if (!arg(a, "as"))
			return error_set(ERR_INVALID,
			                 _("clone: name the new recipe with --as CODE"));
		if ((rc = recipe_clone(s, a->pos[1], version, arg(a, "as"))) == OK)
			printf(_("recipe %s cloned as %s (draft)\n"), a->pos[1], arg(a, "as"));
		return rc;
	}
	return error_set(
	    ERR_INVALID,
	    _("lotline recipe: '%s' is not one of add show list activate archive clone"), verb);
}

static const struct opt recipe_opts[] = {
    {"item", N_("CODE"), N_("the item the recipe makes (add)")},
    {"yield", N_("QTY[:UNIT]"), N_("what one batch makes (add)")},
    {"line", N_("ITEM:QTY[:UNIT[:ROLE]]"), N_("an input, repeated for each (add)")},
    {"instructions", N_("TEXT"), N_("how to make it (add)")},
    {"version", N_("N"),
     N_("a version (show, activate, archive, clone; else the active or newest)")},
    {"as", N_("CODE"), N_("the new recipe's code (clone)")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_recipe = {
    .name = "recipe",
    .usage = N_("add CODE --item ITEM --yield QTY[:UNIT] --line ITEM:QTY[:UNIT[:ROLE]]... | "
                "show CODE | list | activate CODE | archive CODE | clone CODE --as NEW"),
    .summary = N_("recipes: versions, activation, clones"),
    .opts = recipe_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_recipe,
};
