/* The burst rules of ui/scanner.h. */
#include "ui/scanner.h"
#include "ui/keys.h"

#include <string.h>

const struct scan_config scan_defaults = {.gap_ms = 30, .min_len = 4, .prefix = 0, .suffix = 0};

#define GS 29

int scan_starts(const struct scan_config *c, int key)
{
	if (c->prefix && key == c->prefix)
		return 1;
	return (key >= 0x20 && key < 0x7f) || key == GS;
}

int scan_ends(const struct scan_config *c, int key)
{
	if (c->suffix)
		return key == c->suffix;
	return key == LK_ENTER || key == LK_TAB;
}

/* An AIM symbology identifier: ']' then a letter then a digit or letter. */
static int aim_prefix(const int *keys, int n)
{
	return n >= 3 && keys[0] == ']' &&
	       ((keys[1] >= 'A' && keys[1] <= 'Z') || (keys[1] >= 'a' && keys[1] <= 'z')) &&
	       ((keys[2] >= '0' && keys[2] <= '9') || (keys[2] >= 'A' && keys[2] <= 'Z') ||
	        (keys[2] >= 'a' && keys[2] <= 'z'));
}

int scan_decide(const struct scan_config *c, const int *keys, const int *gaps_ms, int n,
                int terminated, char *out, size_t outsz)
{
	int start = 0, fast = 1, len = n - (terminated ? 1 : 0);
	size_t o = 0;
	if (len <= 0)
		return 0;
	for (int i = 1; i < n; i++)
		if (gaps_ms[i] > c->gap_ms)
			fast = 0;
	int marked = aim_prefix(keys, len) || (c->prefix && keys[0] == c->prefix);
	/* a person can type two characters quickly, never a whole code */
	if (!marked && (!fast || len < c->min_len))
		return 0;
	if (!marked && !terminated && len < c->min_len * 2)
		return 0;
	if (c->prefix && keys[0] == c->prefix)
		start = 1;
	for (int i = start; i < len; i++) {
		if (keys[i] < 0 || keys[i] > 0xff || o + 1 >= outsz)
			return 0;
		out[o++] = (char)keys[i];
	}
	out[o] = '\0';
	return o > 0;
}
