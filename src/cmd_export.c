/* lotline export KIND: CSV to stdout or to a file that appears only when it is
 * complete. */
#include "clock.h"
#include "cmd.h"
#include "csv_read.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const filter_opts[] = {"location", "item",    "category", "status", "coa",
                                          "expiring", "expired", "search",   "all"};

/* The same filters as 'lotline ledger'. */
static int filter_from(const struct args *a, struct ledger_filter *f, char from[11], char to[11])
{
	memset(f, 0, sizeof(*f));
	f->location = arg(a, "location");
	f->item = arg(a, "item");
	f->category = arg(a, "category");
	f->status = arg(a, "status");
	f->coa = arg(a, "coa");
	f->text = arg(a, "search");
	f->include_empty = flag(a, "all");
	if (arg(a, "expiring")) {
		char *end;
		long days = strtol(arg(a, "expiring"), &end, 10);
		if (*end || days < 0 || days > 36500)
			return error_set(ERR_INVALID, _("--expiring: '%s' is not a number of days"),
			                 arg(a, "expiring"));
		f->expires_from = date_format(clock_today(), from);
		f->expires_by = date_format(clock_today() + days, to);
	}
	if (flag(a, "expired"))
		f->expired_before = date_format(clock_today(), from);
	return OK;
}

/* Options that would change nothing are refused rather than ignored. */
static int options_fit(const struct args *a, const char *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(filter_opts); i++)
		if (flag(a, filter_opts[i]) && !export_takes_filter(kind))
			return error_set(ERR_INVALID,
			                 _("--%s: only the ledger and lots exports take "
			                   "filters"),
			                 filter_opts[i]);
	if ((flag(a, "from") || flag(a, "to")) && !export_takes_range(kind))
		return error_set(ERR_INVALID, _("--%s: only the movements export takes dates"),
		                 flag(a, "from") ? "from" : "to");
	return OK;
}

static int exec_export(struct session *s, const struct args *a)
{
	struct export_opts o;
	const char *kind = a->pos[0], *path = arg(a, "output");
	char from[11], to[11], *tmp = NULL;
	FILE *fp = stdout;
	long rows = 0;
	int rc;
	memset(&o, 0, sizeof(o));
	o.encoding = arg(a, "encoding");
	o.bom = flag(a, "bom");
	o.from = arg(a, "from");
	o.to = arg(a, "to");
	if ((rc = options_fit(a, kind)) || (rc = filter_from(a, &o.filter, from, to)))
		return rc;
	if (arg(a, "delimiter") && (rc = csv_delimiter_parse(arg(a, "delimiter"), &o.delimiter)))
		return rc;
	if (path) {
		tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
		if (!(fp = fopen(tmp, "wb"))) {
			rc = error_set(ERR_IO, _("%s: %s"), tmp, strerror(errno));
			free(tmp);
			return rc;
		}
	}
	rc = export_write(s, kind, fp, &o, &rows);
	if (path) {
		if (fclose(fp) != 0 && rc == OK)
			rc = error_set(ERR_IO, _("%s: %s"), tmp, strerror(errno));
		if (rc == OK && rename(tmp, path) != 0)
			rc = error_set(ERR_IO, _("%s: %s"), path, strerror(errno));
		if (rc)
			unlink(tmp);
		else
			printf(ngettext("%ld row exported to %s\n", "%ld rows exported to %s\n",
			                (unsigned long)rows),
			       rows, path);
		free(tmp);
	}
	return rc;
}

static const struct opt export_opts[] = {
    {"output", N_("FILE"), N_("write to FILE (else to standard output)")},
    {"encoding", N_("NAME"), N_("WINDOWS-1252, ISO-8859-15, UTF-16LE, ... (else UTF-8)")},
    {"bom", NULL, N_("start with a byte order mark (Excel wants one)")},
    {"delimiter", N_("CHAR"), N_("comma (the default), semicolon or tab")},
    {"from", N_("DATE"), N_("movements: from this day on")},
    {"to", N_("DATE"), N_("movements: up to this day, included")},
    {"location", N_("CODE"), N_("ledger, lots: only lots in this location")},
    {"item", N_("CODE"), N_("ledger, lots: only lots of this item")},
    {"category", N_("NAME"), N_("ledger, lots: only items of this category")},
    {"status", N_("STATUS"), N_("ledger, lots: only lots with this status")},
    {"coa", N_("STATUS"), N_("ledger, lots: missing, uploaded, reviewed or linked")},
    {"expiring", N_("DAYS"), N_("ledger, lots: only lots expiring within DAYS")},
    {"expired", NULL, N_("ledger, lots: only expired lots")},
    {"search", N_("TEXT"), N_("ledger, lots: item, lot or supplier lot containing TEXT")},
    {"all", NULL, N_("ledger: include lots with nothing left (the lots export always does)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_export = {
    .name = "export",
    .usage = N_("KIND [--output FILE] [--encoding NAME] [--bom] [--delimiter CHAR] "
                "[filters] [--from DATE] [--to DATE]"),
    .summary = N_("export the ledger, lots, movements, items, locations, suppliers or "
                  "customers as CSV"),
    .opts = export_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_export,
};
