/* The screens' main loop: start-up (store, keymaps, terminal), the screen stack,
 * drawing the frame (title, screen, status line, F-key bar), the dispatch chain
 * for keys and scans (the screen first, then the global actions), the idle
 * lock, and the test mode's commands and timing trace. */
#include "ui/ui.h"
#include "db/lots.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/settings.h"
#include "src/textwidth.h"
#include "src/util.h"
#include "ui/fkeybar.h"
#include "ui/input.h"
#include "ui/scanner.h"
#include "src/scan.h"
#include "src/sync.h"
#include "src/sync_agent.h"
#include "ui/keys.h"
#include "ui/term.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MIN_ROWS 16
#define MIN_COLS 20

static const struct screen_ops *const screen_table[SCREEN_COUNT] = {
    [SCREEN_LOGIN] = &screen_login_ops,     [SCREEN_MENU] = &screen_menu_ops,
    [SCREEN_LEDGER] = &screen_ledger_ops,   [SCREEN_LOT] = &screen_lot_ops,
    [SCREEN_TODAY] = &screen_today_ops,     [SCREEN_FORM] = &screen_form_ops,
    [SCREEN_HELP] = &screen_help_ops,       [SCREEN_DOCUMENTS] = &screen_documents_ops,
    [SCREEN_IMPORT] = &screen_import_ops,   [SCREEN_PRODUCTION] = &screen_production_ops,
    [SCREEN_RECIPES] = &screen_recipes_ops, [SCREEN_ORDERS] = &screen_orders_ops,
    [SCREEN_PICKING] = &screen_picking_ops, [SCREEN_TRACE] = &screen_trace_ops,
    [SCREEN_RECALL] = &screen_recall_ops,   [SCREEN_RECEIVING] = &screen_receiving_ops,
};

static struct frame *top(struct ui *ui)
{
	return ui->depth ? &ui->stack[ui->depth - 1] : NULL;
}

struct frame *ui_below(struct ui *ui)
{
	return ui->depth > 1 ? &ui->stack[ui->depth - 2] : NULL;
}

static void vstatus(struct ui *ui, int err, const char *fmt, va_list ap)
{
	vsnprintf(ui->status, sizeof(ui->status), fmt, ap);
	ui->status_error = err;
}

void ui_info(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vstatus(ui, 0, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	if (!fmt) {
		snprintf(ui->status, sizeof(ui->status), "%s", error_msg());
		ui->status_error = 1;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	vstatus(ui, 1, fmt, ap);
	va_end(ap);
}

int ui_push(struct ui *ui, enum screen_id id, const void *arg)
{
	const struct screen_ops *ops = id < SCREEN_COUNT ? screen_table[id] : NULL;
	if (!ops) {
		ui_error(ui, _("%s is not available yet"), screen_title(id));
		return -1;
	}
	if (ui->depth == UI_STACK_MAX) {
		ui_error(ui, "%s", _("Too many screens open: go back first"));
		return -1;
	}
	void *st = ops->open(ui, arg);
	if (!st)
		return -1;
	ui->stack[ui->depth++] = (struct frame){ops, st};
	return 0;
}

void ui_pop(struct ui *ui)
{
	struct frame *f = top(ui);
	if (!f)
		return;
	if (f->ops->close)
		f->ops->close(ui, f->st);
	ui->depth--;
	f = top(ui);
	if (f && f->ops->resume)
		f->ops->resume(ui, f->st);
}

int ui_scopes(const struct frame *f, int *scopes)
{
	int n = 0;
	scopes[n++] = (int)f->ops->id;
	if (f->ops->uses_form && f->ops->id != SCREEN_FORM)
		scopes[n++] = SCREEN_FORM;
	scopes[n++] = SCOPE_GLOBAL;
	return n;
}

const char *ui_key_for(struct ui *ui, const struct frame *f, int action, char *buf, size_t n)
{
	int scopes[4], ns = ui_scopes(f, scopes);
	buf[0] = '\0';
	for (int s = 0; s < ns; s++)
		for (int i = 0; i < ui->km.n; i++) {
			const struct binding *b = &ui->km.b[i];
			if (b->scope == scopes[s] && b->action == action &&
			    keymap_lookup(&ui->km, scopes, ns, b->key) == action)
				return lk_label(b->key, buf, n);
		}
	return buf;
}

int ui_action_allowed(struct ui *ui, const struct frame *f, int action)
{
	if (ui->logged_in)
		return 1;
	/* before login and while locked: nothing that leaves the login screen */
	return !(action == ACT_MENU || action == ACT_LOCK || action == ACT_SWITCH_USER ||
	         action_view_screen(action) >= 0);
}

void ui_logged_in(struct ui *ui, int same_user)
{
	ui->logged_in = 1;
	if (!same_user)
		ui->reset_to_menu = 1;
}

static void lock(struct ui *ui, enum login_mode mode)
{
	struct login_open_arg arg = {mode, mode == LOGIN_LOCK ? ui->s.user.name : NULL};
	if (ui_push(ui, SCREEN_LOGIN, &arg) == 0 && mode == LOGIN_LOCK)
		ui->logged_in = 0;
}

/* Open a screen, or go back to it when it is already open. */
static enum result view(struct ui *ui, int screen)
{
	if (!screen_built(screen)) {
		ui_error(ui, _("%s is not available yet"), screen_title(screen));
		return RES_HANDLED;
	}
	for (int i = ui->depth - 1; i >= 0; i--) {
		if ((int)ui->stack[i].ops->id == screen) {
			while (ui->depth > i + 1)
				ui_pop(ui);
			return RES_HANDLED;
		}
	}
	ui_push(ui, (enum screen_id)screen, NULL);
	return RES_HANDLED;
}

static enum result global_action(struct ui *ui, int action)
{
	int screen = action_view_screen(action);
	if (screen >= 0)
		return view(ui, screen);
	switch (action) {
	case ACT_HELP:
		ui_push(ui, SCREEN_HELP, NULL);
		return RES_HANDLED;
	case ACT_BACK:
		if (ui->depth > 1)
			return RES_CLOSE;
		ui_info(ui, _("This is the first screen; %s leaves lotline"),
		        ui_key_for(ui, top(ui), ACT_QUIT, (char[16]){0}, 16));
		return RES_HANDLED;
	case ACT_MENU:
		while (ui->depth > 1)
			ui_pop(ui);
		return RES_HANDLED;
	case ACT_QUIT:
		return RES_QUIT;
	case ACT_LOCK:
		lock(ui, LOGIN_LOCK);
		return RES_HANDLED;
	case ACT_SWITCH_USER:
		lock(ui, LOGIN_SWITCH);
		return RES_HANDLED;
	case ACT_REDRAW:
		return RES_REDRAW;
	}
	return RES_HANDLED;
}

static void apply(struct ui *ui, enum result r)
{
	switch (r) {
	case RES_CLOSE:
		/* an empty stack ends lotline, unless a login is about to open the menu */
		ui_pop(ui);
		break;
	case RES_QUIT:
		ui->quit = 1;
		break;
	case RES_REDRAW:
		term_repaint();
		break;
	default:
		break;
	}
}

void ui_run_action(struct ui *ui, int action)
{
	struct frame *f = top(ui);
	if (!f)
		return;
	if (!ui_action_allowed(ui, f, action)) {
		ui_error(ui, "%s", _("Log in first"));
		return;
	}
	enum result r = f->ops->action ? f->ops->action(ui, f->st, action) : RES_NOT_MINE;
	if (r == RES_NOT_MINE)
		r = global_action(ui, action);
	apply(ui, r);
}

static int text_key(int key)
{
	return LK_IS_CHAR(key) || key == LK_BACKSPACE || key == LK_DELETE || key == LK_LEFT ||
	       key == LK_RIGHT || key == LK_HOME || key == LK_END;
}

static void dispatch_key(struct ui *ui, int key)
{
	struct frame *f = top(ui);
	int scopes[4], ns = ui_scopes(f, scopes);
	if (f->ops->typing && f->ops->typing(f->st) && text_key(key) && f->ops->on_key) {
		enum result r = f->ops->on_key(ui, f->st, key);
		if (r != RES_NOT_MINE) {
			apply(ui, r);
			return;
		}
	}
	int a = keymap_lookup(&ui->km, scopes, ns, key);
	if (a >= 0) {
		ui_run_action(ui, a);
		return;
	}
	if (f->ops->on_key) {
		enum result r = f->ops->on_key(ui, f->st, key);
		if (r != RES_NOT_MINE) {
			apply(ui, r);
			return;
		}
	}
	char name[16], help[16];
	ui_info(ui, _("%s does nothing here; %s lists the keys"), lk_label(key, name, sizeof(name)),
	        ui_key_for(ui, f, ACT_HELP, help, sizeof(help)));
}

enum result ui_scan_default(struct ui *ui, const char *code)
{
	if (!ui->logged_in) {
		ui_error(ui, _("Scanned %s: log in first"), code);
		return RES_HANDLED;
	}
	struct scan_hit hit;
	if (scan_lookup(&ui->s, code, &hit) == OK && hit.kind == SCAN_LOT) {
		struct lot_open_arg arg = {hit.code};
		ui_push(ui, SCREEN_LOT, &arg);
		return RES_HANDLED;
	}
	if (error_msg()[0])
		ui_error(ui, NULL);
	else
		ui_error(ui, _("Scanned %s: that is not a lot"), code);
	return RES_HANDLED;
}

static void dispatch_scan(struct ui *ui, const char *code)
{
	struct frame *f = top(ui);
	enum result r = f->ops->on_scan ? f->ops->on_scan(ui, f->st, code) : RES_NOT_MINE;
	if (r == RES_NOT_MINE)
		r = ui_scan_default(ui, code);
	apply(ui, r);
}

/* ---- drawing ---- */

static void draw(struct ui *ui)
{
	int rows, cols;
	char title[160], right[160];
	struct frame *f = top(ui);
	term_size(&rows, &cols);
	term_begin();
	ui->cursor_y = -1;
	if (rows < MIN_ROWS || cols < MIN_COLS) {
		/* word-wrapped, since the screen is narrow by definition */
		snprintf(title, sizeof(title), _("lotline needs %dx%d; this is %dx%d"), MIN_COLS,
		         MIN_ROWS, cols, rows);
		int y = 0;
		for (char *w = strtok(title, " "); w && y < rows; y++) {
			char line[160] = "";
			while (w && (!line[0] || (int)(strlen(line) + 1 + strlen(w)) <= cols)) {
				if (line[0])
					strcat(line, " ");
				strncat(line, w, sizeof(line) - strlen(line) - 1);
				w = strtok(NULL, " ");
			}
			term_put(y, 0, cols, line, ST_ERROR);
		}
		term_end(-1, 0);
		return;
	}
	ui->compact = cols < 40 || rows < 20;

	const char *t = f->ops->title ? f->ops->title(ui, f->st, title, sizeof(title))
	                              : screen_title(f->ops->id);
	char left[200];
	snprintf(left, sizeof(left), ui->compact ? " %s" : " lotline: %s", t);
	char today[11];
	date_format(clock_today(), today);
	if (!ui->s.user.name[0] || !ui->logged_in)
		snprintf(right, sizeof(right), "%s ", ui->compact ? "" : today);
	else if (ui->compact)
		snprintf(right, sizeof(right), " %s ", ui->s.user.name);
	else
		snprintf(right, sizeof(right), "%s (%s)  %s ", ui->s.user.name, ui->s.user.role,
		         today);
	int rw = (int)strlen(right);
	if (rw + 10 > cols || (ui->compact && text_width(left) + rw > cols))
		rw = 0;
	term_put(0, 0, cols - rw, left, ST_TITLE);
	if (rw)
		term_put_right(0, cols - rw, rw, right, ST_TITLE);

	struct rect r = {1, 0, rows - 3, cols};
	f->ops->draw(ui, f->st, &r);

	/* the text only: the line is blank already, and blanks cost the terminal nothing */
	term_text(rows - 2, 0, cols, ui->status, ui->status_error ? ST_ERROR : ST_INFO);
	if (ui->sync && !ui->status[0]) {
		struct sync_status st;
		char line[96], when[20] = "-";
		sync_agent_status(ui->sync, &st);
		if (st.last_sync_ms)
			memcpy(when, time_format_short(st.last_sync_ms, line) + 11, 6);
		/* L10N: the sync state in the status line: online or offline, the time
		 * both sides were last level, and this terminal's entries not yet sent */
		snprintf(line, sizeof(line), _("%s  synced %s  %lld waiting"),
		         st.online ? _("online") : _("offline"), when, (long long)st.waiting);
		term_put_right(rows - 2, cols / 2, cols - cols / 2, line,
		               st.online ? ST_INFO : ST_ERROR);
	}
	fkeybar_draw(ui, f, rows - 1, cols);
	term_end(ui->cursor_y, ui->cursor_x);
}

/* ---- start-up ---- */

static void keymap_report(void *ctx, const char *msg)
{
	struct ui *ui = ctx;
	fprintf(stderr, "lotline: %s\n", msg);
	if (!ui->keymap_note[0])
		snprintf(ui->keymap_note, sizeof(ui->keymap_note), "%s", msg);
}

/* The chosen keymap ($LOTLINE_KEYMAP: default, rf, vi or a file), then the
 * user's own file over it. */
static void keys_load(struct ui *ui)
{
	const char *name = getenv("LOTLINE_KEYMAP");
	char path[4096], label[64];
	keymap_init(&ui->km);
	if (!name || !*name)
		name = "default";
	const char *text = keymap_builtin(name);
	if (text) {
		snprintf(label, sizeof(label), "%s.keys", name);
		keymap_parse(&ui->km, text, strlen(text), label, keymap_report, ui);
	} else {
		text = keymap_builtin("default");
		keymap_parse(&ui->km, text, strlen(text), "default.keys", keymap_report, ui);
		if (strchr(name, '/'))
			keymap_load_file(&ui->km, name, keymap_report, ui);
		else {
			char msg[256];
			snprintf(msg, sizeof(msg),
			         _("LOTLINE_KEYMAP: '%s' is not default, rf, vi or a file path"),
			         name);
			keymap_report(ui, msg);
		}
	}
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof(path), "%s/lotline/keys", xdg);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.config/lotline/keys", home);
	else
		path[0] = '\0';
	if (path[0] && access(path, R_OK) == 0)
		keymap_load_file(&ui->km, path, keymap_report, ui);
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void after_event(struct ui *ui)
{
	if (ui->reset_to_menu) {
		ui->reset_to_menu = 0;
		while (ui->depth > 0)
			ui_pop(ui);
		ui_push(ui, SCREEN_MENU, NULL);
	}
	while (ui->pending_action >= 0 && !ui->quit) {
		int a = ui->pending_action;
		ui->pending_action = -1;
		ui_run_action(ui, a);
	}
	if (ui->depth == 0)
		ui->quit = 1;
}

static void loop(struct ui *ui, FILE *trace)
{
	int64_t last_key = mono_ms(), t0 = mono_us();
	long bytes0 = term_bytes();
	const char *what = "start";
	struct input_event ev;
	while (!ui->quit) {
		if (!input_pending()) {
			draw(ui);
			if (trace) {
				long bytes = term_bytes();
				fprintf(trace, "%s\t%.3f\t%ld\n", what,
				        (double)(mono_us() - t0) / 1000.0, bytes - bytes0);
				fflush(trace);
			}
		}
		int wait = -1;
		if (ui->idle_lock_min > 0 && ui->logged_in && !input_is_script()) {
			int64_t left = last_key + ui->idle_lock_min * 60000LL - mono_ms();
			wait = left > 0 ? (int)(left < 60000 ? left : 60000) : 0;
		}
		/* the sync state in the status line changes without a key: look each second */
		if (ui->sync && (wait < 0 || wait > 1000))
			wait = 1000;
		input_next(&ev, wait);
		t0 = mono_us();
		bytes0 = term_bytes();
		what = ev.desc;
		switch (ev.kind) {
		case IN_END:
			ui->quit = 1;
			break;
		case IN_TIMEOUT:
			if (ui->idle_lock_min > 0 && ui->logged_in &&
			    mono_ms() - last_key >= ui->idle_lock_min * 60000LL)
				lock(ui, LOGIN_LOCK);
			break;
		case IN_IDLE:
			if (ui->idle_lock_min > 0 && ui->logged_in &&
			    ev.minutes >= ui->idle_lock_min)
				lock(ui, LOGIN_LOCK);
			break;
		case IN_RESIZE:
			if (input_is_script())
				term_resize(ev.rows, ev.cols);
			else
				term_resized();
			break;
		case IN_SAVE_SCREEN:
			if (term_save(ev.text) != 0)
				die(_("cannot write the screen to %s"), ev.text);
			break;
		case IN_SCAN:
			last_key = mono_ms();
			ui->status[0] = '\0';
			dispatch_scan(ui, ev.text);
			break;
		case IN_KEY:
			last_key = mono_ms();
			ui->status[0] = '\0';
			dispatch_key(ui, ev.key);
			break;
		}
		if (ui->sync) {
			struct sync_status st;
			/* whatever this event committed goes out now, not at the next poll */
			sync_agent_notify(ui->sync);
			sync_agent_status(ui->sync, &st);
			if (st.received != ui->sync_received) {
				/* entries from elsewhere: the screen shows the store as it is */
				struct frame *f = top(ui);
				ui->sync_received = st.received;
				if (f && f->ops->resume)
					f->ops->resume(ui, f->st);
			}
		}
		after_event(ui);
	}
}

int ui_main(const char *db_path, const char *user)
{
	static struct ui ui;
	int rc;
	memset(&ui, 0, sizeof(ui));
	ui.pending_action = -1;
	if ((rc = session_open(db_path, STORE_EXISTING, &ui.s))) {
		/* as the commands say it (main.c's cmd_fail, which the tests do not link) */
		fprintf(stderr, "lotline: %s\n", error_msg()[0] ? error_msg() : status_name(rc));
		return rc == ERR_NOT_FOUND || rc == ERR_INVALID ? 1 : 2;
	}
	keys_load(&ui);
	ui.idle_lock_min = (int)setting_int(&ui.s, SETTING_IDLE_LOCK_MINUTES);
	{
		struct scan_config sc = scan_defaults;
		char fix[8];
		sc.gap_ms = (int)setting_int(&ui.s, SETTING_SCAN_GAP_MS);
		sc.min_len = (int)setting_int(&ui.s, SETTING_SCAN_MIN_LENGTH);
		setting_get(&ui.s, SETTING_SCAN_PREFIX, fix, sizeof(fix));
		sc.prefix = (unsigned char)fix[0];
		setting_get(&ui.s, SETTING_SCAN_SUFFIX, fix, sizeof(fix));
		sc.suffix = (unsigned char)fix[0];
		input_set_scanner(&sc);
	}
	if (input_open() != 0 || term_start(input_is_script()) != 0) {
		session_close(&ui.s);
		return 2;
	}
	if (!input_is_script() && sync_central_enrolled(&ui.s)) {
		struct sync_agent_opts o = {.db_path = db_path};
		if (sync_agent_start(&o, &ui.sync) != OK)
			ui.sync = NULL;
	}
	FILE *trace = NULL;
	const char *trace_path = getenv("LOTLINE_TRACE_TIMING");
	if (trace_path && *trace_path)
		trace = fopen(trace_path, "w");
	if (ui.keymap_note[0])
		ui_error(&ui, "%s", ui.keymap_note);
	struct login_open_arg arg = {LOGIN_START, user && *user ? user : NULL};
	if (ui_push(&ui, SCREEN_LOGIN, &arg) == 0)
		loop(&ui, trace);
	while (ui.depth > 0) {
		struct frame *f = top(&ui);
		if (f->ops->close)
			f->ops->close(&ui, f->st);
		ui.depth--;
	}
	term_stop();
	input_close();
	if (trace)
		fclose(trace);
	keymap_free(&ui.km);
	if (ui.sync)
		sync_agent_stop(ui.sync);
	session_close(&ui.s);
	return 0;
}
