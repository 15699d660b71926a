/* Recipe import: one CSV row per recipe line, with the recipe's code on every
 * row and what it makes, its yield and instructions on its first row (repeated
 * rows must agree). The rows of a recipe are gathered, then each recipe is added
 * as a new draft version by the recipe service, and what it refuses is said at
 * the row and column it is about. */
#include "error.h"
#include "i18n.h"
#include "import_internal.h"
#include "recipe.h"

#include <stdlib.h>
#include <string.h>

#define say import_say

enum { R_CODE, R_MAKES, R_YIELD, R_YIELD_UNIT, R_INSTRUCTIONS, R_ITEM, R_QTY, R_UNIT, R_ROLE };

const struct col_def import_recipe_cols[IMPORT_RECIPE_NCOLS] = {
    [R_CODE] = {"recipe", N_("recipe"),
                "recipe code|recipe id|recipe no|formula|formula code|recette|rezept|receta",
                CT_TEXT, 1},
    [R_MAKES] = {"makes", N_("makes"),
                 "output|output item|product|product code|finished item|produces|makes item",
                 CT_TEXT, 1},
    [R_YIELD] = {"yield", N_("yield"),
                 "batch size|batch|yield qty|yield quantity|output qty|quantity made|ausbeute|"
                 "rendement|rendimiento",
                 CT_DECIMAL, 1},
    [R_YIELD_UNIT] = {"yield_unit", N_("yield unit"), "yield uom|batch unit|batch uom|output unit",
                      CT_TEXT, 0},
    [R_INSTRUCTIONS] = {"instructions", N_("instructions"),
                        "method|directions|procedure|process|anleitung|mode operatoire", CT_TEXT,
                        0},
    [R_ITEM] = {"item", N_("item"),
                "ingredient|component|material|input|line item|item code|ingredient code|"
                "component code|zutat",
                CT_TEXT, 1},
    [R_QTY] = {"qty", N_("quantity"), "amount|qty per batch|quantity per batch|menge|cantidad",
               CT_DECIMAL, 1},
    [R_UNIT] = {"unit", N_("unit"), "uom|unit of measure|einheit|unite|unidad", CT_TEXT, 0},
    [R_ROLE] = {"role", N_("role"), "line type|line role|type", CT_LOWER, 0},
};

struct rline {
	char *v[4]; /* item, qty, unit, role */
	long line;
};

struct rpending {
	char *head[4]; /* makes, yield, yield unit, instructions: from the first row */
	char *code;
	long line; /* the recipe's first row */
	struct rline *l;
	int n, cap;
};

struct rstate {
	struct rpending *r;
	int n, cap;
};

static char *dup_or_null(const char *v)
{
	return v && *v ? xstrdup(v) : NULL;
}

static size_t col_of(const struct import_run *u, int k)
{
	return u->at[k] >= 0 ? (size_t)u->at[k] + 1 : 0;
}

int import_recipe_row(struct import_run *u, const char *const *v, const char **bad_key)
{
	struct rstate *st = u->state ? u->state : (u->state = xcalloc(1, sizeof(struct rstate)));
	struct rpending *r = NULL;
	(void)bad_key;
	if (!v[R_CODE] || !*v[R_CODE])
		return error_set(ERR_INVALID, _("recipe: the recipe's code is required"));
	/* a recipe's rows need not be together: the first row names it */
	for (int i = 0; i < st->n && !r; i++)
		if (!strcmp(st->r[i].code, v[R_CODE]))
			r = &st->r[i];
	if (!r) {
		GROW(st->r, st->n, st->cap, 8);
		r = &st->r[st->n++];
		memset(r, 0, sizeof(*r));
		r->code = xstrdup(v[R_CODE]);
		r->line = u->line;
		for (int k = 0; k < 4; k++)
			r->head[k] = dup_or_null(v[R_MAKES + k]);
	} else {
		/* the recipe's own columns may repeat on its other rows, the same */
		for (int k = 0; k < 4; k++) {
			const char *was = r->head[k] ? r->head[k] : "";
			if (v[R_MAKES + k] && *v[R_MAKES + k] && strcmp(v[R_MAKES + k], was)) {
				say(u, 0, u->line, col_of(u, R_MAKES + k),
				    _("%s: '%s' differs from '%s' on line %ld, the first row of "
				      "recipe "
				      "%s"),
				    _(import_recipe_cols[R_MAKES + k].label), v[R_MAKES + k], was,
				    r->line, r->code);
				return OK;
			}
		}
	}
	GROW(r->l, r->n, r->cap, 8);
	struct rline *l = &r->l[r->n++];
	for (int k = 0; k < 4; k++)
		l->v[k] = dup_or_null(v[R_ITEM + k]);
	l->line = u->line;
	return OK;
}

/* A problem the recipe service found: the row and column it is about. Its
 * messages start with the field ("yield: ..."), or "line N: " and then the
 * line's field ("item 'X' not found", "quantity ...", "unit: ...", "role ..."). */
static int recipe_problem(struct import_run *u, const struct rpending *r, int base)
{
	const char *msg = error_msg(), *rest;
	static const struct {
		const char *word;
		int k;
	} words[] = {{N_("code"), R_CODE},
	             {N_("item"), R_MAKES},
	             {N_("yield"), R_YIELD},
	             {N_("instructions"), R_INSTRUCTIONS},
	             {N_("lines"), R_CODE}};
	static const struct {
		const char *word;
		int k;
	} line_words[] = {{N_("item"), R_ITEM},
	                  {N_("quantity"), R_QTY},
	                  {N_("unit"), R_UNIT},
	                  {N_("role"), R_ROLE}};
	char *end;
	const char *lw = _("line");
	size_t n = strlen(lw);
	if (!strncmp(msg, lw, n) && msg[n] == ' ') {
		long i = strtol(msg + n + 1, &end, 10);
		if (i >= 1 && base + i <= r->n && *end == ':') {
			rest = end + 1 + (end[1] == ' ');
			int k = R_ITEM;
			for (size_t j = 0; j < ARRAY_SIZE(line_words); j++) {
				const char *w = _(line_words[j].word);
				if (!strncmp(rest, w, strlen(w)))
					k = line_words[j].k;
			}
			say(u, 0, r->l[base + i - 1].line, col_of(u, k), _("recipe %s: %s"),
			    r->code, rest);
			return (int)(base + i - 1);
		}
	}
	int k = R_CODE;
	for (size_t j = 0; j < ARRAY_SIZE(words); j++) {
		const char *w = _(words[j].word);
		size_t wl = strlen(w);
		if (!strncmp(msg, w, wl) && (msg[wl] == ':' || msg[wl] == ' '))
			k = words[j].k;
	}
	/* "item" here is what the recipe makes: say so by the column's name */
	if (k == R_MAKES && !strncmp(msg, _("item"), strlen(_("item"))))
		msg += strlen(_("item")) + (msg[strlen(_("item"))] == ':' ? 1 : 0);
	while (k == R_MAKES && *msg == ' ')
		msg++;
	if (k == R_MAKES)
		say(u, 0, r->line, col_of(u, k), _("recipe %s: makes: %s"), r->code, msg);
	else
		say(u, 0, r->line, col_of(u, k), _("recipe %s: %s"), r->code, msg);
	return -1;
}

int import_recipe_finish(struct import_run *u, int ok)
{
	struct rstate *st = u->state;
	int rc = OK;
	for (int i = 0; st && i < st->n; i++) {
		struct rpending *r = &st->r[i];
		if (ok && rc == OK) {
			struct recipe_line_req *lines = xcalloc((size_t)r->n, sizeof(*lines));
			for (int j = 0; j < r->n; j++)
				lines[j] = (struct recipe_line_req){r->l[j].v[0], r->l[j].v[1],
				                                    r->l[j].v[2], r->l[j].v[3]};
			struct recipe_req req = {r->code,    r->head[0], r->head[1], r->head[2],
			                         r->head[3], lines,      r->n};
			error_clear();
			int e = recipe_add_in_tx(u->s, &req, NULL), bad;
			if (e == ERR_INVALID || e == ERR_NOT_FOUND || e == ERR_CONFLICT) {
				/* the service stops at the first bad line: each later line
				 * is tried alone to find the rest (all of it is rolled back) */
				bad = recipe_problem(u, r, 0);
				for (int j = bad + 1; bad >= 0 && j < r->n && rc == OK; j++) {
					req.lines = &lines[j];
					req.nlines = 1;
					error_clear();
					e = recipe_add_in_tx(u->s, &req, NULL);
					if (e == ERR_INVALID || e == ERR_NOT_FOUND ||
					    e == ERR_CONFLICT)
						recipe_problem(u, r, j);
					else if (e != OK)
						rc = e;
				}
			} else if (e != OK) {
				rc = e; /* the store, not the file */
			}
			free(lines);
		}
		for (int j = 0; j < r->n; j++)
			for (int k = 0; k < 4; k++)
				free(r->l[j].v[k]);
		for (int k = 0; k < 4; k++)
			free(r->head[k]);
		free(r->l);
		free(r->code);
	}
	if (st)
		free(st->r);
	free(st);
	u->state = NULL;
	return rc;
}
