/* Key codes of the user interface, independent of curses: a character is its
 * Unicode code point, control keys are their control codes, and the keys that
 * have no character (arrows, F-keys, Enter) live above the Unicode range. Keeping
 * curses out of this file lets the keymap parser be tested and fuzzed alone. */
#ifndef LOTLINE_UI_KEYS_H
#define LOTLINE_UI_KEYS_H

#define LK_TAB        9
#define LK_ESC        27
#define LK_CTRL(c)    ((c)&0x1f)
#define LK_SPECIAL    0x110000
#define LK_F(n)       (LK_SPECIAL + 0x100 + (n))
#define LK_F_MAX      24
#define LK_IS_CHAR(k) ((k) >= 0x20 && (k) < LK_SPECIAL && (k) != 0x7f)

enum lk_special {
	LK_ENTER = LK_SPECIAL,
	LK_BTAB,
	LK_UP,
	LK_DOWN,
	LK_LEFT,
	LK_RIGHT,
	LK_PGUP,
	LK_PGDN,
	LK_HOME,
	LK_END,
	LK_INSERT,
	LK_DELETE,
	LK_BACKSPACE,
	LK_RESIZE,
};

#endif
