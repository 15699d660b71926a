/* What the appliers of different entry kinds share (src/apply*.c only). */
#ifndef LOTLINE_APPLY_INTERNAL_H
#define LOTLINE_APPLY_INTERNAL_H

#include "db/lots.h"
#include "db/store.h"
#include "model.h"
#include "payload.h"

/* A movement of this entry against a lot; the balance follows the movements, and a
 * balance below zero (possible only for entries from elsewhere) is raised as an
 * exception rather than refused. */
int apply_movement(struct store *s, const struct entry *e, const struct movement_new *m);
int apply_location_id(struct store *s, const char *code, int64_t *id);

int apply_recipe(struct store *s, const struct entry *e, const struct fields *f);
int apply_recipe_status(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_plan(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_start(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_consume(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_note(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_finish(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_end(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_cancel(struct store *s, const struct entry *e, const struct fields *f);
int apply_run_sign(struct store *s, const struct entry *e, const struct fields *f);

int apply_doc_attach(struct store *s, const struct entry *e, const struct fields *f);
int apply_doc_status(struct store *s, const struct entry *e, const struct fields *f);
int apply_doc_assign(struct store *s, const struct entry *e, const struct fields *f);
int apply_quality(struct store *s, const struct entry *e, const struct fields *f);

int apply_order_put(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_confirm(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_cancel(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_pick(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_short(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_ship(struct store *s, const struct entry *e, const struct fields *f);
int apply_order_return(struct store *s, const struct entry *e, const struct fields *f);
int apply_recall_open(struct store *s, const struct entry *e, const struct fields *f);
int apply_recall_mark(struct store *s, const struct entry *e, const struct fields *f);
int apply_recall_close(struct store *s, const struct entry *e, const struct fields *f);

#define APPLY_ORDER_KINDS                                                                          \
	{"order.put", apply_order_put}, {"order.confirm", apply_order_confirm},                    \
	    {"order.cancel", apply_order_cancel}, {"order.pick", apply_order_pick},                \
	    {"order.short", apply_order_short}, {"order.ship", apply_order_ship},                  \
	    {"order.return", apply_order_return}, {"recall.open", apply_recall_open},              \
	    {"recall.mark", apply_recall_mark}, {"recall.close", apply_recall_close},

#define APPLY_DOCUMENT_KINDS                                                                       \
	{"doc.attach", apply_doc_attach}, {"doc.status", apply_doc_status},                        \
	    {"doc.assign", apply_doc_assign}, {"quality.result", apply_quality},

#define APPLY_PRODUCTION_KINDS                                                                     \
	{"recipe.put", apply_recipe}, {"recipe.status", apply_recipe_status},                      \
	    {"run.plan", apply_run_plan}, {"run.start", apply_run_start},                          \
	    {"run.consume", apply_run_consume}, {"run.note", apply_run_note},                      \
	    {"run.finish", apply_run_finish}, {"run.fail", apply_run_end},                         \
	    {"run.cancel", apply_run_cancel}, {"run.sign", apply_run_sign},

#endif
