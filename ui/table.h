/* The table widget: a window of rows over a source that pages (keyset, from
 * SQLite) or over an in-memory list; selection, scrolling, column fitting by
 * priority (columns drop on narrow terminals), markers and drawing. A screen
 * supplies the rows and their cells; the widget does the rest. */
#ifndef LOTLINE_UI_TABLE_H
#define LOTLINE_UI_TABLE_H

#include "ui/term.h"
#include "ui/ui.h"

#include <stddef.h>

#define TABLE_MAX_COLS 16

struct table_col {
	const char *title; /* N_() */
	int width;         /* cells it would like */
	int min;           /* fewest cells it can live with */
	int prio;          /* 1 drops last */
	int right;         /* right-aligned (numbers) */
	int middle;        /* cut in the middle (codes differ at the end) */
	int flex;          /* takes whatever width is left, down to min */
};

struct table_src {
	size_t row_size;
	/* Paging source: up to n rows after (dir > 0) or before (dir < 0) `from`
	 * (and `from` itself when incl), nearest first; from NULL: from the first
	 * or the last row. Returns how many, or -1 with the message stored. */
	int (*fetch)(void *ctx, const void *from, int incl, int dir, void *out, int n);
	/* In-memory source instead (fetch NULL): rows are indexes 0..count-1 (int). */
	int (*count)(void *ctx);
	/* The text of column col of a row; buf is scratch space for it. */
	const char *(*cell)(void *ctx, const void *row, int col, char *buf, size_t n);
	/* The row's marker (' ' for none) and style; NULL: no markers. */
	enum style (*mark)(void *ctx, const void *row, char *marker);
};

struct table {
	struct ui *ui;
	const struct table_col *cols;
	int ncols;
	const struct table_src *src;
	void *ctx;
	int sort_col, sort_desc; /* the header marks the sort column; -1: none */
	const char *empty;       /* shown when there are no rows (translated) */
	int no_marker_col;       /* mark() gives the style only: no column for markers */
	char *rows, *tmp;
	int n, cap, sel;
	int stale; /* read the first page at the next draw */
	int want;  /* in-memory row to select once the height is known, or -1 */
	int shown[TABLE_MAX_COLS], width[TABLE_MAX_COLS], nshown;
};

void table_init(struct table *t, struct ui *ui, const struct table_col *cols, int ncols,
                const struct table_src *src, void *ctx);
void table_free(struct table *t);
/* Start again from the first row (after the query changed); read at the next draw. */
void table_reset(struct table *t);
/* Read the shown rows again from the first one shown (after a change), keeping
 * the selection where it was. Errors go to the status line. */
void table_refresh(struct table *t);
/* Scrolling and selection actions; RES_NOT_MINE for others. */
enum result table_action(struct table *t, int action);
/* The selected row, or NULL. For in-memory sources, a pointer to its int index. */
const void *table_selected(const struct table *t);
/* Select an in-memory row by index. */
void table_select_index(struct table *t, int idx);
/* Draw in r: the header on the first line, rows below. */
void table_draw(struct table *t, const struct rect *r);
/* How many rows fit, as the last draw saw it. */
int table_page_rows(const struct table *t);

#endif
