/* Opening a session on a store, the acting user, and role checks. */
#include "session.h"
#include "db/master.h"
#include "db/journal.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name;
	unsigned bit;
} roles[] = {
#define ROLE_ROW(id, name, help) {name, R(id)},
    ROLE_INFO(ROLE_ROW)
#undef ROLE_ROW
};

static const struct {
	const char *text;
	unsigned roles;
} permissions[] = {
#define PERM_ROW(id, text, r) {text, r},
    PERMISSION_INFO(PERM_ROW)
#undef PERM_ROW
};

static unsigned role_bit(const char *role)
{
	for (size_t i = 0; i < ARRAY_SIZE(roles); i++)
		if (strcmp(roles[i].name, role) == 0)
			return roles[i].bit;
	return 0;
}

int role_valid(const char *role)
{
	return role_bit(role) != 0;
}

const char *role_names(void)
{
	return "owner manager qa operator viewer";
}

int role_allows(const char *role, enum permission p)
{
	return (permissions[p].roles & role_bit(role)) != 0;
}

int session_require(const struct session *s, enum permission p)
{
	struct strbuf who = STRBUF_INIT;
	int rc;
	if (!s->user.name[0])
		return error_set(ERR_DENIED, _("who is acting? Name a lotline user with --user or "
		                               "$LOTLINE_USER"));
	if (role_allows(s->user.role, p))
		return OK;
	for (size_t i = 0; i < ARRAY_SIZE(roles); i++) {
		if (permissions[p].roles & roles[i].bit) {
			if (who.len)
				sb_puts(&who, ", ");
			sb_puts(&who, roles[i].name);
		}
	}
	rc = error_set(ERR_DENIED, _("%s (%s) may not %s: that needs one of %s"), s->user.name,
	               s->user.role, _(permissions[p].text), sb_str(&who));
	sb_free(&who);
	return rc;
}

int session_open(const char *path, int store_flags, struct session *out)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if ((rc = store_open(path, store_flags, &out->store)))
		return rc;
	const char *term = getenv("LOTLINE_TERMINAL");
	if (term && *term) {
		strlcpy_(out->terminal, term, sizeof(out->terminal));
	} else {
		char host[64] = "localhost";
		gethostname(host, sizeof(host) - 1);
		host[sizeof(host) - 1] = '\0';
		strlcpy_(out->terminal, host, sizeof(out->terminal));
	}
	if (store_meta_get(out->store, "site_id", out->site_id, sizeof(out->site_id)) == OK) {
		store_meta_get(out->store, "site_code", out->site_code, sizeof(out->site_code));
		if ((rc = db_site_number(out->store, out->site_id, 0, &out->site_no))) {
			session_close(out);
			return rc;
		}
	}
	error_clear();
	return OK;
}

void session_close(struct session *s)
{
	store_close(s->store);
	s->store = NULL;
}

int session_set_user(struct session *s, const char *name)
{
	struct user u;
	int rc = db_user_get(s->store, name, &u);
	if (rc == ERR_NOT_FOUND)
		return error_set(ERR_NOT_FOUND, _("there is no lotline user '%s'"), name);
	if (rc)
		return rc;
	if (!u.active)
		return error_set(ERR_DENIED, _("user '%s' is deactivated"), name);
	s->user = u;
	return OK;
}

int session_begin(struct session *s)
{
	if (!s->site_id[0])
		return error_set(ERR_INVALID,
		                 _("the store %s has not been set up: run 'lotline init'"),
		                 store_path(s->store));
	s->head.valid = 0;
	return store_begin(s->store);
}

int session_end(struct session *s, int rc)
{
	s->head.valid = 0;
	if (rc == OK)
		return store_commit(s->store);
	store_rollback(s->store);
	return rc;
}
