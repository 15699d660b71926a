/* Recipe services: checked, versioned, one journal entry per change. */
#include "recipe.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "units.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECIPE_LINES_MAX 100

int recipe_line_parse(char *text, struct recipe_line_req *r)
{
	char *parts[4] = {NULL, NULL, NULL, NULL};
	int n = 0;
	for (char *p = text; n < 4;) {
		parts[n++] = p;
		char *colon = strchr(p, ':');
		if (!colon)
			break;
		*colon = '\0';
		p = colon + 1;
	}
	if (n < 2 || !*parts[0] || !*parts[1])
		return error_set(ERR_INVALID, _("line: '%s' is not ITEM:QTY[:UNIT[:ROLE]]"), text);
	r->item = parts[0];
	r->qty = parts[1];
	r->unit = parts[2] && *parts[2] ? parts[2] : NULL;
	r->role = parts[3] && *parts[3] ? parts[3] : NULL;
	return OK;
}

/* A quantity of an item in some unit, converted to the item's base unit. */
static int to_base(const struct item *it, const char *qty, const char *unit, fixed_t *base,
                   char *entered, size_t n)
{
	struct unit_ctx uc = {it->base_unit, it->density, it->pack_size};
	fixed_t q;
	char num[FIXED_BUFSZ];
	int rc;
	if (!qty || fixed_parse(qty, 0, &q) || q <= 0)
		return error_set(ERR_INVALID, _("quantity '%s' must be a number more than zero"),
		                 qty ? qty : "");
	const char *u = unit && *unit ? unit : it->base_unit;
	if ((rc = unit_convert(q, u, it->base_unit, &uc, base)))
		return error_prefix(rc, _("unit"));
	if (*base <= 0)
		return error_set(ERR_INVALID, _("quantity %s %s is too small"), qty, u);
	snprintf(entered, n, "%s %s", fixed_format(q, 0, num), unit_canonical(u));
	return OK;
}

int recipe_add_in_tx(struct session *s, const struct recipe_req *r, int64_t *version)
{
	struct fields f = FIELDS_INIT;
	struct item out, it;
	fixed_t yield;
	char entered[48], key[32];
	int rc;

	if (!r->code || !*r->code || strlen(r->code) > CODE_MAX ||
	    strspn(r->code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./") !=
	        strlen(r->code))
		return error_set(ERR_INVALID, _("code: '%s' is not a usable recipe code"),
		                 r->code ? r->code : "");
	if (!r->item || !*r->item)
		return error_set(ERR_INVALID, _("item: what the recipe makes is required"));
	if ((rc = db_item_get(s->store, r->item, &out)))
		return error_prefix(rc, _("item"));
	if ((rc = to_base(&out, r->yield, r->yield_unit, &yield, entered, sizeof(entered))))
		return error_prefix(rc, _("yield"));
	if (r->instructions && strlen(r->instructions) > TEXT_MAX * 4)
		return error_set(ERR_INVALID, _("instructions: longer than %d characters"),
		                 TEXT_MAX * 4);
	if (r->nlines < 1 || r->nlines > RECIPE_LINES_MAX)
		return error_set(ERR_INVALID, _("lines: a recipe needs 1 to %d lines"),
		                 RECIPE_LINES_MAX);
	int64_t v = db_recipe_latest_version(s->store, r->code) + 1;
	fields_set(&f, "code", r->code);
	fields_set_int(&f, "version", v);
	fields_set(&f, "item", out.code);
	fields_set_int(&f, "yield", yield);
	fields_set(&f, "yield_entered", entered);
	fields_set(&f, "instructions", r->instructions ? r->instructions : "");
	fields_set_int(&f, "lines", r->nlines);
	for (int i = 0; i < r->nlines; i++) {
		const struct recipe_line_req *l = &r->lines[i];
		fixed_t q;
		if ((rc = db_item_get(s->store, l->item, &it))) {
			error_prefix(rc, _("line %d"), i + 1);
			goto out;
		}
		if (it.id == out.id) {
			rc = error_set(ERR_INVALID, _("line %d: %s cannot go into itself"), i + 1,
			               it.code);
			goto out;
		}
		if ((rc = to_base(&it, l->qty, l->unit, &q, entered, sizeof(entered)))) {
			error_prefix(rc, _("line %d"), i + 1);
			goto out;
		}
		const char *role =
		    l->role ? l->role
		            : (!strcmp(it.kind, "packaging") ? "packaging" : "ingredient");
		if (strcmp(role, "ingredient") && strcmp(role, "packaging")) {
			rc = error_set(ERR_INVALID,
			               _("line %d: role '%s' is not ingredient or "
			                 "packaging"),
			               i + 1, role);
			goto out;
		}
		snprintf(key, sizeof(key), "%d.item", i + 1);
		fields_set(&f, key, it.code);
		snprintf(key, sizeof(key), "%d.qty", i + 1);
		fields_set_int(&f, key, q);
		snprintf(key, sizeof(key), "%d.entered", i + 1);
		fields_set(&f, key, entered);
		snprintf(key, sizeof(key), "%d.role", i + 1);
		fields_set(&f, key, role);
	}
	rc = journal_append(s, "recipe.put", &f, NULL);
	if (rc == OK && version)
		*version = v;
out:
	fields_free(&f);
	return rc;
}

int recipe_add(struct session *s, const struct recipe_req *r, int64_t *version)
{
	int rc = session_require(s, PERM_RECIPES);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, recipe_add_in_tx(s, r, version));
}

int recipe_set_status(struct session *s, const char *code, int64_t version, const char *status)
{
	struct recipe r;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_RECIPES);
	if (rc || (rc = session_begin(s)))
		return rc;
	if (version == 0)
		version = db_recipe_latest_version(s->store, code);
	if ((rc = db_recipe_get(s->store, code, version, &r)))
		goto out;
	if (!strcmp(r.status, status)) {
		rc = error_set(ERR_CONFLICT, _("recipe %s version %lld is already %s"), code,
		               (long long)version, _(status));
		goto out;
	}
	fields_set(&f, "code", code);
	fields_set_int(&f, "version", version);
	fields_set(&f, "status", status);
	rc = journal_append(s, "recipe.status", &f, NULL);
out:
	fields_free(&f);
	return session_end(s, rc);
}

struct clone_ctx {
	struct recipe_line_req lines[RECIPE_LINES_MAX];
	char text[RECIPE_LINES_MAX][3][48];
	int n;
};

static int clone_line(void *ctx, const struct recipe_line *l)
{
	struct clone_ctx *c = ctx;
	if (c->n == RECIPE_LINES_MAX)
		return 1;
	char num[FIXED_BUFSZ];
	strlcpy_(c->text[c->n][0], l->item_code, 48);
	strlcpy_(c->text[c->n][1], fixed_format(l->qty, 0, num), 48);
	strlcpy_(c->text[c->n][2], l->role, 48);
	c->lines[c->n] =
	    (struct recipe_line_req){c->text[c->n][0], c->text[c->n][1], NULL, c->text[c->n][2]};
	c->n++;
	return 0;
}

int recipe_clone(struct session *s, const char *code, int64_t version, const char *new_code)
{
	struct recipe r;
	struct clone_ctx *c;
	char yield[FIXED_BUFSZ];
	int rc = session_require(s, PERM_RECIPES);
	if (rc || (rc = session_begin(s)))
		return rc;
	c = xcalloc(1, sizeof(*c));
	if ((rc = db_recipe_get(s->store, code, version, &r)) ||
	    (rc = db_recipe_lines_each(s->store, r.id, clone_line, c)))
		goto out;
	if (db_recipe_latest_version(s->store, new_code) > 0) {
		rc = error_set(ERR_CONFLICT, _("recipe %s already exists"), new_code);
		goto out;
	}
	struct recipe_req req = {new_code, r.item_code,    fixed_format(r.yield, 0, yield),
	                         NULL,     r.instructions, c->lines,
	                         c->n};
	rc = recipe_add_in_tx(s, &req, NULL);
out:
	free(c);
	return session_end(s, rc);
}
