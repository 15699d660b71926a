-- The ledger screen sorts by any column and searches inside lot codes; on a
-- million lots both must answer at once.

-- The four sort orders that had no index of their own: their first page is now
-- a short index range instead of a sort of the whole table. qty also serves
-- Today's "below zero" count, which was a full scan.
CREATE INDEX lots_qty ON lots (qty, id);
CREATE INDEX lots_unit ON lots (unit, expiry, id);
CREATE INDEX lots_last ON lots (last_hlc, id);

-- Lot codes and supplier lots by any characters: a search that matches few lots
-- among a million finds them through this instead of reading every lot. Each
-- value is indexed with two \x01 after it, so that wherever a text of one or
-- two characters occurs, a trigram starts with it: the vocabulary (lots_text_terms)
-- then names the trigrams to look up. Contentless: the text itself stays in
-- lots; the triggers keep the index.
CREATE VIRTUAL TABLE lots_text USING fts5(code, supplier_lot, content='', tokenize='trigram');
CREATE VIRTUAL TABLE lots_text_terms USING fts5vocab(lots_text, 'row');
INSERT INTO lots_text (rowid, code, supplier_lot)
	SELECT id, code || char(1, 1), supplier_lot || char(1, 1) FROM lots;
CREATE TRIGGER lots_text_insert AFTER INSERT ON lots BEGIN
	INSERT INTO lots_text (rowid, code, supplier_lot)
	VALUES (new.id, new.code || char(1, 1), new.supplier_lot || char(1, 1));
END;
CREATE TRIGGER lots_text_delete AFTER DELETE ON lots BEGIN
	INSERT INTO lots_text (lots_text, rowid, code, supplier_lot)
	VALUES ('delete', old.id, old.code || char(1, 1), old.supplier_lot || char(1, 1));
END;
CREATE TRIGGER lots_text_update AFTER UPDATE OF code, supplier_lot ON lots BEGIN
	INSERT INTO lots_text (lots_text, rowid, code, supplier_lot)
	VALUES ('delete', old.id, old.code || char(1, 1), old.supplier_lot || char(1, 1));
	INSERT INTO lots_text (rowid, code, supplier_lot)
	VALUES (new.id, new.code || char(1, 1), new.supplier_lot || char(1, 1));
END;
