/* lotline import KIND FILE: problems as FILE:LINE:COLUMN: on stderr, a progress
 * bar when stderr is a terminal, a summary at the end. */
#include "cmd.h"
#include "csv_read.h"
#include "error.h"
#include "i18n.h"
#include "import.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BAR_WIDTH 30
#define BAR_BYTES (256 * 1024) /* smaller files are read before a bar would help */

struct import_tty {
	const char *file;
	int tty;
	int shown; /* a bar is on the screen */
	int64_t drawn_ms;
};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void bar_clear(struct import_tty *t)
{
	if (t->shown)
		fprintf(stderr, "\r%*s\r", BAR_WIDTH + 24, "");
	t->shown = 0;
}

static void on_progress(void *ctx, int64_t done, int64_t total)
{
	struct import_tty *t = ctx;
	int64_t now = mono_ms();
	char bar[BAR_WIDTH + 1];
	if (!t->tty || total < BAR_BYTES || (now - t->drawn_ms < 100 && done < total))
		return;
	int fill = (int)(done * BAR_WIDTH / total);
	memset(bar, '#', (size_t)fill);
	memset(bar + fill, '.', (size_t)(BAR_WIDTH - fill));
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %3d%%", _("importing"), bar, (int)(done * 100 / total));
	t->shown = 1;
	t->drawn_ms = now;
}

static void on_report(void *ctx, const struct import_problem *p)
{
	struct import_tty *t = ctx;
	bar_clear(t);
	fputs(t->file, stderr);
	if (p->line)
		fprintf(stderr, ":%ld", p->line);
	if (p->line && p->col)
		fprintf(stderr, ":%zu", p->col);
	fprintf(stderr, ": %s%s\n", p->warning ? _("warning: ") : "", p->msg);
}

static int exec_import(struct session *s, const struct args *a)
{
	struct import_tty t = {a->pos[1], isatty(2), 0, 0};
	struct import_opts o = {arg(a, "encoding"),
	                        0,
	                        flag(a, "decimal-comma"),
	                        DATE_AUTO,
	                        flag(a, "dry-run"),
	                        on_report,
	                        on_progress,
	                        &t};
	struct import_result res;
	int rc;
	if (arg(a, "delimiter") && (rc = csv_delimiter_parse(arg(a, "delimiter"), &o.delimiter)))
		return rc;
	if (arg(a, "date-format") && (rc = date_order_parse(arg(a, "date-format"), &o.dates)))
		return rc;
	rc = import_file(s, a->pos[0], a->pos[1], &o, &res);
	bar_clear(&t);
	if (rc)
		return rc;
	if (o.dry_run)
		printf(ngettext("dry run: would import %ld row; nothing was written",
		                "dry run: would import %ld rows; nothing was written",
		                (unsigned long)res.rows),
		       res.rows);
	else
		printf(ngettext("%ld row imported", "%ld rows imported", (unsigned long)res.rows),
		       res.rows);
	if (res.warnings)
		printf(ngettext(", %ld warning", ", %ld warnings", (unsigned long)res.warnings),
		       res.warnings);
	putchar('\n');
	return OK;
}

static const struct opt import_opts[] = {
    {"encoding", N_("NAME"),
     N_("the file's encoding (else its byte order mark, else UTF-8): WINDOWS-1252, "
        "ISO-8859-15, UTF-16LE, ...")},
    {"delimiter", N_("CHAR"), N_("comma, semicolon or tab (else the header line's)")},
    {"decimal-comma", NULL, N_("numbers have a decimal comma (so with ';' delimiters)")},
    {"date-format", N_("ORDER"),
     N_("dmy, mdy or ymd, for dates like 03/04/2026 (else the file's unambiguous ones)")},
    {"dry-run", NULL, N_("check every row and write nothing")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_import = {
    .name = "import",
    .usage = N_("KIND FILE [--encoding NAME] [--delimiter CHAR] [--decimal-comma] "
                "[--date-format ORDER] [--dry-run]"),
    .summary = N_("import items, locations, suppliers, customers, opening lots, test results, "
                  "recipes, customer orders or purchase orders from CSV"),
    .opts = import_opts,
    .min_pos = 2,
    .max_pos = 2,
    .exec = exec_import,
};
