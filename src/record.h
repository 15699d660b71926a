/* Field specifications for master records (items, locations, suppliers, customers,
 * users): one table says what each field is, and one checker turns text typed in a
 * form, given on the command line or read from CSV into clean payload fields. */
#ifndef LOTLINE_RECORD_H
#define LOTLINE_RECORD_H

#include "payload.h"

enum field_type {
	FT_CODE,    /* letters, digits, - _ . / ; no spaces */
	FT_TEXT,    /* any printable text */
	FT_INT,     /* whole number >= 0 */
	FT_DECIMAL, /* fixed-point >= 0, stored in millionths */
	FT_ENUM,    /* one of a |-separated list */
	FT_UNIT,    /* a base unit of measure */
	FT_GTIN,    /* 8/12/13/14 digits with check digit, or empty */
	FT_ROLE,
};

struct field_spec {
	const char *key;
	const char *label; /* N_() */
	enum field_type type;
	int required;
	int max;            /* length limit for text */
	const char *values; /* for FT_ENUM */
};

struct record_spec {
	const char *name; /* N_("item") */
	const char *kind; /* journal entry kind */
	const struct field_spec *fields;
	size_t nfields;
};

extern const struct record_spec record_item, record_location, record_supplier, record_customer,
    record_user;

/* Check in against spec and write the clean values into out. On error the
 * message names the field, and *bad_key (if given) is the field's key. */
int record_check(const struct record_spec *spec, const struct fields *in, struct fields *out,
                 const char **bad_key);
const struct field_spec *record_field(const struct record_spec *spec, const char *key);

#endif
