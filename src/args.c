/* Option parsing from each command's table: --name value, --name=value, flags,
 * positional arguments, and "--" to end options. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct opt common_opts[] = {
    {"db", N_("PATH"), N_("the store (else $LOTLINE_DB, else ~/.local/share/lotline/store.db)")},
    {"user", N_("NAME"), N_("act as this lotline user (else $LOTLINE_USER, else your login)")},
    {"help", NULL, N_("show this help")},
};

const char *arg(const struct args *a, const char *name)
{
	for (int i = 0; a->cmd->opts && a->cmd->opts[i].name; i++)
		if (!strcmp(a->cmd->opts[i].name, name))
			return a->set[i] ? a->val[i] : NULL;
	die("internal: option --%s is not in the table of '%s'", name, a->cmd->name);
}

int args_all(const struct args *a, const char *name, const char *const **vals)
{
	for (int i = 0; a->cmd->opts && a->cmd->opts[i].name; i++) {
		if (!strcmp(a->cmd->opts[i].name, name)) {
			*vals = a->multi[i];
			return a->set[i];
		}
	}
	die("internal: option --%s is not in the table of '%s'", name, a->cmd->name);
}

int flag(const struct args *a, const char *name)
{
	for (int i = 0; a->cmd->opts && a->cmd->opts[i].name; i++)
		if (!strcmp(a->cmd->opts[i].name, name))
			return a->set[i];
	die("internal: option --%s is not in the table of '%s'", name, a->cmd->name);
}

static int set_common(struct args *a, const char *name, const char *val)
{
	if (!strcmp(name, "db"))
		a->db = val;
	else if (!strcmp(name, "user"))
		a->user = val;
	else if (!strcmp(name, "help"))
		a->help = 1;
	else
		return 0;
	return 1;
}

/* Option names are lower-case letters, digits and dashes: "--" followed by
 * anything else is an argument. A peer key (Z85) begins with "--" one time in
 * about 7000 and has characters no name has. */
static int is_option(const char *s)
{
	size_t n = 0;
	if (s[0] != '-' || s[1] != '-')
		return 0;
	for (s += 2; s[n] && s[n] != '='; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return 0;
	return n > 0;
}

int args_parse(const struct cmd_entry *c, int argc, char **argv, struct args *a)
{
	int only_pos = 0;
	memset(a, 0, sizeof(*a));
	a->cmd = c;
	for (int i = 0; i < argc; i++) {
		char *s = argv[i];
		if (!only_pos && !strcmp(s, "--")) {
			only_pos = 1;
			continue;
		}
		if (only_pos || !is_option(s)) {
			if (a->npos == POS_MAX)
				return error_set(ERR_INVALID, _("too many arguments"));
			a->pos[a->npos++] = s;
			continue;
		}
		char name[64];
		const char *eq = strchr(s + 2, '=');
		size_t n = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
		if (n >= sizeof(name))
			return error_set(ERR_INVALID, _("unknown option %s"), s);
		memcpy(name, s + 2, n);
		name[n] = '\0';
		const struct opt *o = NULL;
		int idx = -1;
		for (int k = 0; c->opts && c->opts[k].name; k++)
			if (!strcmp(c->opts[k].name, name))
				o = &c->opts[k], idx = k;
		for (size_t k = 0; !o && k < ARRAY_SIZE(common_opts); k++)
			if (!strcmp(common_opts[k].name, name))
				o = &common_opts[k];
		if (!o)
			return error_set(ERR_INVALID,
			                 _("unknown option --%s (see 'lotline %s --help')"), name,
			                 c->name);
		const char *val = NULL;
		if (o->arg) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return error_set(ERR_INVALID, _("option --%s needs a value (%s)"),
				                 name, _(o->arg));
		} else if (eq) {
			return error_set(ERR_INVALID, _("option --%s takes no value"), name);
		}
		if (idx < 0) {
			set_common(a, name, val);
		} else {
			if (a->set[idx] == MULTI_MAX)
				return error_set(ERR_INVALID, _("option --%s given too many times"),
				                 name);
			a->multi[idx][a->set[idx]++] = val;
			a->val[idx] = val;
		}
	}
	if (a->help)
		return OK;
	if (a->npos < c->min_pos)
		return error_set(ERR_INVALID, _("missing arguments: lotline %s %s"), c->name,
		                 c->usage);
	if (c->max_pos >= 0 && a->npos > c->max_pos)
		return error_set(ERR_INVALID, _("too many arguments: lotline %s %s"), c->name,
		                 c->usage);
	return OK;
}

void cmd_usage(FILE *fp, const struct cmd_entry *c)
{
	fprintf(fp, _("usage: lotline %s %s\n\n%s\n"), c->name, c->usage, _(c->summary));
	if (c->opts && c->opts[0].name) {
		fprintf(fp, _("\noptions:\n"));
		for (int i = 0; c->opts[i].name; i++) {
			char left[64];
			snprintf(left, sizeof(left), "--%s%s%s", c->opts[i].name,
			         c->opts[i].arg ? " " : "",
			         c->opts[i].arg ? _(c->opts[i].arg) : "");
			fprintf(fp, "  %-24s %s\n", left, _(c->opts[i].help));
		}
	}
	fprintf(fp, _("\ncommon options:\n"));
	for (size_t i = 0; i < ARRAY_SIZE(common_opts); i++) {
		char left[64];
		snprintf(left, sizeof(left), "--%s%s%s", common_opts[i].name,
		         common_opts[i].arg ? " " : "",
		         common_opts[i].arg ? _(common_opts[i].arg) : "");
		fprintf(fp, "  %-24s %s\n", left, _(common_opts[i].help));
	}
}
