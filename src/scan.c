/* Resolving scans (see scan.h). */
#include "scan.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "gs1.h"
#include "i18n.h"
#include "util.h"

#include <string.h>

static int found(struct scan_hit *hit, enum scan_kind kind, const char *code)
{
	hit->kind = kind;
	strlcpy_(hit->code, code, sizeof(hit->code));
	error_clear();
	return OK;
}

/* A code from a GS1 symbol: an AIM identifier, the bracketed form, a GS inside,
 * or nothing but digits (a bare GTIN). */
static int looks_gs1(const char *code)
{
	return code[0] == ']' || code[0] == '(' || strchr(code, 29) ||
	       (strlen(code) >= 8 && strspn(code, "0123456789") == strlen(code));
}

int scan_looks_gs1(const char *code)
{
	return looks_gs1(code);
}

char *scan_unescape(const char *in, char *out, size_t n)
{
	size_t o = 0;
	for (const char *p = in; *p && o + 1 < n;) {
		if (!strncmp(p, "\\x1d", 4) || !strncmp(p, "<GS>", 4)) {
			out[o++] = 29;
			p += 4;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	return out;
}

char *scan_shown(const char *code, char *buf, size_t n)
{
	size_t o = 0;
	for (const char *p = code; *p && o + 5 < n; p++) {
		if (*p == 29) {
			memcpy(buf + o, "<GS>", 4);
			o += 4;
		} else {
			buf[o++] = (unsigned char)*p < 0x20 ? '?' : *p;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The data after a scanner's AIM symbology identifier (']' then two
 * characters: "]C0" Code 128, "]A0" Code 39, "]Q1" QR ...), or the code itself. */
static const char *after_aim(const char *code)
{
	if (code[0] == ']' && code[1] && code[2] && code[1] >= 'A' && code[1] <= 'z')
		return code + 3;
	return code;
}

/* A lot, item or location by its own code. */
static int by_code(struct session *s, const char *code, struct scan_hit *hit)
{
	struct item it;
	struct location loc;
	if (db_lot_exists(s->store, code))
		return found(hit, SCAN_LOT, code);
	if (db_item_get(s->store, code, &it) == OK)
		return found(hit, SCAN_ITEM, it.code);
	if (db_location_get(s->store, code, &loc) == OK)
		return found(hit, SCAN_LOCATION, loc.code);
	error_clear();
	return ERR_NOT_FOUND;
}

int scan_lookup(struct session *s, const char *code, struct scan_hit *hit)
{
	struct item it;
	struct lot l;
	struct gs1_result g;
	char shown[80];

	memset(hit, 0, sizeof(*hit));
	scan_shown(code, shown, sizeof(shown));
	/* a plain code, also behind the identifier a scanner may put first (a
	 * location label "]C0FG" is the location FG) */
	if (by_code(s, code, hit) == OK ||
	    (after_aim(code) != code && by_code(s, after_aim(code), hit) == OK))
		return OK;
	if (looks_gs1(code)) {
		if (gs1_parse(code, strlen(code), &g) != OK)
			return error_prefix(ERR_INVALID, _("Scanned %s"), shown);
		const struct gs1_element *gtin = gs1_find(&g, "01");
		const struct gs1_element *batch = gs1_find(&g, "10");
		if (!gtin)
			gtin = gs1_find(&g, "02");
		/* our own label: (10) is the internal lot code */
		if (batch && db_lot_exists(s->store, batch->value))
			return found(hit, SCAN_LOT, batch->value);
		if (gtin && db_item_by_gtin(s->store, gtin->value, &it) == OK) {
			if (batch &&
			    db_lot_by_supplier_lot(s->store, it.id, batch->value, &l) == OK)
				return found(hit, SCAN_LOT, l.code);
			if (batch)
				return error_set(ERR_NOT_FOUND,
				                 _("Scanned %s: no lot of %s has supplier lot %s"),
				                 shown, it.code, batch->value);
			return found(hit, SCAN_ITEM, it.code);
		}
		if (gtin)
			return error_set(ERR_NOT_FOUND, _("Scanned %s: no item has GTIN %s"), shown,
			                 gtin->value);
	}
	return error_set(ERR_NOT_FOUND, _("Scanned %s: no lot, item or location has that code"),
	                 shown);
}
