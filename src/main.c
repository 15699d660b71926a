/* lotline: the screens with no command, else one command git-style. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <locale.h>
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int exit_code(int rc)
{
	switch (rc) {
	case OK:
		return 0;
	case ERR_INVALID:
	case ERR_NOT_FOUND:
	case ERR_CONFLICT:
		return 1;
	case ERR_DENIED:
		return 4;
	case ERR_CORRUPT:
		return 3;
	default:
		return 2;
	}
}

int cmd_fail(int rc)
{
	fprintf(stderr, "lotline: %s\n", error_msg()[0] ? error_msg() : status_name(rc));
	return exit_code(rc);
}

const struct cmd_entry *cmd_find(const char *name)
{
	for (int i = 0; cmd_table[i]; i++)
		if (!strcmp(cmd_table[i]->name, name))
			return cmd_table[i];
	return NULL;
}

const char *cmd_db_path(const struct args *a)
{
	static char path[4096];
	const char *env = getenv("LOTLINE_DB");
	if (a && a->db)
		return a->db;
	if (env && *env)
		return env;
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && *data)
		snprintf(path, sizeof(path), "%s/lotline", data);
	else
		snprintf(path, sizeof(path), "%s/.local/share/lotline", home ? home : ".");
	/* make the directory (and its parents) on first use */
	for (char *p = path + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	}
	mkdir(path, 0700);
	strncat(path, "/store.db", sizeof(path) - strlen(path) - 1);
	return path;
}

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: lotline [--db PATH] [--user NAME] [COMMAND [ARGS]]\n\n"
	              "With no command, lotline opens the screens. Commands:\n\n"));
	for (int i = 0; cmd_table[i]; i++)
		fprintf(fp, "  %-12s %s\n", cmd_table[i]->name, _(cmd_table[i]->summary));
	fprintf(fp, _("\n'lotline COMMAND --help' shows a command's options; 'man lotline' "
	              "has the whole story.\n"));
}

/* The acting user: --user or $LOTLINE_USER (which must exist), else the login
 * name when it is a lotline user, else nobody (reading still works; the services
 * refuse changes with a message saying how to name a user). */
static int resolve_user(struct session *s, const struct args *a)
{
	const char *name = a->user;
	if (!name || !*name)
		name = getenv("LOTLINE_USER");
	if (name && *name)
		return session_set_user(s, name);
	struct passwd *pw = getpwuid(getuid());
	const char *login = pw && pw->pw_name ? pw->pw_name : getenv("USER");
	if (login)
		session_set_user(s, login);
	error_clear();
	return OK;
}

int ui_main(const char *db_path, const char *user);

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	/* LOTLINE_LOCALEDIR: catalogs not yet installed (the tests' Spanish screens) */
	const char *localedir = getenv("LOTLINE_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	if (sodium_init() < 0)
		die("libsodium could not start");

	/* global options before the command */
	int i = 1;
	const char *db = NULL, *user = NULL;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--version")) {
			printf("lotline %s\n", PACKAGE_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			db = argv[i] + 5;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strncmp(argv[i], "--user=", 7)) {
			user = argv[i] + 7;
		} else if (!strcmp(argv[i], "--user") && i + 1 < argc) {
			user = argv[++i];
		} else {
			fprintf(stderr, _("lotline: unknown option %s\n"), argv[i]);
			usage(stderr);
			return 1;
		}
	}
	if (i >= argc) {
		struct args none;
		memset(&none, 0, sizeof(none));
		none.db = db;
		return ui_main(cmd_db_path(&none), user);
	}
	const struct cmd_entry *c = cmd_find(argv[i]);
	if (!c) {
		fprintf(stderr, _("lotline: '%s' is not a command\n\n"), argv[i]);
		usage(stderr);
		return 1;
	}
	struct args a;
	int rc = args_parse(c, argc - i - 1, argv + i + 1, &a);
	if (rc)
		return cmd_fail(rc);
	if (a.help) {
		cmd_usage(stdout, c);
		return 0;
	}
	if (!a.db)
		a.db = db;
	if (!a.user)
		a.user = user;
	if (c->flags & CMD_NO_STORE) {
		rc = c->exec(NULL, &a);
		return rc ? cmd_fail(rc) : 0;
	}

	struct session s;
	if ((rc = session_open(cmd_db_path(&a),
	                       (c->flags & CMD_CREATE) ? STORE_CREATE : STORE_EXISTING, &s)))
		return cmd_fail(rc);
	if ((rc = resolve_user(&s, &a))) {
		session_close(&s);
		return cmd_fail(rc);
	}
	rc = c->exec(&s, &a);
	session_close(&s);
	return rc ? cmd_fail(rc) : 0;
}
