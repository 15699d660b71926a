/* Making a new store (init) and the demo store of a small maker. */
#ifndef LOTLINE_SETUP_H
#define LOTLINE_SETUP_H

#include "session.h"

struct init_req {
	const char *site_code; /* NULL: two random letters */
	const char *site_name;
	const char *owner; /* user name of the first owner */
	const char *owner_pin;
	const char *owner_full_name;
};

/* Create the store at path with a new site id, site code, CURVE key pair and
 * owner; the session is left open, acting as the owner. */
int setup_init(const char *path, const struct init_req *r, struct session *out);

/* One demo user, as printed by 'lotline demo'. */
struct demo_user {
	const char *name, *role, *pin, *full_name;
};
extern const struct demo_user demo_users[];
extern const int demo_user_count;

/* Fill a fresh store with a small maker: ~30 items, ~100 lots over several
 * locations, suppliers, customers, users; some lots expiring, one on hold, one expired. */
int setup_demo(struct session *s);

#endif
