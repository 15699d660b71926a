/* Parsing, formatting and exact arithmetic on fixed-point millionths. */
#include "fixed.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

int fixed_parse(const char *s, int decimal_comma, fixed_t *out)
{
	const char *p = s;
	int neg = 0, digits = 0, decimals = 0, seen_point = 0;
	__int128 v = 0;

	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (seen_point && ++decimals > FIXED_DECIMALS)
				return error_set(ERR_INVALID, _("'%s' has more than %d decimals"),
				                 s, FIXED_DECIMALS);
			v = v * 10 + (*p - '0');
			if (v > (__int128)INT64_MAX)
				return error_set(ERR_INVALID, _("'%s' is too large"), s);
			digits++;
		} else if ((*p == '.' || (decimal_comma && *p == ',')) && !seen_point) {
			seen_point = 1;
		} else if (*p == ' ' && p[strspn(p, " ")] == '\0') {
			break;
		} else {
			return error_set(ERR_INVALID, _("'%s' is not a number"), s);
		}
	}
	if (!digits)
		return error_set(ERR_INVALID, _("'%s' is not a number"), s);
	for (; decimals < FIXED_DECIMALS; decimals++)
		v *= 10;
	if (v > (__int128)INT64_MAX)
		return error_set(ERR_INVALID, _("'%s' is too large"), s);
	*out = neg ? -(int64_t)v : (int64_t)v;
	return OK;
}

char *fixed_format(fixed_t v, int min_decimals, char *buf)
{
	char frac[FIXED_DECIMALS + 1];
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = a / FIXED_SCALE, fp = a % FIXED_SCALE;
	int n = FIXED_DECIMALS;

	for (int i = FIXED_DECIMALS - 1; i >= 0; i--) {
		frac[i] = (char)('0' + fp % 10);
		fp /= 10;
	}
	while (n > min_decimals && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	char *p = buf;
	if (v < 0)
		*p++ = '-';
	p += sprintf(p, "%llu", (unsigned long long)ip);
	if (n > 0)
		sprintf(p, ".%s", frac);
	return buf;
}

int fixed_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out)
{
	if (den == 0)
		return error_set(ERR_INVALID, _("division by zero"));
	__int128 p = (__int128)a * num;
	int neg = (p < 0) != (den < 0);
	if (p < 0)
		p = -p;
	__int128 d = den < 0 ? -(__int128)den : den;
	__int128 q = (p + d / 2) / d;
	if (q > (__int128)INT64_MAX)
		return error_set(ERR_INVALID, _("number too large"));
	*out = neg ? -(int64_t)q : (int64_t)q;
	return OK;
}

int fixed_mul(fixed_t a, fixed_t b, fixed_t *out)
{
	return fixed_muldiv(a, b, FIXED_SCALE, out);
}

int fixed_div(fixed_t a, fixed_t b, fixed_t *out)
{
	return fixed_muldiv(a, FIXED_SCALE, b, out);
}
