/* lotline doc ...: documents; lotline qc ...: test results; lotline coa LOT. */
#include "clock.h"
#include "cmd.h"
#include "db/lots.h"
#include "documents.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "settings.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct out_col doc_cols[] = {
    {"document", N_("Document"), 18, 0},
    {"record", N_("Record"), 18, 0},
    {"kind", N_("Kind"), 8, 0},
    {"name", N_("Name"), 22, 0},
    {"status", N_("Status"), 9, 0},
    {"reviewer", N_("Reviewer"), 8, 0},
    {"reviewed_by", N_("Reviewed by"), 8, 0},
    {"size", N_("Size"), 8, 1},
    {"uploaded", N_("Uploaded"), 16, 0},
    {"uploaded_by", N_("By"), 8, 0},
    {"note", N_("Note"), 20, 0},
};

static int doc_row(void *ctx, const struct document *d)
{
	char size[24], up[20];
	snprintf(size, sizeof(size), "%lld", (long long)d->size);
	time_format_short(hlc_wall_ms(d->uploaded_hlc), up);
	const char *v[11] = {d->code,   d->record,      d->kind,        d->name,
	                     d->status, d->reviewer,    d->reviewed_by, size,
	                     up,        d->uploaded_by, d->note};
	out_row(ctx, v);
	return 0;
}

static const struct out_col queue_cols[] = {
    {"lot", N_("Lot"), 18, 0},
    {"item", N_("Item"), 12, 0},
    {"supplier", N_("Supplier"), 10, 0},
    {"received", N_("Received"), 10, 0},
    {"coa", N_("COA"), 9, 0},
    {"document", N_("Document"), 18, 0},
    {"status", N_("Doc status"), 10, 0},
    {"reviewer", N_("Reviewer"), 8, 0},
};

static int queue_row(void *ctx, const struct coa_row *r)
{
	const char *v[8] = {r->lot,     r->item,     r->supplier,   r->received,
	                    r->lot_coa, r->doc.code, r->doc.status, r->doc.reviewer};
	out_row(ctx, v);
	return 0;
}

static void coa_filter_from(const struct args *a, struct coa_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->supplier = arg(a, "supplier");
	f->item = arg(a, "item");
	f->location = arg(a, "location");
	f->received_from = arg(a, "from");
	f->received_to = arg(a, "to");
}

static int open_doc(struct session *s, const char *code)
{
	char viewer[256], path[] = "/tmp/lotline-doc-XXXXXX";
	struct document d;
	int rc, fd;
	setting_get(s, SETTING_DOC_VIEWER, viewer, sizeof(viewer));
	if (!viewer[0])
		return error_set(ERR_INVALID,
		                 _("no document viewer: set doc_viewer (e.g. xdg-open)"));
	if ((rc = db_document_get(s->store, code, &d)))
		return rc;
	if ((fd = mkstemp(path)) < 0)
		return error_set(ERR_IO, _("cannot make a temporary file"));
	close(fd);
	if ((rc = doc_get(s, code, path)))
		return rc;
	/* the viewer gets the path as its last argument, quoted for the shell */
	char *cmd = xasprintf("%s '%s'", viewer, path);
	int status = system(cmd);
	free(cmd);
	if (status != 0)
		return error_set(ERR_IO, _("the viewer '%s' failed (status %d)"), viewer, status);
	return OK;
}

static int exec_doc(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	enum doc_action act;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (!strcmp(verb, "attach")) {
		char code[LOT_MAX + 1];
		if (a->npos != 3)
			return error_set(ERR_INVALID,
			                 _("usage: lotline doc attach RECORD FILE --kind KIND"));
		if ((rc = doc_attach(s, a->pos[1], a->pos[2], arg(a, "kind"), arg(a, "name"),
		                     code)) == OK)
			printf("%s\n", code);
		return rc;
	}
	if (!strcmp(verb, "get")) {
		if (a->npos != 3)
			return error_set(ERR_INVALID, _("usage: lotline doc get DOCUMENT FILE"));
		return doc_get(s, a->pos[1], a->pos[2]);
	}
	if (!strcmp(verb, "open")) {
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline doc open DOCUMENT"));
		return open_doc(s, a->pos[1]);
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		char kind[16] = "", code[LOT_MAX + 1];
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline doc list RECORD"));
		const char *colon = strchr(a->pos[1], ':');
		strlcpy_(kind, colon ? a->pos[1] : "lot",
		         colon ? (size_t)(colon - a->pos[1] + 1) : 4);
		strlcpy_(code, colon ? colon + 1 : a->pos[1], sizeof(code));
		out_begin(&o, stdout, fmt, doc_cols, (int)ARRAY_SIZE(doc_cols));
		rc = db_documents_each(s->store, kind, code, doc_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "show")) {
		struct document d;
		struct out o;
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline doc show DOCUMENT"));
		if ((rc = db_document_get(s->store, a->pos[1], &d)))
			return rc;
		out_begin(&o, stdout, fmt, doc_cols, (int)ARRAY_SIZE(doc_cols));
		doc_row(&o, &d);
		out_end(&o);
		return OK;
	}
	if (!strcmp(verb, "queue")) {
		struct coa_filter f;
		struct out o;
		coa_filter_from(a, &f);
		f.queue = 1;
		/* --status rejected: the documents to redo, as Today counts them */
		f.doc_status = arg(a, "status");
		out_begin(&o, stdout, fmt, queue_cols, (int)ARRAY_SIZE(queue_cols));
		rc = db_coa_each(s->store, &f, queue_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "export")) {
		struct coa_filter f;
		int files = 0, rows = 0;
		if (!flag(a, "coa") || a->npos != 2)
			return error_set(ERR_INVALID,
			                 _("usage: lotline doc export --coa [filters] DIR"));
		coa_filter_from(a, &f);
		if ((rc = doc_export_coa(s, &f, a->pos[1], &files, &rows)) == OK)
			printf(_("%d files and an index of %d rows in %s\n"), files, rows,
			       a->pos[1]);
		return rc;
	}
	if (doc_action_parse(verb, &act) == OK) {
		const char *text = act == DOC_REJECT   ? arg(a, "reason")
		                   : act == DOC_ASSIGN ? arg(a, "reviewer")
		                                       : arg(a, "note");
		if (a->npos < 2)
			return error_set(ERR_INVALID, _("usage: lotline doc %s DOCUMENT..."), verb);
		if ((rc = doc_change(s, act, a->pos + 1, a->npos - 1, text)) == OK)
			printf(ngettext("%d document %s\n", "%d documents %s\n",
			                (unsigned long)(a->npos - 1)),
			       a->npos - 1, verb);
		return rc;
	}
	return error_set(ERR_INVALID,
	                 _("lotline doc: '%s' is not one of attach get open list show "
	                   "queue export review link reject retire restore assign"),
	                 verb);
}

static const struct opt doc_opts[] = {
    {"kind", N_("KIND"), N_("attach: coa, batch, supplier, audit or other")},
    {"name", N_("NAME"), N_("attach: the document's name (else the file's)")},
    {"note", N_("TEXT"), N_("review: the reviewer's note (required)")},
    {"reason", N_("TEXT"), N_("reject: why (required)")},
    {"reviewer", N_("USER"), N_("assign: the qa user who reviews")},
    {"coa", NULL, N_("export: the lots' certificates of analysis")},
    {"supplier", N_("CODE"), N_("queue, export: only this supplier's lots")},
    {"item", N_("CODE"), N_("queue, export: only this item")},
    {"location", N_("CODE"), N_("queue, export: only this location")},
    {"from", N_("DATE"), N_("queue, export: received on or after")},
    {"to", N_("DATE"), N_("queue, export: received on or before")},
    {"status", N_("STATUS"), N_("queue: documents with this status instead (e.g. rejected)")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_doc = {
    .name = "doc",
    .usage = N_("attach RECORD FILE --kind KIND | get DOC FILE | open DOC | list RECORD | "
                "show DOC | queue | export --coa DIR | review|link|reject|retire|restore|assign "
                "DOC..."),
    .summary = N_("documents on lots, runs and suppliers, and the COA queue"),
    .opts = doc_opts,
    .min_pos = 1,
    .max_pos = POS_MAX,
    .exec = exec_doc,
};

static const struct out_col qc_cols[] = {
    {"parameter", N_("Parameter"), 20, 0},
    {"specification", N_("Specification"), 18, 0},
    {"result", N_("Result"), 14, 0},
    {"verdict", N_("Verdict"), 7, 0},
    {"user", N_("By"), 8, 0},
    {"time", N_("When"), 16, 0},
};

static int qc_row(void *ctx, const struct quality_result *q)
{
	char t[20];
	time_format_short(hlc_wall_ms(q->hlc), t);
	const char *v[6] = {
	    q->parameter, q->specification, q->result, q->pass ? "pass" : "fail", q->user, t};
	out_row(ctx, v);
	return 0;
}

static int exec_qc(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (a->npos != 2)
		return error_set(ERR_INVALID, _("usage: lotline qc add|list LOT"));
	if (!strcmp(verb, "add")) {
		if (flag(a, "pass") == flag(a, "fail"))
			return error_set(ERR_INVALID, _("verdict: give --pass or --fail"));
		if ((rc = qc_add(s, a->pos[1], arg(a, "parameter"), arg(a, "spec"),
		                 arg(a, "result"), flag(a, "pass"))) == OK)
			printf(_("result recorded for %s\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct lot l;
		struct out o;
		if ((rc = db_lot_get(s->store, a->pos[1], &l)))
			return rc;
		out_begin(&o, stdout, fmt, qc_cols, (int)ARRAY_SIZE(qc_cols));
		rc = db_quality_each(s->store, l.id, qc_row, &o);
		out_end(&o);
		return rc;
	}
	return error_set(ERR_INVALID, _("lotline qc: '%s' is not add or list"), verb);
}

static const struct opt qc_opts[] = {
    {"parameter", N_("NAME"), N_("what was tested, e.g. moisture")},
    {"spec", N_("TEXT"), N_("the specification, e.g. <= 14%")},
    {"result", N_("TEXT"), N_("the result, e.g. 12.1%")},
    {"pass", NULL, N_("the result meets the specification")},
    {"fail", NULL, N_("the result does not")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_qc = {
    .name = "qc",
    .usage = N_("add LOT --parameter P --spec S --result R --pass|--fail | list LOT"),
    .summary = N_("quality test results per lot"),
    .opts = qc_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_qc,
};

static int exec_coa(struct session *s, const struct args *a)
{
	struct strbuf out = STRBUF_INIT;
	const char *f = arg(a, "format") ? arg(a, "format") : "text";
	if (strcmp(f, "text") && strcmp(f, "html"))
		return error_set(ERR_INVALID, _("--format: '%s' is not text or html"), f);
	int rc = coa_render(s, a->pos[0], !strcmp(f, "html"), &out);
	if (rc == OK)
		fputs(sb_str(&out), stdout);
	sb_free(&out);
	return rc;
}

static const struct opt coa_opts[] = {
    {"format", N_("FORMAT"), N_("text or html (ready to print as PDF)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_coa = {
    .name = "coa",
    .usage = N_("LOT [--format text|html]"),
    .summary = N_("a certificate of analysis from a lot's test results"),
    .opts = coa_opts,
    .min_pos = 1,
    .max_pos = 1,
    .exec = exec_coa,
};
