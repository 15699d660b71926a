/* Documents, their stored contents, and quality results in the store. */
#ifndef LOTLINE_DB_DOCUMENTS_H
#define LOTLINE_DB_DOCUMENTS_H

#include "db/store.h"
#include "src/model.h"

struct document {
	int64_t id;
	char code[LOT_MAX + 1];
	char record_kind[16];
	char record[LOT_MAX + 1];
	char kind[16];
	char name[TEXT_MAX + 1];
	char mime[64];
	int64_t size;
	char hash[65];
	char status[16];
	char reviewer[CODE_MAX + 1];
	char reviewed_by[CODE_MAX + 1];
	char note[TEXT_MAX + 1];
	char uploaded_by[CODE_MAX + 1];
	hlc_t uploaded_hlc, changed_hlc;
	/* for lot documents: the lot's item and supplier */
	char item[CODE_MAX + 1];
	char supplier[CODE_MAX + 1];
};

struct quality_result {
	char parameter[NAME_MAX_ + 1];
	char specification[NAME_MAX_ + 1];
	char result[NAME_MAX_ + 1];
	int pass;
	char user[CODE_MAX + 1];
	hlc_t hlc;
};

/* Store contents under their hash unless already there. */
int db_blob_put(struct store *s, const char *hash, const void *data, int64_t size);
int db_blob_exists(struct store *s, const char *hash);
/* The contents (malloc'd, caller frees). */
int db_blob_get(struct store *s, const char *hash, void **data, int64_t *size);

int db_document_insert(struct store *s, const struct document *d, hlc_t hlc);
int db_document_get(struct store *s, const char *code, struct document *out);
/* While applying an entry stamped hlc: a new status (with who reviewed, a note)
 * or a new reviewer, each kept only when newer than the one there (the greater
 * site id wins a tie), so that every store ends with the same. NULL leaves a
 * field as it is. */
int db_document_set(struct store *s, const char *code, const char *status, const char *reviewer,
                    const char *reviewed_by, const char *note, hlc_t hlc);
/* Documents of a record (kind NULL: all kinds). */
int db_documents_each(struct store *s, const char *record_kind, const char *record,
                      int (*cb)(void *ctx, const struct document *d), void *ctx);

/* The QA queue and audit export: lot COA documents and lots with none, filtered. */
struct coa_filter {
	const char *supplier, *item, *location;
	const char *received_from, *received_to;
	const char *coa; /* a lot COA status, or NULL */
	int queue;       /* only lots whose COA is missing or uploaded */
	/* Documents with this status instead (e.g. rejected), of any record; a
	 * document that is not a lot's has its record ("supplier:MILL") as lot. */
	const char *doc_status;
	/* Stop after this many rows (0: all); a screen keeps only so many. */
	int limit;
};

struct coa_row {
	char lot[LOT_MAX + 1];
	char item[CODE_MAX + 1];
	char supplier[CODE_MAX + 1];
	char received[11];
	char lot_coa[16];
	struct document doc; /* code "" when the lot has no document */
};

int db_coa_each(struct store *s, const struct coa_filter *f,
                int (*cb)(void *ctx, const struct coa_row *r), void *ctx);
/* A lot's COA status from its documents: linked, reviewed, uploaded or missing. */
int db_lot_refresh_coa(struct store *s, const char *lot);
int64_t db_documents_count(struct store *s, const char *status);

int db_quality_insert(struct store *s, int64_t lot_id, const struct quality_result *q,
                      int64_t entry);
int db_quality_each(struct store *s, int64_t lot_id,
                    int (*cb)(void *ctx, const struct quality_result *q), void *ctx);

#endif
