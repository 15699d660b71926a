/* The terminal: curses set-up on a real terminal or on a virtual one (test
 * mode), styles that work in colour and in monochrome, text drawing fitted to
 * cells, and saving the screen as plain text. The only file that sets curses up. */
#ifndef LOTLINE_UI_TERM_H
#define LOTLINE_UI_TERM_H

#include <stddef.h>

enum style {
	ST_NORMAL,
	ST_TITLE,
	ST_HEADER,
	ST_SELECTED,
	ST_INFO,
	ST_ERROR,
	ST_BAR_KEY,
	ST_BAR_LABEL,
	ST_EXPIRED,
	ST_EXPIRING,
	ST_HELD,
	ST_FIELD,
	ST_FIELD_FOCUS,
	ST_DIM,
	ST_COUNT
};

/* Start curses: on the terminal, or (script mode) on a virtual terminal whose
 * output goes to $LOTLINE_TERM_OUTPUT or /dev/null, sized by $LINES/$COLUMNS.
 * Returns 0, or -1 with a message on stderr. */
int term_start(int script);
/* Give the terminal back (safe to call twice; die() calls it). */
void term_stop(void);
void term_size(int *rows, int *cols);
/* Test mode: the virtual terminal changes size. */
void term_resize(int rows, int cols);
/* Real terminal: curses noticed a new size. */
void term_resized(void);
/* Start a frame (erase the virtual screen; curses sends only what changed). */
void term_begin(void);
/* Send the frame; the cursor shows at (y, x) unless y < 0. */
void term_end(int y, int x);
/* The next frame repaints the whole terminal. */
void term_repaint(void);

/* Draw s at (y, x) in exactly w cells: cut with '~' when longer, padded with
 * spaces. Right-aligned when right. */
void term_put(int y, int x, int w, const char *s, enum style st);
void term_put_right(int y, int x, int w, const char *s, enum style st);
/* Draw s without padding; returns the cells used. */
int term_text(int y, int x, int maxw, const char *s, enum style st);
/* Fit text to w cells into buf (cut with '~', not padded), keeping the start
 * and the end when middle ("LOT-26~DM002"). */
void term_fit(const char *s, int w, int middle, char *buf, size_t n);
/* Does the terminal show colour? (off: $NO_COLOR, LOTLINE_COLOR=never, or the
 * terminal has none.) */
int term_has_colour(void);

/* Write the screen as text, rows trimmed of trailing spaces. */
int term_save(const char *path);
/* Bytes sent to the virtual terminal so far (test mode with an output file). */
long term_bytes(void);

#endif
