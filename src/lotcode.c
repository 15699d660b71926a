/* Expansion of lot-code patterns. */
#include "lotcode.h"
#include "clock.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static int expand(const char *pattern, const char *site, int64_t day, int with_counter,
                  uint64_t counter, char *out, size_t outsz)
{
	struct strbuf sb = STRBUF_INIT;
	int y, m, d, counters = 0, rc = OK;
	civil_from_days(day, &y, &m, &d);

	for (const char *p = pattern; *p;) {
		if (*p != '{') {
			if (*p == '}' || (unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e) {
				rc = error_set(
				    ERR_INVALID,
				    _("lot code pattern '%s': character '%c' is not allowed"),
				    pattern, *p);
				goto out;
			}
			sb_putc(&sb, *p++);
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end) {
			rc = error_set(ERR_INVALID, _("lot code pattern '%s': '{' is not closed"),
			               pattern);
			goto out;
		}
		size_t n = (size_t)(end - p - 1);
		const char *tok = p + 1;
		if (n == 6 && !strncmp(tok, "YYMMDD", 6))
			sb_printf(&sb, "%02d%02d%02d", y % 100, m, d);
		else if (n == 4 && !strncmp(tok, "YYYY", 4))
			sb_printf(&sb, "%04d", y);
		else if (n == 2 && !strncmp(tok, "YY", 2))
			sb_printf(&sb, "%02d", y % 100);
		else if (n == 2 && !strncmp(tok, "MM", 2))
			sb_printf(&sb, "%02d", m);
		else if (n == 2 && !strncmp(tok, "DD", 2))
			sb_printf(&sb, "%02d", d);
		else if (n == 4 && !strncmp(tok, "SITE", 4))
			sb_puts(&sb, site);
		else if (n > 0 && n <= 9 && strspn(tok, "N") == n) {
			counters++;
			if (with_counter)
				sb_printf(&sb, "%0*llu", (int)n, (unsigned long long)counter);
			else
				sb_putc(&sb, '#');
		} else {
			rc = error_set(ERR_INVALID,
			               _("lot code pattern '%s': unknown token '{%.*s}' (known: "
			                 "{YYMMDD} {YYYY} {YY} {MM} {DD} {SITE} {NNN})"),
			               pattern, (int)n, tok);
			goto out;
		}
		p = end + 1;
	}
	if (counters != 1) {
		rc = error_set(ERR_INVALID,
		               _("lot code pattern '%s' needs exactly one counter such as {NNN}"),
		               pattern);
		goto out;
	}
	if (sb.len + 1 > outsz || sb.len > LOTCODE_MAX) {
		rc = error_set(ERR_INVALID,
		               _("lot code pattern '%s' makes codes that are too long"), pattern);
		goto out;
	}
	memcpy(out, sb_str(&sb), sb.len + 1);
out:
	sb_free(&sb);
	return rc;
}

int lotcode_check(const char *pattern)
{
	char buf[LOTCODE_MAX + 32];
	return expand(pattern, "AA", days_from_civil(2000, 1, 1), 1, 1, buf, sizeof(buf));
}

int lotcode_has_site(const char *pattern)
{
	return strstr(pattern, "{SITE}") != NULL;
}

int lotcode_format(const char *pattern, const char *site_code, int64_t day, uint64_t counter,
                   char *out, size_t outsz)
{
	return expand(pattern, site_code, day, 1, counter, out, outsz);
}

int lotcode_series(const char *pattern, const char *site_code, int64_t day, char *out, size_t outsz)
{
	return expand(pattern, site_code, day, 0, 0, out, outsz);
}
