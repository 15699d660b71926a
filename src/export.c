/* The export service: one table of kinds, one CSV writer. Cells are quoted by
 * libcsv when they need it, lines end in CRLF as spreadsheets expect, and the
 * text is converted by iconv line by line so that a character the encoding
 * cannot hold is an error naming its place, never a silent '?'. A text that a
 * spreadsheet would run as a formula gets a guarding quote, which import takes
 * off again. */
#include "export.h"
#include "clock.h"
#include "csv_read.h"
#include "db/export.h"
#include "db/lots.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "ledger_view.h"
#include "record.h"
#include "util.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <time.h>

#define COLS_MAX 32

struct csv_out {
	FILE *fp;
	iconv_t cd; /* (iconv_t)-1: UTF-8 as it is */
	const char *encoding;
	char delim;
	const char *names[COLS_MAX]; /* the header, for messages */
	size_t starts[COLS_MAX];     /* where each cell of the line starts */
	struct strbuf line, conv, guarded;
	char *quoted;
	size_t qcap;
	long lines; /* physical lines written */
	long rows;
};

/* Written to the file, or ERR_INVALID naming the character the encoding lacks. */
static int emit(struct csv_out *w, size_t ncells)
{
	char out[8192], *in = w->line.buf;
	size_t il = w->line.len;
	if (w->cd == (iconv_t)-1) {
		fwrite(w->line.buf, 1, w->line.len, w->fp);
		return OK;
	}
	sb_reset(&w->conv);
	while (il > 0) {
		char *op = out;
		size_t ol = sizeof(out);
		size_t r = iconv(w->cd, &in, &il, &op, &ol);
		sb_add(&w->conv, out, (size_t)(op - out));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		size_t at = (size_t)(in - w->line.buf), col = 0, len = 1;
		while (col + 1 < ncells && w->starts[col + 1] <= at)
			col++;
		while (len < il && ((unsigned char)in[len] & 0xC0) == 0x80)
			len++;
		if (!ncells)
			return error_set(ERR_INVALID, _("--bom: %s has no byte order mark"),
			                 w->encoding);
		return error_set(ERR_INVALID,
		                 _("line %ld, column %zu (%s): '%.*s' cannot be written in %s; "
		                   "choose another --encoding, such as UTF-8"),
		                 w->lines + 1, col + 1, w->names[col], (int)len, in, w->encoding);
	}
	fwrite(w->conv.buf, 1, w->conv.len, w->fp);
	return OK;
}

static void cell(struct csv_out *w, const char *v)
{
	size_t n = strlen(v);
	/* a text a spreadsheet would run as a formula is written as text (csv_read.h) */
	if (csv_guard_needed(v)) {
		sb_reset(&w->guarded);
		sb_putc(&w->guarded, '\'');
		sb_add(&w->guarded, v, n);
		v = sb_str(&w->guarded);
		n++;
	}
	/* libcsv trims unquoted spaces when it reads, so edge spaces are quoted */
	if (!strchr(v, w->delim) && !strpbrk(v, "\"\r\n") &&
	    !(n && (isspace((unsigned char)v[0]) || isspace((unsigned char)v[n - 1])))) {
		sb_add(&w->line, v, n);
		return;
	}
	size_t need = csv_write2(NULL, 0, v, n, '"');
	if (need > w->qcap)
		w->quoted = xrealloc(w->quoted, w->qcap = need);
	csv_write2(w->quoted, need, v, n, '"');
	sb_add(&w->line, w->quoted, need);
}

static int put_line(struct csv_out *w, const char *const *v, size_t n)
{
	int rc;
	if (n > COLS_MAX)
		n = COLS_MAX;
	sb_reset(&w->line);
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_putc(&w->line, w->delim);
		w->starts[i] = w->line.len;
		cell(w, v[i] ? v[i] : "");
	}
	sb_puts(&w->line, "\r\n");
	if ((rc = emit(w, n)) != OK)
		return rc;
	/* physical lines, as readers count them: quoted line breaks too */
	for (size_t i = 0; i < w->line.len; i++)
		if (w->line.buf[i] == '\n' ||
		    (w->line.buf[i] == '\r' && w->line.buf[i + 1] != '\n'))
			w->lines++;
	return OK;
}

static int put_header(struct csv_out *w, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n && i < COLS_MAX; i++)
		w->names[i] = names[i];
	return put_line(w, names, n);
}

static int put_row(struct csv_out *w, const char *const *v, size_t n)
{
	int rc = put_line(w, v, n);
	if (rc == OK)
		w->rows++;
	return rc;
}

/* ---- the ledger and all lots ---- */

static int lot_row(void *ctx, const struct lot *l)
{
	struct ledger_cells c;
	ledger_cells_fill(l, &c);
	return put_row(ctx, c.v, LEDGER_MACHINE_COLS);
}

static int lots_out(struct session *s, struct csv_out *w, const struct ledger_filter *f)
{
	const char *names[LEDGER_MACHINE_COLS];
	int rc;
	for (int i = 0; i < LEDGER_MACHINE_COLS; i++)
		names[i] = ledger_machine_cols[i].name;
	if ((rc = ledger_filter_check(s, f)) || (rc = put_header(w, names, LEDGER_MACHINE_COLS)))
		return rc;
	return db_ledger_each(s->store, f, lot_row, w);
}

static int ex_ledger(struct session *s, struct csv_out *w, const struct export_opts *o,
                     const struct record_spec *spec)
{
	(void)spec;
	return lots_out(s, w, &o->filter);
}

static int ex_lots(struct session *s, struct csv_out *w, const struct export_opts *o,
                   const struct record_spec *spec)
{
	struct ledger_filter f = o->filter;
	(void)spec;
	f.include_empty = 1;
	return lots_out(s, w, &f);
}

/* ---- movements ---- */

static int movement_row(void *ctx, const struct movement_row *r)
{
	char t[32], q[FIXED_BUFSZ], b[FIXED_BUFSZ];
	time_format_iso(hlc_wall_ms(r->m.hlc), t);
	const char *v[] = {r->lot,
	                   r->item,
	                   t,
	                   r->m.kind,
	                   fixed_format(r->m.qty, 0, q),
	                   r->unit,
	                   fixed_format(r->m.balance, 0, b),
	                   r->m.user,
	                   r->m.terminal,
	                   r->m.reason,
	                   r->m.note,
	                   r->m.from_location,
	                   r->m.to_location};
	return put_row(ctx, v, ARRAY_SIZE(v));
}

/* The stamp of local midnight starting a day. */
static hlc_t day_start(int64_t days)
{
	struct tm tm;
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	return t > 0 ? (hlc_t)t * 1000 << HLC_COUNTER_BITS : 0;
}

static int ex_movements(struct session *s, struct csv_out *w, const struct export_opts *o,
                        const struct record_spec *spec)
{
	static const char *const names[] = {"lot",  "item",    "time", "kind",     "qty",
	                                    "unit", "balance", "user", "terminal", "reason",
	                                    "note", "from",    "to"};
	int64_t from = 0, to = 0;
	int rc;
	(void)spec;
	if (o->from && *o->from && (rc = date_parse(o->from, &from)))
		return error_prefix(rc, "--from");
	if (o->to && *o->to && (rc = date_parse(o->to, &to)))
		return error_prefix(rc, "--to");
	if (from && to && to < from)
		return error_set(ERR_INVALID, _("--to: %s is before --from %s"), o->to, o->from);
	if ((rc = put_header(w, names, ARRAY_SIZE(names))))
		return rc;
	return db_movements_each(s->store, from ? day_start(from) : 0, to ? day_start(to + 1) : 0,
	                         movement_row, w);
}

/* ---- master data: the record's own field keys are the columns ---- */

struct master_out {
	struct csv_out *w;
	const struct record_spec *spec;
};

static int put_fields(struct master_out *m, struct fields *f)
{
	const char *v[COLS_MAX];
	size_t n = m->spec->nfields < COLS_MAX ? m->spec->nfields : COLS_MAX;
	for (size_t i = 0; i < n; i++)
		v[i] = fields_str(f, m->spec->fields[i].key);
	int rc = put_row(m->w, v, n);
	fields_free(f);
	return rc;
}

static void set_fixed(struct fields *f, const char *key, fixed_t x)
{
	char buf[FIXED_BUFSZ];
	fields_set(f, key, x ? fixed_format(x, 0, buf) : "");
}

static int item_row(void *ctx, const struct item *it)
{
	struct fields f = FIELDS_INIT;
	fields_set(&f, "code", it->code);
	fields_set(&f, "name", it->name);
	fields_set(&f, "kind", it->kind);
	fields_set(&f, "category", it->category);
	fields_set(&f, "base_unit", it->base_unit);
	fields_set(&f, "gtin", it->gtin);
	fields_set(&f, "pack_gtin", it->pack_gtin);
	if (it->shelf_life_days)
		fields_set_int(&f, "shelf_life_days", it->shelf_life_days);
	set_fixed(&f, "density", it->density);
	set_fixed(&f, "pack_size", it->pack_size);
	fields_set(&f, "allergens", it->allergens);
	return put_fields(ctx, &f);
}

static int location_row(void *ctx, const struct location *l)
{
	struct fields f = FIELDS_INIT;
	fields_set(&f, "code", l->code);
	fields_set(&f, "name", l->name);
	fields_set(&f, "kind", l->kind);
	return put_fields(ctx, &f);
}

static int party_row(void *ctx, const struct party *p)
{
	struct fields f = FIELDS_INIT;
	fields_set(&f, "code", p->code);
	fields_set(&f, "name", p->name);
	fields_set(&f, "contact", p->contact);
	fields_set(&f, "email", p->email);
	fields_set(&f, "phone", p->phone);
	fields_set(&f, "address", p->address);
	fields_set(&f, "city", p->city);
	fields_set(&f, "postcode", p->postcode);
	fields_set(&f, "country", p->country);
	return put_fields(ctx, &f);
}

static int ex_master(struct session *s, struct csv_out *w, const struct export_opts *o,
                     const struct record_spec *spec)
{
	struct master_out m = {w, spec};
	const char *names[COLS_MAX];
	size_t n = spec->nfields < COLS_MAX ? spec->nfields : COLS_MAX;
	int rc;
	(void)o;
	for (size_t i = 0; i < n; i++)
		names[i] = spec->fields[i].key;
	if ((rc = put_header(w, names, n)))
		return rc;
	if (spec == &record_item)
		return db_item_each(s->store, item_row, &m);
	if (spec == &record_location)
		return db_location_each(s->store, location_row, &m);
	return db_party_each(s->store, spec == &record_supplier ? PARTY_SUPPLIER : PARTY_CUSTOMER,
	                     party_row, &m);
}

/* ---- the kinds ---- */

static const struct export_kind {
	const char *name;
	int (*run)(struct session *s, struct csv_out *w, const struct export_opts *o,
	           const struct record_spec *spec);
	const struct record_spec *spec;
	int filter, range;
} kinds[] = {
    {"ledger", ex_ledger, NULL, 1, 0},
    {"lots", ex_lots, NULL, 1, 0},
    {"movements", ex_movements, NULL, 0, 1},
    {"items", ex_master, &record_item, 0, 0},
    {"locations", ex_master, &record_location, 0, 0},
    {"suppliers", ex_master, &record_supplier, 0, 0},
    {"customers", ex_master, &record_customer, 0, 0},
};

const char *export_kinds(void)
{
	static char names[128];
	if (!names[0])
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			         k ? " " : "", kinds[k].name);
	return names;
}

static const struct export_kind *kind_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

int export_takes_filter(const char *kind)
{
	const struct export_kind *k = kind_find(kind);
	return k && k->filter;
}

int export_takes_range(const char *kind)
{
	const struct export_kind *k = kind_find(kind);
	return k && k->range;
}

/* "UTF-16" and "UTF-32" without a byte order put their own mark. */
static int marks_itself(const char *enc)
{
	char n[32];
	csv_encoding_norm(enc, n, sizeof(n));
	return !strcmp(n, "UTF16") || !strcmp(n, "UTF32");
}

int export_write(struct session *s, const char *kind, FILE *fp, const struct export_opts *o,
                 long *rows)
{
	const struct export_kind *k = kind_find(kind);
	struct csv_out w;
	int rc = OK;
	*rows = 0;
	if (!k)
		return error_set(ERR_INVALID, _("'%s' is not a kind of export (%s)"), kind,
		                 export_kinds());
	memset(&w, 0, sizeof(w));
	w.fp = fp;
	w.delim = o->delimiter ? o->delimiter : ',';
	w.encoding = o->encoding && *o->encoding ? o->encoding : "UTF-8";
	w.cd = (iconv_t)-1;
	if (o->encoding && *o->encoding && (rc = csv_iconv_open(o->encoding, 0, &w.cd)))
		return rc;
	if (o->bom && !marks_itself(w.encoding)) {
		sb_puts(&w.line, "\xef\xbb\xbf");
		rc = emit(&w, 0);
	}
	if (rc == OK)
		rc = k->run(s, &w, o, k->spec);
	if (rc == OK && w.cd != (iconv_t)-1) {
		char out[64], *op = out;
		size_t ol = sizeof(out);
		iconv(w.cd, NULL, NULL, &op, &ol);
		fwrite(out, 1, (size_t)(op - out), fp);
	}
	if (rc == OK && (fflush(fp) != 0 || ferror(fp)))
		rc = error_set(ERR_IO, _("writing the export: %s"), strerror(errno));
	*rows = w.rows;
	if (w.cd != (iconv_t)-1)
		iconv_close(w.cd);
	sb_free(&w.line);
	sb_free(&w.conv);
	sb_free(&w.guarded);
	free(w.quoted);
	return rc;
}
