-- lotline store, schema version 3: recipes, production runs and genealogy.
-- Quantities are in the item's base unit, in millionths, like everywhere else.

CREATE TABLE recipes (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL,
	version INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id),
	yield INTEGER NOT NULL,
	yield_entered TEXT NOT NULL,
	instructions TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
	status_hlc INTEGER NOT NULL,
	hlc INTEGER NOT NULL,
	UNIQUE (code, version)
);

CREATE TABLE recipe_lines (
	id INTEGER PRIMARY KEY,
	recipe_id INTEGER NOT NULL REFERENCES recipes(id),
	line INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id),
	qty INTEGER NOT NULL,
	entered TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('ingredient', 'packaging')),
	UNIQUE (recipe_id, line)
);

CREATE TABLE runs (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	recipe_id INTEGER NOT NULL REFERENCES recipes(id),
	target INTEGER NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('planned', 'started', 'finished', 'failed',
					       'cancelled')),
	status_hlc INTEGER NOT NULL,
	shortage INTEGER NOT NULL DEFAULT 0,
	bypass_reason TEXT NOT NULL DEFAULT '',
	plan_cost INTEGER NOT NULL DEFAULT 0,
	labour_cost INTEGER NOT NULL DEFAULT 0,
	actual_yield INTEGER,
	actual_cost INTEGER,
	signed_by TEXT,
	signed_hlc INTEGER,
	planned_entry INTEGER NOT NULL REFERENCES journal(id)
);
CREATE INDEX runs_status ON runs (status);

-- The plan snapshot: what each line needs and which lots were suggested.
CREATE TABLE run_lines (
	id INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES runs(id),
	line INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id),
	required INTEGER NOT NULL,
	role TEXT NOT NULL,
	UNIQUE (run_id, line)
);

CREATE TABLE run_suggestions (
	id INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES runs(id),
	line INTEGER NOT NULL,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL
);
CREATE INDEX run_suggestions_run ON run_suggestions (run_id, line);

-- Every step of a run (plan, start, notes, finish, fail, cancel, sign) points at
-- its journal entry, which holds who, when and the details.
CREATE TABLE run_events (
	id INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES runs(id),
	entry INTEGER NOT NULL REFERENCES journal(id),
	kind TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_events_run ON run_events (run_id, id);

-- Genealogy: an output lot made from an input lot, with the input quantity.
CREATE TABLE lot_links (
	id INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES runs(id),
	output_lot_id INTEGER NOT NULL REFERENCES lots(id),
	input_lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL,
	UNIQUE (run_id, output_lot_id, input_lot_id)
);
CREATE INDEX lot_links_input ON lot_links (input_lot_id, output_lot_id);
CREATE INDEX lot_links_output ON lot_links (output_lot_id, input_lot_id);

ALTER TABLE movements ADD COLUMN run_id INTEGER REFERENCES runs(id);
ALTER TABLE movements ADD COLUMN run_line INTEGER;
CREATE INDEX movements_run ON movements (run_id, lot_id) WHERE run_id IS NOT NULL;

-- Lots the consumption order can suggest: FEFO and FIFO per item.
CREATE INDEX lots_usable_fefo ON lots (item_id, expiry, received, id) WHERE status = 'available' AND qty > 0;
CREATE INDEX lots_usable_fifo ON lots (item_id, received, expiry, id) WHERE status = 'available' AND qty > 0;
