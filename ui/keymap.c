/* Key names and the keymap parser (see keymap.h). Pure C: no curses, no store. */
#include "ui/keymap.h"
#include "src/i18n.h"
#include "src/util.h"
#include "ui/actions.h"
#include "ui/keys.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named keys; the first name of a key is its canonical one. */
static const struct {
	const char *name;
	int key;
} key_names[] = {
    {"Enter", LK_ENTER},
    {"Return", LK_ENTER},
    {"CR", LK_ENTER},
    {"Tab", LK_TAB},
    {"S-Tab", LK_BTAB},
    {"BTab", LK_BTAB},
    {"BackTab", LK_BTAB},
    {"Esc", LK_ESC},
    {"Escape", LK_ESC},
    {"Up", LK_UP},
    {"Down", LK_DOWN},
    {"Left", LK_LEFT},
    {"Right", LK_RIGHT},
    {"PgUp", LK_PGUP},
    {"PageUp", LK_PGUP},
    {"PPage", LK_PGUP},
    {"PgDn", LK_PGDN},
    {"PageDown", LK_PGDN},
    {"NPage", LK_PGDN},
    {"Home", LK_HOME},
    {"End", LK_END},
    {"Ins", LK_INSERT},
    {"Insert", LK_INSERT},
    {"IC", LK_INSERT},
    {"Del", LK_DELETE},
    {"Delete", LK_DELETE},
    {"DC", LK_DELETE},
    {"BS", LK_BACKSPACE},
    {"Backspace", LK_BACKSPACE},
    {"Space", ' '},
    {"lt", '<'},
    {"gt", '>'},
};

/* Decode one UTF-8 character; returns its length, 0 when invalid. */
static int utf8_decode(const char *s, int *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int n, c;
	if (u[0] < 0x80) {
		*cp = u[0];
		return u[0] ? 1 : 0;
	}
	if ((u[0] & 0xe0) == 0xc0)
		n = 2, c = u[0] & 0x1f;
	else if ((u[0] & 0xf0) == 0xe0)
		n = 3, c = u[0] & 0x0f;
	else if ((u[0] & 0xf8) == 0xf0)
		n = 4, c = u[0] & 0x07;
	else
		return 0;
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c >= 0x110000 || (c >= 0xd800 && c < 0xe000) ||
	    c < (n == 2   ? 0x80
	         : n == 3 ? 0x800
	                  : 0x10000))
		return 0;
	*cp = c;
	return n;
}

static int utf8_encode(int cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
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

/* The key named inside <...> (without the brackets), or -1. */
static int lk_inner(const char *name, size_t len)
{
	char buf[32];
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (str_ieq(buf, key_names[i].name))
			return key_names[i].key;
	/* F1..F24, and PF1..PF4 as a VT100 labels them */
	const char *num = NULL;
	if ((buf[0] == 'F' || buf[0] == 'f') && buf[1])
		num = buf + 1;
	else if ((buf[0] == 'P' || buf[0] == 'p') && (buf[1] == 'F' || buf[1] == 'f') && buf[2])
		num = buf + 2;
	if (num) {
		char *end;
		long n = strtol(num, &end, 10);
		if (*end == '\0' && n >= 1 && n <= LK_F_MAX && num[0] != '0' && num[0] != '+' &&
		    !(num == buf + 2 && n > 4))
			return LK_F((int)n);
		return -1;
	}
	/* C-x: control with a letter or one of @[\]^_ */
	if ((buf[0] == 'C' || buf[0] == 'c') && buf[1] == '-' && buf[2] && !buf[3]) {
		int c = (unsigned char)buf[2];
		if (c >= 'a' && c <= 'z')
			c -= 32;
		if (c == 'M' || c == 'J')
			return LK_ENTER;
		if (c == 'I')
			return LK_TAB;
		if (c == 'H')
			return LK_BACKSPACE;
		if (c >= '@' && c <= '_')
			return LK_CTRL(c);
		if (c == '?')
			return LK_BACKSPACE;
	}
	return -1;
}

int lk_parse(const char **s)
{
	const char *p = *s;
	int cp;
	if (*p == '<') {
		const char *close = strchr(p + 1, '>');
		/* "<>" and a lone "<" are not keys; write <lt> */
		if (!close)
			return -1;
		/* "<>>" is the key '>' written the long way round */
		if (close == p + 1 && close[1] == '>') {
			*s = close + 2;
			return '>';
		}
		int k = lk_inner(p + 1, (size_t)(close - p - 1));
		if (k >= 0)
			*s = close + 1;
		return k;
	}
	int n = utf8_decode(p, &cp);
	if (n == 0 || cp < 0x20 || cp == 0x7f)
		return -1;
	*s = p + n;
	return cp;
}

int lk_from_name(const char *name)
{
	const char *p = name;
	int k = lk_parse(&p);
	return k >= 0 && *p == '\0' ? k : -1;
}

static const char *special_name(int key)
{
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (key_names[i].key == key)
			return key_names[i].name;
	return NULL;
}

const char *lk_label(int key, char *buf, size_t n)
{
	const char *name;
	if (key >= LK_F(1) && key <= LK_F(LK_F_MAX))
		snprintf(buf, n, "F%d", key - LK_F(0));
	else if (key == ' ' || key == LK_TAB || key == LK_ESC || key >= LK_SPECIAL) {
		name = special_name(key);
		snprintf(buf, n, "%s", name ? name : "?");
	} else if (key > 0 && key < 0x20)
		snprintf(buf, n, "C-%c",
		         key + 'a' - 1 >= 'a' && key + 'a' - 1 <= 'z' ? key + 'a' - 1 : key + '@');
	else if (key >= 0x20 && key < LK_SPECIAL && n > 4) {
		int len = utf8_encode(key, buf);
		buf[len] = '\0';
	} else if (n)
		buf[0] = '\0';
	return buf;
}

const char *lk_name(int key, char *buf, size_t n)
{
	char label[16];
	if (key == '<')
		snprintf(buf, n, "<lt>");
	else if (LK_IS_CHAR(key) && key != ' ')
		snprintf(buf, n, "%s", lk_label(key, label, sizeof(label)));
	else
		snprintf(buf, n, "<%s>", lk_label(key, label, sizeof(label)));
	return buf;
}

void keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof(*km));
}

void keymap_free(struct keymap *km)
{
	free(km->b);
	memset(km, 0, sizeof(*km));
}

void keymap_bind(struct keymap *km, int scope, int key, int action)
{
	for (int i = 0; i < km->n; i++) {
		if (km->b[i].scope == scope && km->b[i].key == key) {
			km->b[i].action = action;
			return;
		}
	}
	GROW(km->b, km->n, km->cap, 64);
	km->b[km->n++] = (struct binding){scope, key, action};
}

void keymap_unbind(struct keymap *km, int scope, int key)
{
	for (int i = 0; i < km->n; i++) {
		if (km->b[i].scope == scope && km->b[i].key == key) {
			memmove(km->b + i, km->b + i + 1, (size_t)(km->n - i - 1) * sizeof(*km->b));
			km->n--;
			return;
		}
	}
}

int keymap_lookup(const struct keymap *km, const int *scopes, int nscopes, int key)
{
	for (int s = 0; s < nscopes; s++)
		for (int i = 0; i < km->n; i++)
			if (km->b[i].scope == scopes[s] && km->b[i].key == key)
				return km->b[i].action;
	return -1;
}

int keymap_keys(const struct keymap *km, int scope, int action, int *keys, int max)
{
	int n = 0;
	for (int i = 0; i < km->n; i++) {
		if (km->b[i].scope == scope && km->b[i].action == action) {
			if (n < max)
				keys[n] = km->b[i].key;
			n++;
		}
	}
	return n;
}

static void report(keymap_report_fn *fn, void *ctx, const char *file, int line, const char *fmt,
                   const char *arg)
{
	char msg[256], full[512];
	if (!fn)
		return;
	snprintf(msg, sizeof(msg), fmt, arg);
	snprintf(full, sizeof(full), "%s:%d: %s", file, line, msg);
	fn(ctx, full);
}

/* Split a line into at most max words; returns the count (max + 1 if more). */
static int split_words(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return n;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static int parse_line(struct keymap *km, char *line, const char *file, int lineno,
                      keymap_report_fn *fn, void *ctx)
{
	char *w[4];
	int n = split_words(line, w, 4);
	if (n == 0 || w[0][0] == '#')
		return 0;
	int bind = !strcmp(w[0], "bind");
	if (!bind && strcmp(w[0], "unbind")) {
		report(fn, ctx, file, lineno, _("'%s' is not bind or unbind"), w[0]);
		return 1;
	}
	if (n != (bind ? 4 : 3)) {
		report(fn, ctx, file, lineno,
		       bind ? _("%s needs a screen, a key and an action")
		            : _("%s needs a screen and a key"),
		       w[0]);
		return 1;
	}
	int scope = scope_by_name(w[1]);
	if (scope < 0) {
		report(fn, ctx, file, lineno, _("unknown screen '%s'"), w[1]);
		return 1;
	}
	int key = lk_from_name(w[2]);
	if (key < 0) {
		report(fn, ctx, file, lineno, _("'%s' is not a key name"), w[2]);
		return 1;
	}
	if (!bind) {
		keymap_unbind(km, scope, key);
		return 0;
	}
	int action = action_by_name(w[3]);
	if (action == ACT_NONE) {
		report(fn, ctx, file, lineno, _("unknown action '%s'"), w[3]);
		return 1;
	}
	keymap_bind(km, scope, key, action);
	return 0;
}

int keymap_parse(struct keymap *km, const char *text, size_t len, const char *file,
                 keymap_report_fn *fn, void *ctx)
{
	int bad = 0, lineno = 0;
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - pos;
		lineno++;
		if (n > 1024) {
			report(fn, ctx, file, lineno, "%s", _("line too long"));
			bad++;
		} else {
			char line[1025];
			memcpy(line, text + pos, n);
			line[n] = '\0';
			if (n && line[n - 1] == '\r')
				line[n - 1] = '\0';
			if (memchr(text + pos, '\0', n)) {
				report(fn, ctx, file, lineno, "%s", _("a NUL byte in the line"));
				bad++;
			} else {
				bad += parse_line(km, line, file, lineno, fn, ctx);
			}
		}
		pos = end + 1;
	}
	return bad;
}

int keymap_load_file(struct keymap *km, const char *path, keymap_report_fn *fn, void *ctx)
{
	FILE *fp = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	if (!fp) {
		char msg[512];
		snprintf(msg, sizeof(msg), _("%s: cannot read: %s"), path, strerror(errno));
		if (fn)
			fn(ctx, msg);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0 && sb.len < (1u << 20))
		sb_add(&sb, buf, n);
	fclose(fp);
	int bad = keymap_parse(km, sb.buf ? sb.buf : "", sb.len, path, fn, ctx);
	sb_free(&sb);
	return bad;
}

const char *keymap_builtin(const char *name)
{
	for (int i = 0; i < builtin_keymap_count; i++)
		if (!strcmp(builtin_keymaps[i].name, name))
			return builtin_keymaps[i].text;
	return NULL;
}
