/* The form widget every screen that asks for data uses: typed fields (text,
 * quantity with unit, date, choice with completion from the store, PIN), Tab /
 * Shift-Tab / Enter between fields, required fields marked, errors next to the
 * field, and nothing saved until every field is valid; then one call to submit,
 * which calls one service (one transaction). A scan goes to the form's on_scan
 * hook, else into the field with the cursor when it fits there. */
#ifndef LOTLINE_UI_FORM_H
#define LOTLINE_UI_FORM_H

#include "ui/ui.h"

#include <stddef.h>

#define FIELD_VALUE_MAX 256

enum form_field_type {
	FIELD_TEXT,
	FIELD_QTY,    /* a number, with the unit shown beside; "2 pack" names another unit */
	FIELD_DATE,   /* YYYY-MM-DD, or +N days from today */
	FIELD_CHOICE, /* one of the choices (strict), or any text with completion */
	FIELD_PIN,    /* 4 to 12 digits, shown as stars */
	FIELD_NUMBER, /* a whole number */
};

struct form_field {
	const char *key;
	const char *label;   /* translated */
	const char *svc_key; /* the word the services begin their messages with ("quantity") */
	enum form_field_type type;
	int required;
	int strict;       /* a choice must be one of the choices */
	int signed_qty;   /* a quantity may start with + or - */
	const char *unit; /* FIELD_QTY: the unit shown beside */
	const char *hint; /* shown after an empty field (translated) */
	char **choices;
	int nchoices;
	char value[FIELD_VALUE_MAX + 1];
	int cur;                        /* cursor, a byte offset into value */
	int cycle;                      /* which completion "complete" shows next */
	char stem[FIELD_VALUE_MAX + 1]; /* what was typed before completing */
	char error[200];
};

struct form {
	char title[128];
	char intro[256]; /* a line above the fields (the lot being acted on) */
	struct form_field *f;
	int n, cap, focus, top;
	void *ctx;
	void (*free_ctx)(void *ctx);
	/* Every field is valid: do the work. OK closes the form; otherwise the
	 * stored message is shown and the form stays as it is. */
	int (*submit)(struct ui *ui, struct form *fm);
	/* A scan while the form is open; RES_NOT_MINE puts it into the field. */
	enum result (*on_scan)(struct ui *ui, struct form *fm, const char *code);
};

struct form *form_new(const char *title);
void form_free(struct form *fm);
struct form_field *form_add(struct form *fm, const char *key, const char *label,
                            enum form_field_type type, int required);
void form_add_choice(struct form_field *f, const char *choice);
/* Choices from a |-separated list ("count|sample|other"). */
void form_add_choices(struct form_field *f, const char *list);
struct form_field *form_field(struct form *fm, const char *key);
void form_set(struct form *fm, const char *key, const char *value);
/* The value, or NULL when empty. */
const char *form_get(struct form *fm, const char *key);
/* A quantity field split into its number and unit (unit NULL when not typed). */
void form_qty(struct form *fm, const char *key, char *num, size_t nn, char *unit, size_t nu);
void form_focus(struct form *fm, const char *key);

/* Check one field, or all (focusing the first bad one); 0 when valid. */
int form_check_field(struct form *fm, int i);
int form_check(struct form *fm);

enum result form_action(struct ui *ui, struct form *fm, int action);
/* Does the action make sense now (complete: the field has choices)? */
int form_offers(const struct form *fm, int action);
enum result form_key(struct ui *ui, struct form *fm, int key);
enum result form_scan(struct ui *ui, struct form *fm, const char *code);
void form_draw(struct ui *ui, struct form *fm, const struct rect *r);

/* Line editing of a value (characters, Backspace, Del, Left, Right, Home, End);
 * returns 1 when the key was one of these. Shared with the ledger's search. */
int edit_key(char *value, size_t size, int *cur, int key);

/* Open a form as a screen of its own; the screen frees it when it closes. */
int ui_push_form(struct ui *ui, struct form *fm);

#endif
