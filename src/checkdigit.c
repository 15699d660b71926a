/* The GS1 mod-10 check digit: weights 3 and 1 from the right. */
#include "checkdigit.h"

#include <string.h>

int gs1_check_digit(const char *s, size_t n)
{
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int d = s[n - 1 - i] - '0';
		sum += (i % 2 == 0) ? 3 * d : d;
	}
	return (10 - sum % 10) % 10;
}

int gs1_check_digit_ok(const char *s, size_t n)
{
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return gs1_check_digit(s, n - 1) == s[n - 1] - '0';
}

int gtin_valid(const char *s)
{
	size_t n = strlen(s);
	if (n != 8 && n != 12 && n != 13 && n != 14)
		return 0;
	return gs1_check_digit_ok(s, n);
}
