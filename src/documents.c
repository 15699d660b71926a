/* Document and QA services. */
#include "documents.h"
#include "clock.h"
#include "db/lots.h"
#include "db/master.h"
#include "db/production.h"
#include "error.h"
#include "i18n.h"
#include "journal.h"
#include "ledger.h"
#include "settings.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define DOC_CODE_PATTERN "DOC-{YYMMDD}-{SITE}{NNN}"

static const char *mime_of(const unsigned char *p, int64_t n, const char *name)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *mime;
	} magic[] = {
	    {"%PDF-", 5, "application/pdf"},      {"\x89PNG\r\n\x1a\n", 8, "image/png"},
	    {"\xff\xd8\xff", 3, "image/jpeg"},    {"II*\0", 4, "image/tiff"},
	    {"MM\0*", 4, "image/tiff"},           {"GIF8", 4, "image/gif"},
	    {"PK\x03\x04", 4, "application/zip"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(magic); i++)
		if ((size_t)n >= magic[i].len && !memcmp(p, magic[i].magic, magic[i].len))
			return magic[i].mime;
	const char *dot = strrchr(name, '.');
	if (dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".csv")))
		return "text/plain";
	return "application/octet-stream";
}

static int resolve_record(struct session *s, const char *record, char kind[16],
                          char code[LOT_MAX + 1])
{
	static const char *const kinds[] = {"lot", "run", "supplier", "export"};
	struct lot l;
	struct run r;
	struct party p;
	const char *colon = strchr(record, ':');
	if (colon) {
		size_t n = (size_t)(colon - record);
		for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
			if (strlen(kinds[i]) == n && !strncmp(record, kinds[i], n))
				strlcpy_(kind, kinds[i], 16);
		if (!kind[0])
			return error_set(ERR_INVALID,
			                 _("record: '%.*s' is not lot, run, supplier or "
			                   "export"),
			                 (int)n, record);
		record = colon + 1;
	}
	if (!*record || strlen(record) > LOT_MAX)
		return error_set(ERR_INVALID, _("record: required"));
	strlcpy_(code, record, LOT_MAX + 1);
	if ((!kind[0] || !strcmp(kind, "lot")) && db_lot_get(s->store, record, &l) == OK)
		return strlcpy_(kind, "lot", 16), OK;
	if ((!kind[0] || !strcmp(kind, "run")) && db_run_get(s->store, record, &r) == OK)
		return strlcpy_(kind, "run", 16), OK;
	if ((!kind[0] || !strcmp(kind, "supplier")) &&
	    db_party_get(s->store, PARTY_SUPPLIER, record, &p) == OK)
		return strlcpy_(kind, "supplier", 16), OK;
	if (!strcmp(kind, "export"))
		return OK;
	return error_set(ERR_NOT_FOUND, _("record: no lot, run or supplier '%s'"), record);
}

int doc_attach(struct session *s, const char *record, const char *path, const char *kind,
               const char *name, char code_out[LOT_MAX + 1])
{
	struct fields f = FIELDS_INIT;
	struct stat st;
	unsigned char *data = NULL, hash[32];
	char hex[65], rkind[16] = "", rcode[LOT_MAX + 1], code[LOT_MAX + 1];
	FILE *fp = NULL;
	int64_t max_mb = 0;
	int rc = session_require(s, PERM_DOCS);
	if (rc || (rc = session_begin(s)))
		return rc;
	if (!kind || (strcmp(kind, "coa") && strcmp(kind, "batch") && strcmp(kind, "supplier") &&
	              strcmp(kind, "audit") && strcmp(kind, "other"))) {
		rc = error_set(ERR_INVALID,
		               _("kind: '%s' is not coa, batch, supplier, audit or other"),
		               kind ? kind : "");
		goto out;
	}
	if ((rc = resolve_record(s, record ? record : "", rkind, rcode)))
		goto out;
	max_mb = setting_int(s, SETTING_DOC_MAX_MB);
	if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = error_set(ERR_IO, _("file: cannot read %s: %s"), path ? path : "",
		               path ? strerror(errno ? errno : EINVAL) : _("no file given"));
		goto out;
	}
	if (st.st_size > max_mb * 1024 * 1024) {
		rc = error_set(ERR_INVALID,
		               _("file: %s is %lld bytes, over the limit of %lld MB "
		                 "(setting doc_max_mb)"),
		               path, (long long)st.st_size, (long long)max_mb);
		goto out;
	}
	data = xmalloc((size_t)st.st_size + 1);
	if (!(fp = fopen(path, "rb")) ||
	    fread(data, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
		rc = error_set(ERR_IO, _("file: cannot read %s"), path);
		goto out;
	}
	crypto_generichash(hash, sizeof(hash), data, (unsigned long long)st.st_size, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	if (!name || !*name) {
		const char *slash = strrchr(path, '/');
		name = slash ? slash + 1 : path;
	}
	if (strlen(name) > TEXT_MAX || strpbrk(name, "/\n\r")) {
		rc = error_set(ERR_INVALID, _("name: '%s' is not a usable file name"), name);
		goto out;
	}
	/* the same file twice is stored once; the document row is still new */
	if ((rc = db_blob_put(s->store, hex, data, st.st_size)))
		goto out;
	if ((rc = ledger_next_code(s, DOC_CODE_PATTERN, clock_today(), code)))
		goto out;
	fields_set(&f, "doc", code);
	fields_set(&f, "record_kind", rkind);
	fields_set(&f, "record", rcode);
	fields_set(&f, "kind", kind);
	fields_set(&f, "name", name);
	fields_set(&f, "mime", mime_of(data, st.st_size, name));
	fields_set_int(&f, "size", st.st_size);
	fields_set(&f, "hash", hex);
	rc = journal_append(s, "doc.attach", &f, NULL);
	if (rc == OK && code_out)
		strlcpy_(code_out, code, LOT_MAX + 1);
out:
	if (fp)
		fclose(fp);
	free(data);
	fields_free(&f);
	return session_end(s, rc);
}

int doc_action_parse(const char *verb, enum doc_action *a)
{
	static const char *const verbs[] = {"review", "link",    "reject",
	                                    "retire", "restore", "assign"};
	for (size_t i = 0; i < ARRAY_SIZE(verbs); i++) {
		if (!strcmp(verb, verbs[i])) {
			*a = (enum doc_action)i;
			return OK;
		}
	}
	return ERR_INVALID;
}

/* The one table of document transitions: which statuses each action accepts,
 * where it leads, and who may do it. */
static const struct {
	const char *from; /* space-separated statuses */
	const char *to;
	unsigned roles;
	const char *what; /* N_() */
} transitions[] = {
    [DOC_REVIEW] = {"uploaded", "reviewed", R(QA), N_("reviewed")},
    [DOC_LINK] = {"reviewed", "linked", R(QA) | R(MANAGER) | R(OWNER), N_("linked")},
    [DOC_REJECT] = {"uploaded reviewed", "rejected", R(QA) | R(MANAGER) | R(OWNER), N_("rejected")},
    [DOC_RETIRE] = {"uploaded reviewed linked rejected", "retired", R(QA) | R(MANAGER) | R(OWNER),
                    N_("retired")},
    [DOC_RESTORE] = {"retired", "uploaded", R(QA) | R(MANAGER) | R(OWNER), N_("restored")},
    [DOC_ASSIGN] = {"uploaded reviewed", NULL, R(QA) | R(MANAGER) | R(OWNER), N_("assigned")},
};

int doc_change(struct session *s, enum doc_action a, const char *const *codes, int n,
               const char *text)
{
	struct fields f = FIELDS_INIT;
	int rc;
	if (!s->user.name[0])
		return session_require(s, PERM_DOCS);
	int role_ok = 0;
	if (!strcmp(s->user.role, "owner"))
		role_ok = (transitions[a].roles & R(OWNER)) != 0;
	else if (!strcmp(s->user.role, "manager"))
		role_ok = (transitions[a].roles & R(MANAGER)) != 0;
	else if (!strcmp(s->user.role, "qa"))
		role_ok = (transitions[a].roles & R(QA)) != 0;
	if (!role_ok)
		return error_set(ERR_DENIED,
		                 a == DOC_REVIEW
		                     ? _("%s (%s) may not review documents: that needs a "
		                         "qa user")
		                     : _("%s (%s) may not change documents: that needs qa, "
		                         "manager or owner"),
		                 s->user.name, s->user.role);
	if (n < 1)
		return error_set(ERR_INVALID, _("document: name at least one"));
	if (a == DOC_REVIEW && (!text || !*text))
		return error_set(ERR_INVALID, _("note: a review needs a note"));
	if (a == DOC_REJECT && (!text || !*text))
		return error_set(ERR_INVALID, _("reason: a rejection needs a reason"));
	if (text && strlen(text) > TEXT_MAX)
		return error_set(ERR_INVALID, _("note: longer than %d characters"), TEXT_MAX);
	if (a == DOC_ASSIGN) {
		struct user u;
		if (!text || db_user_get(s->store, text, &u) != OK)
			return error_set(ERR_NOT_FOUND, _("reviewer: there is no user '%s'"),
			                 text ? text : "");
		if (strcmp(u.role, "qa"))
			return error_set(ERR_INVALID, _("reviewer: %s is %s, not qa"), u.name,
			                 u.role);
	}
	if ((rc = session_begin(s)))
		return rc;
	for (int i = 0; i < n && rc == OK; i++) {
		struct document d;
		if ((rc = db_document_get(s->store, codes[i], &d)))
			break;
		if (!list_has(transitions[a].from, ' ', d.status)) {
			rc = error_set(ERR_CONFLICT,
			               !strcmp(d.status, "retired")
			                   ? _("document %s is retired: restore it first")
			                   : _("document %s is %s: it cannot be %s"),
			               d.code, _(d.status), _(transitions[a].what));
			break;
		}
		fields_set(&f, "doc", d.code);
		if (a == DOC_ASSIGN) {
			fields_set(&f, "reviewer", text);
			rc = journal_append(s, "doc.assign", &f, NULL);
		} else {
			fields_set(&f, "status", transitions[a].to);
			fields_set(&f, "note", text ? text : "");
			rc = journal_append(s, "doc.status", &f, NULL);
		}
		fields_free(&f);
	}
	fields_free(&f);
	return session_end(s, rc);
}

static int write_file(const char *path, const void *data, int64_t size)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return error_set(ERR_IO, _("cannot write %s: %s"), path, strerror(errno));
	size_t w = fwrite(data, 1, (size_t)size, fp);
	if (fclose(fp) != 0 || w != (size_t)size)
		return error_set(ERR_IO, _("cannot write %s"), path);
	return OK;
}

int doc_get(struct session *s, const char *code, const char *path)
{
	struct document d;
	void *data;
	int64_t size;
	int rc;
	if ((rc = db_document_get(s->store, code, &d)) ||
	    (rc = db_blob_get(s->store, d.hash, &data, &size)))
		return rc;
	rc = write_file(path, data, size);
	free(data);
	return rc;
}

struct export_ctx {
	struct session *s;
	const char *dir;
	FILE *index;
	int files, rows, rc;
};

static void csv_field(FILE *fp, const char *v, int last)
{
	if (strpbrk(v, ",\"\r\n")) {
		fputc('"', fp);
		for (; *v; v++) {
			if (*v == '"')
				fputc('"', fp);
			fputc(*v, fp);
		}
		fputc('"', fp);
	} else {
		fputs(v, fp);
	}
	fputs(last ? "\r\n" : ",", fp);
}

static int export_row(void *ctx, const struct coa_row *r)
{
	struct export_ctx *c = ctx;
	char file[LOT_MAX + TEXT_MAX + 16] = "", up[32] = "", ch[32] = "";
	if (r->doc.code[0] && strcmp(r->doc.status, "retired")) {
		void *data;
		int64_t size;
		char *path;
		snprintf(file, sizeof(file), "files/%s-%s", r->doc.code, r->doc.name);
		path = xasprintf("%s/%s", c->dir, file);
		if ((c->rc = db_blob_get(c->s->store, r->doc.hash, &data, &size)) == OK) {
			c->rc = write_file(path, data, size);
			free(data);
		}
		free(path);
		if (c->rc)
			return 1;
		c->files++;
		time_format_iso(hlc_wall_ms(r->doc.uploaded_hlc), up);
		time_format_iso(hlc_wall_ms(r->doc.changed_hlc), ch);
	}
	const char *v[] = {r->lot,
	                   r->item,
	                   r->supplier,
	                   r->received,
	                   r->lot_coa,
	                   r->doc.code,
	                   r->doc.name,
	                   file,
	                   r->doc.status,
	                   r->doc.reviewer,
	                   r->doc.reviewed_by,
	                   up,
	                   ch,
	                   r->doc.hash};
	for (size_t i = 0; i < ARRAY_SIZE(v); i++)
		csv_field(c->index, v[i], i == ARRAY_SIZE(v) - 1);
	c->rows++;
	return 0;
}

int doc_export_coa(struct session *s, const struct coa_filter *f, const char *dir, int *files,
                   int *rows)
{
	struct export_ctx c = {s, dir, NULL, 0, 0, OK};
	char *sub = xasprintf("%s/files", dir), *index = xasprintf("%s/index.csv", dir);
	int rc = OK;
	if ((mkdir(dir, 0755) != 0 && errno != EEXIST) ||
	    (mkdir(sub, 0755) != 0 && errno != EEXIST)) {
		rc = error_set(ERR_IO, _("cannot make %s: %s"), sub, strerror(errno));
		goto out;
	}
	if (!(c.index = fopen(index, "wb"))) {
		rc = error_set(ERR_IO, _("cannot write %s: %s"), index, strerror(errno));
		goto out;
	}
	fputs("lot,item,supplier,received,lot_coa,document,name,file,status,reviewer,reviewed_by,"
	      "uploaded,changed,sha\r\n",
	      c.index);
	rc = db_coa_each(s->store, f, export_row, &c);
	if (rc == 1)
		rc = c.rc;
	if (fclose(c.index) != 0 && rc == OK)
		rc = error_set(ERR_IO, _("cannot write %s"), index);
	*files = c.files;
	*rows = c.rows;
out:
	free(sub);
	free(index);
	return rc;
}

int qc_add_in_tx(struct session *s, const char *lot, const char *parameter, const char *spec,
                 const char *result, int pass)
{
	struct lot l;
	struct fields f = FIELDS_INIT;
	int rc = session_require(s, PERM_QUALITY);
	if (rc)
		return rc;
	if (!lot || !*lot)
		return error_set(ERR_INVALID, _("lot: required"));
	if ((rc = db_lot_get(s->store, lot, &l)))
		return rc;
	if (!parameter || !*parameter || strlen(parameter) > NAME_MAX_)
		return error_set(ERR_INVALID, _("parameter: required, at most %d characters"),
		                 NAME_MAX_);
	if (!result || !*result || strlen(result) > NAME_MAX_)
		return error_set(ERR_INVALID, _("result: required, at most %d characters"),
		                 NAME_MAX_);
	if (spec && strlen(spec) > NAME_MAX_)
		return error_set(ERR_INVALID, _("specification: longer than %d characters"),
		                 NAME_MAX_);
	fields_set(&f, "lot", l.code);
	fields_set(&f, "parameter", parameter);
	fields_set(&f, "spec", spec ? spec : "");
	fields_set(&f, "result", result);
	fields_set_int(&f, "pass", pass != 0);
	rc = journal_append(s, "quality.result", &f, NULL);
	fields_free(&f);
	return rc;
}

int qc_add(struct session *s, const char *lot, const char *parameter, const char *spec,
           const char *result, int pass)
{
	int rc = session_require(s, PERM_QUALITY);
	if (rc || (rc = session_begin(s)))
		return rc;
	rc = qc_add_in_tx(s, lot, parameter, spec, result, pass);
	return session_end(s, rc);
}

int qc_verdict_parse(const char *word, int *pass)
{
	static const char *const yes[] = {"pass", "passed", "ok", "yes", "y", "1", "conforms"};
	static const char *const no[] = {"fail", "failed", "no", "n", "0", "nok"};
	for (size_t i = 0; word && i < ARRAY_SIZE(yes); i++)
		if (!strcasecmp(word, yes[i]))
			return *pass = 1, OK;
	for (size_t i = 0; word && i < ARRAY_SIZE(no); i++)
		if (!strcasecmp(word, no[i]))
			return *pass = 0, OK;
	return error_set(ERR_INVALID, _("verdict: '%s' is not pass or fail"), word ? word : "");
}

struct pass_ctx {
	int n, failed;
	char first_failed[NAME_MAX_ + 1];
};

static int count_pass(void *ctx, const struct quality_result *q)
{
	struct pass_ctx *c = ctx;
	c->n++;
	if (!q->pass && !c->failed++)
		strlcpy_(c->first_failed, q->parameter, sizeof(c->first_failed));
	return 0;
}

int qc_release_check(struct session *s, const struct lot *l)
{
	if (setting_on(s, SETTING_RELEASE_NEEDS_COA) && strcmp(l->coa, "reviewed") &&
	    strcmp(l->coa, "linked"))
		return error_set(ERR_CONFLICT,
		                 _("lot %s cannot be released: its COA is %s, and the "
		                   "policy (release_needs_coa) wants it reviewed"),
		                 l->code, _(l->coa));
	if (setting_on(s, SETTING_RELEASE_NEEDS_PASS)) {
		struct pass_ctx c;
		int rc;
		memset(&c, 0, sizeof(c));
		if ((rc = db_quality_each(s->store, l->id, count_pass, &c)))
			return rc;
		if (!c.n)
			return error_set(ERR_CONFLICT,
			                 _("lot %s cannot be released: it has no test "
			                   "results, and the policy (release_needs_pass) "
			                   "wants passing ones"),
			                 l->code);
		if (c.failed)
			return error_set(ERR_CONFLICT,
			                 _("lot %s cannot be released: %s failed its "
			                   "test"),
			                 l->code, c.first_failed);
	}
	return OK;
}

struct coa_ctx {
	struct strbuf *out;
	int html, n, failed;
};

static void html_text(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<':
			sb_puts(out, "&lt;");
			break;
		case '>':
			sb_puts(out, "&gt;");
			break;
		case '&':
			sb_puts(out, "&amp;");
			break;
		case '"':
			sb_puts(out, "&quot;");
			break;
		default:
			sb_putc(out, *s);
		}
	}
}

static int coa_result(void *ctx, const struct quality_result *q)
{
	struct coa_ctx *c = ctx;
	c->n++;
	c->failed += !q->pass;
	if (c->html) {
		sb_puts(c->out, "<tr><td>");
		html_text(c->out, q->parameter);
		sb_puts(c->out, "</td><td>");
		html_text(c->out, q->specification);
		sb_puts(c->out, "</td><td>");
		html_text(c->out, q->result);
		sb_printf(c->out, "</td><td>%s</td></tr>\n", q->pass ? _("pass") : _("FAIL"));
	} else {
		sb_printf(c->out, "  %-24s %-20s %-16s %s\n", q->parameter, q->specification,
		          q->result, q->pass ? _("pass") : _("FAIL"));
	}
	return 0;
}

int coa_render(struct session *s, const char *lot, int html, struct strbuf *out)
{
	struct lot l;
	char q[FIXED_BUFSZ];
	struct coa_ctx c = {out, html, 0, 0};
	int rc = db_lot_get(s->store, lot, &l);
	if (rc)
		return rc;
	fixed_format(l.qty, 0, q);
	if (html) {
		sb_puts(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
		sb_printf(out, _("Certificate of Analysis %s"), l.code);
		sb_puts(out, "</title>\n<style>body{font-family:sans-serif}table{border-collapse:"
		             "collapse}td,th{border:1px solid #444;padding:4px 8px}</style></head>"
		             "<body>\n<h1>");
		sb_puts(out, _("Certificate of Analysis"));
		sb_puts(out, "</h1>\n<p>");
		html_text(out, l.item_name);
		sb_printf(out, " (%s)<br>%s %s<br>%s %s<br>%s %s</p>\n", l.item_code, _("Lot"),
		          l.code, _("Made or received"), l.received, _("Expiry"),
		          l.expiry[0] ? l.expiry : "-");
		sb_printf(out, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		          _("Parameter"), _("Specification"), _("Result"), _("Verdict"));
	} else {
		sb_printf(out,
		          _("CERTIFICATE OF ANALYSIS\n\n%s (%s)\nLot %s\nMade or received %s\n"
		            "Expiry %s\n\n"),
		          l.item_name, l.item_code, l.code, l.received,
		          l.expiry[0] ? l.expiry : "-");
		sb_printf(out, "  %-24s %-20s %-16s %s\n", _("Parameter"), _("Specification"),
		          _("Result"), _("Verdict"));
	}
	if ((rc = db_quality_each(s->store, l.id, coa_result, &c)))
		return rc;
	if (!c.n) {
		sb_reset(out);
		return error_set(ERR_CONFLICT, _("lot %s has no test results to certify"), l.code);
	}
	const char *verdict =
	    c.failed ? _("Does NOT conform to specification") : _("Conforms to specification");
	if (html)
		sb_printf(out, "</table>\n<p><strong>%s</strong></p>\n</body></html>\n", verdict);
	else
		sb_printf(out, "\n%s\n", verdict);
	return OK;
}
