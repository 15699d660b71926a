/* lotline init: a new store with its identity. */
#include "setup.h"
#include "db/journal.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "master.h"
#include "util.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>
#include <zmq.h>

static int site_code_ok(const char *c)
{
	size_t n = strlen(c);
	if (n < 1 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)c[i]) && !isdigit((unsigned char)c[i]))
			return 0;
	return isupper((unsigned char)c[0]);
}

int setup_init(const char *path, const struct init_req *r, struct session *out)
{
	unsigned char raw[16];
	char site_id[33], code[8], pub[41], sec[41];
	struct fields f = FIELDS_INIT, u = FIELDS_INIT;
	int rc;

	if (sodium_init() < 0)
		return error_set(ERR_IO, _("libsodium could not start"));
	if (r->site_code && !site_code_ok(r->site_code))
		return error_set(ERR_INVALID,
		                 _("site code: '%s' must be 1 to 4 capital letters or digits, "
		                   "starting with a letter"),
		                 r->site_code);
	if (!r->owner || !*r->owner)
		return error_set(ERR_INVALID, _("owner: a user name is required"));
	if ((rc = session_open(path, STORE_CREATE, out)))
		return rc;
	if (out->site_id[0]) {
		rc = error_set(ERR_CONFLICT, _("%s is already a lotline store (site %s)"), path,
		               out->site_code);
		session_close(out);
		return rc;
	}
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(site_id, sizeof(site_id), raw, sizeof(raw));
	if (r->site_code) {
		strlcpy_(code, r->site_code, sizeof(code));
	} else {
		static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		code[0] = letters[randombytes_uniform(sizeof(letters) - 1)];
		code[1] = letters[randombytes_uniform(sizeof(letters) - 1)];
		code[2] = '\0';
	}
	if (zmq_curve_keypair(pub, sec) != 0) {
		rc = error_set(ERR_IO, _("cannot make a CURVE key pair (libzmq without CURVE?)"));
		session_close(out);
		return rc;
	}
	if ((rc = store_begin(out->store)))
		goto fail;
	if ((rc = store_meta_set(out->store, "site_id", site_id)) ||
	    (rc = store_meta_set(out->store, "site_code", code)) ||
	    (rc = store_meta_set(out->store, "curve_public", pub)) ||
	    (rc = store_meta_set(out->store, "curve_secret", sec)) ||
	    (rc = db_site_number(out->store, site_id, 1, &out->site_no)))
		goto fail_tx;
	strlcpy_(out->site_id, site_id, sizeof(out->site_id));
	strlcpy_(out->site_code, code, sizeof(out->site_code));
	/* The first entries are made in the owner's name. */
	strlcpy_(out->user.name, r->owner, sizeof(out->user.name));
	strlcpy_(out->user.role, "owner", sizeof(out->user.role));
	fields_set(&f, "code", code);
	fields_set(&f, "name", r->site_name ? r->site_name : "");
	if ((rc = journal_append(out, "site.init", &f, NULL)))
		goto fail_tx;
	fields_set(&u, "name", r->owner);
	fields_set(&u, "full_name", r->owner_full_name ? r->owner_full_name : "");
	fields_set(&u, "role", "owner");
	if ((rc = user_save_in_tx(out, &u, r->owner_pin, SAVE_ADD)))
		goto fail_tx;
	if ((rc = store_commit(out->store)))
		goto fail;
	fields_free(&f);
	fields_free(&u);
	return session_set_user(out, r->owner);
fail_tx:
	store_rollback(out->store);
fail:
	fields_free(&f);
	fields_free(&u);
	session_close(out);
	return rc;
}
