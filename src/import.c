/* The import service. Each kind of file is a row in a table: its columns (for
 * master data, the record's own fields) with the header names people use for
 * them, the permission it needs, and the service that takes one row. Recipes and
 * orders join the same way. */
#include "config.h" /* first: newlocale() is POSIX 2008 */
#include "import.h"
#include "db/lots.h"
#include "import_internal.h"
#include "csv_read.h"
#include "documents.h"
#include "error.h"
#include "i18n.h"
#include "master.h"
#include "record.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* the shared types are in import_internal.h */

/* The line where code was first seen, or 0 (and it is noted at line). */
static long code_seen(struct strmap *codes, const char *code, long line)
{
	struct strmap_slot *sl = strmap_add(codes, code);
	if (!sl->line)
		sl->line = line;
	return sl->line == line ? 0 : sl->line;
}

/* ---- the kinds ---- */

static int apply_master(struct import_run *u, const char *const *v, const char **bad_key)
{
	struct fields f = FIELDS_INIT;
	for (size_t k = 0; k < u->ncols; k++)
		if (v[k])
			fields_set(&f, u->cols[k].key, v[k]);
	int rc = master_save_in_tx(u->s, u->kind->spec, &f, SAVE_UPSERT, bad_key);
	if (rc && *bad_key) {
		/* the key may live in f */
		strlcpy_(u->bad_key, *bad_key, sizeof(u->bad_key));
		*bad_key = u->bad_key;
	}
	fields_free(&f);
	return rc;
}

enum { Q_LOT, Q_PARAMETER, Q_SPEC, Q_RESULT, Q_VERDICT };

/* Test results from a laboratory's sheet; the labels are qc_add's. */
static const struct col_def result_cols[] = {
    [Q_LOT] = {"lot", N_("lot"),
               "lot number|lot no|lot code|batch|batch number|batch no|charge|lote", CT_TEXT, 1},
    [Q_PARAMETER] = {"parameter", N_("parameter"),
                     "test|analysis|analyte|characteristic|property|parametre|pruefmerkmal|"
                     "parametro",
                     CT_TEXT, 1},
    [Q_SPEC] = {"spec", N_("specification"),
                "spec|limit|limits|requirement|target|norm|specifications|sollwert", CT_TEXT, 0},
    [Q_RESULT] = {"result", N_("result"), "value|measured|found|actual|resultat|ergebnis|istwert",
                  CT_TEXT, 1},
    [Q_VERDICT] = {"verdict", N_("verdict"),
                   "pass fail|pass|status|conforms|conformity|ok|decision|bewertung", CT_LOWER, 1},
};

static int apply_result(struct import_run *u, const char *const *v, const char **bad_key)
{
	int pass = 0;
	(void)bad_key;
	int rc = qc_verdict_parse(v[Q_VERDICT], &pass);
	if (rc)
		return rc;
	return qc_add_in_tx(u->s, v[Q_LOT], v[Q_PARAMETER], v[Q_SPEC], v[Q_RESULT], pass);
}

/* For master data: header names besides the field's key and label. */
static const struct col_def item_names[] = {
    {"code", NULL,
     "item code|item|sku|product code|item number|item no|article number|part number|"
     "reference|artikelnummer",
     0, 0},
    {"name", NULL,
     "item name|description|product name|product|designation|bezeichnung|libelle|nombre|"
     "descripcion",
     0, 0},
    {"kind", NULL, "type|item type|item kind", 0, 0},
    {"category", NULL, "group|item group|product group|family|categorie|kategorie|categoria", 0, 0},
    {"base_unit", NULL, "uom|unit of measure|base uom|einheit|unite|unidad", 0, 0},
    {"gtin", NULL, "ean|upc|barcode|gtin 13|ean 13|gtin 14|ean code", 0, 0},
    {"pack_gtin", NULL, "case gtin|outer gtin|carton gtin|pack ean|case ean", 0, 0},
    {"shelf_life_days", NULL, "shelf life|life|haltbarkeit|duree de vie", 0, 0},
    {"density", NULL, "specific gravity|dichte|densite|densidad", 0, 0},
    {"pack_size", NULL, "pack|case size|pack qty|pack quantity|units per case|units per pack", 0,
     0},
    {"allergens", NULL, "allergen|allergy|allergies|allergenes|allergene|alergenos", 0, 0},
};

static const struct col_def location_names[] = {
    {"code", NULL, "location|location code|bin|bin code|warehouse|emplacement|lagerort|ubicacion",
     0, 0},
    {"name", NULL, "description|location name|bezeichnung|nom|nombre", 0, 0},
    {"kind", NULL, "type|location type|storage type|storage", 0, 0},
};

static const struct col_def party_names[] = {
    {"code", NULL,
     "id|no|number|supplier code|supplier id|supplier no|supplier number|vendor code|"
     "vendor id|vendor no|vendor number|customer code|customer id|customer no|"
     "customer number|client code|client no|account|account number|account no",
     0, 0},
    {"name", NULL,
     "supplier|supplier name|vendor|vendor name|customer|customer name|client|client name|"
     "company|company name|fournisseur|lieferant|proveedor|kunde|cliente|raison sociale",
     0, 0},
    {"contact", NULL, "contact name|contact person|attention|attn|ansprechpartner", 0, 0},
    {"email", NULL, "e mail|mail|email address|courriel", 0, 0},
    {"phone", NULL, "telephone|tel|phone number|mobile|telefon|telefono", 0, 0},
    {"address", NULL,
     "street|address 1|address line 1|street address|adresse|anschrift|direccion|strasse", 0, 0},
    {"city", NULL, "town|ville|stadt|ort|ciudad", 0, 0},
    {"postcode", NULL, "postal code|zip|zip code|post code|plz|code postal|cp|postleitzahl", 0, 0},
    {"country", NULL, "country code|pays|land|pais", 0, 0},
};

#define NAMES(arr) arr, ARRAY_SIZE(arr)

static const struct import_kind kinds[] = {
    {"items", PERM_MASTER, &record_item, NAMES(item_names), NULL, apply_master, NULL},
    {"locations", PERM_MASTER, &record_location, NAMES(location_names), NULL, apply_master, NULL},
    {"suppliers", PERM_MASTER, &record_supplier, NAMES(party_names), NULL, apply_master, NULL},
    {"customers", PERM_MASTER, &record_customer, NAMES(party_names), NULL, apply_master, NULL},
    /* opening lots; the ledger export's other columns are known and not used */
    {"lots", PERM_RECEIVE, NULL, import_lot_cols, IMPORT_LOT_NCOLS,
     "coa|coa status|last movement date|last movement|item name|origin|reserved", import_lot_row,
     import_lot_finish},
    /* test results per lot; 'lotline qc list --format csv' columns are known */
    {"results", PERM_QUALITY, NULL, NAMES(result_cols), "user|by|when|time", apply_result, NULL},
    /* a recipe has no name of its own: its code and the item it makes name it */
    {"recipes", PERM_RECIPES, NULL, import_recipe_cols, IMPORT_RECIPE_NCOLS,
     "name|recipe name|description|version|status|line|line no|item name|ingredient name|"
     "as written|lines",
     import_recipe_row, import_recipe_finish},
    /* customer orders, one row per line; the rows of an order share its reference */
    {"orders", PERM_ORDERS, NULL, import_order_cols, IMPORT_ORDER_NCOLS,
     "customer name|name|line|line no", import_order_row, import_order_finish},
    /* purchase orders, one row per line, as 'lotline po list/show' name them */
    {"purchases", PERM_PURCHASE, NULL, import_purchase_cols, IMPORT_PURCHASE_NCOLS,
     "supplier name|name|line|line no|status|received|item name", import_purchase_row,
     import_purchase_finish},
};

const char *import_kinds(void)
{
	static char names[128];
	if (!names[0])
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			         k ? " " : "", kinds[k].name);
	return names;
}

/* ---- header names ---- */

/* Accents go the way iconv transliterates them, which needs a UTF-8 locale
 * whatever the user's is. */
static void to_ascii(const char *in, char *out, size_t n)
{
	locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	locale_t old = utf8 ? uselocale(utf8) : (locale_t)0;
	iconv_t cd = iconv_open("ASCII//TRANSLIT", "UTF-8");
	char *ip = (char *)in, *op = out;
	size_t il = strlen(in), ol = n - 1;
	while (cd != (iconv_t)-1 && il > 0 && ol > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 || errno == E2BIG)
			break;
		ip++; /* a byte that is not UTF-8: not a letter of a name */
		il--;
	}
	if (cd == (iconv_t)-1)
		for (; *ip && ol > 0; ip++)
			if (!(*ip & 0x80))
				*op++ = *ip, ol--;
	*op = '\0';
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (utf8) {
		uselocale(old);
		freelocale(utf8);
	}
}

/* "Lot No.", "lot_no" and "LOT-NO" are all "lot no"; "Expiré" is "expire". */
static void name_norm(const char *in, char *out, size_t n)
{
	char ascii[NAME_SIZE * 2];
	size_t k = 0;
	int gap = 0;
	to_ascii(in, ascii, sizeof(ascii));
	for (const char *p = ascii; *p && k + 2 < n; p++) {
		if (isalnum((unsigned char)*p)) {
			if (gap && k)
				out[k++] = ' ';
			out[k++] = (char)tolower((unsigned char)*p);
			gap = 0;
		} else {
			gap = 1;
		}
	}
	out[k] = '\0';
}

static int in_names(const char *names, const char *norm)
{
	size_t n = strlen(norm);
	for (const char *p = names; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && !memcmp(p, norm, n))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int col_matches(const struct col_def *c, const char *norm)
{
	char a[NAME_SIZE];
	name_norm(c->key, a, sizeof(a));
	if (!strcmp(a, norm))
		return 1;
	name_norm(c->label, a, sizeof(a));
	if (!strcmp(a, norm))
		return 1;
	name_norm(_(c->label), a, sizeof(a));
	return !strcmp(a, norm) || in_names(c->names, norm);
}

/* ---- problems ---- */

#define say import_say

void import_say(struct import_run *u, int warning, long line, size_t col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (u->pass == 1) /* the second pass says it all */
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (warning)
		u->res->warnings++;
	else
		u->res->errors++;
	if (u->o->report) {
		struct import_problem p = {line, col, msg, warning};
		u->o->report(u->o->ctx, &p);
	}
}

static const char *header_name(const struct import_run *u, size_t col)
{
	if (u->have_header && col >= 1 && col <= u->nheader && u->header[col - 1][0])
		return u->header[col - 1];
	return NULL;
}

static void on_problem(void *ctx, long line, size_t col, const char *msg)
{
	struct import_run *u = ctx;
	const char *name = header_name(u, col);
	if (name)
		say(u, 0, line, col, "%s: %s", name, msg);
	else
		say(u, 0, line, col, "%s", msg);
}

/* ---- the header ---- */

static void free_header(struct import_run *u)
{
	for (size_t i = 0; i < u->nheader; i++)
		free(u->header[i]);
	free(u->header);
	u->header = NULL;
	u->nheader = 0;
	u->have_header = 0;
}

static void missing_column(struct import_run *u, long line, const struct col_def *c)
{
	struct strbuf names = STRBUF_INIT;
	sb_puts(&names, c->key);
	if (strcmp(c->key, c->label) != 0)
		sb_printf(&names, ", %s", c->label);
	if (c->names)
		sb_puts(&names, ", ");
	for (const char *p = c->names; p && *p; p++) {
		if (*p == '|')
			sb_puts(&names, ", ");
		else
			sb_putc(&names, *p);
	}
	say(u, 0, line, 0, _("%s: required column missing (its header may be: %s)"), _(c->label),
	    sb_str(&names));
	sb_free(&names);
}

/* ---- the preview ---- */

static void add_name(char **list, const char *name)
{
	char *old = *list;
	*list = old ? xasprintf("%s, %s", old, name) : xstrdup(name);
	free(old);
}

static void preview_header(struct import_run *u)
{
	struct import_preview *p = u->preview;
	strlcpy_(p->encoding, csv_reader_encoding(u->reader), sizeof(p->encoding));
	p->delimiter = csv_reader_delimiter(u->reader);
	for (size_t k = 0; k < u->ncols; k++) {
		if (u->at[k] < 0) {
			if (u->cols[k].required)
				add_name(&p->missing, _(u->cols[k].label));
			continue;
		}
		if (p->ncols == IMPORT_PREVIEW_COLS)
			continue;
		struct import_preview_col *c = &p->col[p->ncols++];
		c->field = _(u->cols[k].label);
		c->header = xstrdup(u->header[u->at[k]]);
		c->required = u->cols[k].required;
	}
	for (size_t i = 0; i < u->nheader; i++) {
		size_t k = 0;
		while (k < u->ncols && u->at[k] != (int)i)
			k++;
		if (k == u->ncols && u->header[i][0])
			add_name(&p->ignored, u->header[i]);
	}
}

static int preview_row(struct import_run *u, const struct csv_row *row)
{
	struct import_preview *p = u->preview;
	struct import_preview_row *r;
	size_t c = 0;
	p->rows = xrealloc(p->rows, (p->nrows + 1) * sizeof(*p->rows));
	r = &p->rows[p->nrows++];
	memset(r, 0, sizeof(*r));
	r->line = row->line;
	for (size_t k = 0; k < u->ncols && c < p->ncols; k++) {
		if (u->at[k] < 0)
			continue;
		/* a date that did not read is shown as the file has it */
		const char *v = u->v[k] ? u->v[k] : csv_unguard(row->v[u->at[k]]);
		r->v[c++] = xstrdup(v);
	}
	return p->nrows >= u->preview_max ? PASS_STOP : OK;
}

void import_preview_free(struct import_preview *p)
{
	for (size_t i = 0; i < p->ncols; i++)
		free(p->col[i].header);
	for (size_t r = 0; r < p->nrows; r++)
		for (size_t i = 0; i < p->ncols; i++)
			free(p->rows[r].v[i]);
	free(p->rows);
	free(p->missing);
	free(p->ignored);
	memset(p, 0, sizeof(*p));
}

static int header(struct import_run *u, const struct csv_row *row)
{
	size_t n = row->n;
	int missing = 0;
	while (n > 0 && !*row->v[n - 1]) /* trailing delimiters */
		n--;
	u->header = xcalloc(n ? n : 1, sizeof(*u->header));
	for (size_t i = 0; i < n; i++)
		u->header[i] = xstrdup(row->v[i]);
	u->nheader = n;
	u->have_header = 1;
	for (size_t k = 0; k < u->ncols; k++)
		u->at[k] = -1;
	if (row->bad)
		return ERR_INVALID;
	for (size_t i = 0; i < n; i++) {
		const char *name = row->v[i];
		char norm[NAME_SIZE];
		size_t k;
		if (!*name) {
			say(u, 1, row->line, i + 1, _("column %zu has no name; it is not imported"),
			    i + 1);
			continue;
		}
		name_norm(name, norm, sizeof(norm));
		for (k = 0; k < u->ncols && !col_matches(&u->cols[k], norm); k++)
			;
		if (k == u->ncols) {
			if (!in_names(u->kind->known, norm))
				say(u, 1, row->line, i + 1,
				    _("%s: not a column lotline knows; it is not imported"), name);
		} else if (u->at[k] >= 0) {
			say(u, 1, row->line, i + 1,
			    _("%s: a second column for %s (the first is column %d); it is not "
			      "imported"),
			    name, _(u->cols[k].label), u->at[k] + 1);
		} else {
			u->at[k] = (int)i;
		}
	}
	for (size_t k = 0; k < u->ncols; k++) {
		if (u->cols[k].required && u->at[k] < 0) {
			missing_column(u, row->line, &u->cols[k]);
			missing = 1;
		}
	}
	if (!u->o->decimal_comma)
		u->decimal_comma = csv_reader_delimiter(u->reader) == ';';
	if (u->preview && u->pass == 2)
		preview_header(u);
	return missing ? ERR_INVALID : OK;
}

/* ---- dates: the first pass learns their order ---- */

static int date_columns(const struct import_run *u)
{
	for (size_t k = 0; k < u->ncols; k++)
		if (u->cols[k].type == CT_DATE && u->at[k] >= 0)
			return 1;
	return 0;
}

static void note_dates(struct import_run *u, const struct csv_row *row)
{
	for (size_t k = 0; k < u->ncols; k++) {
		size_t c = (size_t)u->at[k];
		if (u->cols[k].type != CT_DATE || u->at[k] < 0 || c >= row->n || !*row->v[c])
			continue;
		enum date_shape sh = csv_date_shape(row->v[c]);
		int i = sh == SHAPE_DMY ? 0 : sh == SHAPE_MDY ? 1 : sh == SHAPE_AMBIGUOUS ? 2 : -1;
		if (i >= 0 && !u->seen[i].line) {
			u->seen[i].line = row->line;
			u->seen[i].col = c + 1;
			u->seen[i].k = (int)k;
			strlcpy_(u->seen[i].value, row->v[c], sizeof(u->seen[i].value));
		}
	}
}

/* One order for the whole file, or a problem that says why there is none. */
static int decide_dates(struct import_run *u)
{
	if (u->seen[0].line && u->seen[1].line) {
		int later = u->seen[0].line > u->seen[1].line ? 0 : 1;
		int first = !later;
		say(u, 0, u->seen[later].line, u->seen[later].col,
		    _("%s: '%s' reads only as %s, but '%s' on line %ld reads only as %s: the file "
		      "mixes date orders"),
		    _(u->cols[u->seen[later].k].label), u->seen[later].value,
		    later ? _("month/day/year") : _("day/month/year"), u->seen[first].value,
		    u->seen[first].line, first ? _("month/day/year") : _("day/month/year"));
		return ERR_INVALID;
	}
	if (u->seen[0].line)
		u->dates = DATE_DMY;
	else if (u->seen[1].line)
		u->dates = DATE_MDY;
	else if (u->seen[2].line) {
		say(u, 0, u->seen[2].line, u->seen[2].col,
		    _("%s: '%s' could be day/month or month/day, and no date in the file tells "
		      "which: give --date-format dmy or mdy"),
		    _(u->cols[u->seen[2].k].label), u->seen[2].value);
		return ERR_INVALID;
	}
	return OK;
}

/* ---- rows ---- */

static int columns_fit(struct import_run *u, const struct csv_row *row)
{
	size_t extra = u->nheader;
	if (row->n < u->nheader) {
		say(u, 0, row->line, row->n + 1,
		    _("wrong column count: the row has %zu fields and the header %zu"), row->n,
		    u->nheader);
		return 0;
	}
	while (extra < row->n && !*row->v[extra])
		extra++;
	if (extra < row->n) {
		say(u, 0, row->line, extra + 1,
		    _("wrong column count: the row has %zu fields and the header %zu"), row->n,
		    u->nheader);
		return 0;
	}
	return 1;
}

/* The row's values by column, made ready for the services: lowercase words,
 * decimal points, ISO dates. 0 when a date was reported and left out. */
static int values(struct import_run *u, const struct csv_row *row)
{
	int ok = 1;
	for (size_t k = 0; k < u->ncols; k++) {
		struct strbuf *sb = &u->val[k];
		const char *raw;
		char iso[11];
		u->v[k] = NULL;
		if (u->at[k] < 0)
			continue;
		/* the quote lotline's export puts before a would-be formula */
		raw = u->v[k] = csv_unguard(row->v[u->at[k]]);
		if (!*raw)
			continue;
		switch (u->cols[k].type) {
		case CT_TEXT:
			break;
		case CT_LOWER:
			sb_reset(sb);
			for (const char *p = raw; *p; p++)
				sb_putc(sb, (char)tolower((unsigned char)*p));
			u->v[k] = sb_str(sb);
			break;
		case CT_DECIMAL:
			if (u->decimal_comma && !strchr(raw, '.') && strchr(raw, ',') &&
			    strchr(raw, ',') == strrchr(raw, ',')) {
				sb_reset(sb);
				sb_puts(sb, raw);
				*strchr(sb->buf, ',') = '.';
				u->v[k] = sb_str(sb);
			}
			break;
		case CT_DATE:
			if (csv_date_parse(raw, u->dates, iso) != OK) {
				say(u, 0, row->line, (size_t)u->at[k] + 1, "%s: %s",
				    _(u->cols[k].label), error_msg());
				u->v[k] = NULL; /* the service still checks the rest */
				ok = 0;
				break;
			}
			sb_reset(sb);
			sb_puts(sb, iso);
			u->v[k] = sb_str(sb);
			break;
		}
	}
	return ok;
}

/* The column a service's message is about: the record's bad key, else the
 * field its message starts with ("quantity: ...", "item 'X' not found"). */
static void service_problem(struct import_run *u, const struct csv_row *row, const char *bad_key)
{
	import_service_problem_at(u, row->line, error_msg(), bad_key);
}

/* The row's values are in u->v only while that row is applied (hints need them). */
void import_service_problem_at(struct import_run *u, long line, const char *msg,
                               const char *bad_key)
{
	struct strbuf m = STRBUF_INIT;
	int current = line == u->line;
	size_t best = 0;
	int k = -1;
	for (size_t j = 0; j < u->ncols; j++) {
		const char *l = _(u->cols[j].label);
		size_t n = strlen(l);
		if (bad_key && !strcmp(bad_key, u->cols[j].key))
			k = (int)j;
		if (!bad_key && n > best && !strncmp(msg, l, n) && (msg[n] == ':' || msg[n] == ' '))
			best = n, k = (int)j;
	}
	if (best && msg[best] == ' ')
		sb_printf(&m, "%.*s:%s", (int)best, msg, msg + best);
	else
		sb_puts(&m, msg);
	const char *v = k >= 0 && current ? u->v[k] : NULL;
	if (v && u->cols[k].type == CT_DECIMAL && !u->decimal_comma && strchr(v, ','))
		sb_puts(&m, _(" (for decimal commas give --decimal-comma)"));
	if (v && strstr(u->cols[k].key, "gtin") && strpbrk(v, "eE+"))
		sb_puts(&m, _(" (a spreadsheet wrote it as a number: format the column as text)"));
	say(u, 0, line, k >= 0 && u->at[k] >= 0 ? (size_t)u->at[k] + 1 : 0, "%s", sb_str(&m));
	sb_free(&m);
}

static int on_row(void *ctx, const struct csv_row *row)
{
	struct import_run *u = ctx;
	const char *bad_key = NULL;
	int rc;
	if (!u->have_header) {
		rc = header(u, row);
		if (u->pass == 2 && u->preview && rc)
			return PASS_STOP; /* the preview shows what is missing */
		if (u->pass == 1 && (rc || !date_columns(u)))
			return PASS_STOP;
		return rc;
	}
	if (u->pass == 1) {
		note_dates(u, row);
		return OK;
	}
	if (row->bad)
		return OK; /* reported by the reader */
	size_t i = 0;
	while (i < row->n && !*row->v[i])
		i++;
	if (i == row->n || !columns_fit(u, row))
		return OK;
	int dates_ok = values(u, row);
	if (u->preview)
		return preview_row(u, row);
	if (u->kind->spec && u->at[0] >= 0 && u->v[0] && *u->v[0]) {
		/* the key is the spec's first field; a second row would silently win */
		long first = code_seen(&u->codes, u->v[0], row->line);
		if (first) {
			say(u, 0, row->line, (size_t)u->at[0] + 1,
			    _("%s: '%s' is on line %ld too; a file gives each %s once"),
			    _(u->cols[0].label), u->v[0], first, _(u->kind->spec->name));
			return OK;
		}
	}
	u->line = row->line;
	error_clear();
	rc = u->kind->apply(u, u->v, &bad_key);
	if (rc == OK) {
		u->res->rows += dates_ok;
		return OK;
	}
	if (rc != ERR_INVALID && rc != ERR_NOT_FOUND && rc != ERR_CONFLICT)
		return rc; /* the store, not the file */
	service_problem(u, row, bad_key);
	return OK;
}

/* ---- reading the file ---- */

static int read_pass(struct import_run *u, const char *path, int pass, int64_t size, int npasses)
{
	struct csv_read_opts ro = {u->o->encoding, u->o->delimiter, on_row, on_problem, u};
	FILE *fp = fopen(path, "rb");
	char *buf;
	/* with two passes the second one is the second half */
	int64_t done = pass == 2 && npasses == 2 ? size : 0;
	size_t n;
	int rc;
	if (!fp)
		return error_set(ERR_IO, _("%s: %s"), path, strerror(errno));
	if ((rc = csv_reader_new(&ro, &u->reader))) {
		fclose(fp);
		return rc;
	}
	free_header(u);
	u->pass = pass;
	buf = xmalloc(CHUNK);
	while (rc == OK && (n = fread(buf, 1, CHUNK, fp)) > 0) {
		rc = csv_reader_feed(u->reader, buf, n);
		done += (int64_t)n;
		if (u->o->progress)
			u->o->progress(u->o->ctx, done, size * npasses);
	}
	if (rc == OK && ferror(fp))
		rc = error_set(ERR_IO, _("%s: %s"), path, strerror(errno));
	if (rc == OK)
		rc = csv_reader_finish(u->reader);
	if (rc == OK && !u->have_header && !csv_reader_problems(u->reader))
		say(u, 0, 0, 0, _("the file is empty: a header line names the columns"));
	csv_reader_free(u->reader);
	u->reader = NULL;
	free(buf);
	fclose(fp);
	return rc == PASS_STOP ? OK : rc;
}

static void setup_columns(struct import_run *u)
{
	const struct import_kind *k = u->kind;
	if (!k->spec) {
		memcpy(u->cols, k->cols, k->ncols * sizeof(*k->cols));
		u->ncols = k->ncols;
		return;
	}
	for (size_t i = 0; i < k->spec->nfields && i < COLS_MAX; i++) {
		const struct field_spec *fs = &k->spec->fields[i];
		struct col_def *c = &u->cols[u->ncols++];
		c->key = fs->key;
		c->label = fs->label;
		c->names = NULL;
		for (size_t j = 0; j < k->ncols; j++)
			if (!strcmp(k->cols[j].key, fs->key))
				c->names = k->cols[j].names;
		c->type = fs->type == FT_DECIMAL ? CT_DECIMAL
		          : fs->type == FT_ENUM  ? CT_LOWER
		                                 : CT_TEXT;
		c->required = fs->required;
	}
}

/* The kind, the permission and the file's existence: what both import_file and
 * import_preview check first. */
static int run_start(struct import_run *u, struct session *s, const char *kind, const char *path,
                     const struct import_opts *o, struct import_result *res, struct stat *st)
{
	memset(res, 0, sizeof(*res));
	memset(u, 0, sizeof(*u));
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].name, kind))
			u->kind = &kinds[i];
	if (!u->kind)
		return error_set(ERR_INVALID, _("'%s' is not a kind of import (%s)"), kind,
		                 import_kinds());
	int rc = session_require(s, u->kind->perm);
	if (rc)
		return rc;
	if (stat(path, st) != 0)
		return error_set(errno == ENOENT ? ERR_NOT_FOUND : ERR_IO, _("%s: %s"), path,
		                 strerror(errno));
	if (!S_ISREG(st->st_mode))
		return error_set(ERR_INVALID, _("%s: not a file"), path);
	u->s = s;
	u->o = o;
	u->res = res;
	u->decimal_comma = o->decimal_comma;
	u->dates = o->dates;
	setup_columns(u);
	return OK;
}

static void run_end(struct import_run *u)
{
	free_header(u);
	strmap_free(&u->codes, 0);
	for (size_t k = 0; k < COLS_MAX; k++)
		sb_free(&u->val[k]);
}

static int passes(const struct import_run *u)
{
	for (size_t k = 0; k < u->ncols; k++)
		if (u->cols[k].type == CT_DATE && u->o->dates == DATE_AUTO)
			return 2;
	return 1;
}

/* Opening lots from a file of at least BULK_ROWS rows, into a store that holds
 * no more than BULK_STORE times as many lots, go in with the ledger's indexes
 * set aside and built once at the end: three times faster, while for a few rows
 * into a large store rebuilding every index would cost more than it saves. */
#define BULK_ROWS     20000
#define BULK_STORE    4
#define BULK_ROW_SIZE 64 /* bytes a row of opening lots takes at the least, about */

static int bulk_lots(struct import_run *u, off_t size)
{
	int64_t rows = (int64_t)size / BULK_ROW_SIZE;
	return !strcmp(u->kind->name, "lots") && rows >= BULK_ROWS &&
	       db_lots_count(u->s->store) <= BULK_STORE * rows;
}

int import_file(struct session *s, const char *kind, const char *path, const struct import_opts *o,
                struct import_result *res)
{
	struct import_run u;
	struct stat st;
	int rc, npasses, alone = 0;
	if ((rc = run_start(&u, s, kind, path, o, res, &st)))
		return rc;
	npasses = passes(&u);
	if (npasses == 2) {
		if ((rc = read_pass(&u, path, 1, st.st_size, npasses)) == OK) {
			u.pass = 2; /* what it found is said */
			rc = decide_dates(&u);
		}
		if (rc)
			goto out;
	}
	store_set_cache_mb(s->store, 64);
	int bulk = bulk_lots(&u, st.st_size);
	/* a dry run does not shut others out */
	if (bulk && !o->dry_run && (rc = store_alone(s->store, &alone)))
		goto out;
	if ((rc = session_begin(s)))
		goto out;
	/* every row reads the same few items and places (master data writes its
	 * own, which would only make the memo forget row after row) */
	if (!u.kind->spec)
		store_memo(s->store, 1);
	struct lot_indexes idx = {0};
	if (bulk && (rc = db_lot_indexes_drop(s->store, &idx))) {
		db_lot_indexes_free(&idx);
		store_memo(s->store, 0);
		session_end(s, rc);
		goto out;
	}
	rc = read_pass(&u, path, 2, st.st_size, npasses);
	u.line = 0; /* what finish says is not about the last row read */
	if (u.kind->finish) {
		/* kinds that gather rows write them now */
		int frc = u.kind->finish(&u, rc == OK);
		if (rc == OK)
			rc = frc;
	}
	/* a dry run and a file with problems end the same way: nothing written (and
	 * the rollback brings back the indexes a bulk load set aside) */
	int keep = rc == OK && !res->errors && !o->dry_run;
	if (bulk && keep)
		rc = db_lot_indexes_build(s->store, &idx);
	db_lot_indexes_free(&idx);
	store_memo(s->store, 0);
	if (keep && rc == OK)
		rc = session_end(s, OK);
	else
		session_end(s, rc ? rc : ERR_INVALID);
out:
	if (alone) {
		int arc = store_alone_end(s->store);
		if (rc == OK)
			rc = arc;
	}
	run_end(&u);
	if (res->errors && (rc == OK || rc == ERR_INVALID))
		return error_set(ERR_INVALID,
		                 ngettext("%ld problem in %s: nothing was imported",
		                          "%ld problems in %s: nothing was imported",
		                          (unsigned long)res->errors),
		                 res->errors, path);
	return rc;
}

int import_preview(struct session *s, const char *kind, const char *path,
                   const struct import_opts *o, size_t max_rows, struct import_preview *p)
{
	struct import_run u;
	struct import_result res;
	struct import_opts quiet = *o;
	struct stat st;
	int rc;
	memset(p, 0, sizeof(*p));
	quiet.report = NULL; /* the dry run lists the problems */
	quiet.progress = NULL;
	if ((rc = run_start(&u, s, kind, path, &quiet, &res, &st)))
		return rc;
	u.preview = p;
	u.preview_max = max_rows ? max_rows : 1;
	/* the order of dates needs the whole file; undecided, they show as written */
	if (passes(&u) == 2 && (rc = read_pass(&u, path, 1, st.st_size, 2)) == OK) {
		u.pass = 2;
		decide_dates(&u);
	}
	if (rc == OK)
		rc = read_pass(&u, path, 2, st.st_size, 1);
	run_end(&u);
	if (rc == ERR_INVALID && res.errors)
		rc = OK; /* problems in rows: the dry run's to say */
	if (rc)
		import_preview_free(p);
	return rc;
}
