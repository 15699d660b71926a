/* SQL for recipes, runs and genealogy. */
#include "db/production.h"
#include "db/rows.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"

#include <string.h>

int db_recipe_insert(struct store *s, const struct recipe *r, hlc_t hlc, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO recipes (code, version, item_id, yield, yield_entered, instructions, "
	       "status, status_hlc, hlc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?7)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, r->code);
	sqlite3_bind_int64(st, 2, r->version);
	sqlite3_bind_int64(st, 3, r->item_id);
	sqlite3_bind_int64(st, 4, r->yield);
	bind_text(st, 5, r->yield_entered);
	bind_text(st, 6, r->instructions);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)hlc);
	rc = store_step_done(s, st, _("saving a recipe"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("recipe %s version %lld already exists"), r->code,
		                 (long long)r->version);
	if (rc == OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_recipe_line_insert(struct store *s, int64_t recipe_id, const struct recipe_line *l)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT INTO recipe_lines (recipe_id, line, item_id, qty, entered, role) "
	                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, recipe_id);
	sqlite3_bind_int64(st, 2, l->line);
	sqlite3_bind_int64(st, 3, l->item_id);
	sqlite3_bind_int64(st, 4, l->qty);
	bind_text(st, 5, l->entered);
	bind_text(st, 6, l->role);
	return store_step_done(s, st, _("saving a recipe line"));
}

#define RECIPE_SELECT                                                                              \
	"SELECT r.id, r.code, r.version, r.item_id, i.code, i.name, i.base_unit, r.yield, "        \
	"r.yield_entered, r.instructions, r.status, "                                              \
	"(SELECT count(*) FROM recipe_lines WHERE recipe_id = r.id) "                              \
	"FROM recipes r JOIN items i ON i.id = r.item_id "

static void recipe_read(sqlite3_stmt *st, struct recipe *r)
{
	r->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, r->code);
	r->version = sqlite3_column_int64(st, 2);
	r->item_id = sqlite3_column_int64(st, 3);
	COLUMN_COPY(st, 4, r->item_code);
	COLUMN_COPY(st, 5, r->item_name);
	COLUMN_COPY(st, 6, r->unit);
	r->yield = sqlite3_column_int64(st, 7);
	COLUMN_COPY(st, 8, r->yield_entered);
	COLUMN_COPY(st, 9, r->instructions);
	COLUMN_COPY(st, 10, r->status);
	r->lines = sqlite3_column_int64(st, 11);
}

int db_recipe_get(struct store *s, const char *code, int64_t version, struct recipe *out)
{
	sqlite3_stmt *st = store_stmt(s, RECIPE_SELECT
	                              "WHERE r.code = ?1 AND (?2 = 0 OR r.version = ?2) "
	                              "ORDER BY r.status = 'active' DESC, r.version DESC LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	sqlite3_bind_int64(st, 2, version);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		recipe_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = version ? error_set(ERR_NOT_FOUND, _("recipe %s version %lld not found"), code,
		                         (long long)version)
		             : error_set(ERR_NOT_FOUND, _("recipe %s not found"), code);
	} else {
		rc = store_error(s, _("reading a recipe"));
	}
	sqlite3_reset(st);
	return rc;
}

int64_t db_recipe_latest_version(struct store *s, const char *code)
{
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT coalesce(max(version), 0) FROM recipes WHERE code = ?1");
	int64_t v = 0;
	if (!st)
		return -1;
	bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

static void recipe_line_read(sqlite3_stmt *st, struct recipe_line *l)
{
	l->line = sqlite3_column_int64(st, 0);
	l->item_id = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, l->item_code);
	COLUMN_COPY(st, 3, l->item_name);
	COLUMN_COPY(st, 4, l->unit);
	l->qty = sqlite3_column_int64(st, 5);
	COLUMN_COPY(st, 6, l->entered);
	COLUMN_COPY(st, 7, l->role);
}

int db_recipe_lines_each(struct store *s, int64_t recipe_id,
                         int (*cb)(void *ctx, const struct recipe_line *l), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT l.line, l.item_id, i.code, i.name, i.base_unit, l.qty, l.entered, l.role "
	          "FROM recipe_lines l JOIN items i ON i.id = l.item_id WHERE l.recipe_id = ?1 "
	          "ORDER BY l.line",
	          sqlite3_bind_int64(st_, 1, recipe_id), struct recipe_line, recipe_line_read, cb,
	          ctx, _("reading recipe lines"));
}

int db_recipe_each(struct store *s, int (*cb)(void *ctx, const struct recipe *r), void *ctx)
{
	ROWS_EACH(s,
	          RECIPE_SELECT "WHERE r.id = (SELECT x.id FROM recipes x WHERE x.code = r.code "
	                        "ORDER BY x.status = 'active' DESC, x.version DESC LIMIT 1) "
	                        "ORDER BY r.code",
	          (void)0, struct recipe, recipe_read, cb, ctx, _("listing recipes"));
}

int db_recipe_set_status(struct store *s, const char *code, int64_t version, const char *status,
                         hlc_t hlc)
{
	sqlite3_stmt *st;
	int rc;
	if (!strcmp(status, "active")) {
		st = store_stmt(s, "UPDATE recipes SET status = 'archived', status_hlc = ?3, "
		                   "status_site = " SQL_APPLYING_SITE " WHERE code = ?1 AND "
		                   "version <> ?2 AND status = 'active' AND " SQL_STAMP_OLDER(
		                       "status_hlc", "status_site", "?3"));
		if (!st)
			return ERR_DB;
		bind_text(st, 1, code);
		sqlite3_bind_int64(st, 2, version);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
		if ((rc = store_step_done(s, st, _("archiving a recipe"))))
			return rc;
	}
	st = store_stmt(
	    s, "UPDATE recipes SET status = ?3, status_hlc = ?4, status_site = " SQL_APPLYING_SITE
	       " WHERE code = ?1 AND version = ?2 AND " SQL_STAMP_OLDER("status_hlc", "status_site",
	                                                                "?4"));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	sqlite3_bind_int64(st, 2, version);
	bind_text(st, 3, status);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("changing a recipe's status"));
}

int db_run_insert(struct store *s, const struct run *r, int64_t entry, hlc_t hlc, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO runs (code, recipe_id, target, status, status_hlc, shortage, "
	       "plan_cost, planned_entry) VALUES (?1, ?2, ?3, 'planned', ?4, ?5, ?6, ?7)");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, r->code);
	sqlite3_bind_int64(st, 2, r->recipe_id);
	sqlite3_bind_int64(st, 3, r->target);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)hlc);
	sqlite3_bind_int(st, 5, r->shortage);
	sqlite3_bind_int64(st, 6, r->plan_cost);
	sqlite3_bind_int64(st, 7, entry);
	rc = store_step_done(s, st, _("saving a run"));
	if (rc == ERR_CONFLICT)
		return error_set(ERR_CONFLICT, _("run %s already exists"), r->code);
	if (rc == OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int db_run_line_insert(struct store *s, int64_t run_id, int64_t line, int64_t item_id,
                       fixed_t required, const char *role)
{
	sqlite3_stmt *st =
	    store_stmt(s, "INSERT INTO run_lines (run_id, line, item_id, required, role) "
	                  "VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, item_id);
	sqlite3_bind_int64(st, 4, required);
	bind_text(st, 5, role);
	return store_step_done(s, st, _("saving a run line"));
}

int db_run_suggestion_insert(struct store *s, int64_t run_id, int64_t line, int64_t lot_id,
                             fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO run_suggestions (run_id, line, lot_id, qty) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_int64(st, 3, lot_id);
	sqlite3_bind_int64(st, 4, qty);
	return store_step_done(s, st, _("saving a suggested lot"));
}

#define RUN_SELECT                                                                                 \
	"SELECT r.id, r.code, r.recipe_id, re.code, re.version, re.item_id, i.code, "              \
	"i.name, i.base_unit, r.target, r.status, r.shortage, r.bypass_reason, "                   \
	"r.plan_cost, r.labour_cost, coalesce(r.actual_yield, -1), "                               \
	"coalesce(r.actual_cost, 0), coalesce(r.signed_by, ''), coalesce(r.signed_hlc, 0) "        \
	"FROM runs r JOIN recipes re ON re.id = r.recipe_id JOIN items i ON "                      \
	"i.id = re.item_id "

static void run_read(sqlite3_stmt *st, struct run *out)
{
	out->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, out->code);
	out->recipe_id = sqlite3_column_int64(st, 2);
	COLUMN_COPY(st, 3, out->recipe_code);
	out->recipe_version = sqlite3_column_int64(st, 4);
	out->item_id = sqlite3_column_int64(st, 5);
	COLUMN_COPY(st, 6, out->item_code);
	COLUMN_COPY(st, 7, out->item_name);
	COLUMN_COPY(st, 8, out->unit);
	out->target = sqlite3_column_int64(st, 9);
	COLUMN_COPY(st, 10, out->status);
	out->shortage = sqlite3_column_int(st, 11);
	COLUMN_COPY(st, 12, out->bypass_reason);
	out->plan_cost = sqlite3_column_int64(st, 13);
	out->labour_cost = sqlite3_column_int64(st, 14);
	out->actual_yield = sqlite3_column_int64(st, 15);
	out->actual_cost = sqlite3_column_int64(st, 16);
	COLUMN_COPY(st, 17, out->signed_by);
	out->signed_hlc = (hlc_t)sqlite3_column_int64(st, 18);
}

int db_run_get(struct store *s, const char *code, struct run *out)
{
	sqlite3_stmt *st = store_stmt(s, RUN_SELECT "WHERE r.code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		run_read(st, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("run %s not found"), code);
	} else {
		rc = store_error(s, _("reading a run"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_run_each(struct store *s, int limit, int (*cb)(void *ctx, const struct run *r), void *ctx)
{
	/* the runs still to do first, then the newest */
	ROWS_EACH(
	    s, RUN_SELECT "ORDER BY r.status IN ('planned', 'started') DESC, r.id DESC LIMIT ?1",
	    sqlite3_bind_int(st_, 1, limit), struct run, run_read, cb, ctx, _("listing runs"));
}

int db_run_set_status(struct store *s, int64_t run_id, const char *status, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE runs SET status = ?2, status_hlc = ?3, status_site = " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND " SQL_STAMP_OLDER("status_hlc", "status_site", "?3"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	bind_text(st, 2, status);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("changing a run's status"));
}

int db_run_set_bypass(struct store *s, int64_t run_id, const char *reason, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s,
	    "UPDATE runs SET bypass_reason = ?2, bypass_hlc = ?3, bypass_site = " SQL_APPLYING_SITE
	    " WHERE id = ?1 AND " SQL_STAMP_OLDER("bypass_hlc", "bypass_site", "?3"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	bind_text(st, 2, reason);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("recording a shortage bypass"));
}

int db_run_set_result(struct store *s, int64_t run_id, fixed_t yield, fixed_t labour, fixed_t cost,
                      hlc_t hlc)
{
	sqlite3_stmt *st =
	    store_stmt(s, "UPDATE runs SET actual_yield = ?2, labour_cost = ?3, actual_cost = ?4, "
	                  "result_hlc = ?5, result_site = " SQL_APPLYING_SITE
	                  " WHERE id = ?1 AND " SQL_STAMP_OLDER("result_hlc", "result_site", "?5"));
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 5, (sqlite3_int64)hlc);
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, yield);
	sqlite3_bind_int64(st, 3, labour);
	sqlite3_bind_int64(st, 4, cost);
	return store_step_done(s, st, _("recording a run's result"));
}

int db_run_sign(struct store *s, int64_t run_id, const char *user, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE runs SET signed_by = ?2, signed_hlc = ?3, signed_site = " SQL_APPLYING_SITE
	       " WHERE id = ?1 AND (signed_by IS NULL OR " SQL_STAMP_NEWER(
	           "signed_hlc", "signed_site", "?3") ")");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	bind_text(st, 2, user);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("signing a run"));
}

int db_run_event_add(struct store *s, int64_t run_id, int64_t entry, const char *kind,
                     const char *text)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO run_events (run_id, entry, kind, text) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, entry);
	bind_text(st, 3, kind);
	bind_text(st, 4, text);
	return store_step_done(s, st, _("recording a run event"));
}

#define RUN_LINE_SELECT                                                                            \
	"SELECT l.line, l.item_id, i.code, i.name, i.base_unit, l.role, l.required, "              \
	"coalesce((SELECT -sum(m.qty) FROM movements m WHERE m.run_id = l.run_id AND "             \
	"m.run_line = l.line AND m.kind IN ('consume', 'cancel')), 0) "                            \
	"FROM run_lines l JOIN items i ON i.id = l.item_id "

static void run_line_read(sqlite3_stmt *st, struct run_line *l)
{
	l->line = sqlite3_column_int64(st, 0);
	l->item_id = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, l->item_code);
	COLUMN_COPY(st, 3, l->item_name);
	COLUMN_COPY(st, 4, l->unit);
	COLUMN_COPY(st, 5, l->role);
	l->required = sqlite3_column_int64(st, 6);
	l->consumed = sqlite3_column_int64(st, 7);
}

int db_run_lines_each(struct store *s, int64_t run_id,
                      int (*cb)(void *ctx, const struct run_line *l), void *ctx)
{
	ROWS_EACH(s, RUN_LINE_SELECT "WHERE l.run_id = ?1 ORDER BY l.line",
	          sqlite3_bind_int64(st_, 1, run_id), struct run_line, run_line_read, cb, ctx,
	          _("reading run lines"));
}

int db_run_line_get(struct store *s, int64_t run_id, int64_t line, struct run_line *out)
{
	sqlite3_stmt *st = store_stmt(s, RUN_LINE_SELECT "WHERE l.run_id = ?1 AND l.line = ?2");
	int rc;
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, line);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		run_line_read(st, out);
		rc = OK;
	} else {
		rc = rc == SQLITE_DONE ? ERR_NOT_FOUND : store_error(s, _("reading a run line"));
	}
	sqlite3_reset(st);
	return rc;
}

static void suggestion_read(sqlite3_stmt *st, struct run_suggestion *g)
{
	g->line = sqlite3_column_int64(st, 0);
	g->lot_id = sqlite3_column_int64(st, 1);
	COLUMN_COPY(st, 2, g->lot);
	COLUMN_COPY(st, 3, g->expiry);
	g->qty = sqlite3_column_int64(st, 4);
}

int db_run_suggestions_each(struct store *s, int64_t run_id, int64_t line,
                            int (*cb)(void *ctx, const struct run_suggestion *g), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT g.line, g.lot_id, l.code, CASE l.expiry WHEN '9999-12-31' THEN '' ELSE "
	          "l.expiry END, g.qty FROM run_suggestions g JOIN lots l ON l.id = g.lot_id "
	          "WHERE g.run_id = ?1 AND (?2 = 0 OR g.line = ?2) ORDER BY g.line, g.id",
	          (sqlite3_bind_int64(st_, 1, run_id), sqlite3_bind_int64(st_, 2, line)),
	          struct run_suggestion, suggestion_read, cb, ctx, _("reading suggested lots"));
}

static void input_read(sqlite3_stmt *st, struct run_input *in)
{
	in->lot_id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, in->lot);
	COLUMN_COPY(st, 2, in->item_code);
	COLUMN_COPY(st, 3, in->unit);
	COLUMN_COPY(st, 4, in->supplier);
	COLUMN_COPY(st, 5, in->supplier_lot);
	in->qty = sqlite3_column_int64(st, 6);
	in->unit_cost = sqlite3_column_int64(st, 7);
	in->line = sqlite3_column_int64(st, 8);
}

int db_run_inputs_each(struct store *s, int64_t run_id,
                       int (*cb)(void *ctx, const struct run_input *in), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT l.id, l.code, i.code, l.unit, coalesce(sp.code, ''), l.supplier_lot, "
	          "-sum(m.qty), l.unit_cost, min(m.run_line) FROM movements m "
	          "JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id "
	          "LEFT JOIN suppliers sp ON sp.id = l.supplier_id "
	          "WHERE m.run_id = ?1 AND m.kind IN ('consume', 'cancel') "
	          "GROUP BY l.id HAVING -sum(m.qty) <> 0 ORDER BY min(m.id)",
	          sqlite3_bind_int64(st_, 1, run_id), struct run_input, input_read, cb, ctx,
	          _("reading a run's inputs"));
}

int db_run_outputs_each(struct store *s, int64_t run_id,
                        int (*cb)(void *ctx, const struct run_input *out), void *ctx)
{
	ROWS_EACH(
	    s,
	    "SELECT l.id, l.code, i.code, l.unit, '', '', sum(m.qty), l.unit_cost, 0 "
	    "FROM movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id "
	    "WHERE m.run_id = ?1 AND m.kind = 'produce' GROUP BY l.id ORDER BY min(m.id)",
	    sqlite3_bind_int64(st_, 1, run_id), struct run_input, input_read, cb, ctx,
	    _("reading a run's outputs"));
}

static void event_read(sqlite3_stmt *st, struct run_event *ev)
{
	COLUMN_COPY(st, 0, ev->kind);
	COLUMN_COPY(st, 1, ev->text);
	COLUMN_COPY(st, 2, ev->user);
	ev->hlc = (hlc_t)sqlite3_column_int64(st, 3);
}

int db_run_events_each(struct store *s, int64_t run_id,
                       int (*cb)(void *ctx, const struct run_event *ev), void *ctx)
{
	ROWS_EACH(s,
	          "SELECT e.kind, e.text, j.user, j.hlc FROM run_events e JOIN journal j ON "
	          "j.id = e.entry WHERE e.run_id = ?1 ORDER BY j.hlc, e.id",
	          sqlite3_bind_int64(st_, 1, run_id), struct run_event, event_read, cb, ctx,
	          _("reading a run's events"));
}

int db_run_consumptions_each(struct store *s, int64_t run_id,
                             int (*cb)(void *ctx, int64_t lot_id, const char *lot, fixed_t qty,
                                       int64_t line),
                             void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT l.id, l.code, -sum(m.qty), m.run_line FROM movements m "
	                       "JOIN lots l ON l.id = m.lot_id WHERE m.run_id = ?1 AND m.kind IN "
	                       "('consume', 'cancel') GROUP BY l.id, m.run_line "
	                       "HAVING -sum(m.qty) <> 0 ORDER BY min(m.id)",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading a run's consumption"));
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int stop =
		    cb(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		       sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading a run's consumption"));
	sqlite3_finalize(st);
	return rc;
}

int db_lot_link_insert(struct store *s, int64_t run_id, int64_t out_lot, int64_t in_lot,
                       fixed_t qty)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO lot_links (run_id, output_lot_id, input_lot_id, qty) "
	       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET qty = qty + excluded.qty");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, out_lot);
	sqlite3_bind_int64(st, 3, in_lot);
	sqlite3_bind_int64(st, 4, qty);
	return store_step_done(s, st, _("linking lots"));
}
