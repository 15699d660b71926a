/* Documents and QA: files attached to records, stored by content hash, with a
 * review status; quality results; release rules; generated certificates. */
#ifndef LOTLINE_DOCUMENTS_H
#define LOTLINE_DOCUMENTS_H

#include "db/documents.h"
#include "session.h"
#include "util.h"

/* Attach a file to a record ("LOT-...", or "lot:CODE", "run:CODE",
 * "supplier:CODE", "export:NAME"); kind coa, batch, supplier, audit or other. */
int doc_attach(struct session *s, const char *record, const char *path, const char *kind,
               const char *name, char code_out[LOT_MAX + 1]);

enum doc_action { DOC_REVIEW, DOC_LINK, DOC_REJECT, DOC_RETIRE, DOC_RESTORE, DOC_ASSIGN };
/* Change one or more documents in one transaction (bulk changes on marked rows).
 * text is the note (review), reason (reject) or reviewer (assign). */
int doc_change(struct session *s, enum doc_action a, const char *const *codes, int n,
               const char *text);
int doc_action_parse(const char *verb, enum doc_action *a);
/* Write a document's file out byte for byte. */
int doc_get(struct session *s, const char *code, const char *path);
/* Export lot COAs (files and an index CSV an auditor can read) into dir. */
int doc_export_coa(struct session *s, const struct coa_filter *f, const char *dir, int *files,
                   int *rows);

/* A test result on a lot (qa, manager, owner). */
int qc_add(struct session *s, const char *lot, const char *parameter, const char *spec,
           const char *result, int pass);
/* The same inside a transaction the caller holds (imports). */
int qc_add_in_tx(struct session *s, const char *lot, const char *parameter, const char *spec,
                 const char *result, int pass);
/* "pass", "ok", "yes" ... or "fail", "no" ...: the verdict column of an import. */
int qc_verdict_parse(const char *word, int *pass);
/* The release rule: with release_needs_coa, a reviewed or linked COA; with
 * release_needs_pass, at least one result and every one passing. */
int qc_release_check(struct session *s, const struct lot *l);
/* A certificate of analysis from a lot's results, as text or HTML. */
int coa_render(struct session *s, const char *lot, int html, struct strbuf *out);

#endif
