/* lotline item|location|supplier|customer|user add|list|show: master data. */
#include "cmd.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "master.h"
#include "output.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

/* Option name -> record field, for each kind of record. */
struct optmap {
	const char *opt, *key;
};

static const struct optmap item_map[] = {
    {"name", "name"},
    {"kind", "kind"},
    {"category", "category"},
    {"unit", "base_unit"},
    {"gtin", "gtin"},
    {"pack-gtin", "pack_gtin"},
    {"shelf-life", "shelf_life_days"},
    {"density", "density"},
    {"pack-size", "pack_size"},
    {"allergens", "allergens"},
    {NULL, NULL},
};
static const struct optmap location_map[] = {{"name", "name"}, {"kind", "kind"}, {NULL, NULL}};
static const struct optmap party_map[] = {
    {"name", "name"},         {"contact", "contact"}, {"email", "email"},
    {"phone", "phone"},       {"address", "address"}, {"city", "city"},
    {"postcode", "postcode"}, {"country", "country"}, {NULL, NULL},
};
static const struct optmap user_map[] = {
    {"name", "full_name"}, {"role", "role"}, {"badge", "badge"}, {NULL, NULL}};

static const struct opt format_opt = {"format", N_("FORMAT"), N_("table, csv, tsv or json")};

static void fill(const struct args *a, const struct optmap *m, struct fields *f)
{
	for (; m->opt; m++) {
		const char *v = arg(a, m->opt);
		if (v)
			fields_set(f, m->key, v);
	}
}

static int get_format(const struct args *a, enum out_format *fmt)
{
	const char *v = arg(a, "format");
	*fmt = OUT_TABLE;
	return v ? out_format_parse(v, fmt) : OK;
}

static int bad_verb(const struct args *a, const char *verbs)
{
	return error_set(ERR_INVALID, _("lotline %s: '%s' is not one of %s"), a->cmd->name,
	                 a->pos[0], verbs);
}

/* ---- items ---- */

static const struct out_col item_cols[] = {
    {"code", N_("Code"), 12, 0},
    {"name", N_("Name"), 26, 0},
    {"kind", N_("Kind"), 12, 0},
    {"category", N_("Category"), 11, 0},
    {"unit", N_("Unit"), 5, 0},
    {"gtin", N_("GTIN"), 14, 0},
    {"pack_gtin", N_("Pack GTIN"), 14, 0},
    {"shelf_life_days", N_("Life"), 5, 1},
    {"density", N_("Density"), 7, 1},
    {"pack_size", N_("Pack"), 6, 1},
    {"allergens", N_("Allergens"), 20, 0},
};

static void item_values(const struct item *it, char bufs[3][FIXED_BUFSZ], char *life,
                        const char *v[11])
{
	snprintf(life, 24, "%lld", (long long)it->shelf_life_days);
	v[0] = it->code;
	v[1] = it->name;
	v[2] = it->kind;
	v[3] = it->category;
	v[4] = it->base_unit;
	v[5] = it->gtin;
	v[6] = it->pack_gtin;
	v[7] = it->shelf_life_days ? life : "";
	v[8] = it->density ? fixed_format(it->density, 0, bufs[0]) : "";
	v[9] = it->pack_size ? fixed_format(it->pack_size, 0, bufs[1]) : "";
	v[10] = it->allergens;
}

static int item_row(void *ctx, const struct item *it)
{
	char bufs[3][FIXED_BUFSZ], life[24];
	const char *v[11];
	item_values(it, bufs, life, v);
	out_row(ctx, v);
	return 0;
}

static int show_fields(const struct out_col *cols, int n, const char *const *v)
{
	for (int i = 0; i < n; i++)
		printf("%-16s %s\n", _(cols[i].title), v[i]);
	return OK;
}

static int exec_item(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	if (!strcmp(verb, "add")) {
		struct fields f = FIELDS_INIT;
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline item add CODE --name NAME "
			                                "--kind KIND --unit UNIT [...]"));
		fields_set(&f, "code", a->pos[1]);
		fill(a, item_map, &f);
		int rc = master_save(s, &record_item, &f, SAVE_ADD);
		fields_free(&f);
		if (rc == OK)
			printf(_("item %s added\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		enum out_format fmt;
		int rc = get_format(a, &fmt);
		if (rc)
			return rc;
		out_begin(&o, stdout, fmt, item_cols, (int)ARRAY_SIZE(item_cols));
		rc = db_item_each(s->store, item_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "show")) {
		struct item it;
		char bufs[3][FIXED_BUFSZ], life[24];
		const char *v[11];
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline item show CODE"));
		int rc = db_item_get(s->store, a->pos[1], &it);
		if (rc)
			return rc;
		item_values(&it, bufs, life, v);
		return show_fields(item_cols, (int)ARRAY_SIZE(item_cols), v);
	}
	return bad_verb(a, "add list show");
}

static const struct opt item_opts[] = {
    {"name", N_("NAME"), N_("the item's name")},
    {"kind", N_("KIND"), N_("ingredient, packaging, intermediate or finished")},
    {"category", N_("CATEGORY"), N_("a category for filters")},
    {"unit", N_("UNIT"), N_("base unit: kg g mg lb oz l ml gal \"fl oz\" each")},
    {"gtin", N_("GTIN"), N_("GTIN-8/12/13/14 with its check digit")},
    {"pack-gtin", N_("GTIN"), N_("GTIN of a case of --pack-size (scans as a pack)")},
    {"shelf-life", N_("DAYS"), N_("shelf life; gives received lots their expiry")},
    {"density", N_("KG/L"), N_("density, for mass/volume conversion")},
    {"pack-size", N_("QTY"), N_("base units in one pack or case")},
    {"allergens", N_("TEXT"), N_("allergens, space-separated")},
    format_opt,
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_item = {
    .name = "item",
    .usage = N_("add CODE --name NAME --kind KIND --unit UNIT [...] | list | show CODE"),
    .summary = N_("add, list and show items"),
    .opts = item_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_item,
};

/* ---- locations ---- */

static const struct out_col location_cols[] = {
    {"code", N_("Code"), 12, 0}, {"name", N_("Name"), 30, 0}, {"kind", N_("Kind"), 12, 0}};

static int location_row(void *ctx, const struct location *l)
{
	const char *v[3] = {l->code, l->name, l->kind};
	out_row(ctx, v);
	return 0;
}

static int exec_location(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	if (!strcmp(verb, "add")) {
		struct fields f = FIELDS_INIT;
		if (a->npos != 2)
			return error_set(ERR_INVALID,
			                 _("usage: lotline location add CODE --name NAME "
			                   "--kind KIND"));
		fields_set(&f, "code", a->pos[1]);
		fill(a, location_map, &f);
		int rc = master_save(s, &record_location, &f, SAVE_ADD);
		fields_free(&f);
		if (rc == OK)
			printf(_("location %s added\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		enum out_format fmt;
		int rc = get_format(a, &fmt);
		if (rc)
			return rc;
		out_begin(&o, stdout, fmt, location_cols, 3);
		rc = db_location_each(s->store, location_row, &o);
		out_end(&o);
		return rc;
	}
	return bad_verb(a, "add list");
}

static const struct opt location_opts[] = {
    {"name", N_("NAME"), N_("the location's name")},
    {"kind", N_("KIND"),
     N_("dry, cold, freezer, staging, production, finished, quarantine or other")},
    format_opt,
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_location = {
    .name = "location",
    .usage = N_("add CODE --name NAME --kind KIND | list"),
    .summary = N_("add and list locations"),
    .opts = location_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_location,
};

/* ---- suppliers and customers ---- */

static const struct out_col party_cols[] = {
    {"code", N_("Code"), 10, 0},       {"name", N_("Name"), 24, 0},
    {"contact", N_("Contact"), 14, 0}, {"email", N_("Email"), 24, 0},
    {"phone", N_("Phone"), 12, 0},     {"address", N_("Address"), 20, 0},
    {"city", N_("City"), 12, 0},       {"postcode", N_("Postcode"), 8, 0},
    {"country", N_("Country"), 7, 0},
};

static int party_row(void *ctx, const struct party *p)
{
	const char *v[9] = {p->code,    p->name, p->contact,  p->email,  p->phone,
	                    p->address, p->city, p->postcode, p->country};
	out_row(ctx, v);
	return 0;
}

static int exec_party(struct session *s, const struct args *a, enum party_kind k)
{
	const struct record_spec *spec = k == PARTY_SUPPLIER ? &record_supplier : &record_customer;
	const char *verb = a->pos[0];
	if (!strcmp(verb, "add")) {
		struct fields f = FIELDS_INIT;
		if (a->npos != 2)
			return error_set(ERR_INVALID,
			                 _("usage: lotline %s add CODE --name NAME [...]"),
			                 a->cmd->name);
		fields_set(&f, "code", a->pos[1]);
		fill(a, party_map, &f);
		int rc = master_save(s, spec, &f, SAVE_ADD);
		fields_free(&f);
		if (rc == OK)
			printf(_("%s %s added\n"), _(spec->name), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		enum out_format fmt;
		int rc = get_format(a, &fmt);
		if (rc)
			return rc;
		out_begin(&o, stdout, fmt, party_cols, (int)ARRAY_SIZE(party_cols));
		rc = db_party_each(s->store, k, party_row, &o);
		out_end(&o);
		return rc;
	}
	return bad_verb(a, "add list");
}

static int exec_supplier(struct session *s, const struct args *a)
{
	return exec_party(s, a, PARTY_SUPPLIER);
}

static int exec_customer(struct session *s, const struct args *a)
{
	return exec_party(s, a, PARTY_CUSTOMER);
}

static const struct opt party_opts[] = {
    {"name", N_("NAME"), N_("the company's name")},
    {"contact", N_("NAME"), N_("contact person")},
    {"email", N_("EMAIL"), N_("email address")},
    {"phone", N_("PHONE"), N_("phone number")},
    {"address", N_("TEXT"), N_("street address")},
    {"city", N_("CITY"), N_("city")},
    {"postcode", N_("CODE"), N_("postcode")},
    {"country", N_("CODE"), N_("country")},
    format_opt,
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_supplier = {
    .name = "supplier",
    .usage = N_("add CODE --name NAME [--contact ... --address ...] | list"),
    .summary = N_("add and list suppliers"),
    .opts = party_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_supplier,
};

const struct cmd_entry cmd_customer = {
    .name = "customer",
    .usage = N_("add CODE --name NAME [--contact ... --address ...] | list"),
    .summary = N_("add and list customers"),
    .opts = party_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_customer,
};

/* ---- users ---- */

static const struct out_col user_cols[] = {
    {"name", N_("User"), 12, 0},   {"full_name", N_("Name"), 24, 0}, {"role", N_("Role"), 9, 0},
    {"badge", N_("Badge"), 14, 0}, {"pin", N_("PIN"), 4, 0},         {"active", N_("Active"), 6, 0},
};

static int user_row(void *ctx, const struct user *u)
{
	const char *v[6] = {u->name,
	                    u->full_name,
	                    u->role,
	                    u->badge,
	                    u->pin_hash[0] ? "set" : "-",
	                    u->active ? "yes" : "no"};
	out_row(ctx, v);
	return 0;
}

static int exec_user(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	if (!strcmp(verb, "add")) {
		struct fields f = FIELDS_INIT;
		if (a->npos != 2)
			return error_set(ERR_INVALID,
			                 _("usage: lotline user add NAME --role ROLE [--pin PIN]"));
		fields_set(&f, "name", a->pos[1]);
		fill(a, user_map, &f);
		int rc = user_save(s, &f, arg(a, "pin"), SAVE_ADD);
		fields_free(&f);
		if (rc == OK)
			printf(_("user %s added\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		enum out_format fmt;
		int rc = get_format(a, &fmt);
		if (rc)
			return rc;
		out_begin(&o, stdout, fmt, user_cols, (int)ARRAY_SIZE(user_cols));
		rc = db_user_each(s->store, user_row, &o);
		out_end(&o);
		return rc;
	}
	return bad_verb(a, "add list");
}

static const struct opt user_opts[] = {
    {"role", N_("ROLE"), N_("owner, manager, qa, operator or viewer")},
    {"pin", N_("PIN"), N_("4 to 12 digits for logging in to the screens")},
    {"name", N_("TEXT"), N_("the person's full name")},
    {"badge", N_("CODE"), N_("a badge barcode that stands for the user at login")},
    format_opt,
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_user = {
    .name = "user",
    .usage = N_("add NAME --role ROLE [--pin PIN] [--name TEXT] | list"),
    .summary = N_("add and list users"),
    .opts = user_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_user,
};
