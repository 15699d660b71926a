-- lotline store, schema version 6: documents (content-addressed files), QA
-- results, and the COA status of lots that follows from them.

-- File contents by BLAKE2b-256 hash: the same file twice is stored once.
CREATE TABLE blobs (
	hash TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	data BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	record_kind TEXT NOT NULL CHECK (record_kind IN ('lot', 'run', 'supplier', 'export')),
	record TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('coa', 'batch', 'supplier', 'audit', 'other')),
	name TEXT NOT NULL,
	mime TEXT NOT NULL,
	size INTEGER NOT NULL,
	hash TEXT NOT NULL REFERENCES blobs(hash),
	status TEXT NOT NULL CHECK (status IN ('uploaded', 'reviewed', 'linked', 'rejected',
					       'retired')),
	status_hlc INTEGER NOT NULL,
	reviewer TEXT NOT NULL DEFAULT '',
	reviewed_by TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	uploaded_by TEXT NOT NULL,
	uploaded_hlc INTEGER NOT NULL,
	changed_hlc INTEGER NOT NULL
);
CREATE INDEX documents_record ON documents (record_kind, record, kind);
CREATE INDEX documents_status ON documents (status);

CREATE TABLE quality_results (
	id INTEGER PRIMARY KEY,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	parameter TEXT NOT NULL,
	specification TEXT NOT NULL,
	result TEXT NOT NULL,
	pass INTEGER NOT NULL,
	entry INTEGER NOT NULL REFERENCES journal(id)
);
CREATE INDEX quality_results_lot ON quality_results (lot_id, id);

CREATE INDEX lots_coa ON lots (coa, expiry, id);
