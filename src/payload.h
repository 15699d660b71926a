/* A journal entry's payload: an ordered set of text fields, stored as a flat JSON
 * object of strings so that the shell's json_extract() can read it too. */
#ifndef LOTLINE_PAYLOAD_H
#define LOTLINE_PAYLOAD_H

#include "fixed.h"
#include "util.h"

struct field {
	char *key; /* one allocation holds both: key, then val */
	char *val;
};

struct fields {
	size_t n, cap;
	struct field *v;
};

#define FIELDS_INIT                                                                                \
	{                                                                                          \
		0, 0, NULL                                                                         \
	}

/* Set (replace or append) a field; a NULL or empty value removes nothing and stores "". */
void fields_set(struct fields *f, const char *key, const char *val);
void fields_set_int(struct fields *f, const char *key, int64_t v);
/* The value, or NULL when absent. */
const char *fields_get(const struct fields *f, const char *key);
/* The value, or "" when absent. */
const char *fields_str(const struct fields *f, const char *key);
/* Integer value; ERR_INVALID naming the key when absent or not an integer. */
int fields_int(const struct fields *f, const char *key, int64_t *out);
void fields_free(struct fields *f);
/* The same for the fields of the i-th element of a list ("1.lot", "1.qty", ...). */
void fields_set_nth(struct fields *f, int64_t i, const char *name, const char *val);
void fields_set_nth_int(struct fields *f, int64_t i, const char *name, int64_t v);
const char *fields_nth_str(const struct fields *f, int64_t i, const char *name);
int fields_nth_int(const struct fields *f, int64_t i, const char *name, int64_t *out);

/* Encode as {"k":"v",...} in insertion order. */
void fields_encode(const struct fields *f, struct strbuf *out);
/* Decode a flat object of strings (and integers, kept as text). ERR_INVALID
 * with the byte offset of the problem. */
int fields_decode(const char *json, size_t len, struct fields *f);

#endif
