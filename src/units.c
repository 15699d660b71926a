/* The unit table and exact conversion between units. */
#include "units.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <string.h>

static const struct unit units[] = {
    {"kg", DIM_MASS, 1000, 1},
    {"g", DIM_MASS, 1, 1},
    {"mg", DIM_MASS, 1, 1000},
    {"lb", DIM_MASS, 45359237, 100000},
    {"oz", DIM_MASS, 45359237, 1600000},
    {"l", DIM_VOLUME, 1, 1},
    {"ml", DIM_VOLUME, 1, 1000},
    {"gal", DIM_VOLUME, 473176473, 125000000},
    {"fl oz", DIM_VOLUME, 473176473, 16000000000},
    {"each", DIM_COUNT, 1, 1},
    {"pack", DIM_PACK, 1, 1},
};

static const struct {
	const char *alias, *name;
} aliases[] = {
    {"kgs", "kg"},      {"kilo", "kg"},       {"kilogram", "kg"},   {"kilograms", "kg"},
    {"gram", "g"},      {"grams", "g"},       {"gr", "g"},          {"lbs", "lb"},
    {"pound", "lb"},    {"pounds", "lb"},     {"ounce", "oz"},      {"ounces", "oz"},
    {"liter", "l"},     {"litre", "l"},       {"liters", "l"},      {"litres", "l"},
    {"lt", "l"},        {"millilitre", "ml"}, {"milliliter", "ml"}, {"gallon", "gal"},
    {"gallons", "gal"}, {"floz", "fl oz"},    {"fl_oz", "fl oz"},   {"fl.oz", "fl oz"},
    {"ea", "each"},     {"pc", "each"},       {"pcs", "each"},      {"unit", "each"},
    {"units", "each"},  {"pk", "pack"},       {"case", "pack"},     {"cs", "pack"},
    {"box", "pack"},    {"packs", "pack"},    {"cases", "pack"},
};

const struct unit *unit_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(units); i++)
		if (str_ieq(units[i].name, name))
			return &units[i];
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
		if (str_ieq(aliases[i].alias, name))
			return unit_find(aliases[i].name);
	return NULL;
}

const char *unit_canonical(const char *name)
{
	const struct unit *u = unit_find(name);
	return u ? u->name : NULL;
}

int unit_is_base(const char *name)
{
	const struct unit *u = unit_find(name);
	return u && u->dim != DIM_PACK;
}

const char *unit_names(void)
{
	return "kg g mg lb oz l ml gal \"fl oz\" each pack";
}

static int64_t gcd64(__int128 a, __int128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b) {
		__int128 t = a % b;
		a = b;
		b = t;
	}
	return (int64_t)a;
}

/* A rational kept small by reducing after every step. */
struct ratio {
	__int128 num, den;
};

static int ratio_mul(struct ratio *r, int64_t num, int64_t den)
{
	r->num *= num;
	r->den *= den;
	int64_t g = gcd64(r->num, r->den);
	if (g > 1) {
		r->num /= g;
		r->den /= g;
	}
	if (r->num > INT64_MAX || r->den > INT64_MAX)
		return error_set(ERR_INVALID, _("unit conversion overflows"));
	return OK;
}

int unit_convert(fixed_t q, const char *from, const char *to, const struct unit_ctx *ctx,
                 fixed_t *out)
{
	const struct unit *uf = unit_find(from), *ut = unit_find(to);
	const struct unit *base = ctx ? unit_find(ctx->base_unit) : NULL;
	struct ratio r = {1, 1};
	int rc;

	if (!uf)
		return error_set(ERR_INVALID, _("unknown unit '%s' (known: %s)"), from,
		                 unit_names());
	if (!ut)
		return error_set(ERR_INVALID, _("unknown unit '%s' (known: %s)"), to, unit_names());
	if (uf == ut) {
		*out = q;
		return OK;
	}
	/* A pack is pack_size of the item's base unit. */
	if (uf->dim == DIM_PACK) {
		if (!base || !ctx->pack_size)
			return error_set(ERR_INVALID,
			                 _("the item has no pack size, so '%s' does not convert"),
			                 from);
		if ((rc = ratio_mul(&r, ctx->pack_size, FIXED_SCALE)))
			return rc;
		uf = base;
	}
	enum dimension to_dim = ut->dim;
	const struct unit *target = ut;
	if (ut->dim == DIM_PACK) {
		if (!base || !ctx->pack_size)
			return error_set(ERR_INVALID,
			                 _("the item has no pack size, so '%s' does not convert"),
			                 to);
		target = base;
		to_dim = base->dim;
	}
	if ((rc = ratio_mul(&r, uf->num, uf->den)))
		return rc;
	if (uf->dim != to_dim) {
		int mass_volume = (uf->dim == DIM_MASS && to_dim == DIM_VOLUME) ||
		                  (uf->dim == DIM_VOLUME && to_dim == DIM_MASS);
		if (!mass_volume)
			return error_set(ERR_INVALID, _("'%s' does not convert to '%s'"), from, to);
		if (!ctx || ctx->density <= 0)
			return error_set(ERR_INVALID,
			                 _("'%s' converts to '%s' only through a density, and the "
			                   "item has none"),
			                 from, to);
		/* density is kg per l in millionths: 1 l = density/1000 g-units of 1e6 */
		if (uf->dim == DIM_VOLUME)
			rc = ratio_mul(&r, ctx->density, 1000);
		else
			rc = ratio_mul(&r, 1000, ctx->density);
		if (rc)
			return rc;
	}
	if ((rc = ratio_mul(&r, target->den, target->num)))
		return rc;
	if (ut->dim == DIM_PACK && (rc = ratio_mul(&r, FIXED_SCALE, ctx->pack_size)))
		return rc;
	return fixed_muldiv(q, (int64_t)r.num, (int64_t)r.den, out);
}
