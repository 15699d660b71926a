/* Master-record field tables and the one checker used by every way in. */
#include "record.h"
#include "checkdigit.h"
#include "error.h"
#include "i18n.h"
#include "model.h"
#include "session.h"
#include "units.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define SPEC(arr) arr, sizeof(arr) / sizeof(arr[0])

static const struct field_spec item_fields[] = {
    {"code", N_("code"), FT_CODE, 1, CODE_MAX, NULL},
    {"name", N_("name"), FT_TEXT, 1, NAME_MAX_, NULL},
    {"kind", N_("kind"), FT_ENUM, 1, 0, "ingredient|packaging|intermediate|finished"},
    {"category", N_("category"), FT_TEXT, 0, CODE_MAX, NULL},
    {"base_unit", N_("unit"), FT_UNIT, 1, 0, NULL},
    {"gtin", N_("GTIN"), FT_GTIN, 0, 14, NULL},
    {"pack_gtin", N_("pack GTIN"), FT_GTIN, 0, 14, NULL},
    {"shelf_life_days", N_("shelf life (days)"), FT_INT, 0, 0, NULL},
    {"density", N_("density (kg/l)"), FT_DECIMAL, 0, 0, NULL},
    {"pack_size", N_("pack size"), FT_DECIMAL, 0, 0, NULL},
    {"allergens", N_("allergens"), FT_TEXT, 0, TEXT_MAX, NULL},
};
const struct record_spec record_item = {N_("item"), "item.put", SPEC(item_fields)};

static const struct field_spec location_fields[] = {
    {"code", N_("code"), FT_CODE, 1, CODE_MAX, NULL},
    {"name", N_("name"), FT_TEXT, 1, NAME_MAX_, NULL},
    {"kind", N_("kind"), FT_ENUM, 1, 0,
     "dry|cold|freezer|staging|production|finished|quarantine|other"},
};
const struct record_spec record_location = {N_("location"), "location.put", SPEC(location_fields)};

static const struct field_spec party_fields[] = {
    {"code", N_("code"), FT_CODE, 1, CODE_MAX, NULL},
    {"name", N_("name"), FT_TEXT, 1, NAME_MAX_, NULL},
    {"contact", N_("contact"), FT_TEXT, 0, NAME_MAX_, NULL},
    {"email", N_("email"), FT_TEXT, 0, NAME_MAX_, NULL},
    {"phone", N_("phone"), FT_TEXT, 0, CODE_MAX, NULL},
    {"address", N_("address"), FT_TEXT, 0, TEXT_MAX, NULL},
    {"city", N_("city"), FT_TEXT, 0, NAME_MAX_, NULL},
    {"postcode", N_("postcode"), FT_TEXT, 0, CODE_MAX, NULL},
    {"country", N_("country"), FT_TEXT, 0, CODE_MAX, NULL},
};
const struct record_spec record_supplier = {N_("supplier"), "supplier.put", SPEC(party_fields)};
const struct record_spec record_customer = {N_("customer"), "customer.put", SPEC(party_fields)};

static const struct field_spec user_fields[] = {
    {"name", N_("name"), FT_CODE, 1, CODE_MAX, NULL},
    {"full_name", N_("full name"), FT_TEXT, 0, NAME_MAX_, NULL},
    {"role", N_("role"), FT_ROLE, 1, 0, NULL},
    {"badge", N_("badge"), FT_TEXT, 0, LOT_MAX, NULL},
};
const struct record_spec record_user = {N_("user"), "user.put", SPEC(user_fields)};

const struct field_spec *record_field(const struct record_spec *spec, const char *key)
{
	for (size_t i = 0; i < spec->nfields; i++)
		if (strcmp(spec->fields[i].key, key) == 0)
			return &spec->fields[i];
	return NULL;
}

static int check_one(const struct field_spec *fs, const char *v, struct fields *out)
{
	const char *label = _(fs->label);
	switch (fs->type) {
	case FT_CODE:
		for (const char *p = v; *p; p++)
			if (!isalnum((unsigned char)*p) && !strchr("-_./", *p))
				return error_set(
				    ERR_INVALID,
				    _("%s: '%s' may only have letters, digits and - _ . /"), label,
				    v);
		/* fall through */
	case FT_TEXT:
		if (fs->max && strlen(v) > (size_t)fs->max)
			return error_set(ERR_INVALID, _("%s: longer than %d characters"), label,
			                 fs->max);
		for (const char *p = v; *p; p++)
			if ((unsigned char)*p < 0x20)
				return error_set(ERR_INVALID, _("%s: has a control character"),
				                 label);
		fields_set(out, fs->key, v);
		return OK;
	case FT_INT: {
		char *end;
		long long n = strtoll(v, &end, 10);
		if (*end || n < 0 || n > 100000)
			return error_set(ERR_INVALID, _("%s: '%s' is not a whole number"), label,
			                 v);
		fields_set_int(out, fs->key, n);
		return OK;
	}
	case FT_DECIMAL: {
		fixed_t x;
		if (fixed_parse(v, 0, &x))
			return error_prefix(ERR_INVALID, "%s", label);
		if (x < 0)
			return error_set(ERR_INVALID, _("%s: '%s' is negative"), label, v);
		fields_set_int(out, fs->key, x);
		return OK;
	}
	case FT_ENUM:
		if (!list_has(fs->values, '|', v))
			return error_set(ERR_INVALID, _("%s: '%s' is not one of %s"), label, v,
			                 fs->values);
		fields_set(out, fs->key, v);
		return OK;
	case FT_UNIT:
		if (!unit_is_base(v))
			return error_set(ERR_INVALID, _("%s: unknown unit '%s' (known: %s)"), label,
			                 v, "kg g mg lb oz l ml gal \"fl oz\" each");
		fields_set(out, fs->key, unit_canonical(v));
		return OK;
	case FT_GTIN:
		if (!gtin_valid(v))
			return error_set(ERR_INVALID,
			                 _("%s: '%s' is not a GTIN (8, 12, 13 or 14 digits with a "
			                   "correct check digit)"),
			                 label, v);
		fields_set(out, fs->key, v);
		return OK;
	case FT_ROLE:
		if (!role_valid(v))
			return error_set(ERR_INVALID, _("%s: '%s' is not one of %s"), label, v,
			                 role_names());
		fields_set(out, fs->key, v);
		return OK;
	}
	return OK;
}

int record_check(const struct record_spec *spec, const struct fields *in, struct fields *out,
                 const char **bad_key)
{
	for (size_t i = 0; i < in->n; i++) {
		if (!record_field(spec, in->v[i].key)) {
			if (bad_key)
				*bad_key = in->v[i].key;
			return error_set(ERR_INVALID, _("%s has no field '%s'"), _(spec->name),
			                 in->v[i].key);
		}
	}
	for (size_t i = 0; i < spec->nfields; i++) {
		const struct field_spec *fs = &spec->fields[i];
		const char *v = fields_get(in, fs->key);
		int rc;
		if (!v || !*v) {
			if (fs->required) {
				if (bad_key)
					*bad_key = fs->key;
				return error_set(ERR_INVALID, _("%s: required"), _(fs->label));
			}
			continue;
		}
		if ((rc = check_one(fs, v, out))) {
			if (bad_key)
				*bad_key = fs->key;
			return rc;
		}
	}
	return OK;
}
