/* Keys from curses or from a test script, turned into lotline key codes and
 * events (see input.h). */
#include "ui/input.h"
#include "src/i18n.h"
#include "src/util.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/scanner.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static FILE *script;
static const char *script_path;
static int script_line;
static char pending_keys[4096]; /* the rest of a script line of keys */
static const char *next_key;
static volatile sig_atomic_t stop_signal;
static struct input_event saved; /* one event read ahead by input_pending() */
static int have_saved;
static struct scan_config scan_cfg = {30, 4, 0, 0};
static struct input_event queued[SCAN_MAX + 2]; /* keys of a burst that was typing */
static int nqueued, qpos;

void input_set_scanner(const struct scan_config *c)
{
	scan_cfg = *c;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_signal(int sig)
{
	stop_signal = sig;
}

int input_open(void)
{
	const char *path = getenv("LOTLINE_SCRIPT");
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a waiting read returns and the loop leaves cleanly */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (!path || !*path)
		return 0;
	script = fopen(path, "r");
	if (!script) {
		fprintf(stderr, _("lotline: LOTLINE_SCRIPT %s: %s\n"), path, strerror(errno));
		return -1;
	}
	script_path = path;
	return 0;
}

void input_close(void)
{
	if (script)
		fclose(script);
	script = NULL;
}

int input_is_script(void)
{
	return script != NULL;
}

int input_stop_requested(void)
{
	return stop_signal != 0;
}

static void describe_key(struct input_event *ev)
{
	char name[32];
	snprintf(ev->desc, sizeof(ev->desc), "key %s", lk_name(ev->key, name, sizeof(name)));
}

/* A broken script is a broken test: stop at once, naming the line. */
static void __attribute__((noreturn)) script_die(const char *what, const char *arg)
{
	die("%s:%d: %s '%s'", script_path, script_line, what, arg);
}

static int script_command(char *line, struct input_event *ev)
{
	char *arg = strchr(line, ' ');
	if (arg)
		*arg++ = '\0';
	else
		arg = line + strlen(line);
	snprintf(ev->desc, sizeof(ev->desc), "%s", line);
	if (!strcmp(line, ":scan")) {
		ev->kind = IN_SCAN;
		strlcpy_(ev->text, arg, sizeof(ev->text));
	} else if (!strcmp(line, ":save-screen")) {
		ev->kind = IN_SAVE_SCREEN;
		strlcpy_(ev->text, arg, sizeof(ev->text));
		if (!*arg)
			script_die(_("save-screen needs a file"), "");
	} else if (!strcmp(line, ":resize")) {
		ev->kind = IN_RESIZE;
		if (sscanf(arg, "%dx%d", &ev->cols, &ev->rows) != 2 || ev->cols < 1 ||
		    ev->rows < 1 || ev->cols > 1000 || ev->rows > 1000)
			script_die(_("resize takes COLSxROWS, not"), arg);
	} else if (!strcmp(line, ":idle")) {
		ev->kind = IN_IDLE;
		ev->minutes = atoi(arg);
	} else {
		script_die(_("unknown script command"), line);
	}
	return 1;
}

static void script_next(struct input_event *ev)
{
	char line[sizeof(pending_keys)];
	for (;;) {
		if (next_key && *next_key) {
			const char *p = next_key;
			int k = lk_parse(&p);
			if (k < 0)
				script_die(_("not a key"), next_key);
			next_key = p;
			ev->kind = IN_KEY;
			ev->key = k;
			describe_key(ev);
			return;
		}
		if (!fgets(line, sizeof(line), script)) {
			ev->kind = IN_END;
			snprintf(ev->desc, sizeof(ev->desc), "end");
			return;
		}
		script_line++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] == ':') {
			script_command(line, ev);
			return;
		}
		strlcpy_(pending_keys, line, sizeof(pending_keys));
		next_key = pending_keys;
	}
}

static int from_curses(int kind, wint_t wc)
{
	if (kind == OK) {
		if (wc == '\r' || wc == '\n')
			return LK_ENTER;
		if (wc == 127 || wc == 8)
			return LK_BACKSPACE;
		return (int)wc;
	}
	if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(LK_F_MAX))
		return LK_F((int)wc - KEY_F(0));
	switch (wc) {
	case KEY_UP:
		return LK_UP;
	case KEY_DOWN:
		return LK_DOWN;
	case KEY_LEFT:
		return LK_LEFT;
	case KEY_RIGHT:
		return LK_RIGHT;
	case KEY_PPAGE:
		return LK_PGUP;
	case KEY_NPAGE:
		return LK_PGDN;
	case KEY_HOME:
	case KEY_FIND: /* the VT220's Find key sits where Home is */
	case KEY_A1:
		return LK_HOME;
	case KEY_END:
	case KEY_SELECT: /* and Select where End is */
	case KEY_C1:
		return LK_END;
	case KEY_A3:
		return LK_PGUP;
	case KEY_C3:
		return LK_PGDN;
	case KEY_IC:
		return LK_INSERT;
	case KEY_DC:
		return LK_DELETE;
	case KEY_BACKSPACE:
		return LK_BACKSPACE;
	case KEY_ENTER:
		return LK_ENTER;
	case KEY_BTAB:
		return LK_BTAB;
	case KEY_RESIZE:
		return LK_RESIZE;
	}
	return -1;
}

static void terminal_next(struct input_event *ev, int timeout_ms)
{
	wint_t wc;
	timeout(timeout_ms);
	for (;;) {
		int kind = wget_wch(stdscr, &wc);
		if (stop_signal) {
			ev->kind = IN_END;
			snprintf(ev->desc, sizeof(ev->desc), "signal");
			return;
		}
		if (kind == ERR) {
			ev->kind = IN_TIMEOUT;
			snprintf(ev->desc, sizeof(ev->desc), "timeout");
			return;
		}
		int k = from_curses(kind, wc);
		if (k == LK_RESIZE) {
			ev->kind = IN_RESIZE;
			ev->rows = LINES;
			ev->cols = COLS;
			snprintf(ev->desc, sizeof(ev->desc), "resize");
			return;
		}
		if (k >= 0) {
			ev->kind = IN_KEY;
			ev->key = k;
			describe_key(ev);
			return;
		}
	}
}

/* Keys from the terminal, with scanner bursts gathered into one scan event:
 * after a character that could start a code, the following keys are read with
 * a timeout of the scanner's gap; a burst that scan_decide() calls a scan goes
 * out whole (no binding ever sees its keys), anything else is replayed as the
 * keys it was. A person's first key waits one gap (30 ms by default). */
static void terminal_event(struct input_event *ev, int timeout_ms)
{
	int keys[SCAN_MAX + 1], gaps[SCAN_MAX + 1], n = 0, terminated = 0;
	struct input_event tail;
	int have_tail = 0;
	char code[SCAN_MAX + 1];

	if (qpos < nqueued) {
		*ev = queued[qpos++];
		return;
	}
	terminal_next(ev, timeout_ms);
	if (ev->kind != IN_KEY || !scan_starts(&scan_cfg, ev->key))
		return;
	keys[n] = ev->key;
	gaps[n++] = 0;
	long long last = now_ms();
	while (n < SCAN_MAX) {
		struct input_event nx;
		memset(&nx, 0, sizeof(nx));
		terminal_next(&nx, scan_cfg.gap_ms);
		if (nx.kind != IN_KEY) {
			if (nx.kind != IN_TIMEOUT) {
				tail = nx;
				have_tail = 1;
			}
			break;
		}
		long long t = now_ms();
		keys[n] = nx.key;
		gaps[n++] = (int)(t - last);
		last = t;
		if (scan_ends(&scan_cfg, nx.key)) {
			terminated = 1;
			break;
		}
		if (!scan_starts(&scan_cfg, nx.key))
			break;
	}
	nqueued = qpos = 0;
	if (scan_decide(&scan_cfg, keys, gaps, n, terminated, code, sizeof(code))) {
		ev->kind = IN_SCAN;
		strlcpy_(ev->text, code, sizeof(ev->text));
		snprintf(ev->desc, sizeof(ev->desc), "scan");
	} else {
		for (int i = 1; i < n; i++) {
			memset(&queued[nqueued], 0, sizeof(queued[nqueued]));
			queued[nqueued].kind = IN_KEY;
			queued[nqueued].key = keys[i];
			describe_key(&queued[nqueued]);
			nqueued++;
		}
	}
	if (have_tail)
		queued[nqueued++] = tail;
}

void input_next(struct input_event *ev, int timeout_ms)
{
	if (have_saved) {
		*ev = saved;
		have_saved = 0;
		return;
	}
	memset(ev, 0, sizeof(*ev));
	if (script)
		script_next(ev);
	else
		terminal_event(ev, timeout_ms);
}

int input_pending(void)
{
	/* a script is deterministic: every step is drawn */
	if (script)
		return 0;
	if (have_saved || qpos < nqueued)
		return 1;
	memset(&saved, 0, sizeof(saved));
	terminal_event(&saved, 0);
	if (saved.kind == IN_TIMEOUT)
		return 0;
	have_saved = 1;
	return 1;
}
