/* lotline label LOT: print a lot label (ZPL or text) or send it to the printer. */
#include "cmd.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "label.h"
#include "settings.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static int exec_label(struct session *s, const struct args *a)
{
	struct lot l;
	struct item it;
	struct strbuf out = STRBUF_INIT;
	enum label_format fmt;
	char fmtname[16];
	int rc;

	setting_get(s, SETTING_LABEL_FORMAT, fmtname, sizeof(fmtname));
	if ((rc = label_format_parse(arg(a, "format") ? arg(a, "format") : fmtname, &fmt)))
		return rc;
	if ((rc = db_lot_get(s->store, a->pos[0], &l)) ||
	    (rc = db_item_get(s->store, l.item_code, &it)))
		return rc;
	label_render(&l, &it, fmt, &out);
	if (!flag(a, "print")) {
		fputs(sb_str(&out), stdout);
		sb_free(&out);
		return OK;
	}
	sb_free(&out);
	if ((rc = label_print(s, l.code, arg(a, "format"), 0)))
		return rc;
	printf(_("label for %s sent to the printer\n"), l.code);
	return OK;
}

static const struct opt label_opts[] = {
    {"format", N_("FORMAT"), N_("zpl or text (else the label_format setting)")},
    {"print", NULL, N_("send it to label_print_command instead of printing it here")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_label = {
    .name = "label",
    .usage = N_("LOT [--format zpl|text] [--print]"),
    .summary = N_("make a lot label: GS1-128 (01, 17, 10) or Code 128 of the lot code"),
    .opts = label_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_label,
};
