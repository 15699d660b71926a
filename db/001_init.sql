-- lotline store, schema version 1: the journal and the tables derived from it.
-- Dates are ISO text (YYYY-MM-DD); quantities and money are integers in millionths;
-- hlc columns hold hybrid-logical-clock stamps (ms << 16 | counter).

CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Every site (store) whose entries this store holds; the local number keeps rows small.
CREATE TABLE sites (
	id INTEGER PRIMARY KEY,
	site_id TEXT NOT NULL UNIQUE,
	code TEXT
);

-- The journal: one row per change, append-only, hash-chained per site.
CREATE TABLE journal (
	id INTEGER PRIMARY KEY,
	site INTEGER NOT NULL REFERENCES sites(id),
	seq INTEGER NOT NULL,
	hlc INTEGER NOT NULL,
	user TEXT NOT NULL,
	terminal TEXT NOT NULL,
	kind TEXT NOT NULL,
	payload TEXT NOT NULL,
	prev_hash BLOB NOT NULL,
	hash BLOB NOT NULL,
	UNIQUE (site, seq)
);
CREATE INDEX journal_hlc ON journal (hlc);
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
BEGIN
	SELECT RAISE(ABORT, 'the journal is append-only: entries cannot be changed');
END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
BEGIN
	SELECT RAISE(ABORT, 'the journal is append-only: entries cannot be deleted');
END;

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	hlc INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	full_name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'qa', 'operator', 'viewer')),
	pin_hash TEXT NOT NULL DEFAULT '',
	badge TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1,
	hlc INTEGER NOT NULL
);

CREATE TABLE items (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('ingredient', 'packaging', 'intermediate', 'finished')),
	category TEXT NOT NULL DEFAULT '',
	base_unit TEXT NOT NULL,
	gtin TEXT NOT NULL DEFAULT '',
	shelf_life_days INTEGER NOT NULL DEFAULT 0,
	density INTEGER NOT NULL DEFAULT 0,
	pack_size INTEGER NOT NULL DEFAULT 0,
	allergens TEXT NOT NULL DEFAULT '',
	hlc INTEGER NOT NULL
);
CREATE INDEX items_gtin ON items (gtin) WHERE gtin <> '';
CREATE INDEX items_category ON items (category);

CREATE TABLE locations (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	hlc INTEGER NOT NULL
);

CREATE TABLE suppliers (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	contact TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	postcode TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL DEFAULT '',
	hlc INTEGER NOT NULL
);

CREATE TABLE customers (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	contact TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	postcode TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL DEFAULT '',
	hlc INTEGER NOT NULL
);

CREATE TABLE lots (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	item_id INTEGER NOT NULL REFERENCES items(id),
	supplier_id INTEGER REFERENCES suppliers(id),
	supplier_lot TEXT NOT NULL DEFAULT '',
	received TEXT NOT NULL,
	expiry TEXT NOT NULL,        -- '9999-12-31' when the lot does not expire
	unit TEXT NOT NULL,
	unit_cost INTEGER NOT NULL DEFAULT 0,
	location_id INTEGER NOT NULL REFERENCES locations(id),
	location_hlc INTEGER NOT NULL,
	qty INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL CHECK (status IN ('available', 'hold', 'quarantine', 'consumed',
					       'shipped', 'scrapped', 'returned')),
	status_hlc INTEGER NOT NULL,
	coa TEXT NOT NULL DEFAULT 'missing',
	origin TEXT NOT NULL,
	last_hlc INTEGER NOT NULL,
	last_kind TEXT NOT NULL,
	entry INTEGER NOT NULL REFERENCES journal(id)
);
-- One index per filter shape of the ledger: equality columns, then the order.
CREATE INDEX lots_expiry ON lots (expiry, id);
CREATE INDEX lots_location ON lots (location_id, expiry, id);
CREATE INDEX lots_item ON lots (item_id, expiry, id);
CREATE INDEX lots_status ON lots (status, expiry, id);
CREATE INDEX lots_supplier_lot ON lots (supplier_lot) WHERE supplier_lot <> '';

-- Movements: every change of a lot's quantity, place or status; append-only.
CREATE TABLE movements (
	id INTEGER PRIMARY KEY,
	entry INTEGER NOT NULL REFERENCES journal(id),
	idx INTEGER NOT NULL,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	kind TEXT NOT NULL,
	qty INTEGER NOT NULL,
	hlc INTEGER NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	from_location INTEGER REFERENCES locations(id),
	to_location INTEGER REFERENCES locations(id),
	status_before TEXT,
	status_after TEXT,
	corrects INTEGER REFERENCES movements(id),
	UNIQUE (entry, idx)
);
CREATE INDEX movements_lot ON movements (lot_id, hlc, id);
-- A movement is corrected at most once.
CREATE UNIQUE INDEX movements_corrects ON movements (corrects) WHERE corrects IS NOT NULL;
CREATE TRIGGER movements_append_only_update BEFORE UPDATE ON movements
BEGIN
	SELECT RAISE(ABORT, 'movements are append-only: correct a movement instead');
END;
CREATE TRIGGER movements_append_only_delete BEFORE DELETE ON movements
BEGIN
	SELECT RAISE(ABORT, 'movements are append-only: correct a movement instead');
END;

-- The next counter of each lot-code series ("LOT-261123-KX#").
CREATE TABLE lot_counters (
	series TEXT PRIMARY KEY,
	last INTEGER NOT NULL
) WITHOUT ROWID;

-- Rule breaks found when applying entries (e.g. a balance below zero), for a
-- manager to resolve with a correcting entry.
CREATE TABLE exceptions (
	id INTEGER PRIMARY KEY,
	entry INTEGER NOT NULL REFERENCES journal(id),
	lot_id INTEGER REFERENCES lots(id),
	kind TEXT NOT NULL,
	message TEXT NOT NULL,
	resolved_by INTEGER REFERENCES journal(id)
);
