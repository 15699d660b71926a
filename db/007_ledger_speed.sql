-- The ledger screen sorts by any column and searches inside lot codes; on a
-- million lots both must answer at once.

-- The four sort orders that had no index of their own: their first page is now
-- a short index range instead of a sort of the whole table. qty also serves
-- Today's "below zero" count, which was a full scan.
CREATE INDEX lots_qty ON lots (qty, id);
CREATE INDEX lots_unit ON lots (unit, expiry, id);
CREATE INDEX lots_last ON lots (last_hlc, id);

-- Lot codes and supplier lots by any three characters: a search that matches few
-- lots among a million finds them through this instead of reading every lot.
-- External content: the text itself stays in lots; triggers keep the index.
CREATE VIRTUAL TABLE lots_text USING fts5(code, supplier_lot, content='lots', content_rowid='id',
                                          tokenize='trigram');
INSERT INTO lots_text (lots_text) VALUES ('rebuild');
CREATE TRIGGER lots_text_insert AFTER INSERT ON lots BEGIN
	INSERT INTO lots_text (rowid, code, supplier_lot) VALUES (new.id, new.code, new.supplier_lot);
END;
CREATE TRIGGER lots_text_delete AFTER DELETE ON lots BEGIN
	INSERT INTO lots_text (lots_text, rowid, code, supplier_lot)
	VALUES ('delete', old.id, old.code, old.supplier_lot);
END;
CREATE TRIGGER lots_text_update AFTER UPDATE OF code, supplier_lot ON lots BEGIN
	INSERT INTO lots_text (lots_text, rowid, code, supplier_lot)
	VALUES ('delete', old.id, old.code, old.supplier_lot);
	INSERT INTO lots_text (rowid, code, supplier_lot) VALUES (new.id, new.code, new.supplier_lot);
END;
