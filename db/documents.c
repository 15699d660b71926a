/* SQL for documents, blobs and quality results. */
#include "db/documents.h"
#include "db/store_internal.h"
#include "src/error.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

int db_blob_put(struct store *s, const char *hash, const void *data, int64_t size)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO blobs (hash, size, data) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, hash);
	sqlite3_bind_int64(st, 2, size);
	sqlite3_bind_blob64(st, 3, data, (sqlite3_uint64)size, SQLITE_STATIC);
	return store_step_done(s, st, _("storing a file"));
}

int db_blob_exists(struct store *s, const char *hash)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM blobs WHERE hash = ?1");
	int found;
	if (!st)
		return 0;
	bind_text(st, 1, hash);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int db_blob_get(struct store *s, const char *hash, void **data, int64_t *size)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT data FROM blobs WHERE hash = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, hash);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*size = sqlite3_column_bytes(st, 0);
		*data = xmalloc((size_t)*size);
		memcpy(*data, sqlite3_column_blob(st, 0), (size_t)*size);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("the store has no file %s"), hash);
	} else {
		rc = store_error(s, _("reading a file"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_document_insert(struct store *s, const struct document *d, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO documents (code, record_kind, record, kind, name, mime, size, hash, "
	       "status, status_hlc, uploaded_by, uploaded_hlc, changed_hlc) VALUES (?1, ?2, ?3, "
	       "?4, ?5, ?6, ?7, ?8, 'uploaded', ?9, ?10, ?9, ?9)");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, d->code);
	bind_text(st, 2, d->record_kind);
	bind_text(st, 3, d->record);
	bind_text(st, 4, d->kind);
	bind_text(st, 5, d->name);
	bind_text(st, 6, d->mime);
	sqlite3_bind_int64(st, 7, d->size);
	bind_text(st, 8, d->hash);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)hlc);
	bind_text(st, 10, d->uploaded_by);
	return store_step_done(s, st, _("saving a document"));
}

#define DOC_COLUMNS                                                                                \
	"d.id, d.code, d.record_kind, d.record, d.kind, d.name, d.mime, d.size, d.hash, "          \
	"d.status, d.reviewer, d.reviewed_by, d.note, d.uploaded_by, d.uploaded_hlc, "             \
	"d.changed_hlc"

static void doc_read(sqlite3_stmt *st, int base, struct document *d)
{
	d->id = sqlite3_column_int64(st, base + 0);
	column_copy(st, base + 1, d->code, sizeof(d->code));
	column_copy(st, base + 2, d->record_kind, sizeof(d->record_kind));
	column_copy(st, base + 3, d->record, sizeof(d->record));
	column_copy(st, base + 4, d->kind, sizeof(d->kind));
	column_copy(st, base + 5, d->name, sizeof(d->name));
	column_copy(st, base + 6, d->mime, sizeof(d->mime));
	d->size = sqlite3_column_int64(st, base + 7);
	column_copy(st, base + 8, d->hash, sizeof(d->hash));
	column_copy(st, base + 9, d->status, sizeof(d->status));
	column_copy(st, base + 10, d->reviewer, sizeof(d->reviewer));
	column_copy(st, base + 11, d->reviewed_by, sizeof(d->reviewed_by));
	column_copy(st, base + 12, d->note, sizeof(d->note));
	column_copy(st, base + 13, d->uploaded_by, sizeof(d->uploaded_by));
	d->uploaded_hlc = (hlc_t)sqlite3_column_int64(st, base + 14);
	d->changed_hlc = (hlc_t)sqlite3_column_int64(st, base + 15);
}

int db_document_get(struct store *s, const char *code, struct document *out)
{
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT " DOC_COLUMNS " FROM documents d WHERE d.code = ?1");
	int rc;
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		doc_read(st, 0, out);
		rc = OK;
	} else if (rc == SQLITE_DONE) {
		rc = error_set(ERR_NOT_FOUND, _("document %s not found"), code);
	} else {
		rc = store_error(s, _("reading a document"));
	}
	sqlite3_reset(st);
	return rc;
}

int db_document_set(struct store *s, const char *code, const char *status, const char *reviewer,
                    const char *reviewed_by, const char *note, hlc_t hlc)
{
	sqlite3_stmt *st = store_stmt(
	    s,
	    "UPDATE documents SET status = coalesce(?2, status), "
	    "status_hlc = CASE WHEN ?2 IS NULL THEN status_hlc ELSE ?6 END, "
	    "status_site = CASE WHEN ?2 IS NULL THEN status_site ELSE " SQL_APPLYING_SITE " END, "
	    "reviewer = coalesce(?3, reviewer), "
	    "reviewer_hlc = CASE WHEN ?3 IS NULL THEN reviewer_hlc ELSE ?6 END, "
	    "reviewer_site = CASE WHEN ?3 IS NULL THEN reviewer_site ELSE " SQL_APPLYING_SITE
	    " END, reviewed_by = coalesce(?4, reviewed_by), note = coalesce(?5, note), "
	    "changed_hlc = max(changed_hlc, ?6) WHERE code = ?1 "
	    "AND (?2 IS NULL OR " SQL_STAMP_OLDER(
	        "status_hlc", "status_site", "?6") ") "
	                                           "AND (?3 IS NULL OR " SQL_STAMP_OLDER(
	                                               "reviewer_hlc", "reviewer_site", "?6") ")");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, code);
	bind_text_or_null(st, 2, status);
	if (reviewer)
		bind_text(st, 3, reviewer);
	bind_text_or_null(st, 4, reviewed_by);
	if (note)
		bind_text(st, 5, note);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)hlc);
	return store_step_done(s, st, _("changing a document"));
}

int db_documents_each(struct store *s, const char *record_kind, const char *record,
                      int (*cb)(void *ctx, const struct document *d), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT " DOC_COLUMNS " FROM documents d WHERE d.record_kind = ?1 "
	                       "AND d.record = ?2 ORDER BY d.id",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("listing documents"));
	bind_text(st, 1, record_kind);
	bind_text(st, 2, record);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct document d;
		memset(&d, 0, sizeof(d));
		doc_read(st, 0, &d);
		int stop = cb(ctx, &d);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("listing documents"));
	sqlite3_finalize(st);
	return rc;
}

/* Fixed fragments chosen by the filters that are set; values are bound. */
int db_coa_each(struct store *s, const struct coa_filter *f,
                int (*cb)(void *ctx, const struct coa_row *r), void *ctx)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;
	/* the same columns either way: lots and their COAs, or documents by status */
	sb_puts(&sql, "SELECT coalesce(l.code, d.record_kind || ':' || d.record), "
	              "coalesce(i.code, ''), coalesce(sp.code, ''), coalesce(l.received, ''), "
	              "coalesce(l.coa, ''), "
	              "coalesce(d.id, 0), coalesce(d.code, ''), d.record_kind, d.record, d.kind, "
	              "d.name, d.mime, d.size, d.hash, d.status, d.reviewer, d.reviewed_by, "
	              "d.note, d.uploaded_by, d.uploaded_hlc, d.changed_hlc ");
	if (f->doc_status)
		sb_puts(&sql, "FROM documents d "
		              "LEFT JOIN lots l ON d.record_kind = 'lot' AND l.code = d.record "
		              "LEFT JOIN items i ON i.id = l.item_id "
		              "LEFT JOIN suppliers sp ON sp.id = l.supplier_id "
		              "WHERE d.status = ?7");
	else if (f->queue && !f->item && !f->location)
		/* the queue in received order, a screenful at a time, from the
		 * index of waiting lots (the planner would take lots_coa and sort
		 * them all); an item or a location has its own index */
		sb_puts(&sql,
		        "FROM lots l INDEXED BY lots_coa_queue "
		        "JOIN items i ON i.id = l.item_id "
		        "LEFT JOIN suppliers sp ON sp.id = l.supplier_id "
		        "LEFT JOIN documents d ON d.record_kind = 'lot' AND d.record = l.code "
		        "AND d.kind = 'coa' WHERE 1");
	else
		sb_puts(&sql,
		        "FROM lots l JOIN items i ON i.id = l.item_id "
		        "LEFT JOIN suppliers sp ON sp.id = l.supplier_id "
		        "LEFT JOIN documents d ON d.record_kind = 'lot' AND d.record = l.code "
		        "AND d.kind = 'coa' WHERE 1");
	if (f->queue && !f->doc_status)
		sb_puts(&sql, " AND l.coa IN ('missing', 'uploaded') AND l.qty <> 0");
	if (f->coa)
		sb_puts(&sql, " AND l.coa = ?6");
	if (f->supplier)
		sb_puts(&sql, " AND sp.code = ?1");
	if (f->item)
		sb_puts(&sql, " AND i.code = ?2");
	if (f->location)
		sb_puts(&sql, " AND l.location_id = (SELECT id FROM locations WHERE code = ?3)");
	if (f->received_from)
		sb_puts(&sql, " AND l.received >= ?4");
	if (f->received_to)
		sb_puts(&sql, " AND l.received <= ?5");
	sb_puts(&sql, f->doc_status ? " ORDER BY l.received, d.record, d.id"
	                            : " ORDER BY l.received, l.code, d.id");
	if (f->limit > 0)
		sb_puts(&sql, " LIMIT ?8");
	if (sqlite3_prepare_v2(s->db, sb_str(&sql), -1, &st, NULL) != SQLITE_OK) {
		sb_free(&sql);
		return store_error(s, _("reading the COA queue"));
	}
	sb_free(&sql);
	bind_text(st, 1, f->supplier);
	bind_text(st, 2, f->item);
	bind_text(st, 3, f->location);
	bind_text(st, 4, f->received_from);
	bind_text(st, 5, f->received_to);
	bind_text(st, 6, f->coa);
	bind_text(st, 7, f->doc_status);
	if (f->limit > 0)
		sqlite3_bind_int(st, 8, f->limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct coa_row r;
		memset(&r, 0, sizeof(r));
		COLUMN_COPY(st, 0, r.lot);
		COLUMN_COPY(st, 1, r.item);
		COLUMN_COPY(st, 2, r.supplier);
		COLUMN_COPY(st, 3, r.received);
		COLUMN_COPY(st, 4, r.lot_coa);
		if (sqlite3_column_int64(st, 5))
			doc_read(st, 5, &r.doc);
		int stop = cb(ctx, &r);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading the COA queue"));
	sqlite3_finalize(st);
	return rc;
}

int db_lot_refresh_coa(struct store *s, const char *lot)
{
	sqlite3_stmt *st = store_stmt(
	    s, "UPDATE lots SET coa = coalesce((SELECT CASE max(CASE d.status "
	       "WHEN 'linked' THEN 3 WHEN 'reviewed' THEN 2 WHEN 'uploaded' THEN 1 ELSE 0 END) "
	       "WHEN 3 THEN 'linked' WHEN 2 THEN 'reviewed' WHEN 1 THEN 'uploaded' ELSE NULL END "
	       "FROM documents d WHERE d.record_kind = 'lot' AND d.record = ?1 AND "
	       "d.kind = 'coa'), 'missing') WHERE code = ?1");
	if (!st)
		return ERR_DB;
	bind_text(st, 1, lot);
	return store_step_done(s, st, _("updating a lot's COA status"));
}

int64_t db_documents_count(struct store *s, const char *status)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM documents WHERE status = ?1");
	int64_t n = -1;
	if (!st)
		return -1;
	bind_text(st, 1, status);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int db_quality_insert(struct store *s, int64_t lot_id, const struct quality_result *q,
                      int64_t entry)
{
	sqlite3_stmt *st = store_stmt(
	    s, "INSERT INTO quality_results (lot_id, parameter, specification, result, pass, "
	       "entry) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ERR_DB;
	sqlite3_bind_int64(st, 1, lot_id);
	bind_text(st, 2, q->parameter);
	bind_text(st, 3, q->specification);
	bind_text(st, 4, q->result);
	sqlite3_bind_int(st, 5, q->pass);
	sqlite3_bind_int64(st, 6, entry);
	return store_step_done(s, st, _("saving a test result"));
}

int db_quality_each(struct store *s, int64_t lot_id,
                    int (*cb)(void *ctx, const struct quality_result *q), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(
	        s->db,
	        "SELECT q.parameter, q.specification, q.result, q.pass, j.user, j.hlc "
	        "FROM quality_results q JOIN journal j ON j.id = q.entry "
	        "WHERE q.lot_id = ?1 ORDER BY q.id",
	        -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading test results"));
	sqlite3_bind_int64(st, 1, lot_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct quality_result q;
		memset(&q, 0, sizeof(q));
		COLUMN_COPY(st, 0, q.parameter);
		COLUMN_COPY(st, 1, q.specification);
		COLUMN_COPY(st, 2, q.result);
		q.pass = sqlite3_column_int(st, 3);
		COLUMN_COPY(st, 4, q.user);
		q.hlc = (hlc_t)sqlite3_column_int64(st, 5);
		int stop = cb(ctx, &q);
		if (stop) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	rc = rc == SQLITE_DONE ? OK : store_error(s, _("reading test results"));
	sqlite3_finalize(st);
	return rc;
}
