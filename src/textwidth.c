/* Terminal cell widths through the C library's wide-character tables. */
#include "textwidth.h"

#include <string.h>
#include <wchar.h>

static int char_at(const char *s, size_t len, int *bytes)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof(st));
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*bytes = 1;
		return 1;
	}
	*bytes = (int)n;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int w = 0;
	size_t len = strlen(s);
	while (*s) {
		int b;
		w += char_at(s, len, &b);
		s += b;
		len -= (size_t)b;
	}
	return w;
}

void text_fit(const char *s, int width, int pad, char *buf, size_t bufsz)
{
	size_t out = 0, len = strlen(s);
	int w = 0;
	int total = text_width(s);
	int limit = total > width ? width - 1 : width;
	if (bufsz == 0)
		return;
	while (*s) {
		int b;
		int cw = char_at(s, len, &b);
		if (w + cw > limit || out + (size_t)b + 2 >= bufsz)
			break;
		memcpy(buf + out, s, (size_t)b);
		out += (size_t)b;
		w += cw;
		s += b;
		len -= (size_t)b;
	}
	if (total > width && width > 0 && out + 2 < bufsz) {
		buf[out++] = '~';
		w++;
	}
	while (pad && w < width && out + 2 < bufsz) {
		buf[out++] = ' ';
		w++;
	}
	buf[out] = '\0';
}
