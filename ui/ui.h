/* The screens' shared frame: the screen stack, what a screen exports (its ops),
 * what its handlers return, and the calls screens make on the loop (push, pop,
 * status messages). One struct ui holds the session and the keymap. */
#ifndef LOTLINE_UI_UI_H
#define LOTLINE_UI_UI_H

#include "src/session.h"
#include "ui/actions.h"
#include "ui/keymap.h"

#include <stddef.h>

/* What a handler asks the loop to do. */
enum result {
	RES_HANDLED,  /* done; draw as usual */
	RES_NOT_MINE, /* try the next handler in the chain */
	RES_CLOSE,    /* close this screen (back to the one below) */
	RES_REDRAW,   /* clear and draw everything again */
	RES_QUIT,     /* leave lotline */
};

struct rect {
	int y, x, h, w;
};

struct ui;

struct screen_ops {
	const char *name;
	enum screen_id id;
	/* Make the screen's state; arg is screen-specific. NULL (with a status
	 * message set) refuses to open. */
	void *(*open)(struct ui *ui, const void *arg);
	void (*close)(struct ui *ui, void *st);
	/* The screen above closed: read again what may have changed. */
	void (*resume)(struct ui *ui, void *st);
	/* The title line's text when it is not the screen's title. */
	const char *(*title)(struct ui *ui, void *st, char *buf, size_t n);
	void (*draw)(struct ui *ui, void *st, const struct rect *r);
	enum result (*action)(struct ui *ui, void *st, int action);
	/* A key no binding took (or, while typing, any key): text input. */
	enum result (*on_key)(struct ui *ui, void *st, int key);
	/* A scanned code (never typed keys). */
	enum result (*on_scan)(struct ui *ui, void *st, const char *code);
	/* Is the user typing into a field now? Then characters go to on_key before
	 * any binding. */
	int (*typing)(void *st);
	/* Should the F-key bar offer this action now? NULL: yes. */
	int (*offers)(void *st, int action);
	/* The screen has a form: the "form" keymap scope comes after its own. */
	int uses_form;
};

extern const struct screen_ops screen_login_ops, screen_menu_ops, screen_ledger_ops, screen_lot_ops,
    screen_today_ops, screen_form_ops, screen_help_ops;
extern const struct screen_ops screen_documents_ops;
extern const struct screen_ops screen_import_ops;
/* Orders and picking */
extern const struct screen_ops screen_orders_ops, screen_picking_ops;
extern const struct screen_ops screen_trace_ops, screen_recall_ops;
extern const struct screen_ops screen_receiving_ops;

#define UI_STACK_MAX 16

struct frame {
	const struct screen_ops *ops;
	void *st;
};

struct ui {
	struct session s;
	struct keymap km;
	struct frame stack[UI_STACK_MAX];
	int depth;
	char status[512];
	int status_error;
	int quit;
	int compact;            /* fewer than 40 columns or 20 rows */
	int cursor_y, cursor_x; /* where the screen wants the cursor, -1: hidden */
	int idle_lock_min;      /* 0: never */
	const char *prefill_user;
	int logged_in;           /* someone logged in and the screens are not locked */
	int reset_to_menu;       /* after this event: close every screen, open the menu */
	int pending_action;      /* run on the screen below once the top one closed (help) */
	char keymap_note[256];   /* the first bad keymap line, shown at start */
	struct sync_agent *sync; /* background sync with the central peer, or NULL */
	int64_t sync_received;   /* entries the agent had applied at the last look */
};

/* Open a screen on top of the stack; returns 0, or -1 when it did not open. */
int ui_push(struct ui *ui, enum screen_id id, const void *arg);
/* Close the top screen. */
void ui_pop(struct ui *ui);
/* The frame under the top one (NULL when none): help shows its actions. */
struct frame *ui_below(struct ui *ui);
/* Messages in the status line: information, or an error (error_msg() when fmt
 * is NULL). Both are translated by the caller. */
void ui_info(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The keymap scopes of a frame, its own first; returns how many. */
int ui_scopes(const struct frame *f, int *scopes);
/* Run an action on the top screen as if its key had been pressed. */
void ui_run_action(struct ui *ui, int action);
/* The first key bound to an action for this frame, as a label ("F7"), or "". */
const char *ui_key_for(struct ui *ui, const struct frame *f, int action, char *buf, size_t n);
/* May this action run now? (Before login and while locked only a few may.) */
int ui_action_allowed(struct ui *ui, const struct frame *f, int action);
/* After a successful login: the same user unlocking goes back where they were
 * (the login screen closes itself); anyone else starts at the main menu. */
void ui_logged_in(struct ui *ui, int same_user);
/* A scan no screen took: open the lot it names, or say what was scanned. */
enum result ui_scan_default(struct ui *ui, const char *code);

/* The lot screen opens on this lot code. */
struct lot_open_arg {
	const char *code;
};

/* The ledger screen opens with this query (Today's lists); what names it in
 * the title. */
struct ledger_query;
struct ledger_open_arg {
	const struct ledger_query *q;
	const char *what;
};

/* The Documents screen opens on documents with this status (Today's rejected
 * line); NULL: the COA queue. */
struct documents_open_arg {
	const char *doc_status;
};

/* The trace screen opens on this lot (NULL: it asks for one), forward or
 * backward. */
struct trace_open_arg {
	const char *code;
	int backward;
};

/* The recall screen opens on one recall (code), or on the list; with lots, the
 * list opens the form for a new recall of those lots (space-separated). */
struct recall_open_arg {
	const char *code;
	const char *lots;
};

/* Why the login screen is open. */
enum login_mode {
	LOGIN_START,  /* at start: anyone may log in */
	LOGIN_LOCK,   /* locked: the same user unlocks, another starts afresh */
	LOGIN_SWITCH, /* another user takes over */
};
struct login_open_arg {
	enum login_mode mode;
	const char *user; /* filled in (--user, or the locked user) */
};

/* The Production screen: NULL opens the list of runs; a run code opens that run;
 * record set shows its batch record. The Recipes screen: NULL lists the
 * recipes; a code shows that recipe (version 0: the active or newest). */
extern const struct screen_ops screen_production_ops, screen_recipes_ops;
struct production_open_arg {
	const char *run;
	int record;
};
/* The plan form (recipe preset when given); the new run's code goes into pending
 * (LOT_MAX + 1 bytes), for the screen below to open when it resumes. */
int production_plan_form(struct ui *ui, const char *recipe, char *pending);
struct recipes_open_arg {
	const char *code;
	int64_t version;
};

/* The Orders screen opens on its list (ref NULL), or on one order's lines, or on
 * its despatch note. */
enum orders_view { ORDERS_LIST, ORDERS_LINES, ORDERS_DESPATCH };
struct orders_open_arg {
	const char *ref;
	enum orders_view view;
};

/* The Picking screen picks this order; with no arg it lists the orders to pick. */
struct picking_open_arg {
	const char *ref;
};

/* lotline with no command: the screens on the store at db_path. */
int ui_main(const char *db_path, const char *user);

#endif
