/* Encoding and strict decoding of flat JSON payloads. Decoding takes outside input
 * (entries from other terminals), so it checks every byte and never trusts lengths. */
#include "payload.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first letter first: a payload is searched a dozen times for every entry
 * applied, and most keys differ there. */
static inline int key_is(const struct field *fl, const char *key)
{
	return fl->key[0] == key[0] && strcmp(fl->key, key) == 0;
}

/* Key and value in one allocation: a payload is built for every entry, a
 * million of them in a large import. */
static void field_fill(struct field *fl, const char *key, const char *val)
{
	size_t k = strlen(key) + 1, v = strlen(val) + 1;
	fl->key = xmalloc(k + v);
	memcpy(fl->key, key, k);
	fl->val = fl->key + k;
	memcpy(fl->val, val, v);
}

void fields_set(struct fields *f, const char *key, const char *val)
{
	if (!val)
		val = "";
	for (size_t i = 0; i < f->n; i++) {
		if (key_is(&f->v[i], key)) {
			char *old = f->v[i].key;
			field_fill(&f->v[i], key, val);
			free(old);
			return;
		}
	}
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	field_fill(&f->v[f->n++], key, val);
}

void fields_set_int(struct fields *f, const char *key, int64_t v)
{
	char buf[24];
	fields_set(f, key, int_format(v, buf));
}

const char *fields_get(const struct fields *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (key_is(&f->v[i], key))
			return f->v[i].val;
	return NULL;
}

const char *fields_str(const struct fields *f, const char *key)
{
	const char *v = fields_get(f, key);
	return v ? v : "";
}

int fields_int(const struct fields *f, const char *key, int64_t *out)
{
	const char *v = fields_get(f, key);
	char *end;
	if (!v || !*v)
		return error_set(ERR_INVALID, _("field '%s' is missing"), key);
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (errno || *end)
		return error_set(ERR_INVALID, _("field '%s' is not an integer: '%s'"), key, v);
	*out = n;
	return OK;
}

/* "i.name": room for any int64 and the longest name a payload uses */
#define NTH_KEY(key, i, name) snprintf(key, sizeof(key), "%lld.%s", (long long)(i), name)

void fields_set_nth(struct fields *f, int64_t i, const char *name, const char *val)
{
	char key[48];
	NTH_KEY(key, i, name);
	fields_set(f, key, val);
}

void fields_set_nth_int(struct fields *f, int64_t i, const char *name, int64_t v)
{
	char key[48];
	NTH_KEY(key, i, name);
	fields_set_int(f, key, v);
}

const char *fields_nth_str(const struct fields *f, int64_t i, const char *name)
{
	char key[48];
	NTH_KEY(key, i, name);
	return fields_str(f, key);
}

int fields_nth_int(const struct fields *f, int64_t i, const char *name, int64_t *out)
{
	char key[48];
	NTH_KEY(key, i, name);
	return fields_int(f, key, out);
}

void fields_free(struct fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].key);
	}
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

static void json_string(struct strbuf *out, const char *s)
{
	sb_putc(out, '"');
	while (*s) {
		/* the plain run first, in one copy: most values have nothing to escape */
		size_t n = 0;
		while (s[n] && (unsigned char)s[n] >= 0x20 && s[n] != '"' && s[n] != '\\')
			n++;
		sb_add(out, s, n);
		s += n;
		if (!*s)
			break;
		unsigned char c = (unsigned char)*s++;
		switch (c) {
		case '"':
			sb_puts(out, "\\\"");
			break;
		case '\\':
			sb_puts(out, "\\\\");
			break;
		case '\n':
			sb_puts(out, "\\n");
			break;
		case '\r':
			sb_puts(out, "\\r");
			break;
		case '\t':
			sb_puts(out, "\\t");
			break;
		default:
			sb_printf(out, "\\u%04x", c);
		}
	}
	sb_putc(out, '"');
}

void fields_encode(const struct fields *f, struct strbuf *out)
{
	sb_putc(out, '{');
	for (size_t i = 0; i < f->n; i++) {
		if (i)
			sb_putc(out, ',');
		json_string(out, f->v[i].key);
		sb_putc(out, ':');
		json_string(out, f->v[i].val);
	}
	sb_putc(out, '}');
}

struct reader {
	const char *s;
	size_t len, pos;
};

static void skip_ws(struct reader *r)
{
	while (r->pos < r->len && strchr(" \t\r\n", r->s[r->pos]) && r->s[r->pos])
		r->pos++;
}

static int bad(struct reader *r, const char *what)
{
	return error_set(ERR_INVALID, _("payload: %s at byte %zu"), what, r->pos);
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		sb_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		sb_putc(sb, (char)(0xC0 | (cp >> 6)));
		sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		sb_putc(sb, (char)(0xE0 | (cp >> 12)));
		sb_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

static int read_string(struct reader *r, struct strbuf *out)
{
	sb_reset(out);
	if (r->pos >= r->len || r->s[r->pos] != '"')
		return bad(r, _("expected a string"));
	r->pos++;
	while (r->pos < r->len) {
		unsigned char c = (unsigned char)r->s[r->pos++];
		if (c == '"')
			return OK;
		if (c == 0 || c < 0x20)
			return bad(r, _("control character in a string"));
		if (c != '\\') {
			sb_putc(out, (char)c);
			continue;
		}
		if (r->pos >= r->len)
			break;
		c = (unsigned char)r->s[r->pos++];
		switch (c) {
		case '"':
		case '\\':
		case '/':
			sb_putc(out, (char)c);
			break;
		case 'n':
			sb_putc(out, '\n');
			break;
		case 'r':
			sb_putc(out, '\r');
			break;
		case 't':
			sb_putc(out, '\t');
			break;
		case 'b':
			sb_putc(out, '\b');
			break;
		case 'f':
			sb_putc(out, '\f');
			break;
		case 'u': {
			unsigned cp = 0;
			if (r->pos + 4 > r->len)
				return bad(r, _("short \\u escape"));
			for (int i = 0; i < 4; i++) {
				char h = r->s[r->pos++];
				cp <<= 4;
				if (h >= '0' && h <= '9')
					cp |= (unsigned)(h - '0');
				else if (h >= 'a' && h <= 'f')
					cp |= (unsigned)(h - 'a' + 10);
				else if (h >= 'A' && h <= 'F')
					cp |= (unsigned)(h - 'A' + 10);
				else
					return bad(r, _("bad \\u escape"));
			}
			if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
				return bad(r, _("unsupported \\u escape"));
			put_utf8(out, cp);
			break;
		}
		default:
			return bad(r, _("bad escape"));
		}
	}
	return bad(r, _("unterminated string"));
}

static int read_value(struct reader *r, struct strbuf *out)
{
	if (r->pos < r->len && r->s[r->pos] == '"')
		return read_string(r, out);
	/* integers are accepted and kept as their text */
	sb_reset(out);
	size_t start = r->pos;
	if (r->pos < r->len && r->s[r->pos] == '-')
		r->pos++;
	while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9')
		r->pos++;
	if (r->pos == start || (r->pos == start + 1 && r->s[start] == '-'))
		return bad(r, _("expected a string or an integer"));
	sb_add(out, r->s + start, r->pos - start);
	return OK;
}

int fields_decode(const char *json, size_t len, struct fields *f)
{
	struct reader r = {json, len, 0};
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
	int rc = OK;

	skip_ws(&r);
	if (r.pos >= r.len || r.s[r.pos] != '{') {
		rc = bad(&r, _("expected '{'"));
		goto out;
	}
	r.pos++;
	skip_ws(&r);
	if (r.pos < r.len && r.s[r.pos] == '}') {
		r.pos++;
		goto tail;
	}
	for (;;) {
		skip_ws(&r);
		if ((rc = read_string(&r, &key)))
			goto out;
		if (fields_get(f, sb_str(&key))) {
			rc = bad(&r, _("duplicate key"));
			goto out;
		}
		skip_ws(&r);
		if (r.pos >= r.len || r.s[r.pos] != ':') {
			rc = bad(&r, _("expected ':'"));
			goto out;
		}
		r.pos++;
		skip_ws(&r);
		if ((rc = read_value(&r, &val)))
			goto out;
		fields_set(f, sb_str(&key), sb_str(&val));
		skip_ws(&r);
		if (r.pos < r.len && r.s[r.pos] == ',') {
			r.pos++;
			continue;
		}
		if (r.pos < r.len && r.s[r.pos] == '}') {
			r.pos++;
			break;
		}
		rc = bad(&r, _("expected ',' or '}'"));
		goto out;
	}
tail:
	skip_ws(&r);
	if (r.pos != r.len)
		rc = bad(&r, _("trailing data"));
out:
	sb_free(&key);
	sb_free(&val);
	return rc;
}
