/* The last error message, kept per thread so the sync thread and the screens do not mix. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_error[1024];

int error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return code;
}

int error_prefix(int code, const char *fmt, ...)
{
	char prefix[512], old[sizeof(last_error)];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, last_error, sizeof(old));
	snprintf(last_error, sizeof(last_error), "%s: %s", prefix, old);
	return code;
}

const char *error_msg(void)
{
	return last_error;
}

void error_clear(void)
{
	last_error[0] = '\0';
}

const char *status_name(int code)
{
	switch (code) {
#define STATUS_CASE(name, num, text)                                                               \
	case num:                                                                                  \
		return text;
		STATUS_INFO(STATUS_CASE)
#undef STATUS_CASE
	}
	return "unknown";
}
