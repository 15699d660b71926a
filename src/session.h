/* Who is acting, on which store, from which terminal; and what their role allows.
 * Roles are checked here, in the services, whatever the caller is. */
#ifndef LOTLINE_SESSION_H
#define LOTLINE_SESSION_H

#include "db/store.h"
#include "i18n.h"
#include "model.h"

struct session {
	struct store *store;
	struct user user; /* the acting user; name "" before login */
	char terminal[CODE_MAX * 2 + 1];
	char site_id[33];
	char site_code[8];
	int64_t site_no;
	/* This site's chain head and the newest clock stamp, read once per
	 * transaction (other processes append between transactions, never during). */
	struct {
		int valid;
		int64_t seq;
		unsigned char hash[32];
		hlc_t hlc;
	} head;
};

#define ROLE_INFO(_)                                                                               \
	_(OWNER, "owner", N_("everything, including users and settings"))                          \
	_(MANAGER, "manager", N_("master data, corrections, releases"))                            \
	_(QA, "qa", N_("holds, releases, quarantine, documents"))                                  \
	_(OPERATOR, "operator", N_("receiving, counts, moves, holds"))                             \
	_(VIEWER, "viewer", N_("reads only"))

enum role_bit {
#define ROLE_BIT(id, name, help) ROLE_##id##_BIT,
	ROLE_INFO(ROLE_BIT)
#undef ROLE_BIT
};
#define R(id) (1u << ROLE_##id##_BIT)

/* What each action needs; the one place where the rule lives. */
#define PERMISSION_INFO(_)                                                                         \
	_(RECEIVE, N_("receive lots"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))                \
	_(ADJUST, N_("adjust lots"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))                  \
	_(MOVE, N_("move lots"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))                      \
	_(HOLD, N_("put lots on hold"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))               \
	_(RELEASE, N_("release lots"), R(OWNER) | R(MANAGER) | R(QA))                              \
	_(QUARANTINE, N_("quarantine lots"), R(OWNER) | R(MANAGER) | R(QA))                        \
	_(SCRAP, N_("scrap lots"), R(OWNER) | R(MANAGER) | R(QA))                                  \
	_(CORRECT, N_("correct movements"), R(OWNER) | R(MANAGER))                                 \
	_(MASTER, N_("change items, locations, suppliers and customers"), R(OWNER) | R(MANAGER))   \
	_(PURCHASE, N_("manage purchase orders"), R(OWNER) | R(MANAGER))                           \
	_(RECIPES, N_("change recipes"), R(OWNER) | R(MANAGER))                                    \
	_(PRODUCE, N_("run production"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))              \
	_(BYPASS, N_("start a run with a shortage"), R(OWNER) | R(MANAGER))                        \
	_(DOCS, N_("attach documents"), R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))               \
	_(QUALITY, N_("record test results"), R(OWNER) | R(MANAGER) | R(QA))                       \
	_(ORDERS, N_("manage customer orders"), R(OWNER) | R(MANAGER))                             \
	_(PICK, N_("pick, ship and take back orders"),                                             \
	  R(OWNER) | R(MANAGER) | R(QA) | R(OPERATOR))                                             \
	_(RECALL, N_("run recalls and mock recalls"), R(OWNER) | R(MANAGER) | R(QA))               \
	_(USERS, N_("manage users"), R(OWNER) | R(MANAGER))                                        \
	_(SETTINGS, N_("change settings"), R(OWNER) | R(MANAGER))

enum permission {
#define PERM_ENUM(id, text, roles) PERM_##id,
	PERMISSION_INFO(PERM_ENUM)
#undef PERM_ENUM
};

/* Open the store and read the site; the user is set separately. */
int session_open(const char *path, int store_flags, struct session *out);
void session_close(struct session *s);
/* Act as this user (must exist and be active). */
int session_set_user(struct session *s, const char *name);
/* ERR_DENIED naming the user, their role, the action and who may do it. */
int session_require(const struct session *s, enum permission p);
int role_valid(const char *role);
int role_allows(const char *role, enum permission p);
/* Space-separated role names. */
const char *role_names(void);

/* Begin a transaction for one user action; end it with session_end(s, rc), which
 * commits when rc is OK and rolls back otherwise, and returns the final status. */
int session_begin(struct session *s);
int session_end(struct session *s, int rc);

#endif
