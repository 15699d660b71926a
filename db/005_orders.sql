-- lotline store, schema version 5: customer orders with the lots reserved for
-- them, picks, shipments and returns; recalls and mock recalls.
-- Quantities are in the item's base unit, in millionths, like everywhere else.

CREATE TABLE orders (
	id INTEGER PRIMARY KEY,
	ref TEXT NOT NULL UNIQUE,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	ship_date TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'picking', 'shipped',
					       'cancelled')),
	status_hlc INTEGER NOT NULL,
	shipped TEXT NOT NULL DEFAULT '',
	hlc INTEGER NOT NULL
);
CREATE INDEX orders_status ON orders (status, ship_date);
CREATE INDEX orders_customer ON orders (customer_id, id);

-- lot_id: the customer asked for this lot; short: what could not be found or
-- re-allocated after short picks.
CREATE TABLE order_lines (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	line INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id),
	qty INTEGER NOT NULL,
	entered TEXT NOT NULL,
	lot_id INTEGER REFERENCES lots(id),
	short INTEGER NOT NULL DEFAULT 0,
	UNIQUE (order_id, line)
);

-- The lots reserved for each line: qty to pick, picked so far, and reserved, what
-- still holds the lot's stock back from other orders and from production plans
-- (zero once the order ships or is cancelled).
CREATE TABLE allocations (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	line INTEGER NOT NULL,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL,
	picked INTEGER NOT NULL DEFAULT 0,
	reserved INTEGER NOT NULL,
	UNIQUE (order_id, line, lot_id)
);
CREATE INDEX allocations_lot ON allocations (lot_id, reserved) WHERE reserved > 0;

-- Every scan confirmed by a picker, and every short pick with its reason.
CREATE TABLE picks (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	line INTEGER NOT NULL,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	location_id INTEGER REFERENCES locations(id),
	qty INTEGER NOT NULL,
	short INTEGER NOT NULL DEFAULT 0,
	reason TEXT NOT NULL DEFAULT '',
	entry INTEGER NOT NULL REFERENCES journal(id)
);
CREATE INDEX picks_order ON picks (order_id, id);

-- What left with each order, by lot: the forward end of every trace.
CREATE TABLE shipments (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	line INTEGER NOT NULL,
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL,
	shipped TEXT NOT NULL,
	entry INTEGER NOT NULL REFERENCES journal(id)
);
CREATE INDEX shipments_lot ON shipments (lot_id, order_id);
CREATE INDEX shipments_order ON shipments (order_id, line, id);

CREATE TABLE returns (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL,
	location_id INTEGER NOT NULL REFERENCES locations(id),
	reason TEXT NOT NULL,
	returned TEXT NOT NULL,
	entry INTEGER NOT NULL REFERENCES journal(id)
);
CREATE INDEX returns_lot ON returns (lot_id, order_id);
CREATE INDEX returns_order ON returns (order_id, lot_id);

-- A recall (or a drill) keeps the scope computed when it was opened: the lots,
-- which of them it put on hold, and the shipments whose customers are told.
CREATE TABLE recalls (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	reason TEXT NOT NULL,
	drill INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	opened_by TEXT NOT NULL,
	opened_hlc INTEGER NOT NULL,
	elapsed_ms INTEGER NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	closed_hlc INTEGER
);
CREATE INDEX recalls_status ON recalls (status, id);

CREATE TABLE recall_lots (
	id INTEGER PRIMARY KEY,
	recall_id INTEGER NOT NULL REFERENCES recalls(id),
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	depth INTEGER NOT NULL,
	qty INTEGER NOT NULL,
	status TEXT NOT NULL,
	held INTEGER NOT NULL DEFAULT 0,
	UNIQUE (recall_id, lot_id)
);

CREATE TABLE recall_shipments (
	id INTEGER PRIMARY KEY,
	recall_id INTEGER NOT NULL REFERENCES recalls(id),
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	order_id INTEGER NOT NULL REFERENCES orders(id),
	lot_id INTEGER NOT NULL REFERENCES lots(id),
	qty INTEGER NOT NULL,
	shipped TEXT NOT NULL
);
CREATE INDEX recall_shipments_recall ON recall_shipments (recall_id, customer_id);

CREATE TABLE recall_customers (
	id INTEGER PRIMARY KEY,
	recall_id INTEGER NOT NULL REFERENCES recalls(id),
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	notified_hlc INTEGER,
	acknowledged_hlc INTEGER,
	returned INTEGER NOT NULL DEFAULT 0,
	UNIQUE (recall_id, customer_id)
);
