/* Small helpers every layer uses: allocation that aborts on failure, a growable string. */
#ifndef LOTLINE_UTIL_H
#define LOTLINE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Room for arr[n] in a growing array: when n has reached cap, cap doubles
 * (starting at first) and arr is reallocated. */
#define GROW(arr, n, cap, first)                                                                   \
	do {                                                                                       \
		if ((n) >= (cap)) {                                                                \
			(cap) = (cap) ? (cap)*2 : (first);                                         \
			(arr) = xrealloc((arr), (size_t)(cap) * sizeof(*(arr)));                   \
		}                                                                                  \
	} while (0)
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* v in decimal into buf (at least 21 bytes), returned: what "%lld" gives,
 * without printf's cost in loops that run once per row. */
char *int_format(int64_t v, char *buf);
/* Strings to values by open addressing (the import's codes, the store's memo). */
struct strmap_slot {
	char *key; /* NULL: a free slot */
	void *val;
	long line;
};
struct strmap {
	struct strmap_slot *slot;
	size_t cap, n; /* cap a power of two; n < cap / 2 */
};
/* The slot of key, or NULL when it is not in the map. */
struct strmap_slot *strmap_get(const struct strmap *m, const char *key);
/* The slot of key, added (key copied, val NULL, line 0) when it was not there. */
struct strmap_slot *strmap_add(struct strmap *m, const char *key);
/* Frees the keys, and the values when free_vals. */
void strmap_free(struct strmap *m, int free_vals);
char *uint_format(uint64_t v, char *buf);
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Called by die() before it prints, so the screens can give the terminal back. */
extern void (*die_hook)(void);

/* Copy at most size-1 bytes and always terminate; returns strlen(src). */
size_t strlcpy_(char *dst, const char *src, size_t size);

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);
/* The buffer's text, never NULL. */
const char *sb_str(const struct strbuf *sb);

/* Is word one of the entries of list, separated by sep ("count|sample|other",
 * "hold quarantine")? */
int list_has(const char *list, char sep, const char *word);

/* Case-insensitive ASCII comparison. */
int str_ieq(const char *a, const char *b);
int str_has_prefix(const char *s, const char *prefix);

#endif
