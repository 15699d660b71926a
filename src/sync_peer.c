/* Enrolment: which keys may sync with this store, as which site. Local to each
 * store (not journalled): a central peer's allow-list and a terminal's central. */
#include "sync.h"
#include "db/journal.h"
#include "db/lots.h"
#include "error.h"
#include "i18n.h"
#include "lotcode.h"
#include "settings.h"
#include "sync_core.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zmq.h>

int peer_self(struct session *s, char key[41], char site_id[33], char code[8])
{
	struct sync_ident id;
	int rc = sync_identity(s->store, &id);
	if (rc)
		return rc;
	strlcpy_(key, id.public_key, 41);
	strlcpy_(site_id, id.site_id, 33);
	strlcpy_(code, id.site_code, 8);
	return OK;
}

static int key_ok(const char *key)
{
	uint8_t raw[32];
	return strlen(key) == 40 && zmq_z85_decode(raw, key) != NULL;
}

static int code_ok(const char *c)
{
	size_t n = strlen(c);
	if (n < 1 || n > 4 || !isupper((unsigned char)c[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)c[i]) && !isdigit((unsigned char)c[i]))
			return 0;
	return 1;
}

static int check_request(const char *key, const char *site_id, const char *code,
                         const char *address)
{
	if (!key_ok(key))
		return error_set(ERR_INVALID,
		                 _("'%s' is not a CURVE public key (40 characters of "
		                   "Z85, as 'lotline peer key' prints it)"),
		                 key);
	if (!sync_site_id_ok(site_id))
		return error_set(ERR_INVALID,
		                 _("'%s' is not a site id (32 hex digits, as 'lotline "
		                   "peer key' prints it)"),
		                 site_id);
	if (!code_ok(code))
		return error_set(ERR_INVALID,
		                 _("site code '%s' must be 1 to 4 capital letters or "
		                   "digits, starting with a letter"),
		                 code);
	if (address && *address && !str_has_prefix(address, "tcp://") &&
	    !str_has_prefix(address, "ipc://"))
		return error_set(ERR_INVALID, _("address '%s' should look like tcp://HOST:PORT"),
		                 address);
	return OK;
}

/* A site code must name one site only: lot codes carry it. */
static int check_code_free(struct session *s, const struct sync_ident *self, const char *site_id,
                           const char *code)
{
	struct peer p;
	char owner[33];
	int rc;
	if (!strcmp(self->site_code, code) && strcmp(self->site_id, site_id))
		return error_set(ERR_CONFLICT,
		                 _("site code %s is this store's own: give the "
		                   "terminal another one (lot codes must stay unique)"),
		                 code);
	rc = db_peer_by_code(s->store, code, &p);
	if (rc == OK && strcmp(p.site_id, site_id))
		return error_set(ERR_CONFLICT,
		                 _("site code %s is enrolled for site %s already: "
		                   "give the terminal another one (lot codes must "
		                   "stay unique)"),
		                 code, p.site_id);
	if (rc != OK && rc != ERR_NOT_FOUND)
		return rc;
	rc = db_site_by_code(s->store, code, owner);
	if (rc == OK && strcmp(owner, site_id))
		return error_set(ERR_CONFLICT,
		                 _("site code %s belongs to site %s in this store's "
		                   "journal: give the terminal another one"),
		                 code, owner);
	error_clear();
	return rc == OK || rc == ERR_NOT_FOUND ? OK : rc;
}

int peer_enroll(struct session *s, const char *key, const char *site_id, const char *code,
                const char *address)
{
	struct sync_ident self;
	struct peer p, old;
	int rc;
	if ((rc = check_request(key, site_id, code, address)) ||
	    (rc = sync_identity(s->store, &self)))
		return rc;
	/* a store being restored has no users yet and must still name its central */
	if (!self.restoring && (rc = session_require(s, PERM_SETTINGS)))
		return rc;
	if (!strcmp(site_id, self.site_id) || !strcmp(key, self.public_key))
		return error_set(ERR_INVALID, _("that is this store itself"));
	if ((rc = store_begin(s->store)))
		return rc;
	if ((rc = check_code_free(s, &self, site_id, code)))
		goto fail;
	char pattern[LOTCODE_MAX + 1];
	setting_get(s, SETTING_LOT_CODE_PATTERN, pattern, sizeof(pattern));
	if (!lotcode_has_site(pattern)) {
		rc = error_set(ERR_CONFLICT,
		               _("lot_code_pattern '%s' has no {SITE}: a store that syncs needs "
		                 "it, or two terminals offline make the same code; set it first"),
		               pattern);
		goto fail;
	}
	rc = db_peer_by_key(s->store, key, &old);
	if (rc == OK) {
		rc = old.revoked_ms
		         ? error_set(ERR_CONFLICT,
		                     _("key %s was revoked; a revoked key "
		                       "is not enrolled again (make a new "
		                       "one with 'lotline peer restore')"),
		                     key)
		         : error_set(ERR_CONFLICT, _("key %s is enrolled already (site %s)"), key,
		                     old.code);
		goto fail;
	}
	if (rc != ERR_NOT_FOUND)
		goto fail;
	/* the site had another key: a terminal after a disk swap */
	if ((rc = db_peer_by_site(s->store, site_id, &old)) == OK) {
		if ((rc = db_peer_revoke(s->store, old.id, sync_wall_ms())))
			goto fail;
	} else if (rc != ERR_NOT_FOUND) {
		goto fail;
	}
	memset(&p, 0, sizeof(p));
	strlcpy_(p.public_key, key, sizeof(p.public_key));
	strlcpy_(p.site_id, site_id, sizeof(p.site_id));
	strlcpy_(p.code, code, sizeof(p.code));
	strlcpy_(p.address, address ? address : "", sizeof(p.address));
	p.enrolled_ms = sync_wall_ms();
	if ((rc = db_peer_insert(s->store, &p)))
		goto fail;
	error_clear();
	return store_commit(s->store);
fail:
	store_rollback(s->store);
	return rc;
}

int peer_revoke(struct session *s, const char *which, struct peer *out)
{
	int rc;
	if ((rc = session_require(s, PERM_SETTINGS)))
		return rc;
	rc = db_peer_by_key(s->store, which, out);
	if (rc == ERR_NOT_FOUND)
		rc = db_peer_by_site(s->store, which, out);
	if (rc == ERR_NOT_FOUND)
		rc = db_peer_by_code(s->store, which, out);
	if (rc == ERR_NOT_FOUND)
		return error_set(ERR_NOT_FOUND,
		                 _("no enrolled peer has the key, site id or code %s"), which);
	if (rc)
		return rc;
	if (out->revoked_ms)
		return error_set(ERR_CONFLICT, _("key %s was revoked already"), out->public_key);
	if ((rc = store_begin(s->store)))
		return rc;
	if ((rc = db_peer_revoke(s->store, out->id, sync_wall_ms()))) {
		store_rollback(s->store);
		return rc;
	}
	return store_commit(s->store);
}

int peer_each(struct session *s, int include_revoked, int (*cb)(void *ctx, const struct peer *p),
              void *ctx)
{
	return db_peer_each(s->store, include_revoked, cb, ctx);
}

int peer_restore(const char *path, const char *site_id, const char *code, char key_out[41])
{
	struct store *st;
	struct stat sb;
	char pub[41], sec[41];
	int rc;
	if (!sync_site_id_ok(site_id))
		return error_set(ERR_INVALID,
		                 _("'%s' is not a site id (32 hex digits; 'lotline "
		                   "peer list' on the central peer shows it)"),
		                 site_id);
	if (!code_ok(code))
		return error_set(ERR_INVALID,
		                 _("site code '%s' must be 1 to 4 capital letters or "
		                   "digits, starting with a letter"),
		                 code);
	if (stat(path, &sb) == 0)
		return error_set(ERR_CONFLICT, _("%s exists: a restore makes a new store"), path);
	if (zmq_curve_keypair(pub, sec) != 0)
		return error_set(ERR_IO, _("cannot make a CURVE key pair (libzmq without CURVE?)"));
	if ((rc = store_open(path, STORE_CREATE, &st)))
		return rc;
	if ((rc = store_begin(st)) == OK) {
		if ((rc = store_meta_set(st, "restore_site_id", site_id)) ||
		    (rc = store_meta_set(st, "restore_site_code", code)) ||
		    (rc = store_meta_set(st, "curve_public", pub)) ||
		    (rc = store_meta_set(st, "curve_secret", sec)))
			store_rollback(st);
		else
			rc = store_commit(st);
	}
	store_close(st);
	if (rc)
		remove(path);
	else
		strlcpy_(key_out, pub, 41);
	return rc;
}

int sync_status_read(struct store *s, struct sync_status *st)
{
	struct sync_ident id;
	struct sync_state ss;
	int64_t no, head = 0;
	unsigned char h[32];
	int rc;
	memset(st, 0, sizeof(*st));
	if ((rc = sync_identity(s, &id)) || (rc = db_sync_state_latest(s, &ss)))
		return rc;
	if (db_site_number(s, id.site_id, 0, &no) == OK)
		db_journal_head(s, no, &head, h);
	st->last_sync_ms = ss.last_sync_ms;
	st->waiting = head > ss.peer_has_own ? head - ss.peer_has_own : 0;
	st->exceptions = db_exception_open_count(s);
	error_clear();
	return OK;
}

static int has_address(void *ctx, const struct peer *p)
{
	(void)ctx;
	return p->address[0] != '\0';
}

int sync_central_enrolled(struct session *s)
{
	int rc = peer_each(s, 0, has_address, NULL);
	error_clear();
	return rc == 1;
}
