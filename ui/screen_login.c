/* The login screen: user and PIN (a badge scan stands for the user), at start,
 * when the screens lock (idle or on request) and to switch user. The user who
 * logs in acts on every movement made until the next login. */
#include "db/master.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/master.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct login {
	struct form *fm;
	enum login_mode mode;
	char locked_user[CODE_MAX + 1];
};

static int login_submit(struct ui *ui, struct form *fm)
{
	struct login *lg = fm->ctx;
	const char *user = form_get(fm, "user"), *pin = form_get(fm, "pin");
	int rc = user_check_pin(&ui->s, user, pin);
	if (rc == OK)
		rc = session_set_user(&ui->s, user);
	if (rc) {
		/* the PIN is asked again; the user name stays */
		form_set(fm, "pin", "");
		form_focus(fm, "pin");
		return rc;
	}
	int same = lg->mode == LOGIN_LOCK && !strcmp(user, lg->locked_user);
	ui_logged_in(ui, same);
	if (same)
		ui_info(ui, _("Unlocked; welcome back, %s"), ui->s.user.name);
	else
		ui_info(ui, _("Logged in as %s (%s)"), ui->s.user.name, ui->s.user.role);
	return OK;
}

/* A badge scan fills in its user; the PIN still has to be typed. */
static enum result login_scan_hook(struct ui *ui, struct form *fm, const char *code)
{
	struct user u;
	if (db_user_by_badge(ui->s.store, code, &u) != OK || !u.active) {
		ui_error(ui, _("Scanned %s: not the badge of an active user"), code);
		return RES_HANDLED;
	}
	form_set(fm, "user", u.name);
	form_set(fm, "pin", "");
	form_focus(fm, "pin");
	ui_info(ui, _("Badge of %s: now the PIN"), u.name);
	return RES_HANDLED;
}

static void *login_open(struct ui *ui, const void *arg)
{
	const struct login_open_arg *a = arg;
	struct login *lg = xcalloc(1, sizeof(*lg));
	lg->mode = a ? a->mode : LOGIN_START;
	lg->fm = form_new(_("Login"));
	lg->fm->ctx = lg;
	lg->fm->submit = login_submit;
	lg->fm->on_scan = login_scan_hook;
	struct form_field *f = form_add(lg->fm, "user", _("User"), FIELD_TEXT, 1);
	f->hint = _("name, or scan a badge");
	form_add(lg->fm, "pin", _("PIN"), FIELD_PIN, 1);
	if (a && a->user) {
		form_set(lg->fm, "user", a->user);
		form_focus(lg->fm, "pin");
		strlcpy_(lg->locked_user, a->user, sizeof(lg->locked_user));
	}
	switch (lg->mode) {
	case LOGIN_LOCK:
		snprintf(lg->fm->intro, sizeof(lg->fm->intro),
		         _("Locked. %s's PIN unlocks; another user may log in instead."),
		         lg->locked_user);
		break;
	case LOGIN_SWITCH:
		snprintf(lg->fm->intro, sizeof(lg->fm->intro), "%s",
		         _("Log in as another user (Esc: stay as you are)."));
		break;
	default:
		snprintf(lg->fm->intro, sizeof(lg->fm->intro), "%s",
		         _("Your user name (or scan your badge) and PIN."));
	}
	return lg;
}

static void login_close(struct ui *ui, void *st)
{
	struct login *lg = st;
	form_free(lg->fm);
	free(lg);
}

static const char *login_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct login *lg = st;
	snprintf(buf, n, "%s", lg->mode == LOGIN_LOCK ? _("Locked") : _("Login"));
	return buf;
}

static void login_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct login *lg = st;
	struct rect fr = *r;
	if (!ui->compact && fr.h > 8) {
		fr.y += 1;
		fr.x += 2;
		fr.w -= 4;
		fr.h -= 1;
	}
	form_draw(ui, lg->fm, &fr);
}

static enum result login_action(struct ui *ui, void *st, int action)
{
	struct login *lg = st;
	if (action == ACT_BACK) {
		if (lg->mode == LOGIN_START)
			return RES_QUIT;
		if (lg->mode == LOGIN_SWITCH)
			return RES_CLOSE;
		ui_error(ui, _("The screens are locked: %s's PIN, or another user's login"),
		         lg->locked_user);
		return RES_HANDLED;
	}
	enum result r = form_action(ui, lg->fm, action);
	if (r == RES_CLOSE && ui->reset_to_menu)
		return RES_HANDLED; /* the loop opens the menu in place of everything */
	return r;
}

static enum result login_key(struct ui *ui, void *st, int key)
{
	struct login *lg = st;
	return form_key(ui, lg->fm, key);
}

static enum result login_scan(struct ui *ui, void *st, const char *code)
{
	struct login *lg = st;
	return form_scan(ui, lg->fm, code);
}

static int login_typing(void *st)
{
	return 1;
}

static int login_offers(void *st, int action)
{
	struct login *lg = st;
	return form_offers(lg->fm, action);
}

const struct screen_ops screen_login_ops = {
    .name = "login",
    .id = SCREEN_LOGIN,
    .open = login_open,
    .close = login_close,
    .title = login_title,
    .draw = login_draw,
    .action = login_action,
    .on_key = login_key,
    .on_scan = login_scan,
    .typing = login_typing,
    .offers = login_offers,
    .uses_form = 1,
};
