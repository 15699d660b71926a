/* Allocation wrappers, die(), and the growable string used across lotline. */
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*die_hook)(void);

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory (%zu bytes)", n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory (%zu bytes)", n);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static size_t str_hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct strmap_slot *strmap_find(const struct strmap *m, const char *key)
{
	size_t i = str_hash(key) & (m->cap - 1);
	while (m->slot[i].key && strcmp(m->slot[i].key, key))
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

struct strmap_slot *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->n)
		return NULL;
	struct strmap_slot *sl = strmap_find(m, key);
	return sl->key ? sl : NULL;
}

struct strmap_slot *strmap_add(struct strmap *m, const char *key)
{
	if (2 * (m->n + 1) > m->cap) {
		struct strmap bigger = {xcalloc(m->cap ? 2 * m->cap : 64, sizeof(*m->slot)),
		                        m->cap ? 2 * m->cap : 64, m->n};
		for (size_t i = 0; i < m->cap; i++)
			if (m->slot[i].key)
				*strmap_find(&bigger, m->slot[i].key) = m->slot[i];
		free(m->slot);
		*m = bigger;
	}
	struct strmap_slot *sl = strmap_find(m, key);
	if (!sl->key) {
		sl->key = xstrdup(key);
		m->n++;
	}
	return sl;
}

void strmap_free(struct strmap *m, int free_vals)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slot[i].key);
		if (free_vals)
			free(m->slot[i].val);
	}
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

char *uint_format(uint64_t v, char *buf)
{
	char tmp[20], *p = tmp + sizeof(tmp);
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	memcpy(buf, p, (size_t)(tmp + sizeof(tmp) - p));
	buf[tmp + sizeof(tmp) - p] = '\0';
	return buf;
}

char *int_format(int64_t v, char *buf)
{
	if (v >= 0)
		return uint_format((uint64_t)v, buf);
	buf[0] = '-';
	uint_format(-(uint64_t)v, buf + 1);
	return buf;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	if (!sb.buf)
		return xstrdup("");
	return sb.buf;
}

void die(const char *fmt, ...)
{
	va_list ap;
	if (die_hook)
		die_hook();
	fputs("lotline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(70);
}

size_t strlcpy_(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t c = n < size - 1 ? n : size - 1;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

int str_ieq(const char *a, const char *b)
{
	while (*a && *b) {
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
	return *a == *b;
}

int list_has(const char *list, char sep, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; *p;) {
		const char *end = strchr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, word, n))
			return 1;
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

int str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
