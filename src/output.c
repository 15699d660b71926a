/* Table, CSV (quoted by libcsv), TSV and JSON writers. */
#include "output.h"
#include "error.h"
#include "i18n.h"
#include "textwidth.h"

#include <csv.h>
#include <string.h>

int out_format_parse(const char *s, enum out_format *fmt)
{
	static const char *const names[] = {"table", "csv", "tsv", "json"};
	for (int i = 0; i < 4; i++) {
		if (!strcmp(s, names[i])) {
			*fmt = (enum out_format)i;
			return OK;
		}
	}
	return error_set(ERR_INVALID, _("--format: '%s' is not table, csv, tsv or json"), s);
}

void json_write_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

static void table_cell(struct out *o, int i, const char *v)
{
	char buf[512];
	const struct out_col *c = &o->cols[i];
	int last = i == o->ncols - 1;
	if (c->right) {
		int w = text_width(v);
		for (int k = w; k < c->width; k++)
			fputc(' ', o->fp);
		text_fit(v, c->width, 0, buf, sizeof(buf));
	} else {
		text_fit(v, c->width, !last, buf, sizeof(buf));
	}
	fputs(buf, o->fp);
	fputs(last ? "\n" : "  ", o->fp);
}

/* Quote a CSV field only when it needs it, as spreadsheets write them. */
static void csv_cell(FILE *fp, const char *v)
{
	size_t n = strlen(v);
	if (strpbrk(v, ",\"\r\n;\t") || (n && (v[0] == ' ' || v[n - 1] == ' ')))
		csv_fwrite(fp, v, n);
	else
		fputs(v, fp);
}

static void tsv_cell(FILE *fp, const char *v)
{
	for (; *v; v++)
		fputc(*v == '\t' || *v == '\n' || *v == '\r' ? ' ' : *v, fp);
}

void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int n)
{
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = n;
	o->rows = 0;
	for (int i = 0; i < n; i++) {
		switch (fmt) {
		case OUT_TABLE:
			table_cell(o, i, _(cols[i].title));
			break;
		case OUT_CSV:
			csv_cell(fp, cols[i].name);
			fputs(i == n - 1 ? "\r\n" : ",", fp);
			break;
		case OUT_TSV:
			fputs(cols[i].name, fp);
			fputs(i == n - 1 ? "\n" : "\t", fp);
			break;
		case OUT_JSON:
			break;
		}
	}
}

void out_row(struct out *o, const char *const *v)
{
	if (o->fmt == OUT_JSON)
		fputs(o->rows ? ",\n{" : "[\n{", o->fp);
	for (int i = 0; i < o->ncols; i++) {
		const char *val = v[i] ? v[i] : "";
		switch (o->fmt) {
		case OUT_TABLE:
			table_cell(o, i, val);
			break;
		case OUT_CSV:
			csv_cell(o->fp, val);
			fputs(i == o->ncols - 1 ? "\r\n" : ",", o->fp);
			break;
		case OUT_TSV:
			tsv_cell(o->fp, val);
			fputs(i == o->ncols - 1 ? "\n" : "\t", o->fp);
			break;
		case OUT_JSON:
			if (i)
				fputc(',', o->fp);
			json_write_string(o->fp, o->cols[i].name);
			fputc(':', o->fp);
			if (o->cols[i].right && *val)
				fputs(val, o->fp);
			else
				json_write_string(o->fp, val);
			break;
		}
	}
	if (o->fmt == OUT_JSON)
		fputc('}', o->fp);
	o->rows++;
}

void out_end(struct out *o)
{
	if (o->fmt == OUT_JSON)
		fputs(o->rows ? "\n]\n" : "[]\n", o->fp);
}
