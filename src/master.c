/* Master data services: validation through the record tables, then one journal entry. */
#include "master.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"

#include <sodium.h>
#include <string.h>

static int exists(struct session *s, const struct record_spec *spec, const char *code)
{
	union {
		struct item i;
		struct location l;
		struct party p;
		struct user u;
	} row;
	int rc;
	if (spec == &record_item)
		rc = db_item_get(s->store, code, &row.i);
	else if (spec == &record_location)
		rc = db_location_get(s->store, code, &row.l);
	else if (spec == &record_supplier)
		rc = db_party_get(s->store, PARTY_SUPPLIER, code, &row.p);
	else if (spec == &record_customer)
		rc = db_party_get(s->store, PARTY_CUSTOMER, code, &row.p);
	else
		rc = db_user_get(s->store, code, &row.u);
	error_clear();
	return rc == OK;
}

static int save(struct session *s, const struct record_spec *spec, const struct fields *in,
                enum save_mode mode, const char **bad_key, struct fields *out)
{
	int rc = record_check(spec, in, out, bad_key);
	const char *key = spec->fields[0].key;
	if (rc)
		return rc;
	if (mode == SAVE_ADD && exists(s, spec, fields_str(out, key))) {
		if (bad_key)
			*bad_key = key;
		return error_set(ERR_CONFLICT, _("%s '%s' already exists"), _(spec->name),
		                 fields_str(out, key));
	}
	return OK;
}

int master_save_in_tx(struct session *s, const struct record_spec *spec, const struct fields *in,
                      enum save_mode mode, const char **bad_key)
{
	struct fields out = FIELDS_INIT;
	int rc = save(s, spec, in, mode, bad_key, &out);
	if (rc == OK)
		rc = journal_append(s, spec->kind, &out, NULL);
	fields_free(&out);
	return rc;
}

int master_save(struct session *s, const struct record_spec *spec, const struct fields *in,
                enum save_mode mode)
{
	int rc = session_require(s, spec == &record_user ? PERM_USERS : PERM_MASTER);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, master_save_in_tx(s, spec, in, mode, NULL));
}

#define PIN_OPSLIMIT 3
#define PIN_MEMLIMIT (8u << 20)

static int pin_valid(const char *pin)
{
	size_t n = strlen(pin);
	if (n < 4 || n > 12)
		return 0;
	return strspn(pin, "0123456789") == n;
}

int user_save_in_tx(struct session *s, const struct fields *in, const char *pin,
                    enum save_mode mode)
{
	struct fields out = FIELDS_INIT;
	int rc = save(s, &record_user, in, mode, NULL, &out);
	if (rc)
		goto out;
	/* Only an owner makes owners and managers: no one raises their own kind. */
	const char *role = fields_str(&out, "role");
	if (s->user.name[0] && strcmp(s->user.role, "owner") != 0 &&
	    (!strcmp(role, "owner") || !strcmp(role, "manager"))) {
		rc = error_set(ERR_DENIED, _("only an owner may create a user with role %s"), role);
		goto out;
	}
	if (pin && *pin) {
		char hash[crypto_pwhash_STRBYTES];
		if (!pin_valid(pin)) {
			rc = error_set(ERR_INVALID, _("PIN: must be 4 to 12 digits"));
			goto out;
		}
		/* Argon2id with 8 MiB and 3 passes: handhelds have little memory, and a
		 * PIN of a few digits is protected by who may read the store, not by
		 * the hash's cost (libsodium's interactive 64 MiB would triple the
		 * screens' peak memory for no real gain). */
		if (crypto_pwhash_str(hash, pin, strlen(pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0) {
			rc = error_set(ERR_IO, _("PIN: not enough memory to hash it"));
			goto out;
		}
		fields_set(&out, "pin_hash", hash);
	}
	fields_set(&out, "active", "1");
	rc = journal_append(s, record_user.kind, &out, NULL);
out:
	fields_free(&out);
	return rc;
}

int user_save(struct session *s, const struct fields *in, const char *pin, enum save_mode mode)
{
	int rc = session_require(s, PERM_USERS);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, user_save_in_tx(s, in, pin, mode));
}

int user_check_pin(struct session *s, const char *name, const char *pin)
{
	struct user u;
	if (db_user_get(s->store, name, &u) != OK || !u.active || !u.pin_hash[0] ||
	    crypto_pwhash_str_verify(u.pin_hash, pin, strlen(pin)) != 0)
		return error_set(ERR_DENIED, _("wrong user or PIN"));
	return OK;
}
