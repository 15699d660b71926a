/* The CSV reader: raw bytes -> iconv -> UTF-8 text -> one physical line at a time
 * into libcsv, so that each record knows the line it starts on even when quoted
 * fields hold line breaks. */
#include "csv_read.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>

/* Bytes that never occur in UTF-8 stand in the decoded text for what could not
 * be decoded, so the problem is reported where libcsv puts it: in a field. */
#define MARK_INVALID '\xff'
#define MARK_NUL     '\xfe'
/* The first line decides the delimiter; a first line longer than this is
 * sniffed on what there is. */
#define SNIFF_MAX 65536

struct csv_reader {
	struct csv_read_opts o;
	iconv_t cd;
	char encoding[64];
	int unit; /* bytes skipped after an invalid sequence */
	int started;
	struct strbuf raw;     /* bytes not decoded yet: look-ahead, partial sequences */
	struct strbuf pending; /* text before the delimiter is known */
	char delim;
	struct csv_parser csv;
	int csv_ready;
	long line; /* physical line at the current position */
	int last_cr;
	int need_start;
	long rec_line; /* where the record starts: every problem in it is placed there */
	int skip_line; /* after a parse error: drop the rest of the physical line */
	struct strbuf fields;
	size_t *offs, nfields, cap;
	const char **ptrs;
	int bad;
	int nul_seen;
	int stop;
	long problems;
};

void csv_encoding_norm(const char *in, char *out, size_t n)
{
	size_t k = 0;
	for (; *in && k + 1 < n; in++)
		if (isalnum((unsigned char)*in))
			out[k++] = (char)toupper((unsigned char)*in);
	out[k] = '\0';
}

static int enc_unit(const char *enc)
{
	char n[64];
	csv_encoding_norm(enc, n, sizeof(n));
	if (str_has_prefix(n, "UTF16") || str_has_prefix(n, "UCS2") || !strcmp(n, "UNICODE"))
		return 2;
	if (str_has_prefix(n, "UTF32") || str_has_prefix(n, "UCS4"))
		return 4;
	return 1;
}

int csv_iconv_open(const char *encoding, int to_utf8, iconv_t *cd)
{
	*cd = to_utf8 ? iconv_open("UTF-8", encoding) : iconv_open(encoding, "UTF-8");
	if (*cd == (iconv_t)-1)
		return error_set(ERR_INVALID,
		                 _("--encoding: iconv does not know '%s' (try UTF-8, WINDOWS-1252, "
		                   "ISO-8859-1, ISO-8859-15, UTF-16LE or UTF-16BE)"),
		                 encoding);
	return OK;
}

int csv_delimiter_parse(const char *s, char *out)
{
	static const struct {
		const char *name;
		char c;
	} names[] = {{"comma", ','}, {"semicolon", ';'}, {"tab", '\t'}, {"\\t", '\t'}};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (str_ieq(s, names[i].name)) {
			*out = names[i].c;
			return OK;
		}
	}
	if (strlen(s) == 1 && (ispunct((unsigned char)*s) || *s == '\t') && *s != '"') {
		*out = *s;
		return OK;
	}
	return error_set(ERR_INVALID,
	                 _("--delimiter: '%s' is not comma, semicolon, tab or one punctuation "
	                   "character"),
	                 s);
}

static void problem(struct csv_reader *r, long line, size_t col, const char *msg)
{
	r->problems++;
	r->bad = 1;
	if (r->o.problem)
		r->o.problem(r->o.ctx, line, col, msg);
}

static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;
	const char *p = s;
	if (r->stop)
		return;
	if (len && memchr(p, MARK_INVALID, len)) {
		char msg[256];
		snprintf(msg, sizeof(msg),
		         _("has bytes that are not valid %s: give the file's encoding with "
		           "--encoding (such as WINDOWS-1252)"),
		         r->encoding);
		problem(r, r->rec_line, r->nfields + 1, msg);
	} else if (len && memchr(p, MARK_NUL, len)) {
		/* UTF-16 read as UTF-8 has them everywhere: say it once */
		if (!r->nul_seen)
			problem(r, r->rec_line, r->nfields + 1,
			        _("has a NUL byte: is the file UTF-16? Say so with --encoding "
			          "UTF-16LE"));
		r->nul_seen = r->bad = 1;
	}
	if (r->nfields == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->offs = xrealloc(r->offs, r->cap * sizeof(*r->offs));
		r->ptrs = xrealloc(r->ptrs, r->cap * sizeof(*r->ptrs));
	}
	r->offs[r->nfields++] = r->fields.len;
	sb_add(&r->fields, len ? p : "", len);
	sb_putc(&r->fields, '\0');
}

static void end_record(struct csv_reader *r)
{
	r->nfields = 0;
	sb_reset(&r->fields);
	r->need_start = 1;
	r->bad = 0;
}

static void on_record(int c, void *data)
{
	struct csv_reader *r = data;
	(void)c;
	if (!r->stop && r->nfields) {
		for (size_t i = 0; i < r->nfields; i++)
			r->ptrs[i] = r->fields.buf + r->offs[i];
		struct csv_row row = {r->rec_line, r->nfields, r->ptrs, r->bad};
		r->stop = r->o.row ? r->o.row(r->o.ctx, &row) : OK;
	}
	end_record(r);
}

static void parser_init(struct csv_reader *r)
{
	if (r->csv_ready)
		csv_free(&r->csv);
	/* strict: a stray quote is an error naming its line, where the lenient mode
	 * would swallow the rest of the file into one field */
	csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&r->csv, (unsigned char)r->delim);
	r->csv_ready = 1;
}

static int is_blank(const struct csv_reader *r, char c)
{
	return c == '\r' || c == '\n' || c == ' ' || (c == '\t' && r->delim != '\t');
}

/* Past a segment: a CR LF pair is one line break, whatever the pieces. */
static void count_break(struct csv_reader *r, const char *s, size_t len, int has_break)
{
	if (len > (size_t)has_break)
		r->last_cr = 0;
	if (!has_break)
		return;
	if (s[len - 1] == '\r' || !r->last_cr)
		r->line++;
	r->last_cr = s[len - 1] == '\r';
}

/* One physical line, or the start of one when more is to come. */
static void segment(struct csv_reader *r, const char *s, size_t len, int has_break)
{
	if (r->skip_line) {
		count_break(r, s, len, has_break);
		r->skip_line = !has_break;
		return;
	}
	if (r->need_start) {
		for (size_t i = 0; i < len; i++) {
			if (!is_blank(r, s[i])) {
				r->rec_line = r->line;
				r->need_start = 0;
				break;
			}
		}
	}
	size_t done = csv_parse(&r->csv, s, len, on_field, on_record, r);
	if (done < len && !r->stop) {
		if (csv_error(&r->csv) != CSV_EPARSE) {
			r->stop = error_set(ERR_IO, _("reading CSV: %s"),
			                    csv_strerror(csv_error(&r->csv)));
			return;
		}
		problem(r, r->rec_line, r->nfields + 1,
		        _("a quote inside a field that does not start with one, or text after a "
		          "closing quote: quote the whole field and double the quotes inside"));
		parser_init(r);
		end_record(r);
		r->skip_line = !has_break;
	}
	count_break(r, s, len, has_break);
}

static void segments(struct csv_reader *r, const char *p, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n && !r->stop; i++) {
		if (p[i] == '\r' || p[i] == '\n') {
			segment(r, p + start, i + 1 - start, 1);
			start = i + 1;
		}
	}
	if (start < n && !r->stop)
		segment(r, p + start, n - start, 0);
}

/* The delimiter most used in the first line outside quotes; 1 when that line
 * is complete (or long enough to decide). */
static int sniff(const char *p, size_t n, int at_end, char *delim)
{
	static const char cands[] = {',', ';', '\t'};
	size_t count[3] = {0, 0, 0}, i = 0;
	int quoted = 0, done = at_end || n >= SNIFF_MAX;
	while (i < n && (p[i] == '\r' || p[i] == '\n' || p[i] == ' '))
		i++;
	for (; i < n; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && (p[i] == '\r' || p[i] == '\n')) {
			done = 1;
			break;
		}
		for (int k = 0; k < 3; k++)
			if (!quoted && p[i] == cands[k])
				count[k]++;
	}
	/* ties go to the earlier candidate: comma, then semicolon */
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	*delim = cands[best];
	return done;
}

static void text(struct csv_reader *r, char *p, size_t n, int at_end)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\0')
			p[i] = MARK_NUL;
	if (r->delim) {
		segments(r, p, n);
		return;
	}
	char delim;
	sb_add(&r->pending, n ? p : "", n);
	if (!sniff(sb_str(&r->pending), r->pending.len, at_end, &delim))
		return;
	r->delim = delim;
	parser_init(r);
	segments(r, r->pending.buf, r->pending.len);
	sb_free(&r->pending);
}

static void text_mark(struct csv_reader *r)
{
	char m = MARK_INVALID;
	text(r, &m, 1, 0);
}

/* Decode what raw holds; at the end an incomplete sequence is invalid too. */
static void decode(struct csv_reader *r, int at_end)
{
	char out[65536];
	char *in = r->raw.buf;
	size_t left = r->raw.len;
	while (left > 0 && !r->stop) {
		char *op = out;
		size_t ol = sizeof(out);
		int err = iconv(r->cd, &in, &left, &op, &ol) == (size_t)-1 ? errno : 0;
		text(r, out, (size_t)(op - out), 0);
		if (!err || err == E2BIG)
			continue;
		if (err == EINVAL && !at_end)
			break;
		if (err == EILSEQ || err == EINVAL) {
			size_t skip = left < (size_t)r->unit ? left : (size_t)r->unit;
			text_mark(r);
			in += skip;
			left -= skip;
			continue;
		}
		r->stop = error_set(ERR_IO, _("decoding %s: %s"), r->encoding, strerror(err));
	}
	if (left)
		memmove(r->raw.buf, in, left);
	r->raw.len = left;
}

/* The byte order mark, if any, decides the encoding; one given must agree. */
static int start(struct csv_reader *r)
{
	const unsigned char *b = (const unsigned char *)r->raw.buf;
	size_t n = r->raw.len, bomlen = 0;
	const char *bom = NULL, *enc = r->o.encoding;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		bom = "UTF-8", bomlen = 3;
	else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		bom = "UTF-16LE", bomlen = 2;
	else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		bom = "UTF-16BE", bomlen = 2;
	r->started = 1;
	if (enc && *enc && bom) {
		char a[64], c[64];
		csv_encoding_norm(enc, a, sizeof(a));
		csv_encoding_norm(bom, c, sizeof(c));
		if (!strcmp(a, "UTF16") && bomlen == 2)
			bomlen = 0; /* iconv reads the mark to learn the byte order */
		else if (strcmp(a, c) != 0)
			return error_set(
			    ERR_INVALID,
			    _("the file starts with a %s byte order mark, but --encoding "
			      "says %s"),
			    bom, enc);
	} else if (!enc || !*enc) {
		enc = bom ? bom : "UTF-8";
	}
	strlcpy_(r->encoding, enc, sizeof(r->encoding));
	r->unit = enc_unit(enc);
	if (bomlen) {
		memmove(r->raw.buf, r->raw.buf + bomlen, n - bomlen);
		r->raw.len -= bomlen;
	}
	return csv_iconv_open(enc, 1, &r->cd);
}

int csv_reader_new(const struct csv_read_opts *o, struct csv_reader **out)
{
	struct csv_reader *r;
	if (o->encoding && *o->encoding) {
		iconv_t cd;
		int rc = csv_iconv_open(o->encoding, 1, &cd);
		if (rc)
			return rc;
		iconv_close(cd);
	}
	r = xcalloc(1, sizeof(*r));
	r->o = *o;
	r->cd = (iconv_t)-1;
	r->line = 1;
	r->need_start = 1;
	r->delim = o->delimiter;
	if (r->delim)
		parser_init(r);
	*out = r;
	return OK;
}

int csv_reader_feed(struct csv_reader *r, const void *data, size_t n)
{
	if (r->stop)
		return r->stop;
	sb_add(&r->raw, n ? data : "", n);
	if (!r->started) {
		if (r->raw.len < 3)
			return OK;
		if ((r->stop = start(r)))
			return r->stop;
	}
	decode(r, 0);
	return r->stop;
}

int csv_reader_finish(struct csv_reader *r)
{
	if (!r->stop && !r->started)
		r->stop = start(r);
	if (r->stop)
		return r->stop;
	decode(r, 1);
	if (!r->stop) {
		char out[64], *op = out;
		size_t ol = sizeof(out);
		iconv(r->cd, NULL, NULL, &op, &ol);
		text(r, out, (size_t)(op - out), 1);
	}
	if (!r->stop && !r->delim)
		text(r, NULL, 0, 1);
	if (r->stop || !r->csv_ready)
		return r->stop;
	if (r->skip_line) {
		end_record(r);
		return r->stop;
	}
	if (csv_fini(&r->csv, on_field, on_record, r) != 0 && !r->stop) {
		problem(
		    r, r->rec_line, r->nfields + 1,
		    _("unterminated quote: the field's quoted text runs to the end of the file"));
		end_record(r);
	}
	return r->stop;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->csv_ready)
		csv_free(&r->csv);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	sb_free(&r->raw);
	sb_free(&r->pending);
	sb_free(&r->fields);
	free(r->offs);
	free(r->ptrs);
	free(r);
}

char csv_reader_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

const char *csv_reader_encoding(const struct csv_reader *r)
{
	return r->encoding[0] ? r->encoding : "UTF-8";
}

long csv_reader_problems(const struct csv_reader *r)
{
	return r->problems;
}

int csv_read_mem(const struct csv_read_opts *o, const void *data, size_t n)
{
	struct csv_reader *r;
	int rc = csv_reader_new(o, &r);
	if (rc)
		return rc;
	rc = csv_reader_feed(r, data, n);
	if (rc == OK)
		rc = csv_reader_finish(r);
	csv_reader_free(r);
	return rc;
}

/* ---- formula guard ---- */

/* The characters that make a spreadsheet read a cell as a formula (OWASP's list). */
static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* "-2.5" and "+3" are numbers to a spreadsheet, not formulas. */
static int plain_number(const char *v)
{
	const char *p = v + (*v == '+' || *v == '-');
	size_t digits = 0;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.' || *p == ',')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	return digits > 0 && !*p;
}

int csv_guard_needed(const char *v)
{
	const char *p = v;
	while (*p == '\'')
		p++;
	return formula_start(*p) && !(p == v && plain_number(v));
}

const char *csv_unguard(const char *v)
{
	const char *p = v;
	while (*p == '\'')
		p++;
	return p > v && formula_start(*p) ? v + 1 : v;
}
