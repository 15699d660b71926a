-- Orders, runs, recipes and documents change status by last writer wins on
-- the clock stamp; with two stamps equal (two terminals offline in the same
-- millisecond, or a clock held back) the entry applied last won, so two stores
-- that received them in a different order kept different statuses. As lots
-- already do, the site of the entry that set the status is kept and the
-- greater site id wins a tie. A document's reviewer had no stamp at all: the
-- assignment applied last won even when it was the older one; it gets its own
-- stamp, which starts at the document's last change.
--
-- An order's reservations are made by its confirmation and given up by its
-- cancellation or shipment. Made offline on two terminals, these applied in a
-- different order left different reservations; now the newest of them decides,
-- through a stamp of its own (a pick changes the status, not the
-- reservations). Orders already past draft start at their status's stamp.
ALTER TABLE orders ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE recipes ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN reviewer_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN reviewer_site TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN reserve_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN reserve_site TEXT NOT NULL DEFAULT '';
UPDATE orders SET reserve_hlc = status_hlc WHERE status <> 'draft';
-- A batch record kept whichever signature arrived first, a recall the close
-- that arrived last, and a recall's customer the first notification or
-- acknowledgement to arrive: now the earliest signature (the greater site id on
-- a tie), the newest close, the earliest notification and acknowledgement.
ALTER TABLE runs ADD COLUMN signed_site TEXT NOT NULL DEFAULT '';
ALTER TABLE recalls ADD COLUMN closed_site TEXT NOT NULL DEFAULT '';
UPDATE documents SET reviewer_hlc = changed_hlc WHERE reviewer <> '';
