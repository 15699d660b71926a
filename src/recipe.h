/* Recipes: what an item is made of, versioned; only an active version is scheduled. */
#ifndef LOTLINE_RECIPE_H
#define LOTLINE_RECIPE_H

#include "db/production.h"
#include "session.h"

struct recipe_line_req {
	const char *item, *qty, *unit, *role; /* unit, role may be NULL */
};

struct recipe_req {
	const char *code;
	const char *item;       /* what it makes */
	const char *yield;      /* quantity made by one batch */
	const char *yield_unit; /* NULL: the item's base unit */
	const char *instructions;
	const struct recipe_line_req *lines;
	int nlines;
};

/* A new draft version of the recipe (version 1 for a new code); editing an
 * active recipe is adding its next version. */
int recipe_add(struct session *s, const struct recipe_req *r, int64_t *version);
int recipe_add_in_tx(struct session *s, const struct recipe_req *r, int64_t *version);
/* activate (archives the version that was active) or archive; version 0 is the
 * newest version. */
int recipe_set_status(struct session *s, const char *code, int64_t version, const char *status);
/* A new recipe (draft, version 1) with the lines of another. */
int recipe_clone(struct session *s, const char *code, int64_t version, const char *new_code);
/* Parse "ITEM:QTY[:UNIT[:ROLE]]" in place. */
int recipe_line_parse(char *text, struct recipe_line_req *r);

#endif
