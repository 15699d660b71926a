/* lotline gs1 parse CODE: the GS1 parser from the shell, one element a line,
 * so a label or a scanner's output can be checked without the screens. */
#include "cmd.h"
#include "error.h"
#include "gs1.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

/* A GS is hard to type and to pass through a shell: "\x1d" and "<GS>" stand
 * for one. The copy is never longer than the text. */
static size_t unescape_gs(const char *s, char *out)
{
	size_t n = 0;
	while (*s) {
		if (s[0] == '\\' && (s[1] == 'x' || s[1] == 'X') && s[2] == '1' &&
		    (s[3] == 'd' || s[3] == 'D')) {
			out[n++] = GS1_GS;
			s += 4;
		} else if (!strncmp(s, "<GS>", 4)) {
			out[n++] = GS1_GS;
			s += 4;
		} else {
			out[n++] = *s++;
		}
	}
	return n;
}

static int read_stdin(char *buf, size_t size, size_t *len)
{
	*len = fread(buf, 1, size, stdin);
	if (ferror(stdin))
		return error_set(ERR_IO, _("cannot read the code from standard input"));
	if (*len == size)
		return error_set(ERR_INVALID, _("too long: more than %d bytes"), GS1_INPUT_MAX);
	return OK;
}

static int exec_gs1(struct session *s, const struct args *a)
{
	static char code[GS1_INPUT_MAX + 2];
	struct gs1_result r;
	char shown[GS1_VALUE_MAX + FIXED_BUFSZ + 16];
	size_t len;
	int rc;
	(void)s;
	if (strcmp(a->pos[0], "parse") != 0)
		return error_set(ERR_INVALID, _("lotline gs1: '%s' is not one of parse"),
		                 a->pos[0]);
	if (!strcmp(a->pos[1], "-")) {
		if ((rc = read_stdin(code, sizeof(code), &len)))
			return rc;
	} else if (strlen(a->pos[1]) > GS1_INPUT_MAX) {
		return error_set(ERR_INVALID, _("too long: more than %d bytes"), GS1_INPUT_MAX);
	} else {
		len = unescape_gs(a->pos[1], code);
	}
	if ((rc = gs1_parse(code, len, &r)))
		return rc;
	for (int i = 0; i < r.n; i++)
		printf("%s\t%s\n", r.el[i].ai, gs1_display(&r.el[i], shown, sizeof(shown)));
	return OK;
}

const struct cmd_entry cmd_gs1 = {
    .name = "gs1",
    .usage = N_("parse CODE|-\n\n"
                "CODE is the bracketed form '(01)09501101530003(17)261231(10)AB-123', scanner\n"
                "data with a GS (byte 29, FNC1) after variable-length values, which may be\n"
                "written '\\x1d' or '<GS>' here, or a bare GTIN-8, -12, -13 or -14. '-' reads the\n"
                "code, as a scanner sends it, from standard input."),
    .summary = N_("check a GS1 barcode's data: one AI and value a line"),
    .opts = NULL,
    .min_pos = 2,
    .max_pos = 2,
    .flags = CMD_NO_STORE,
    .exec = exec_gs1,
};
