-- lotline store, schema version 2: purchase orders, and case GTINs on items.

-- A case or pack GTIN maps a scanned case label to its item and pack size.
ALTER TABLE items ADD COLUMN pack_gtin TEXT NOT NULL DEFAULT '';
CREATE INDEX items_pack_gtin ON items (pack_gtin) WHERE pack_gtin <> '';

CREATE TABLE purchase_orders (
	id INTEGER PRIMARY KEY,
	ref TEXT NOT NULL UNIQUE,
	supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
	expected TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'cancelled')),
	status_hlc INTEGER NOT NULL,
	hlc INTEGER NOT NULL
);
CREATE INDEX purchase_orders_status ON purchase_orders (status, expected);

-- Ordered and received quantities are in the item's base unit; unit is as ordered.
CREATE TABLE po_lines (
	id INTEGER PRIMARY KEY,
	po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
	line INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id),
	qty INTEGER NOT NULL,
	unit TEXT NOT NULL,
	ordered TEXT NOT NULL,
	unit_cost INTEGER NOT NULL DEFAULT 0,
	received INTEGER NOT NULL DEFAULT 0,
	closed INTEGER NOT NULL DEFAULT 0,
	UNIQUE (po_id, line)
);

ALTER TABLE lots ADD COLUMN po_line_id INTEGER REFERENCES po_lines(id);
