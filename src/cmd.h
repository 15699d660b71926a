/* The command line: one entry per command (git-style), options from a table, and
 * helpers that turn a status into a message and an exit code. */
#ifndef LOTLINE_CMD_H
#define LOTLINE_CMD_H

#include "session.h"

#include <stdio.h>

#define OPT_MAX   24
#define POS_MAX   32
#define MULTI_MAX 64 /* values of one repeated option (--line, --scan) */

struct opt {
	const char *name; /* long name without "--" */
	const char *arg;  /* NULL: a flag; else the value's name for help */
	const char *help; /* N_() */
};

struct cmd_entry;

struct args {
	const struct cmd_entry *cmd;
	const char *val[OPT_MAX];
	int set[OPT_MAX];
	const char *multi[OPT_MAX][MULTI_MAX];
	int npos;
	const char *pos[POS_MAX];
	const char *db;
	const char *user;
	int help;
};

struct cmd_entry {
	const char *name;
	const char *usage;   /* after "lotline NAME " */
	const char *summary; /* N_() one line */
	const struct opt *opts;
	int min_pos, max_pos;
	int flags;
	int (*exec)(struct session *s, const struct args *a);
};

enum cmd_flags {
	CMD_NO_STORE = 1, /* opens no store (help, init runs its own) */
	CMD_CREATE = 2,   /* creates the store */
};

/* Every command, for dispatch and help (src/cmd_*.c define them). */
extern const struct cmd_entry *const cmd_table[];
const struct cmd_entry *cmd_find(const char *name);

int args_parse(const struct cmd_entry *c, int argc, char **argv, struct args *a);
/* An option's value, or NULL; and whether a flag was given. */
const char *arg(const struct args *a, const char *name);
int flag(const struct args *a, const char *name);
/* Every value of a repeated option, in order; returns how many. */
int args_all(const struct args *a, const char *name, const char *const **vals);

/* Print "lotline: message" to stderr and return the exit status for rc. */
int cmd_fail(int rc);
/* Exit status for a service status. */
int exit_code(int rc);
/* The store path: --db, $LOTLINE_DB, or the default under the data directory. */
const char *cmd_db_path(const struct args *a);
void cmd_usage(FILE *fp, const struct cmd_entry *c);

#endif
