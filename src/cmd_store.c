/* lotline init, demo, verify, settings: the store as a whole. */
#include "cmd.h"
#include "db/journal.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "settings.h"
#include "setup.h"
#include "util.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int exec_init(struct session *unused, const struct args *a)
{
	struct session s;
	struct init_req r = {
	    .site_code = arg(a, "site-code"),
	    .site_name = arg(a, "site-name"),
	    .owner = arg(a, "owner"),
	    .owner_pin = arg(a, "pin"),
	    .owner_full_name = arg(a, "name"),
	};
	const char *path = cmd_db_path(a);
	(void)unused;
	if (!r.owner)
		r.owner = a->user;
	if (!r.owner)
		return error_set(ERR_INVALID, _("init: name the first owner with --owner NAME"));
	int rc = setup_init(path, &r, &s);
	if (rc)
		return rc;
	printf(_("store %s: site %s, owner %s\n"), path, s.site_code, s.user.name);
	session_close(&s);
	return OK;
}

static const struct opt init_opts[] = {
    {"owner", N_("NAME"), N_("user name of the first owner (required)")},
    {"pin", N_("PIN"), N_("the owner's PIN for the screens")},
    {"name", N_("TEXT"), N_("the owner's full name")},
    {"site-code", N_("CODE"), N_("1-4 capitals/digits in lot codes (else random)")},
    {"site-name", N_("TEXT"), N_("a name for this store")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_init = {
    .name = "init",
    .usage = N_("--owner NAME [--pin PIN] [--site-code CODE]"),
    .summary = N_("create a new store"),
    .opts = init_opts,
    .min_pos = 0,
    .max_pos = 0,
    .flags = CMD_NO_STORE,
    .exec = exec_init,
};

static int exec_demo(struct session *unused, const struct args *a)
{
	struct session s;
	struct stat st;
	const char *path = cmd_db_path(a);
	(void)unused;
	if (stat(path, &st) == 0)
		return error_set(ERR_CONFLICT,
		                 _("%s exists: the demo makes a new store; give "
		                   "another --db or remove it"),
		                 path);
	struct init_req r = {
	    .site_code = "DM",
	    .site_name = "Demo kitchen",
	    .owner = demo_users[0].name,
	    .owner_pin = demo_users[0].pin,
	    .owner_full_name = demo_users[0].full_name,
	};
	int rc = setup_init(path, &r, &s);
	if (rc)
		return rc;
	rc = setup_demo(&s);
	session_close(&s);
	if (rc)
		return rc;
	printf(_("demo store %s is ready. Log in to the screens as:\n\n"), path);
	printf("  %-8s %-9s %s\n", _("user"), _("role"), _("PIN"));
	for (int i = 0; i < demo_user_count; i++)
		printf("  %-8s %-9s %s\n", demo_users[i].name, demo_users[i].role,
		       demo_users[i].pin);
	return OK;
}

const struct cmd_entry cmd_demo = {
    .name = "demo",
    .usage = "",
    .summary = N_("create a demo store of a small maker and print its users"),
    .opts = NULL,
    .min_pos = 0,
    .max_pos = 0,
    .flags = CMD_NO_STORE,
    .exec = exec_demo,
};

static void print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	printf("%s\n", problem);
}

static int exec_verify(struct session *s, const struct args *a)
{
	int64_t n = 0;
	(void)a;
	int rc = journal_verify(s, print_problem, NULL, &n);
	if (rc == OK)
		printf(_("verified %lld journal entries: chains, balances and replay match\n"),
		       (long long)n);
	return rc;
}

const struct cmd_entry cmd_verify = {
    .name = "verify",
    .usage = "",
    .summary = N_("recompute every hash chain and balance, and replay the journal"),
    .opts = NULL,
    .min_pos = 0,
    .max_pos = 0,
    .exec = exec_verify,
};

static int exec_settings(struct session *s, const struct args *a)
{
	if (a->npos == 2) {
		int rc = setting_set(s, a->pos[0], a->pos[1]);
		if (rc == OK)
			printf(_("%s = %s\n"), a->pos[0], a->pos[1]);
		return rc;
	}
	for (int i = 0; i < SETTING_COUNT; i++) {
		char v[128];
		if (a->npos == 1 && strcmp(a->pos[0], setting_key(i)))
			continue;
		setting_get(s, i, v, sizeof(v));
		if (a->npos == 1)
			printf("%s\n", v);
		else
			printf("%-22s %-26s %s\n", setting_key(i), v, setting_help(i));
		if (a->npos == 1)
			return OK;
	}
	if (a->npos == 1)
		return error_set(ERR_INVALID, _("unknown setting '%s' (see 'lotline settings')"),
		                 a->pos[0]);
	return OK;
}

const struct cmd_entry cmd_settings = {
    .name = "settings",
    .usage = N_("[KEY [VALUE]]"),
    .summary = N_("show the settings, or change one"),
    .opts = NULL,
    .min_pos = 0,
    .max_pos = 2,
    .exec = exec_settings,
};
