/* Recipes, runs, their plan snapshots and events, and lot genealogy in the store. */
#ifndef LOTLINE_DB_PRODUCTION_H
#define LOTLINE_DB_PRODUCTION_H

#include "db/store.h"
#include "src/model.h"

struct recipe {
	int64_t id;
	char code[CODE_MAX + 1];
	int64_t version;
	int64_t item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16]; /* the item's base unit */
	fixed_t yield;
	char yield_entered[48];
	char instructions[TEXT_MAX * 4 + 1];
	char status[16];
	int64_t lines;
};

struct recipe_line {
	int64_t line, item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16];
	fixed_t qty;
	char entered[48];
	char role[16];
};

struct run {
	int64_t id;
	char code[LOT_MAX + 1];
	int64_t recipe_id;
	char recipe_code[CODE_MAX + 1];
	int64_t recipe_version;
	int64_t item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16];
	fixed_t target;
	char status[16];
	int shortage;
	char bypass_reason[TEXT_MAX + 1];
	fixed_t plan_cost, labour_cost;
	fixed_t actual_yield; /* -1 until finished */
	fixed_t actual_cost;
	char signed_by[CODE_MAX + 1];
	hlc_t signed_hlc;
};

/* A plan line with what has been consumed against it so far. */
struct run_line {
	int64_t line, item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char unit[16];
	char role[16];
	fixed_t required, consumed;
};

struct run_suggestion {
	int64_t line, lot_id;
	char lot[LOT_MAX + 1];
	char expiry[11];
	fixed_t qty;
};

/* An input lot and the net quantity the run took from it. */
struct run_input {
	int64_t lot_id, line;
	char lot[LOT_MAX + 1];
	char item_code[CODE_MAX + 1];
	char unit[16];
	char supplier[CODE_MAX + 1];
	char supplier_lot[LOT_MAX + 1];
	fixed_t qty, unit_cost;
};

struct run_event {
	char kind[16];
	char text[TEXT_MAX + 1];
	char user[CODE_MAX + 1];
	hlc_t hlc;
};

int db_recipe_insert(struct store *s, const struct recipe *r, hlc_t hlc, int64_t *id);
int db_recipe_line_insert(struct store *s, int64_t recipe_id, const struct recipe_line *l);
/* version 0: the active version, else the newest. */
int db_recipe_get(struct store *s, const char *code, int64_t version, struct recipe *out);
int64_t db_recipe_latest_version(struct store *s, const char *code);
int db_recipe_lines_each(struct store *s, int64_t recipe_id,
                         int (*cb)(void *ctx, const struct recipe_line *l), void *ctx);
/* One row per recipe code: its active version if any, else its newest. */
int db_recipe_each(struct store *s, int (*cb)(void *ctx, const struct recipe *r), void *ctx);
/* Set a version's status; activating archives the other active version. */
int db_recipe_set_status(struct store *s, const char *code, int64_t version, const char *status,
                         hlc_t hlc);

int db_run_insert(struct store *s, const struct run *r, int64_t entry, hlc_t hlc, int64_t *id);
int db_run_line_insert(struct store *s, int64_t run_id, int64_t line, int64_t item_id,
                       fixed_t required, const char *role);
int db_run_suggestion_insert(struct store *s, int64_t run_id, int64_t line, int64_t lot_id,
                             fixed_t qty);
int db_run_get(struct store *s, const char *code, struct run *out);
/* Up to limit runs: planned and started first, then the newest. */
int db_run_each(struct store *s, int limit, int (*cb)(void *ctx, const struct run *r), void *ctx);
int db_run_set_status(struct store *s, int64_t run_id, const char *status, hlc_t hlc);
/* While applying an entry stamped hlc, each kept only when newer than the one
 * there (a start's shortage bypass, a finish's yield and costs). */
int db_run_set_bypass(struct store *s, int64_t run_id, const char *reason, hlc_t hlc);
int db_run_set_result(struct store *s, int64_t run_id, fixed_t yield, fixed_t labour, fixed_t cost,
                      hlc_t hlc);
int db_run_sign(struct store *s, int64_t run_id, const char *user, hlc_t hlc);
int db_run_event_add(struct store *s, int64_t run_id, int64_t entry, const char *kind,
                     const char *text);
int db_run_lines_each(struct store *s, int64_t run_id,
                      int (*cb)(void *ctx, const struct run_line *l), void *ctx);
int db_run_line_get(struct store *s, int64_t run_id, int64_t line, struct run_line *out);
/* Suggestions of one line (line > 0) or of all lines (0). */
int db_run_suggestions_each(struct store *s, int64_t run_id, int64_t line,
                            int (*cb)(void *ctx, const struct run_suggestion *g), void *ctx);
/* Net consumption per input lot (and line), in movement order. */
int db_run_inputs_each(struct store *s, int64_t run_id,
                       int (*cb)(void *ctx, const struct run_input *in), void *ctx);
/* Lots the run produced. */
int db_run_outputs_each(struct store *s, int64_t run_id,
                        int (*cb)(void *ctx, const struct run_input *out), void *ctx);
int db_run_events_each(struct store *s, int64_t run_id,
                       int (*cb)(void *ctx, const struct run_event *ev), void *ctx);
/* The consume movements of a run still standing (not cancelled), for cancel. */
int db_run_consumptions_each(struct store *s, int64_t run_id,
                             int (*cb)(void *ctx, int64_t lot_id, const char *lot, fixed_t qty,
                                       int64_t line),
                             void *ctx);
int db_lot_link_insert(struct store *s, int64_t run_id, int64_t out_lot, int64_t in_lot,
                       fixed_t qty);

#endif
