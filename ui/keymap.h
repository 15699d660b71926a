/* Key names and keymaps: the one table of key names (with aliases), and the
 * parser of keymap text ("bind SCOPE KEY ACTION", "unbind SCOPE KEY", "#"
 * comments). A bad line is reported with its file and line and the rest loads.
 * No curses here, so the parser can be unit-tested and fuzzed alone. */
#ifndef LOTLINE_UI_KEYMAP_H
#define LOTLINE_UI_KEYMAP_H

#include <stddef.h>

struct binding {
	int scope;
	int key;
	int action;
};

struct keymap {
	struct binding *b;
	int n, cap;
};

/* Reports one bad line, already formatted as "FILE:LINE: message". */
typedef void keymap_report_fn(void *ctx, const char *msg);

void keymap_init(struct keymap *km);
void keymap_free(struct keymap *km);
/* Parse keymap text on top of what km holds; returns the number of bad lines. */
int keymap_parse(struct keymap *km, const char *text, size_t len, const char *file,
                 keymap_report_fn *report, void *ctx);
/* Read and parse a file; -1 (reported) when it cannot be read. */
int keymap_load_file(struct keymap *km, const char *path, keymap_report_fn *report, void *ctx);

void keymap_bind(struct keymap *km, int scope, int key, int action);
void keymap_unbind(struct keymap *km, int scope, int key);
/* The action bound to key in the first of the scopes that binds it, or -1. */
int keymap_lookup(const struct keymap *km, const int *scopes, int nscopes, int key);
/* The keys bound to an action in one scope, in keymap order; returns how many
 * (at most max are stored). */
int keymap_keys(const struct keymap *km, int scope, int action, int *keys, int max);

/* One key token ("<F7>", "<C-x>", "<PgDn>", "x", "é") at *s: returns the key and
 * advances *s, or returns -1 (and leaves *s) when it is not a key. */
int lk_parse(const char **s);
/* A whole string that must be exactly one key, or -1. */
int lk_from_name(const char *name);
/* The canonical name of a key as the keymap syntax writes it ("<F7>", "x"). */
const char *lk_name(int key, char *buf, size_t n);
/* The short form for the F-key bar and help ("F7", "C-x", "PgDn", "x"). */
const char *lk_label(int key, char *buf, size_t n);

/* The keymaps compiled in from keymaps/NAME.keys (generated at build time). */
struct builtin_keymap {
	const char *name;
	const char *text;
};
extern const struct builtin_keymap builtin_keymaps[];
extern const int builtin_keymap_count;
/* The text of a built-in keymap, or NULL. */
const char *keymap_builtin(const char *name);

#endif
