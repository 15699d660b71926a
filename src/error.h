/* Status codes and the last error message: services return a status and store
 * a translated message; the screens show it, the command line prints it. */
#ifndef LOTLINE_ERROR_H
#define LOTLINE_ERROR_H

#define STATUS_INFO(_)                                                                             \
	_(OK, 0, "ok")                                                                             \
	_(ERR_INVALID, 2, "invalid input")                                                         \
	_(ERR_NOT_FOUND, 3, "not found")                                                           \
	_(ERR_DENIED, 4, "not allowed")                                                            \
	_(ERR_CONFLICT, 5, "conflict")                                                             \
	_(ERR_DB, 6, "store error")                                                                \
	_(ERR_IO, 7, "input/output error")                                                         \
	_(ERR_CORRUPT, 8, "integrity check failed")

enum status {
#define STATUS_ENUM(name, code, text) name = code,
	STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

/* Store a formatted message (already translated by the caller) and return code. */
int error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefix the stored message with context ("line 4: ..."). */
int error_prefix(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *error_msg(void);
void error_clear(void);
const char *status_name(int code);

#endif
