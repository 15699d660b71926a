/* The table widget (see table.h). It holds only the rows on screen: scrolling
 * asks the source for the rows next to the first or last one shown, so a
 * million-row source costs the same as a ten-row one. */
#include "ui/table.h"
#include "src/i18n.h"
#include "src/textwidth.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW(t, buf, i) ((buf) + (size_t)(i) * (t)->src->row_size)

void table_init(struct table *t, struct ui *ui, const struct table_col *cols, int ncols,
                const struct table_src *src, void *ctx)
{
	memset(t, 0, sizeof(*t));
	t->ui = ui;
	t->cols = cols;
	t->ncols = ncols < TABLE_MAX_COLS ? ncols : TABLE_MAX_COLS;
	t->src = src;
	t->ctx = ctx;
	t->sort_col = -1;
	t->stale = 1;
	t->want = -1;
}

void table_free(struct table *t)
{
	free(t->rows);
	free(t->tmp);
	t->rows = t->tmp = NULL;
	t->n = t->cap = 0;
}

/* In-memory sources page over indexes. */
static int fetch(struct table *t, const void *from, int incl, int dir, void *out, int n)
{
	if (t->src->fetch) {
		int got = t->src->fetch(t->ctx, from, incl, dir, out, n);
		if (got < 0)
			ui_error(t->ui, NULL);
		return got < 0 ? 0 : got;
	}
	int count = t->src->count(t->ctx), got = 0;
	int i = from ? *(const int *)from + (incl ? 0 : dir) : dir > 0 ? 0 : count - 1;
	int *o = out;
	for (; got < n && i >= 0 && i<count; i += dir> 0 ? 1 : -1)
		o[got++] = i;
	return got;
}

static void set_cap(struct table *t, int cap)
{
	if (cap < 1)
		cap = 1;
	if (cap == t->cap)
		return;
	t->rows = xrealloc(t->rows, (size_t)cap * t->src->row_size);
	t->tmp = xrealloc(t->tmp, (size_t)cap * t->src->row_size);
	t->cap = cap;
}

static void reverse_into(struct table *t, char *dst, const char *src, int k)
{
	size_t sz = t->src->row_size;
	for (int i = 0; i < k; i++)
		memcpy(dst + (size_t)i * sz, src + (size_t)(k - 1 - i) * sz, sz);
}

static void load_first(struct table *t)
{
	t->n = fetch(t, NULL, 0, 1, t->rows, t->cap);
	t->sel = 0;
	t->stale = 0;
}

static void load_last(struct table *t)
{
	int k = fetch(t, NULL, 0, -1, t->tmp, t->cap);
	reverse_into(t, t->rows, t->tmp, k);
	t->n = k;
	t->sel = k ? k - 1 : 0;
	t->stale = 0;
}

void table_reset(struct table *t)
{
	t->stale = 1;
	t->n = 0;
	t->sel = 0;
}

void table_refresh(struct table *t)
{
	if (t->stale || t->n == 0) {
		load_first(t);
		return;
	}
	size_t sz = t->src->row_size;
	memcpy(t->tmp, t->rows, sz);
	int k = fetch(t, t->tmp, 1, 1, t->rows, t->cap);
	if (k == 0) {
		load_last(t);
		return;
	}
	t->n = k;
	/* fewer rows below than before: fill the window from above */
	if (k < t->cap) {
		int more = fetch(t, t->rows, 0, -1, t->tmp, t->cap - k);
		if (more > 0) {
			memmove(t->rows + (size_t)more * sz, t->rows, (size_t)k * sz);
			reverse_into(t, t->rows, t->tmp, more);
			t->n += more;
			t->sel += more;
		}
	}
	if (t->sel >= t->n)
		t->sel = t->n - 1;
	if (t->sel < 0)
		t->sel = 0;
}

/* A new height: keep the first row and the selection in view. */
static void set_height(struct table *t, int h)
{
	if (h == t->cap && !t->stale)
		return;
	size_t sz = t->src->row_size;
	if (t->stale) {
		set_cap(t, h);
		load_first(t);
		return;
	}
	if (h < t->cap) {
		int drop = t->sel >= h ? t->sel - h + 1 : 0;
		if (drop)
			memmove(t->rows, t->rows + (size_t)drop * sz, (size_t)(t->n - drop) * sz);
		t->n -= drop;
		t->sel -= drop;
		if (t->n > h)
			t->n = h;
		set_cap(t, h);
		return;
	}
	set_cap(t, h);
	if (t->n > 0) {
		memcpy(t->tmp, t->rows + (size_t)(t->n - 1) * sz, sz);
		t->n += fetch(t, t->tmp, 0, 1, t->rows + (size_t)t->n * sz, t->cap - t->n);
	} else {
		load_first(t);
	}
}

/* Bring up to `by` rows in below (above); returns how many came. */
static int scroll_down(struct table *t, int by)
{
	size_t sz = t->src->row_size;
	if (t->n == 0)
		return 0;
	memcpy(t->tmp, t->rows + (size_t)(t->n - 1) * sz, sz);
	int k = fetch(t, t->tmp, 0, 1, t->tmp + sz, by < t->cap - 1 ? by : t->cap - 1);
	if (k == 0)
		return 0;
	int keep = t->n + k > t->cap ? t->cap - k : t->n;
	memmove(t->rows, t->rows + (size_t)(t->n - keep) * sz, (size_t)keep * sz);
	memcpy(t->rows + (size_t)keep * sz, t->tmp + sz, (size_t)k * sz);
	t->sel -= t->n - keep;
	t->n = keep + k;
	return k;
}

static int scroll_up(struct table *t, int by)
{
	size_t sz = t->src->row_size;
	if (t->n == 0)
		return 0;
	memcpy(t->tmp, t->rows, sz);
	int k = fetch(t, t->tmp, 0, -1, t->tmp + sz, by < t->cap - 1 ? by : t->cap - 1);
	if (k == 0)
		return 0;
	int keep = t->n + k > t->cap ? t->cap - k : t->n;
	memmove(t->rows + (size_t)k * sz, t->rows, (size_t)keep * sz);
	reverse_into(t, t->rows, t->tmp + sz, k);
	t->sel += k;
	t->n = keep + k;
	return k;
}

enum result table_action(struct table *t, int action)
{
	if (t->stale && t->cap)
		load_first(t);
	switch (action) {
	case ACT_MOVE_DOWN:
		if (t->sel < t->n - 1)
			t->sel++;
		else {
			scroll_down(t, 1);
			if (t->sel < t->n - 1)
				t->sel++;
		}
		return RES_HANDLED;
	case ACT_MOVE_UP:
		if (t->sel > 0)
			t->sel--;
		else {
			scroll_up(t, 1);
			if (t->sel > 0)
				t->sel--;
		}
		return RES_HANDLED;
	case ACT_PAGE_DOWN: {
		/* the same place on the next page; at the end, the last row */
		int at = t->sel;
		if (t->n < t->cap || scroll_down(t, t->cap) == 0)
			t->sel = t->n - 1;
		else
			t->sel = at < t->n ? at : t->n - 1;
		if (t->sel < 0)
			t->sel = 0;
		return RES_HANDLED;
	}
	case ACT_PAGE_UP: {
		int at = t->sel;
		if (scroll_up(t, t->cap) == 0)
			t->sel = 0;
		else
			t->sel = at < t->n ? at : t->n - 1;
		return RES_HANDLED;
	}
	case ACT_MOVE_FIRST:
		load_first(t);
		return RES_HANDLED;
	case ACT_MOVE_LAST:
		load_last(t);
		return RES_HANDLED;
	}
	return RES_NOT_MINE;
}

const void *table_selected(const struct table *t)
{
	if (t->stale || t->n == 0)
		return NULL;
	return ROW(t, t->rows, t->sel);
}

void table_select_index(struct table *t, int idx)
{
	int count = t->src->count ? t->src->count(t->ctx) : 0;
	if (t->src->fetch || idx < 0 || idx >= count)
		return;
	if (t->cap == 0) {
		t->want = idx;
		return;
	}
	if (t->stale)
		load_first(t);
	int *rows = (int *)(void *)t->rows;
	if (t->n && idx >= rows[0] && idx <= rows[t->n - 1]) {
		t->sel = idx - rows[0];
		return;
	}
	/* bring it into view at the top (or as low as the end allows) */
	int first = idx;
	if (first + t->cap > count)
		first = count - t->cap > 0 ? count - t->cap : 0;
	t->n = 0;
	for (int i = first; i < count && t->n < t->cap; i++)
		rows[t->n++] = i;
	t->sel = idx - first;
}

int table_page_rows(const struct table *t)
{
	return t->cap;
}

/* In halves: the sort column comes right after the two most important ones. */
static int col_prio(const struct table *t, int c)
{
	int p = t->cols[c].prio * 2;
	return c == t->sort_col && p > 5 ? 5 : p;
}

/* Choose the columns that fit, by priority: the two most important ones and
 * flexible ones at their least width, the others only at the width they want
 * (a column cut to nothing helps nobody: it drops instead); then what is left
 * widens the chosen ones, most important first. */
static void fit_columns(struct table *t, int avail)
{
	int order[TABLE_MAX_COLS], chosen[TABLE_MAX_COLS] = {0};
	for (int i = 0; i < t->ncols; i++)
		order[i] = i;
	/* the sort column always shows: it says what the order is */
	for (int i = 1; i < t->ncols; i++)
		for (int j = i; j > 0 && col_prio(t, order[j]) < col_prio(t, order[j - 1]); j--) {
			int x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	int used = 0, count = 0;
	for (int i = 0; i < t->ncols; i++) {
		const struct table_col *c = &t->cols[order[i]];
		int w = i < 2 || c->flex ? c->min : c->width;
		int need = w + (count ? 1 : 0);
		if (used + need <= avail) {
			chosen[order[i]] = w;
			used += need;
			count++;
		}
	}
	int extra = avail - used;
	for (int i = 0; i < t->ncols && extra > 0; i++) {
		int c = order[i];
		if (!chosen[c])
			continue;
		int more = t->cols[c].width - chosen[c];
		if (more > extra)
			more = extra;
		if (more > 0) {
			chosen[c] += more;
			extra -= more;
		}
	}
	t->nshown = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (chosen[i]) {
			t->shown[t->nshown] = i;
			t->width[t->nshown++] = chosen[i];
		}
	}
}

void table_draw(struct table *t, const struct rect *r)
{
	char buf[512], fit[512];
	int markers = t->src->mark != NULL && !t->no_marker_col;
	int x0 = r->x + (markers ? 2 : 0);
	int avail = r->w - (markers ? 2 : 0);
	if (r->h < 2 || r->w < 4)
		return;
	set_height(t, r->h - 1);
	if (t->want >= 0) {
		int idx = t->want;
		t->want = -1;
		table_select_index(t, idx);
	}
	fit_columns(t, avail);

	/* the header, with the sort column marked */
	term_put(r->y, r->x, r->w, "", ST_HEADER);
	for (int i = 0, x = x0; i < t->nshown; i++) {
		int c = t->shown[i];
		const char *title = _(t->cols[c].title);
		if (c == t->sort_col) {
			/* the sort mark stays visible however narrow the column */
			char cut[256];
			term_fit(title, t->width[i] - 1, 0, cut, sizeof(cut));
			snprintf(buf, sizeof(buf), "%s%s", cut, t->sort_desc ? "v" : "^");
			title = buf;
		}
		if (t->cols[c].right)
			term_put_right(r->y, x, t->width[i], title, ST_HEADER);
		else
			term_put(r->y, x, t->width[i], title, ST_HEADER);
		x += t->width[i] + 1;
	}
	if (t->n == 0 && t->empty)
		term_put(r->y + 1, x0, avail, t->empty, ST_DIM);

	for (int row = 0; row < t->n && row < r->h - 1; row++) {
		const void *data = ROW(t, t->rows, row);
		int y = r->y + 1 + row;
		char marker = ' ';
		enum style st = t->src->mark ? t->src->mark(t->ctx, data, &marker) : ST_NORMAL;
		/* The selection covers the marker and the first two columns (what names
		 * the row): moving it rewrites those cells, not two whole rows. */
		int bar = row == t->sel ? x0 - r->x : 0;
		for (int i = 0; row == t->sel && i < t->nshown && i < 2; i++)
			bar += t->width[i] + (i ? 1 : 0);
		if (st != ST_NORMAL)
			term_put(y, r->x, r->w, "", st);
		if (bar)
			term_put(y, r->x, bar, "", ST_SELECTED);
		if (markers) {
			char m[2] = {marker, '\0'};
			term_put(y, r->x, 1, m, bar ? ST_SELECTED : st);
		}
		for (int i = 0, x = x0; i < t->nshown; i++) {
			int c = t->shown[i];
			enum style cs = bar && x < r->x + bar ? ST_SELECTED : st;
			const char *text = t->src->cell(t->ctx, data, c, buf, sizeof(buf));
			term_fit(text ? text : "", t->width[i], t->cols[c].middle, fit,
			         sizeof(fit));
			if (t->cols[c].right)
				term_put_right(y, x, t->width[i], fit, cs);
			else
				term_put(y, x, t->width[i], fit, cs);
			x += t->width[i] + 1;
			/* a styled row ends where its last text ends: blanks with a style
			 * after it cost the terminal a clear for nothing */
			if (i == t->nshown - 1 && st != ST_NORMAL && cs == st) {
				int end = t->cols[c].right ? x - 1
				                           : x - 1 - t->width[i] + text_width(fit);
				term_put(y, end, r->x + r->w - end, "", ST_NORMAL);
			}
		}
	}
}
