/* The form widget and the form screen (see form.h). */
#include "ui/form.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/textwidth.h"
#include "src/units.h"
#include "src/util.h"
#include "ui/keys.h"
#include "ui/term.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct form *form_new(const char *title)
{
	struct form *fm = xcalloc(1, sizeof(*fm));
	strlcpy_(fm->title, title, sizeof(fm->title));
	return fm;
}

void form_free(struct form *fm)
{
	if (!fm)
		return;
	for (int i = 0; i < fm->n; i++) {
		for (int c = 0; c < fm->f[i].nchoices; c++)
			free(fm->f[i].choices[c]);
		free(fm->f[i].choices);
	}
	free(fm->f);
	if (fm->free_ctx)
		fm->free_ctx(fm->ctx);
	free(fm);
}

struct form_field *form_add(struct form *fm, const char *key, const char *label,
                            enum form_field_type type, int required)
{
	GROW(fm->f, fm->n, fm->cap, 8);
	struct form_field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof(*f));
	f->key = key;
	f->label = label;
	f->type = type;
	f->required = required;
	f->strict = type == FIELD_CHOICE;
	return f;
}

void form_add_choice(struct form_field *f, const char *choice)
{
	f->choices = xrealloc(f->choices, (size_t)(f->nchoices + 1) * sizeof(*f->choices));
	f->choices[f->nchoices++] = xstrdup(choice);
}

void form_add_choices(struct form_field *f, const char *list)
{
	char buf[256];
	strlcpy_(buf, list, sizeof(buf));
	for (char *p = strtok(buf, "|"); p; p = strtok(NULL, "|"))
		form_add_choice(f, p);
}

struct form_field *form_field(struct form *fm, const char *key)
{
	for (int i = 0; i < fm->n; i++)
		if (!strcmp(fm->f[i].key, key))
			return &fm->f[i];
	return NULL;
}

void form_set(struct form *fm, const char *key, const char *value)
{
	struct form_field *f = form_field(fm, key);
	if (!f)
		return;
	strlcpy_(f->value, value ? value : "", sizeof(f->value));
	f->cur = (int)strlen(f->value);
	f->error[0] = '\0';
}

const char *form_get(struct form *fm, const char *key)
{
	struct form_field *f = form_field(fm, key);
	return f && f->value[0] ? f->value : NULL;
}

void form_focus(struct form *fm, const char *key)
{
	for (int i = 0; i < fm->n; i++)
		if (!strcmp(fm->f[i].key, key))
			fm->focus = i;
}

static void trim(char *s)
{
	size_t n = strlen(s), start = 0;
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[start]))
		start++;
	memmove(s, s + start, n - start + 1);
}

void form_qty(struct form *fm, const char *key, char *num, size_t nn, char *unit, size_t nu)
{
	const char *v = form_get(fm, key);
	char buf[FIELD_VALUE_MAX + 1];
	strlcpy_(buf, v ? v : "", sizeof(buf));
	trim(buf);
	char *sp = strpbrk(buf, " \t");
	unit[0] = '\0';
	if (sp) {
		*sp = '\0';
		strlcpy_(unit, sp + 1, nu);
		trim(unit);
	}
	strlcpy_(num, buf, nn);
}

/* Choices that begin with the text, ignoring case. */
static int choice_matches(const struct form_field *f, const char *text, int *idx, int max)
{
	int n = 0;
	size_t len = strlen(text);
	for (int i = 0; i < f->nchoices; i++) {
		if (!strncasecmp(f->choices[i], text, len)) {
			if (n < max)
				idx[n] = i;
			n++;
		}
	}
	return n;
}

static int set_error(struct form_field *f, const char *msg)
{
	strlcpy_(f->error, msg, sizeof(f->error));
	return 1;
}

int form_check_field(struct form *fm, int i)
{
	struct form_field *f = &fm->f[i];
	char v[FIELD_VALUE_MAX + 1];
	strlcpy_(v, f->value, sizeof(v));
	trim(v);
	f->error[0] = '\0';
	if (!v[0])
		return f->required ? set_error(f, _("required")) : 0;
	switch (f->type) {
	case FIELD_TEXT:
		break;
	case FIELD_QTY: {
		char num[64], unit[64];
		fixed_t q;
		form_qty(fm, f->key, num, sizeof(num), unit, sizeof(unit));
		if (!f->signed_qty && (num[0] == '+' || num[0] == '-'))
			return set_error(f, _("a quantity, without a sign"));
		if (fixed_parse(num[0] == '+' ? num + 1 : num, 0, &q))
			return set_error(f, error_msg());
		if (unit[0] && !unit_find(unit)) {
			char msg[128];
			snprintf(msg, sizeof(msg), _("'%s' is not a unit"), unit);
			return set_error(f, msg);
		}
		break;
	}
	case FIELD_DATE: {
		int64_t days;
		if (v[0] == '+') {
			char *end;
			long n = strtol(v + 1, &end, 10);
			if (*end || n < 0 || n > 36500)
				return set_error(f, _("a date (YYYY-MM-DD) or +DAYS"));
			date_format(clock_today() + n, f->value);
			f->cur = (int)strlen(f->value);
		} else if (date_parse(v, &days)) {
			return set_error(f, error_msg());
		}
		break;
	}
	case FIELD_CHOICE: {
		if (!f->strict)
			break;
		for (int c = 0; c < f->nchoices; c++) {
			if (!strcasecmp(f->choices[c], v)) {
				form_set(fm, f->key, f->choices[c]);
				return 0;
			}
		}
		int idx[2];
		if (choice_matches(f, v, idx, 2) == 1) {
			form_set(fm, f->key, f->choices[idx[0]]);
			return 0;
		}
		struct strbuf sb = STRBUF_INIT;
		for (int c = 0; c < f->nchoices && sb.len < 120; c++)
			sb_printf(&sb, "%s%s", c ? " " : "", f->choices[c]);
		char msg[200];
		snprintf(msg, sizeof(msg), _("one of: %s"), sb_str(&sb));
		sb_free(&sb);
		return set_error(f, msg);
	}
	case FIELD_PIN:
	case FIELD_NUMBER: {
		size_t n = strlen(v);
		for (size_t k = 0; k < n; k++)
			if (!isdigit((unsigned char)v[k]))
				return set_error(f, f->type == FIELD_PIN ? _("digits only")
				                                         : _("a whole number"));
		if (f->type == FIELD_PIN && (n < 4 || n > 12))
			return set_error(f, _("4 to 12 digits"));
		break;
	}
	}
	return 0;
}

int form_check(struct form *fm)
{
	int bad = 0, first = -1;
	for (int i = 0; i < fm->n; i++) {
		if (form_check_field(fm, i)) {
			bad++;
			if (first < 0)
				first = i;
		}
	}
	if (first >= 0)
		fm->focus = first;
	return bad;
}

/* A service's message that begins with a field's word belongs next to it too. */
static void place_service_error(struct form *fm, const char *msg)
{
	for (int i = 0; i < fm->n; i++) {
		const char *w = fm->f[i].svc_key;
		if (!w)
			continue;
		const char *tw = _(w);
		size_t len = strlen(tw);
		if (!strncmp(msg, tw, len) && msg[len] == ':') {
			const char *rest = msg + len + 1;
			while (*rest == ' ')
				rest++;
			set_error(&fm->f[i], rest);
			fm->focus = i;
			return;
		}
	}
}

static void leave_field(struct form *fm)
{
	if (fm->n == 0)
		return;
	struct form_field *f = &fm->f[fm->focus];
	/* an empty field is only wrong when saving */
	if (f->value[0])
		form_check_field(fm, fm->focus);
}

static enum result save(struct ui *ui, struct form *fm)
{
	int bad = form_check(fm);
	if (bad) {
		ui_error(ui, ngettext("%d field needs attention", "%d fields need attention", bad),
		         bad);
		return RES_HANDLED;
	}
	error_clear();
	if (!fm->submit)
		return RES_CLOSE;
	int rc = fm->submit(ui, fm);
	if (rc == OK)
		return RES_CLOSE;
	char msg[512];
	strlcpy_(msg, error_msg(), sizeof(msg));
	ui_error(ui, "%s", msg[0] ? msg : status_name(rc));
	place_service_error(fm, msg);
	return RES_HANDLED;
}

enum result form_action(struct ui *ui, struct form *fm, int action)
{
	struct form_field *f = fm->n ? &fm->f[fm->focus] : NULL;
	switch (action) {
	case ACT_NEXT_FIELD:
		leave_field(fm);
		if (fm->focus < fm->n - 1)
			fm->focus++;
		return RES_HANDLED;
	case ACT_PREV_FIELD:
		leave_field(fm);
		if (fm->focus > 0)
			fm->focus--;
		return RES_HANDLED;
	case ACT_NEXT_OR_SAVE:
		if (fm->focus < fm->n - 1)
			return form_action(ui, fm, ACT_NEXT_FIELD);
		leave_field(fm);
		return save(ui, fm);
	case ACT_SAVE:
		return save(ui, fm);
	case ACT_CLEAR_FIELD:
		if (f) {
			f->value[0] = '\0';
			f->cur = 0;
			f->error[0] = '\0';
		}
		return RES_HANDLED;
	case ACT_COMPLETE: {
		if (!f || !f->nchoices) {
			ui_info(ui, "%s", _("This field has no list to choose from"));
			return RES_HANDLED;
		}
		int idx[256];
		if (f->cycle == 0)
			strlcpy_(f->stem, f->value, sizeof(f->stem));
		int n = choice_matches(f, f->stem, idx, 256);
		if (n == 0)
			n = choice_matches(f, "", idx, 256);
		if (n > 256)
			n = 256;
		const char *pick = f->choices[idx[f->cycle % n]];
		strlcpy_(f->value, pick, sizeof(f->value));
		f->cur = (int)strlen(f->value);
		f->error[0] = '\0';
		f->cycle++;
		return RES_HANDLED;
	}
	}
	return RES_NOT_MINE;
}

/* Bytes of the UTF-8 character before / at offset i. */
static int prev_len(const char *s, int i)
{
	int k = i;
	while (k > 0) {
		k--;
		if (((unsigned char)s[k] & 0xc0) != 0x80)
			break;
	}
	return i - k;
}

static int next_len(const char *s, int i)
{
	int k = i;
	if (!s[k])
		return 0;
	k++;
	while (s[k] && ((unsigned char)s[k] & 0xc0) == 0x80)
		k++;
	return k - i;
}

static int encode(int cp, char *out)
{
	if (cp < 0x80)
		return out[0] = (char)cp, 1;
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Line editing on a value; shared by the form fields and the ledger's search. */
int edit_key(char *value, size_t size, int *cur, int key)
{
	int len = (int)strlen(value);
	if (LK_IS_CHAR(key)) {
		char mb[4];
		int n = encode(key, mb);
		if ((size_t)(len + n) >= size)
			return 1;
		memmove(value + *cur + n, value + *cur, (size_t)(len - *cur + 1));
		memcpy(value + *cur, mb, (size_t)n);
		*cur += n;
		return 1;
	}
	switch (key) {
	case LK_BACKSPACE:
		if (*cur > 0) {
			int n = prev_len(value, *cur);
			memmove(value + *cur - n, value + *cur, (size_t)(len - *cur + 1));
			*cur -= n;
		}
		return 1;
	case LK_DELETE:
		if (*cur < len) {
			int n = next_len(value, *cur);
			memmove(value + *cur, value + *cur + n, (size_t)(len - *cur - n + 1));
		}
		return 1;
	case LK_LEFT:
		*cur -= prev_len(value, *cur);
		return 1;
	case LK_RIGHT:
		*cur += next_len(value, *cur);
		return 1;
	case LK_HOME:
		*cur = 0;
		return 1;
	case LK_END:
		*cur = len;
		return 1;
	}
	return 0;
}

enum result form_key(struct ui *ui, struct form *fm, int key)
{
	if (fm->n == 0)
		return RES_NOT_MINE;
	struct form_field *f = &fm->f[fm->focus];
	if (f->type == FIELD_PIN && LK_IS_CHAR(key) && !(key >= '0' && key <= '9'))
		return RES_HANDLED;
	if (!edit_key(f->value, sizeof(f->value), &f->cur, key))
		return RES_NOT_MINE;
	f->cycle = 0;
	f->error[0] = '\0';
	return RES_HANDLED;
}

enum result form_scan(struct ui *ui, struct form *fm, const char *code)
{
	if (fm->on_scan) {
		enum result r = fm->on_scan(ui, fm, code);
		if (r != RES_NOT_MINE)
			return r;
	}
	if (fm->n == 0)
		return RES_NOT_MINE;
	struct form_field *f = &fm->f[fm->focus];
	char old[FIELD_VALUE_MAX + 1];
	strlcpy_(old, f->value, sizeof(old));
	strlcpy_(f->value, code, sizeof(f->value));
	f->cur = (int)strlen(f->value);
	if (form_check_field(fm, fm->focus)) {
		/* nothing typed is lost to a scan that does not fit */
		ui_error(ui, _("Scanned %s: it does not fit %s (%s)"), code, f->label, f->error);
		strlcpy_(f->value, old, sizeof(f->value));
		f->cur = (int)strlen(f->value);
		f->error[0] = '\0';
		return RES_HANDLED;
	}
	if (fm->focus < fm->n - 1)
		fm->focus++;
	return RES_HANDLED;
}

/* ---- drawing ---- */

/* A field is drawn in brackets, so it shows on any terminal and in saved screens. */
static void draw_value(struct ui *ui, struct form_field *f, int focused, int y, int x, int w)
{
	char shown[FIELD_VALUE_MAX * 4 + 1];
	int start = 0;
	if (w < 3)
		return;
	if (f->type == FIELD_PIN) {
		size_t n = strlen(f->value);
		memset(shown, '*', n);
		shown[n] = '\0';
	} else {
		strlcpy_(shown, f->value, sizeof(shown));
	}
	/* scroll so the cursor stays inside the box */
	int cur = f->type == FIELD_PIN ? (int)strlen(f->value) : f->cur;
	char before[FIELD_VALUE_MAX * 4 + 1];
	for (;;) {
		int n = cur - start;
		memcpy(before, shown + start, (size_t)n);
		before[n] = '\0';
		if (text_width(before) < w - 2 || start >= cur)
			break;
		start += next_len(shown, start);
	}
	term_put(y, x, 1, "[", ST_NORMAL);
	term_put(y, x + 1, w - 2, shown + start, focused ? ST_FIELD_FOCUS : ST_FIELD);
	term_put(y, x + w - 1, 1, "]", ST_NORMAL);
	if (focused) {
		ui->cursor_y = y;
		ui->cursor_x = x + 1 + text_width(before);
	}
}

/* What goes to the right of a field: its error, else its unit, hint or choices. */
static const char *field_note(const struct form_field *f, int focused, char *buf, size_t n,
                              enum style *st)
{
	*st = ST_DIM;
	if (f->error[0]) {
		*st = ST_ERROR;
		return f->error;
	}
	if (f->type == FIELD_QTY && f->unit) {
		if (f->value[0] || !f->hint)
			return f->unit;
		snprintf(buf, n, "%s  (%s)", f->unit, f->hint);
		return buf;
	}
	if (focused && f->type == FIELD_CHOICE && f->nchoices) {
		int idx[32];
		int m = choice_matches(f, f->cycle ? f->stem : f->value, idx, 32);
		struct strbuf sb = STRBUF_INIT;
		for (int i = 0; i < m && i < 32; i++)
			sb_printf(&sb, "%s%s", i ? " " : "", f->choices[idx[i]]);
		snprintf(buf, n, "%s", sb_str(&sb));
		sb_free(&sb);
		return buf;
	}
	return f->value[0] ? "" : f->hint ? f->hint : "";
}

void form_draw(struct ui *ui, struct form *fm, const struct rect *r)
{
	int y = r->y, bottom = r->y + r->h;
	int wide = r->w >= 44;
	char label[160], note[256];
	if (fm->intro[0] && y < bottom) {
		term_put(y, r->x, r->w, fm->intro, ST_NORMAL);
		y += 2;
	}
	int lw = 0;
	for (int i = 0; i < fm->n; i++) {
		int w = text_width(fm->f[i].label) + (fm->f[i].required ? 2 : 0);
		if (w > lw)
			lw = w;
	}
	if (lw > r->w / 3)
		lw = r->w / 3;
	int vw = wide ? r->w - lw - 2 : r->w - 1;
	if (wide && vw > 30)
		vw = 30;
	/* rows per field, to keep the focused one in view */
	int per = wide ? 1 : 2;
	int fit = (bottom - y) / per;
	if (fit < 1)
		fit = 1;
	if (fm->focus < fm->top)
		fm->top = fm->focus;
	if (fm->focus >= fm->top + fit)
		fm->top = fm->focus - fit + 1;
	for (int i = fm->top; i < fm->n && y < bottom; i++) {
		struct form_field *f = &fm->f[i];
		int focused = i == fm->focus;
		enum style nst;
		const char *nt = field_note(f, focused, note, sizeof(note), &nst);
		snprintf(label, sizeof(label), "%s%s", f->label, f->required ? " *" : "");
		if (wide) {
			term_put(y, r->x, lw, label, focused ? ST_HEADER : ST_NORMAL);
			draw_value(ui, f, focused, y, r->x + lw + 1, vw);
			int nx = r->x + lw + 1 + vw + 1, room = r->x + r->w - nx;
			if (f->error[0] && room < 16 && y + 1 < bottom) {
				y++;
				term_put(y, r->x + lw + 1, r->w - lw - 1, nt, nst);
			} else {
				term_put(y, nx, room, nt, nst);
			}
			y++;
		} else {
			term_put(y, r->x, r->w, label, focused ? ST_HEADER : ST_NORMAL);
			if (++y >= bottom)
				break;
			draw_value(ui, f, focused, y, r->x, vw);
			y++;
			if (nt[0] && (f->error[0] || f->type == FIELD_QTY) && y < bottom) {
				term_put(y, r->x, r->w, nt, nst);
				y++;
			}
		}
	}
}

/* ---- a form as a screen of its own ---- */

static void *form_open(struct ui *ui, const void *arg)
{
	return (void *)arg;
}

static void form_close(struct ui *ui, void *st)
{
	form_free(st);
}

static const char *form_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct form *fm = st;
	snprintf(buf, n, "%s", fm->title);
	return buf;
}

static void form_screen_draw(struct ui *ui, void *st, const struct rect *r)
{
	form_draw(ui, st, r);
}

static enum result form_screen_action(struct ui *ui, void *st, int action)
{
	return form_action(ui, st, action);
}

static enum result form_screen_key(struct ui *ui, void *st, int key)
{
	return form_key(ui, st, key);
}

static enum result form_screen_scan(struct ui *ui, void *st, const char *code)
{
	return form_scan(ui, st, code);
}

static int form_typing(void *st)
{
	return 1;
}

int form_offers(const struct form *fm, int action)
{
	if (action == ACT_COMPLETE)
		return fm->n && fm->f[fm->focus].nchoices > 0;
	return 1;
}

static int form_screen_offers(void *st, int action)
{
	return form_offers(st, action);
}

const struct screen_ops screen_form_ops = {
    .name = "form",
    .id = SCREEN_FORM,
    .open = form_open,
    .close = form_close,
    .title = form_title,
    .draw = form_screen_draw,
    .action = form_screen_action,
    .on_key = form_screen_key,
    .on_scan = form_screen_scan,
    .typing = form_typing,
    .offers = form_screen_offers,
    .uses_form = 1,
};

int ui_push_form(struct ui *ui, struct form *fm)
{
	int rc = ui_push(ui, SCREEN_FORM, fm);
	if (rc)
		form_free(fm);
	return rc;
}
