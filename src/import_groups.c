/* Rows that share a reference make one document (a customer order, a purchase
 * order): the import keeps each document's rows as they come, checks that they
 * agree on what belongs to the document, and hands each document to its
 * service once the whole file has been read without a problem. */
#include "error.h"
#include "i18n.h"
#include "import_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct group_row {
	char **v;
	long line;
};

struct group {
	struct group_row *r;
	int n, cap;
};

struct groups {
	struct group *g;
	int n, cap;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The rows of one document must agree on what belongs to the document. */
static int same_document(const struct import_group_kind *k, const struct group_row *first,
                         const char *const *v)
{
	for (size_t i = 0; i < k->nsame; i++) {
		int c = k->same[i];
		if (strcmp(nz(first->v[c]), nz(v[c])) != 0)
			return error_set(
			    ERR_INVALID,
			    _("%s: '%s' here, but '%s' on line %ld for the same %s %s"),
			    _(k->cols[c].label), nz(v[c]), nz(first->v[c]), first->line,
			    _(k->cols[k->ref].label), v[k->ref]);
	}
	return OK;
}

int import_group_row(struct import_run *u, const struct import_group_kind *k, const char *const *v)
{
	struct groups *gs = u->state;
	struct group *g = NULL;
	const char *what = _(k->cols[k->ref].label);
	int rc;
	if (!v[k->ref] || !*v[k->ref])
		return error_set(ERR_INVALID, _("%s: required"), what);
	if (!gs)
		gs = u->state = xcalloc(1, sizeof(*gs));
	for (int i = 0; i < gs->n && !g; i++)
		if (!strcmp(gs->g[i].r[0].v[k->ref], v[k->ref]))
			g = &gs->g[i];
	if (g && (rc = same_document(k, &g->r[0], v)))
		return rc;
	if (g && g->n == IMPORT_GROUP_ROWS)
		return error_set(ERR_INVALID, _("%s: %s has more than %d lines"), what, v[k->ref],
		                 IMPORT_GROUP_ROWS);
	if (!g) {
		GROW(gs->g, gs->n, gs->cap, 16);
		g = &gs->g[gs->n++];
		memset(g, 0, sizeof(*g));
	}
	GROW(g->r, g->n, g->cap, 8);
	struct group_row *r = &g->r[g->n++];
	r->v = xcalloc((size_t)k->ncols, sizeof(*r->v));
	for (int c = 0; c < k->ncols; c++)
		r->v[c] = v[c] && *v[c] ? xstrdup(v[c]) : NULL;
	r->line = u->line;
	return OK;
}

/* Each document through its service; a problem is said on the row of the line
 * it is about ("line 2: ..."), else the document's first row. */
static int add_all(struct import_run *u, const struct import_group_kind *k)
{
	struct groups *gs = u->state;
	for (int i = 0; gs && i < gs->n; i++) {
		struct group *g = &gs->g[i];
		const char *const *rows[IMPORT_GROUP_ROWS];
		for (int j = 0; j < g->n; j++)
			rows[j] = (const char *const *)g->r[j].v;
		error_clear();
		int rc = k->add(u, rows, g->n);
		if (rc == OK)
			continue;
		if (rc != ERR_INVALID && rc != ERR_NOT_FOUND && rc != ERR_CONFLICT)
			return rc;
		const char *msg = error_msg();
		long at = g->r[0].line;
		int n = 0, len = 0;
		if (sscanf(msg, "line %d: %n", &n, &len) == 1 && len > 0 && n >= 1 && n <= g->n) {
			at = g->r[n - 1].line;
			msg += len;
		}
		import_service_problem_at(u, at, msg, NULL);
	}
	return OK;
}

static void free_all(struct import_run *u, const struct import_group_kind *k)
{
	struct groups *gs = u->state;
	for (int i = 0; gs && i < gs->n; i++) {
		for (int j = 0; j < gs->g[i].n; j++) {
			for (int c = 0; c < k->ncols; c++)
				free(gs->g[i].r[j].v[c]);
			free(gs->g[i].r[j].v);
		}
		free(gs->g[i].r);
	}
	if (gs)
		free(gs->g);
	free(gs);
	u->state = NULL;
}

/* Documents are added once every row has been read, and only when no row had a
 * problem (a dry run adds them too, to check them, and the import's one
 * transaction is then rolled back). */
int import_group_finish(struct import_run *u, const struct import_group_kind *k, int ok)
{
	int rc = ok ? add_all(u, k) : OK;
	free_all(u, k);
	return rc;
}
