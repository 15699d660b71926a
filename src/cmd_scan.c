/* lotline scan CODE: what a scanned code names (the command twin of scanning on
 * the screens). */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

static int exec_scan(struct session *s, const struct args *a)
{
	struct scan_hit hit;
	char code[1024];
	/* typed in a shell, a GS is \x1d or <GS> */
	size_t o = 0;
	for (const char *p = a->pos[0]; *p && o + 1 < sizeof(code);) {
		if (!strncmp(p, "\\x1d", 4) || !strncmp(p, "<GS>", 4)) {
			code[o++] = 29;
			p += 4;
		} else {
			code[o++] = *p++;
		}
	}
	code[o] = '\0';
	int rc = scan_lookup(s, code, &hit);
	if (rc == OK) {
		static const char *const kinds[] = {"lot", "item", "location"};
		printf("%s\t%s\n", kinds[hit.kind], hit.code);
	}
	return rc;
}

const struct cmd_entry cmd_scan = {
    .name = "scan",
    .usage = N_("CODE"),
    .summary = N_("what a scanned code names: a lot, an item or a location"),
    .opts = NULL,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_scan,
};
