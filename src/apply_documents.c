/* What document and quality entries do to the store. */
#include "apply_internal.h"
#include "db/documents.h"
#include "error.h"
#include "util.h"

#include <string.h>

static int refresh_if_lot_coa(struct store *s, const struct document *d)
{
	if (!strcmp(d->record_kind, "lot") && !strcmp(d->kind, "coa"))
		return db_lot_refresh_coa(s, d->record);
	return OK;
}

int apply_doc_attach(struct store *s, const struct entry *e, const struct fields *f)
{
	struct document d;
	int rc;
	memset(&d, 0, sizeof(d));
	strlcpy_(d.code, fields_str(f, "doc"), sizeof(d.code));
	strlcpy_(d.record_kind, fields_str(f, "record_kind"), sizeof(d.record_kind));
	strlcpy_(d.record, fields_str(f, "record"), sizeof(d.record));
	strlcpy_(d.kind, fields_str(f, "kind"), sizeof(d.kind));
	strlcpy_(d.name, fields_str(f, "name"), sizeof(d.name));
	strlcpy_(d.mime, fields_str(f, "mime"), sizeof(d.mime));
	strlcpy_(d.hash, fields_str(f, "hash"), sizeof(d.hash));
	strlcpy_(d.uploaded_by, e->user, sizeof(d.uploaded_by));
	if ((rc = fields_int(f, "size", &d.size)))
		return rc;
	/* a file attached elsewhere arrives without its contents: keep an empty
	 * placeholder so the record stands; 'doc get' says the file is elsewhere */
	if (!db_blob_exists(s, d.hash) && (rc = db_blob_put(s, d.hash, "", 0)))
		return rc;
	if ((rc = db_document_insert(s, &d, e->hlc)))
		return rc;
	return refresh_if_lot_coa(s, &d);
}

int apply_doc_status(struct store *s, const struct entry *e, const struct fields *f)
{
	struct document d;
	const char *status = fields_str(f, "status");
	int rc = db_document_get(s, fields_str(f, "doc"), &d);
	if (rc)
		return rc;
	if ((rc = db_document_set(s, d.code, status, NULL,
	                          !strcmp(status, "reviewed") ? e->user : NULL,
	                          fields_str(f, "note"), e->hlc)))
		return rc;
	return refresh_if_lot_coa(s, &d);
}

int apply_doc_assign(struct store *s, const struct entry *e, const struct fields *f)
{
	return db_document_set(s, fields_str(f, "doc"), NULL, fields_str(f, "reviewer"), NULL, NULL,
	                       e->hlc);
}

int apply_quality(struct store *s, const struct entry *e, const struct fields *f)
{
	struct quality_result q;
	int64_t lot_id, pass;
	int rc;
	memset(&q, 0, sizeof(q));
	if ((rc = db_lot_id(s, fields_str(f, "lot"), &lot_id)) ||
	    (rc = fields_int(f, "pass", &pass)))
		return rc;
	strlcpy_(q.parameter, fields_str(f, "parameter"), sizeof(q.parameter));
	strlcpy_(q.specification, fields_str(f, "spec"), sizeof(q.specification));
	strlcpy_(q.result, fields_str(f, "result"), sizeof(q.result));
	q.pass = pass != 0;
	return db_quality_insert(s, lot_id, &q, e->id);
}
