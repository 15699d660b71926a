/* SQL for master data. Codes are the keys that travel between stores; local ids
 * stay local. A write with an older clock stamp than the row's is ignored, so the
 * result does not depend on the order entries arrive in. */
#include "db/master.h"
#include "db/rows.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <string.h>

/* Newest stamp wins; equal stamps from two sites go to the greater site id. */
#define SQL_NEWER(t)                                                                               \
	"(excluded.hlc > " t ".hlc OR (excluded.hlc = " t ".hlc AND excluded.site >= " t ".site))"

/* Step a single-row lookup: OK with the row, ERR_NOT_FOUND, or ERR_DB. The caller
 * reads the columns and resets. */
static int step_row(struct store *s, sqlite3_stmt *st, const char *what, const char *code)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return OK;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return error_set(ERR_NOT_FOUND, _("%s '%s' not found"), what, code);
	return store_error(s, what);
}

int db_item_put(struct store *s, const struct item *it, hlc_t hlc)
{
	memo_forget(s);
	sqlite3_stmt *st = store_stmt(
	    s,
	    "INSERT INTO items (code, name, kind, category, base_unit, gtin, "
	    "shelf_life_days, density, pack_size, allergens, hlc, pack_gtin, site) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, " SQL_APPLYING_SITE ") "
	    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
	    "category = excluded.category, base_unit = excluded.base_unit, "
	    "gtin = excluded.gtin, shelf_life_days = excluded.shelf_life_days, "
	    "density = excluded.density, pack_size = excluded.pack_size, "
	    "allergens = excluded.allergens, hlc = excluded.hlc, pack_gtin = excluded.pack_gtin, "
	    "site = excluded.site WHERE " SQL_NEWER("items"));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, it->code);
	bind_text(st, 2, it->name);
	bind_text(st, 3, it->kind);
	bind_text(st, 4, it->category);
	bind_text(st, 5, it->base_unit);
	bind_text(st, 6, it->gtin);
	sqlite3_bind_int64(st, 7, it->shelf_life_days);
	sqlite3_bind_int64(st, 8, it->density);
	sqlite3_bind_int64(st, 9, it->pack_size);
	bind_text(st, 10, it->allergens);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)hlc);
	bind_text(st, 12, it->pack_gtin);
	return store_step_done(s, st, _("saving an item"));
}

#define ITEM_COLUMNS                                                                               \
	"id, code, name, kind, category, base_unit, gtin, shelf_life_days, density, "              \
	"pack_size, allergens, pack_gtin"

static void item_read(sqlite3_stmt *st, struct item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, it->code);
	COLUMN_COPY(st, 2, it->name);
	COLUMN_COPY(st, 3, it->kind);
	COLUMN_COPY(st, 4, it->category);
	COLUMN_COPY(st, 5, it->base_unit);
	COLUMN_COPY(st, 6, it->gtin);
	it->shelf_life_days = sqlite3_column_int64(st, 7);
	it->density = sqlite3_column_int64(st, 8);
	it->pack_size = sqlite3_column_int64(st, 9);
	COLUMN_COPY(st, 10, it->allergens);
	COLUMN_COPY(st, 11, it->pack_gtin);
}

int db_item_get(struct store *s, const char *code, struct item *out)
{
	if (memo_copy(s, MEMO_ITEM, code, out, sizeof(*out)))
		return OK;
	sqlite3_stmt *st = store_stmt(s, "SELECT " ITEM_COLUMNS " FROM items WHERE code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	if ((rc = step_row(s, st, _("item"), code)))
		return rc;
	item_read(st, out);
	sqlite3_reset(st);
	memo_put(s, MEMO_ITEM, code, out, sizeof(*out));
	return OK;
}

int db_item_by_gtin(struct store *s, const char *gtin, struct item *out)
{
	sqlite3_stmt *st = store_stmt(
	    s,
	    "SELECT " ITEM_COLUMNS " FROM items WHERE gtin <> '' AND "
	    "substr('00000000000000' || gtin, -14, 14) = substr('00000000000000' || ?1, -14, 14) "
	    "UNION ALL SELECT " ITEM_COLUMNS " FROM items WHERE pack_gtin <> '' AND "
	    "substr('00000000000000' || pack_gtin, -14, 14) = "
	    "substr('00000000000000' || ?1, -14, 14) LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, gtin);
	if ((rc = step_row(s, st, _("item with GTIN"), gtin)))
		return rc;
	item_read(st, out);
	sqlite3_reset(st);
	return OK;
}

int db_item_each(struct store *s, int (*cb)(void *ctx, const struct item *it), void *ctx)
{
	ROWS_EACH(s, "SELECT " ITEM_COLUMNS " FROM items ORDER BY code", (void)0, struct item,
	          item_read, cb, ctx, _("listing items"));
}

int db_location_put(struct store *s, const struct location *l, hlc_t hlc)
{
	memo_forget(s);
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO locations (code, name, kind, hlc, site) VALUES (?1, ?2, ?3, "
	       "?4, " SQL_APPLYING_SITE ") "
	       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
	       "hlc = excluded.hlc, site = excluded.site WHERE " SQL_NEWER("locations"));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, l->code);
	bind_text(st, 2, l->name);
	bind_text(st, 3, l->kind);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("saving a location"));
}

static void location_read(sqlite3_stmt *st, struct location *l)
{
	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, l->code);
	COLUMN_COPY(st, 2, l->name);
	COLUMN_COPY(st, 3, l->kind);
}

int db_location_get(struct store *s, const char *code, struct location *out)
{
	if (memo_copy(s, MEMO_LOCATION, code, out, sizeof(*out)))
		return OK;
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT id, code, name, kind FROM locations WHERE code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	if ((rc = step_row(s, st, _("location"), code)))
		return rc;
	location_read(st, out);
	sqlite3_reset(st);
	memo_put(s, MEMO_LOCATION, code, out, sizeof(*out));
	return OK;
}

int db_location_each(struct store *s, int (*cb)(void *ctx, const struct location *l), void *ctx)
{
	ROWS_EACH(s, "SELECT id, code, name, kind FROM locations ORDER BY code", (void)0,
	          struct location, location_read, cb, ctx, _("listing locations"));
}

/* Suppliers and customers share their shape; the table differs. */
static const char *const party_put_sql[] = {
    "INSERT INTO suppliers (code, name, contact, email, phone, address, city, postcode, "
    "country, hlc, site) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " SQL_APPLYING_SITE ") "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, contact = excluded.contact, "
    "email = excluded.email, phone = excluded.phone, address = excluded.address, "
    "city = excluded.city, postcode = excluded.postcode, country = excluded.country, "
    "hlc = excluded.hlc, site = excluded.site WHERE " SQL_NEWER("suppliers"),
    "INSERT INTO customers (code, name, contact, email, phone, address, city, postcode, "
    "country, hlc, site) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " SQL_APPLYING_SITE ") "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, contact = excluded.contact, "
    "email = excluded.email, phone = excluded.phone, address = excluded.address, "
    "city = excluded.city, postcode = excluded.postcode, country = excluded.country, "
    "hlc = excluded.hlc, site = excluded.site WHERE " SQL_NEWER("customers"),
};
#define PARTY_COLUMNS "id, code, name, contact, email, phone, address, city, postcode, country"
static const char *const party_get_sql[] = {
    "SELECT " PARTY_COLUMNS " FROM suppliers WHERE code = ?1",
    "SELECT " PARTY_COLUMNS " FROM customers WHERE code = ?1",
};
static const char *const party_list_sql[] = {
    "SELECT " PARTY_COLUMNS " FROM suppliers ORDER BY code",
    "SELECT " PARTY_COLUMNS " FROM customers ORDER BY code",
};

int db_party_put(struct store *s, enum party_kind k, const struct party *p, hlc_t hlc)
{
	memo_forget(s);
	sqlite3_stmt *st = store_stmt(s, party_put_sql[k]);
	if (!st)
		return ERR_DB;
	bind_text(st, 1, p->code);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->contact);
	bind_text(st, 4, p->email);
	bind_text(st, 5, p->phone);
	bind_text(st, 6, p->address);
	bind_text(st, 7, p->city);
	bind_text(st, 8, p->postcode);
	bind_text(st, 9, p->country);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)hlc);
	return store_step_done(
	    s, st, k == PARTY_SUPPLIER ? _("saving a supplier") : _("saving a customer"));
}

static void party_read(sqlite3_stmt *st, struct party *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, p->code);
	COLUMN_COPY(st, 2, p->name);
	COLUMN_COPY(st, 3, p->contact);
	COLUMN_COPY(st, 4, p->email);
	COLUMN_COPY(st, 5, p->phone);
	COLUMN_COPY(st, 6, p->address);
	COLUMN_COPY(st, 7, p->city);
	COLUMN_COPY(st, 8, p->postcode);
	COLUMN_COPY(st, 9, p->country);
}

int db_party_get(struct store *s, enum party_kind k, const char *code, struct party *out)
{
	enum memo_kind mk = k == PARTY_SUPPLIER ? MEMO_SUPPLIER : MEMO_CUSTOMER;
	if (memo_copy(s, mk, code, out, sizeof(*out)))
		return OK;
	sqlite3_stmt *st = store_stmt(s, party_get_sql[k]);
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	if ((rc = step_row(s, st, k == PARTY_SUPPLIER ? _("supplier") : _("customer"), code)))
		return rc;
	party_read(st, out);
	sqlite3_reset(st);
	memo_put(s, mk, code, out, sizeof(*out));
	return OK;
}

int db_party_each(struct store *s, enum party_kind k, int (*cb)(void *ctx, const struct party *p),
                  void *ctx)
{
	ROWS_EACH(s, party_list_sql[k], (void)0, struct party, party_read, cb, ctx,
	          _("listing parties"));
}

int db_user_put(struct store *s, const struct user *u, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO users (name, full_name, role, pin_hash, badge, active, hlc, site) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " SQL_APPLYING_SITE ") "
	       "ON CONFLICT (name) DO UPDATE SET full_name = excluded.full_name, "
	       "role = excluded.role, pin_hash = excluded.pin_hash, badge = excluded.badge, "
	       "active = excluded.active, hlc = excluded.hlc, site = excluded.site "
	       "WHERE " SQL_NEWER("users"));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, u->name);
	bind_text(st, 2, u->full_name);
	bind_text(st, 3, u->role);
	bind_text(st, 4, u->pin_hash);
	bind_text(st, 5, u->badge);
	sqlite3_bind_int(st, 6, u->active);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("saving a user"));
}

#define USER_COLUMNS "id, name, full_name, role, pin_hash, badge, active"

static void user_read(sqlite3_stmt *st, struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(st, 0);
	COLUMN_COPY(st, 1, u->name);
	COLUMN_COPY(st, 2, u->full_name);
	COLUMN_COPY(st, 3, u->role);
	COLUMN_COPY(st, 4, u->pin_hash);
	COLUMN_COPY(st, 5, u->badge);
	u->active = sqlite3_column_int(st, 6);
}

int db_user_get(struct store *s, const char *name, struct user *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " USER_COLUMNS " FROM users WHERE name = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, name);
	if ((rc = step_row(s, st, _("user"), name)))
		return rc;
	user_read(st, out);
	sqlite3_reset(st);
	return OK;
}

int db_user_by_badge(struct store *s, const char *badge, struct user *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " USER_COLUMNS
	                                 " FROM users WHERE badge = ?1 AND badge <> '' LIMIT 1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, badge);
	if ((rc = step_row(s, st, _("badge"), badge)))
		return rc;
	user_read(st, out);
	sqlite3_reset(st);
	return OK;
}

int db_user_each(struct store *s, int (*cb)(void *ctx, const struct user *u), void *ctx)
{
	ROWS_EACH(s, "SELECT " USER_COLUMNS " FROM users ORDER BY name", (void)0, struct user,
	          user_read, cb, ctx, _("listing users"));
}

int64_t db_user_count(struct store *s)
{
	return store_query_int(s, "SELECT count(*) FROM users", -1);
}

int db_setting_put(struct store *s, const char *key, const char *value, hlc_t hlc)
{
	memo_forget(s);
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO settings (key, value, hlc, site) VALUES (?1, ?2, ?3, " SQL_APPLYING_SITE
	       ") "
	       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, "
	       "site = excluded.site WHERE " SQL_NEWER("settings"));
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("saving a setting"));
}

int db_setting_get(struct store *s, const char *key, char *buf, size_t n)
{
	const void *known;
	if (memo_get(s, MEMO_SETTING, key, &known)) {
		if (known) {
			strlcpy_(buf, known, n);
			return OK;
		}
		return ERR_NOT_FOUND; /* no message: said the first time, the default holds */
	}
	sqlite3_stmt *st = store_stmt(s, "SELECT value FROM settings WHERE key = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, key);
	if ((rc = step_row(s, st, _("setting"), key))) {
		if (rc == ERR_NOT_FOUND) /* most settings are never set: the default holds */
			memo_put(s, MEMO_SETTING, key, NULL, 0);
		return rc;
	}
	const char *value = (const char *)sqlite3_column_text(st, 0);
	memo_put(s, MEMO_SETTING, key, value ? value : "", value ? strlen(value) + 1 : 1);
	column_copy(st, 0, buf, n);
	sqlite3_reset(st);
	return OK;
}
