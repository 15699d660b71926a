/* Rendering lot labels. */
#include "label.h"
#include "error.h"
#include "fixed.h"
#include "db/lots.h"
#include "db/master.h"
#include "i18n.h"
#include "settings.h"

#include <stdio.h>
#include <string.h>

int label_format_parse(const char *s, enum label_format *fmt)
{
	if (!strcmp(s, "zpl"))
		*fmt = LABEL_ZPL;
	else if (!strcmp(s, "text"))
		*fmt = LABEL_TEXT;
	else
		return error_set(ERR_INVALID, _("label format: '%s' is not zpl or text"), s);
	return OK;
}

/* AI 10 takes at most 20 characters of GS1's set 82; ours are simpler still. */
static int lot_fits_ai10(const char *code)
{
	size_t n = strlen(code);
	return n > 0 && n <= 20 &&
	       strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./_") ==
	           n;
}

void label_gs1(const struct lot *l, const struct item *it, char *buf, size_t n)
{
	size_t glen = strlen(it->gtin);
	buf[0] = '\0';
	if (!glen || glen > 14 || !lot_fits_ai10(l->code))
		return;
	char gtin14[15];
	snprintf(gtin14, sizeof(gtin14), "%0*d%s", (int)(14 - glen), 0, it->gtin);
	if (glen == 14)
		snprintf(gtin14, sizeof(gtin14), "%s", it->gtin);
	if (l->expiry[0])
		snprintf(buf, n, "(01)%s(17)%c%c%c%c%c%c(10)%s", gtin14, l->expiry[2], l->expiry[3],
		         l->expiry[5], l->expiry[6], l->expiry[8], l->expiry[9], l->code);
	else
		snprintf(buf, n, "(01)%s(10)%s", gtin14, l->code);
}

/* ZPL field data escapes nothing we print except the caret and tilde. */
static void zpl_text(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '^' || *s == '~')
			sb_putc(out, ' ');
		else
			sb_putc(out, *s);
	}
}

void label_render(const struct lot *l, const struct item *it, enum label_format fmt,
                  struct strbuf *out)
{
	char gs1[96], q[FIXED_BUFSZ];
	label_gs1(l, it, gs1, sizeof(gs1));
	fixed_format(l->qty, 0, q);
	if (fmt == LABEL_TEXT) {
		sb_printf(out, "%s\n", it->name);
		sb_printf(out, _("Item %s   Lot %s\n"), it->code, l->code);
		sb_printf(out, _("Expiry %s   Qty %s %s\n"), l->expiry[0] ? l->expiry : "-", q,
		          l->unit);
		if (l->supplier_lot[0])
			sb_printf(out, _("Supplier lot %s\n"), l->supplier_lot);
		sb_printf(out, "%s\n", gs1[0] ? gs1 : l->code);
		return;
	}
	/* 4 x 2 inch label at 203 dpi, UTF-8 text */
	sb_puts(out, "^XA\n^CI28\n^PW812\n^LL406\n");
	sb_puts(out, "^FO30,20^A0N,40,40^FD");
	zpl_text(out, it->name);
	sb_puts(out, "^FS\n^FO30,70^A0N,30,30^FD");
	sb_printf(out, _("Item %s   Lot %s"), it->code, l->code);
	sb_puts(out, "^FS\n^FO30,105^A0N,30,30^FD");
	sb_printf(out, _("Expiry %s   Qty %s %s"), l->expiry[0] ? l->expiry : "-", q, l->unit);
	sb_puts(out, "^FS\n");
	if (gs1[0])
		/* mode D: GS1-128, FNC1 and subsets from the bracketed element string */
		sb_printf(out, "^FO30,150^BY2^BCN,150,Y,N,N,D^FD%s^FS\n", gs1);
	else
		sb_printf(out, "^FO30,150^BY2^BCN,150,Y,N,N^FD%s^FS\n", l->code);
	sb_puts(out, "^XZ\n");
}

int label_print(struct session *s, const char *lot, const char *format, int quiet)
{
	struct lot l;
	struct item it;
	struct strbuf out = STRBUF_INIT;
	enum label_format fmt;
	char fmtname[16], command[256], line[300];
	int rc;

	setting_get(s, SETTING_LABEL_FORMAT, fmtname, sizeof(fmtname));
	if ((rc = label_format_parse(format ? format : fmtname, &fmt)) ||
	    (rc = db_lot_get(s->store, lot, &l)) || (rc = db_item_get(s->store, l.item_code, &it)))
		return rc;
	setting_get(s, SETTING_LABEL_PRINT_COMMAND, command, sizeof(command));
	if (!command[0])
		return error_set(ERR_INVALID, _("no label printer: set label_print_command (e.g. "
		                                "'lp -d zebra -o raw')"));
	/* a printer's chatter on the terminal would break the screens */
	snprintf(line, sizeof(line), quiet ? "(%s) >/dev/null 2>&1" : "%s", command);
	label_render(&l, &it, fmt, &out);
	FILE *p = popen(line, "w");
	if (!p) {
		sb_free(&out);
		return error_set(ERR_IO, _("cannot run the label print command '%s'"), command);
	}
	fwrite(out.buf, 1, out.len, p);
	sb_free(&out);
	int status = pclose(p);
	if (status != 0)
		return error_set(ERR_IO, _("the label print command '%s' failed (status %d)"),
		                 command, status);
	return OK;
}
