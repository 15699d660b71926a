/* The keymap parser and key names: aliases, bad lines reported with file:line
 * while the rest loads, and every compiled-in keymap parsing cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "ui/actions.h"
#include "ui/keymap.h"
#include "ui/keys.h"

struct reports {
	int n;
	char msg[8][256];
};

static void collect(void *ctx, const char *msg)
{
	struct reports *r = ctx;
	if (r->n < 8)
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg);
	r->n++;
}

static void key_names(void **state)
{
	(void)state;
	assert_int_equal(lk_from_name("<F7>"), LK_F(7));
	assert_int_equal(lk_from_name("<f7>"), LK_F(7));
	assert_int_equal(lk_from_name("<PF1>"), LK_F(1));
	assert_int_equal(lk_from_name("<PgDn>"), LK_PGDN);
	assert_int_equal(lk_from_name("<NPage>"), LK_PGDN);
	assert_int_equal(lk_from_name("<PageDown>"), LK_PGDN);
	assert_int_equal(lk_from_name("<PPage>"), LK_PGUP);
	assert_int_equal(lk_from_name("<C-x>"), LK_CTRL('x'));
	assert_int_equal(lk_from_name("<C-X>"), LK_CTRL('x'));
	assert_int_equal(lk_from_name("<C-m>"), LK_ENTER);
	assert_int_equal(lk_from_name("<Esc>"), LK_ESC);
	assert_int_equal(lk_from_name("<Escape>"), LK_ESC);
	assert_int_equal(lk_from_name("<Enter>"), LK_ENTER);
	assert_int_equal(lk_from_name("<Return>"), LK_ENTER);
	assert_int_equal(lk_from_name("<Tab>"), LK_TAB);
	assert_int_equal(lk_from_name("<S-Tab>"), LK_BTAB);
	assert_int_equal(lk_from_name("<Space>"), ' ');
	assert_int_equal(lk_from_name("<lt>"), '<');
	assert_int_equal(lk_from_name("x"), 'x');
	assert_int_equal(lk_from_name("/"), '/');
	assert_int_equal(lk_from_name("\xc3\xa9"), 0xe9);
	/* not keys */
	assert_int_equal(lk_from_name("<F0>"), -1);
	assert_int_equal(lk_from_name("<F25>"), -1);
	assert_int_equal(lk_from_name("<F07>"), -1);
	assert_int_equal(lk_from_name("<PF5>"), -1);
	assert_int_equal(lk_from_name("<Foo>"), -1);
	assert_int_equal(lk_from_name("<"), -1);
	assert_int_equal(lk_from_name("<>"), -1);
	assert_int_equal(lk_from_name("ab"), -1);
	assert_int_equal(lk_from_name(""), -1);
	assert_int_equal(lk_from_name("\xc3"), -1);
	assert_int_equal(lk_from_name("\xed\xa0\x80"), -1); /* a surrogate */
}

/* Every key's canonical name reads back as the same key. */
static void names_round_trip(void **state)
{
	static const int keys[] = {
	    LK_F(1), LK_F(12),  LK_F(24),  LK_ENTER,     LK_TAB,       LK_BTAB, LK_ESC,
	    LK_UP,   LK_DOWN,   LK_LEFT,   LK_RIGHT,     LK_PGUP,      LK_PGDN, LK_HOME,
	    LK_END,  LK_INSERT, LK_DELETE, LK_BACKSPACE, ' ',          '<',     '>',
	    'a',     'Z',       '#',       LK_CTRL('a'), LK_CTRL('x'), 0xe9,    0x4e2d};
	char buf[32];
	(void)state;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		assert_int_equal(lk_from_name(lk_name(keys[i], buf, sizeof(buf))), keys[i]);
	assert_string_equal(lk_label(LK_F(7), buf, sizeof(buf)), "F7");
	assert_string_equal(lk_label(LK_PGDN, buf, sizeof(buf)), "PgDn");
	assert_string_equal(lk_label(LK_CTRL('x'), buf, sizeof(buf)), "C-x");
	assert_string_equal(lk_name(LK_CTRL('x'), buf, sizeof(buf)), "<C-x>");
	assert_string_equal(lk_name('/', buf, sizeof(buf)), "/");
}

static void key_parse_advances(void **state)
{
	const char *s = "ab<F2>c<lt>";
	int keys[8], n = 0, k;
	(void)state;
	while (*s && (k = lk_parse(&s)) >= 0)
		keys[n++] = k;
	assert_int_equal(n, 5);
	assert_int_equal(keys[2], LK_F(2));
	assert_int_equal(keys[4], '<');
	assert_int_equal(*s, '\0');
}

static void bind_and_lookup(void **state)
{
	struct keymap km;
	struct reports r = {0};
	const char *text = "# comment\n"
	                   "\n"
	                   "bind global <F1> help\n"
	                   "bind ledger <F7> ledger-filter\r\n"
	                   "  bind   lot   h   lot-hold  \n"
	                   "bind global <F7> menu\n";
	int ledger_chain[] = {SCREEN_LEDGER, SCOPE_GLOBAL};
	int lot_chain[] = {SCREEN_LOT, SCOPE_GLOBAL};
	(void)state;
	keymap_init(&km);
	assert_int_equal(keymap_parse(&km, text, strlen(text), "t.keys", collect, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, LK_F(7)), ACT_LEDGER_FILTER);
	assert_int_equal(keymap_lookup(&km, lot_chain, 2, LK_F(7)), ACT_MENU);
	assert_int_equal(keymap_lookup(&km, lot_chain, 2, 'h'), ACT_LOT_HOLD);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, 'h'), -1);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, LK_F(1)), ACT_HELP);

	/* a user file overrides: rebind, unbind, and the screen falls back to global */
	const char *user = "bind ledger <F7> ledger-sort\nunbind global <F1>\n"
	                   "unbind ledger <F7>\nbind global ? view-today\n";
	assert_int_equal(keymap_parse(&km, user, strlen(user), "user", collect, &r), 0);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, LK_F(7)), ACT_MENU);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, LK_F(1)), -1);
	assert_int_equal(keymap_lookup(&km, ledger_chain, 2, '?'), ACT_VIEW_TODAY);
	assert_int_equal(action_view_screen(ACT_VIEW_TODAY), SCREEN_TODAY);

	int keys[4];
	assert_int_equal(keymap_keys(&km, SCREEN_LOT, ACT_LOT_HOLD, keys, 4), 1);
	assert_int_equal(keys[0], 'h');
	keymap_free(&km);
}

static void bad_lines(void **state)
{
	struct keymap km;
	struct reports r = {0};
	const char *text = "bind ledger <F7> ledger-filter\n"
	                   "bind nowhere <F2> help\n"
	                   "bind ledger <F99> help\n"
	                   "bind ledger <F3> fly\n"
	                   "bond ledger <F3> help\n"
	                   "bind ledger <F3>\n"
	                   "unbind ledger\n"
	                   "bind ledger <F4> ledger-export extra\n"
	                   "bind ledger <F5> ledger-sort\n";
	int chain[] = {SCREEN_LEDGER, SCOPE_GLOBAL};
	(void)state;
	keymap_init(&km);
	assert_int_equal(keymap_parse(&km, text, strlen(text), "my.keys", collect, &r), 7);
	assert_int_equal(r.n, 7);
	assert_string_equal(r.msg[0], "my.keys:2: unknown screen 'nowhere'");
	assert_string_equal(r.msg[1], "my.keys:3: '<F99>' is not a key name");
	assert_string_equal(r.msg[2], "my.keys:4: unknown action 'fly'");
	assert_string_equal(r.msg[3], "my.keys:5: 'bond' is not bind or unbind");
	assert_string_equal(r.msg[4], "my.keys:6: bind needs a screen, a key and an action");
	assert_string_equal(r.msg[5], "my.keys:7: unbind needs a screen and a key");
	assert_string_equal(r.msg[6], "my.keys:8: bind needs a screen, a key and an action");
	/* the good lines around the bad ones loaded */
	assert_int_equal(keymap_lookup(&km, chain, 2, LK_F(7)), ACT_LEDGER_FILTER);
	assert_int_equal(keymap_lookup(&km, chain, 2, LK_F(5)), ACT_LEDGER_SORT);
	assert_int_equal(keymap_lookup(&km, chain, 2, LK_F(3)), -1);

	/* binary garbage: reported, never a crash */
	const char junk[] = "bind\0ledger x help\n\xff\xfe bind\n";
	r.n = 0;
	assert_int_equal(keymap_parse(&km, junk, sizeof(junk) - 1, "junk", collect, &r), 2);
	keymap_free(&km);
}

static void missing_file(void **state)
{
	struct keymap km;
	struct reports r = {0};
	(void)state;
	keymap_init(&km);
	assert_int_equal(keymap_load_file(&km, "/nonexistent/keys", collect, &r), -1);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.msg[0], "/nonexistent/keys: cannot read"));
	keymap_free(&km);
}

/* The compiled-in keymaps are the shipped text: a bad line fails here. */
static void builtin_keymaps_parse(void **state)
{
	(void)state;
	assert_true(builtin_keymap_count >= 3);
	assert_non_null(keymap_builtin("default"));
	assert_non_null(keymap_builtin("rf"));
	assert_non_null(keymap_builtin("vi"));
	for (int i = 0; i < builtin_keymap_count; i++) {
		struct keymap km;
		struct reports r = {0};
		const char *t = builtin_keymaps[i].text;
		int chain[] = {SCREEN_LEDGER, SCOPE_GLOBAL};
		keymap_init(&km);
		int bad = keymap_parse(&km, t, strlen(t), builtin_keymaps[i].name, collect, &r);
		if (r.n)
			fail_msg("%s", r.msg[0]);
		assert_int_equal(bad, 0);
		/* help and back are reachable everywhere in every keymap */
		int keys[4];
		assert_true(keymap_keys(&km, SCOPE_GLOBAL, ACT_HELP, keys, 4) > 0);
		assert_true(keymap_keys(&km, SCOPE_GLOBAL, ACT_BACK, keys, 4) > 0);
		assert_true(keymap_lookup(&km, chain, 2, LK_ENTER) == ACT_OPEN);
		keymap_free(&km);
	}
	/* handhelds have no F-keys: rf binds none */
	struct keymap km;
	const char *t = keymap_builtin("rf");
	keymap_init(&km);
	keymap_parse(&km, t, strlen(t), "rf", NULL, NULL);
	for (int i = 0; i < km.n; i++)
		assert_false(km.b[i].key >= LK_F(1) && km.b[i].key <= LK_F(LK_F_MAX));
	keymap_free(&km);
}

/* Every action has a name that reads back, a label and help. */
static void action_table(void **state)
{
	char buf[256];
	(void)state;
	for (int a = 0; a < ACT_COUNT; a++) {
		assert_int_equal(action_by_name(action_name(a)), a);
		assert_true(action_label(a)[0] != '\0');
		assert_true(action_help(a, buf, sizeof(buf))[0] != '\0');
	}
	assert_int_equal(action_by_name("view-ledger"), ACT_VIEW_LEDGER);
	assert_int_equal(scope_by_name("global"), SCOPE_GLOBAL);
	assert_int_equal(scope_by_name("ledger"), SCREEN_LEDGER);
	assert_int_equal(scope_by_name("receiving"), SCREEN_RECEIVING);
	assert_int_equal(scope_by_name("nowhere"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(key_names),
	    cmocka_unit_test(names_round_trip),
	    cmocka_unit_test(key_parse_advances),
	    cmocka_unit_test(bind_and_lookup),
	    cmocka_unit_test(bad_lines),
	    cmocka_unit_test(missing_file),
	    cmocka_unit_test(builtin_keymaps_parse),
	    cmocka_unit_test(action_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
