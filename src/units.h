/* Units of measure: mass, volume and count, converted exactly as rationals.
 * Mass and volume convert through an item's density; packs through its pack size. */
#ifndef LOTLINE_UNITS_H
#define LOTLINE_UNITS_H

#include "fixed.h"

enum dimension { DIM_MASS, DIM_VOLUME, DIM_COUNT, DIM_PACK };

struct unit {
	const char *name; /* canonical name, as stored and shown */
	enum dimension dim;
	int64_t num, den; /* size in g, l or each, as num/den */
};

/* What an item adds to conversion: density in kg per litre (0 = unknown) and
 * pack size in the item's base unit (0 = no packs). */
struct unit_ctx {
	const char *base_unit;
	fixed_t density;
	fixed_t pack_size;
};

/* Find a unit by name or alias ("kgs", "L", "fl oz", "ea", "case"); NULL if unknown. */
const struct unit *unit_find(const char *name);
/* Canonical name for a unit name, or NULL. */
const char *unit_canonical(const char *name);
/* Convert q from one unit to another for an item; ERR_INVALID names the units
 * when they do not convert (count to mass, no density, no pack size). */
int unit_convert(fixed_t q, const char *from, const char *to, const struct unit_ctx *ctx,
                 fixed_t *out);
/* Can a base unit be used for items (packs cannot)? */
int unit_is_base(const char *name);
/* Space-separated list of unit names, for help and messages. */
const char *unit_names(void);

#endif
