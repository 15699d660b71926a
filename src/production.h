/* Production runs: plan (a snapshot with suggested lots), start, consume lots as
 * they go in, finish (output lots linked to every input), fail, cancel, sign. */
#ifndef LOTLINE_PRODUCTION_H
#define LOTLINE_PRODUCTION_H

#include "db/production.h"
#include "session.h"

#define EXTRA_REASONS "spillage|rework|recipe-adjustment|substitute|other"

struct plan_req {
	const char *recipe;
	int64_t version; /* 0: the active version */
	const char *scale;
	const char *target, *target_unit; /* or the quantity to make */
};

int run_plan(struct session *s, const struct plan_req *r, char run_out[LOT_MAX + 1]);
/* A run with a shortage starts only with a bypass reason from a manager. */
int run_start(struct session *s, const char *run, const char *bypass);

struct consume_req {
	const char *run, *lot;
	const char *qty, *unit; /* NULL: what the plan suggested, or what the line still needs */
	int confirm;            /* use a lot that was not suggested */
	const char *extra;      /* a reason code: more than the line needs, or an unplanned item */
	int check_only;         /* every check, nothing written: would it go in, and how much? */
};
/* Record one lot going into the run; *used (if given) is the quantity taken (with
 * check_only: the quantity it would take). */
int run_consume(struct session *s, const struct consume_req *r, fixed_t *used);
int run_note(struct session *s, const char *run, const char *text);

struct output_req {
	const char *qty; /* NULL: the whole yield in one lot */
	const char *location;
	const char *lot;    /* NULL: a new internal code */
	const char *expiry; /* NULL: today + the item's shelf life */
};

struct finish_req {
	const char *run;
	const char *yield, *yield_unit; /* actual yield */
	const char *labour;             /* money, optional */
	const struct output_req *outputs;
	int noutputs;
};
int run_finish(struct session *s, const struct finish_req *r);
int run_fail(struct session *s, const char *run, const char *note);
int run_cancel(struct session *s, const char *run, const char *reason);
int run_sign(struct session *s, const char *run);

#endif
