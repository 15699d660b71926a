/* Curses set-up and drawing primitives (see term.h). */
#include "ui/term.h"
#include "src/i18n.h"
#include "src/textwidth.h"
#include "src/util.h"

#include <curses.h>
#include <langinfo.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

static SCREEN *screen;
static FILE *out_fp, *in_fp;
static int started, colour, ascii_only;
static attr_t attrs[ST_COUNT];

/* Colour and monochrome looks of each style. Monochrome must still tell
 * expired, expiring and held lots apart; the table adds markers for that. */
static void styles_init(void)
{
	static const struct {
		short fg, bg;
		attr_t colour_extra, mono;
	} look[ST_COUNT] = {
	    [ST_NORMAL] = {-1, -1, 0, 0},
	    [ST_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	    [ST_HEADER] = {-1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
	    [ST_SELECTED] = {-1, -1, A_REVERSE, A_REVERSE},
	    [ST_INFO] = {COLOR_GREEN, -1, 0, 0},
	    [ST_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	    [ST_BAR_KEY] = {-1, -1, 0, 0},
	    [ST_BAR_LABEL] = {-1, -1, A_REVERSE, A_REVERSE},
	    [ST_EXPIRED] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	    [ST_EXPIRING] = {COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE},
	    [ST_HELD] = {COLOR_MAGENTA, -1, 0, 0},
	    [ST_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	    [ST_FIELD_FOCUS] = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
	    [ST_DIM] = {-1, -1, A_DIM, A_DIM},
	};
	for (int i = 0; i < ST_COUNT; i++) {
		if (colour && (look[i].fg != -1 || look[i].bg != -1)) {
			init_pair((short)i, look[i].fg, look[i].bg);
			attrs[i] = COLOR_PAIR(i) | look[i].colour_extra;
		} else {
			attrs[i] = colour ? look[i].colour_extra : look[i].mono;
		}
	}
}

static int want_colour(void)
{
	const char *no = getenv("NO_COLOR");
	const char *pref = getenv("LOTLINE_COLOR");
	if (pref && !strcmp(pref, "never"))
		return 0;
	if (no && *no && !(pref && !strcmp(pref, "always")))
		return 0;
	return has_colors();
}

int term_start(int script)
{
	const char *term = getenv("TERM");
	if (script) {
		const char *path = getenv("LOTLINE_TERM_OUTPUT");
		out_fp = fopen(path && *path ? path : "/dev/null", "w");
		in_fp = fopen("/dev/null", "r");
		if (!out_fp || !in_fp) {
			fprintf(stderr, _("lotline: cannot open the virtual terminal's output\n"));
			return -1;
		}
		/* a terminal type this system lacks still gives a (plain) screen */
		screen = newterm(term && *term ? term : "dumb", out_fp, in_fp);
		if (!screen)
			screen = newterm("dumb", out_fp, in_fp);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, _("lotline: the screens need a terminal; run a command "
			                  "instead (lotline --help)\n"));
			return -1;
		}
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen) {
		fprintf(stderr, _("lotline: cannot use terminal type '%s'\n"), term ? term : "");
		return -1;
	}
	set_term(screen);
	started = 1;
	die_hook = term_stop;
	/* ESC answers at once: escape sequences from a terminal arrive together */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	leaveok(stdscr, FALSE);
	const char *cs = nl_langinfo(CODESET);
	ascii_only = !(cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8")));
	colour = want_colour();
	if (colour) {
		start_color();
		use_default_colors();
	}
	styles_init();
	curs_set(0);
	return 0;
}

void term_stop(void)
{
	if (!started)
		return;
	started = 0;
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
	if (out_fp)
		fclose(out_fp);
	if (in_fp)
		fclose(in_fp);
	out_fp = in_fp = NULL;
}

void term_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

void term_resize(int rows, int cols)
{
	resizeterm(rows, cols);
}

void term_resized(void)
{
	/* curses already took the new size (KEY_RESIZE); repaint it all */
	clearok(curscr, TRUE);
}

void term_begin(void)
{
	werase(stdscr);
}

void term_end(int y, int x)
{
	if (y >= 0) {
		curs_set(1);
		move(y, x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

void term_repaint(void)
{
	clearok(curscr, TRUE);
}

int term_has_colour(void)
{
	return colour;
}

/* Without a UTF-8 locale, curses would draw other bytes as M-x: show '?'. */
static void ascii_fold(char *s)
{
	char *o = s;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			*o++ = (char)*p;
		else if ((*p & 0xc0) != 0x80)
			*o++ = '?';
	}
	*o = '\0';
}

void term_fit(const char *s, int w, int middle, char *buf, size_t n)
{
	if (w <= 0) {
		buf[0] = '\0';
		return;
	}
	if (!middle || text_width(s) <= w || w < 5) {
		text_fit(s, w, 0, buf, n);
		return;
	}
	/* the start and the end: lot codes differ at the end */
	size_t len = strlen(s);
	int tail = (w - 1) / 2, head = w - 1 - tail;
	char first[256];
	text_fit(s, head + 1, 0, first, sizeof(first)); /* head cells and a '~' */
	/* the last `tail` cells, at a character boundary */
	const char *t = s + len;
	while (t > s && text_width(t) < tail) {
		t--;
		while (t > s && ((unsigned char)*t & 0xc0) == 0x80)
			t--;
	}
	if (text_width(t) > tail)
		while (*t && text_width(t) > tail)
			t++;
	snprintf(buf, n, "%s%s", first, t);
}

static void put(int y, int x, const char *s, enum style st)
{
	attrset(attrs[st]);
	mvaddstr(y, x, s);
	attrset(A_NORMAL);
}

/* The text as this terminal can show it, then fitted to w cells. */
static void fit(const char *s, int w, int pad, char *buf, size_t n)
{
	char folded[1024];
	if (ascii_only) {
		snprintf(folded, sizeof(folded), "%s", s ? s : "");
		ascii_fold(folded);
		s = folded;
	}
	text_fit(s ? s : "", w, pad, buf, n);
}

void term_put(int y, int x, int w, const char *s, enum style st)
{
	char buf[1024];
	if (w <= 0)
		return;
	fit(s, w, 1, buf, sizeof(buf));
	put(y, x, buf, st);
}

void term_put_right(int y, int x, int w, const char *s, enum style st)
{
	char buf[1024], pad[1100];
	if (w <= 0)
		return;
	fit(s, w, 0, buf, sizeof(buf));
	int used = text_width(buf);
	snprintf(pad, sizeof(pad), "%*s%s", w - used > 0 ? w - used : 0, "", buf);
	put(y, x, pad, st);
}

int term_text(int y, int x, int maxw, const char *s, enum style st)
{
	char buf[1024];
	if (maxw <= 0)
		return 0;
	fit(s, maxw, 0, buf, sizeof(buf));
	put(y, x, buf, st);
	return text_width(buf);
}

int term_save(const char *path)
{
	FILE *fp = fopen(path, "w");
	int rows, cols;
	if (!fp)
		return -1;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		char line[4096];
		size_t len = 0, keep = 0;
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t a;
			short pair;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &a, &pair, NULL) == ERR) {
				wc[0] = L' ';
				wc[1] = 0;
			}
			for (int i = 0; wc[i] && len + MB_LEN_MAX < sizeof(line); i++) {
				char mb[MB_LEN_MAX];
				mbstate_t ms;
				memset(&ms, 0, sizeof(ms));
				size_t n = wcrtomb(mb, wc[i], &ms);
				if (n == (size_t)-1) {
					mb[0] = '?';
					n = 1;
				}
				memcpy(line + len, mb, n);
				len += n;
			}
			if (!wc[0])
				line[len++] = ' ';
			if (wc[0] != L' ')
				keep = len;
			/* a wide character fills the next cell too */
			int cw = wcwidth(wc[0]);
			if (cw > 1)
				x += cw - 1;
		}
		fwrite(line, 1, keep, fp);
		fputc('\n', fp);
	}
	return fclose(fp) == 0 ? 0 : -1;
}

long term_bytes(void)
{
	struct stat st;
	if (!out_fp)
		return 0;
	fflush(out_fp);
	if (fstat(fileno(out_fp), &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	return (long)st.st_size;
}
