-- Orders, runs, recipes and documents change status by last writer wins on
-- the clock stamp; with two stamps equal (two terminals offline in the same
-- millisecond, or a clock held back) the entry applied last won, so two stores
-- that received them in a different order kept different statuses. As lots
-- already do, the site of the entry that set the status is kept and the
-- greater site id wins a tie. A document's reviewer had no stamp at all: the
-- assignment applied last won even when it was the older one; it gets its own
-- stamp, which starts at the document's last change.
--
-- An order's reservations are changed by its confirmation, picks, short picks,
-- cancellation and shipment. Made offline on two terminals, these applied in a
-- different order left different reservations. Now each store keeps which
-- entries those are for each order (order_entries) and the stamp of the newest
-- it applied (reserve_hlc, reserve_site): an entry that arrives after a newer
-- one has its order's reservations worked out again from all of them in clock
-- order, so every store ends with what that order gives.
ALTER TABLE orders ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE recipes ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN reviewer_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN reviewer_site TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN reserve_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN reserve_site TEXT NOT NULL DEFAULT '';
CREATE TABLE order_entries (
	order_id INTEGER NOT NULL REFERENCES orders(id),
	entry INTEGER NOT NULL REFERENCES journal(id),
	PRIMARY KEY (order_id, entry)
) WITHOUT ROWID;
INSERT OR IGNORE INTO order_entries (order_id, entry)
	SELECT o.id, j.id FROM journal j JOIN orders o ON o.ref = json_extract(j.payload, '$.ref')
	WHERE j.kind IN ('order.confirm', 'order.pick', 'order.short', 'order.cancel', 'order.ship');
UPDATE orders SET (reserve_hlc, reserve_site) = (
	SELECT j.hlc, si.site_id FROM order_entries oe JOIN journal j ON j.id = oe.entry
	JOIN sites si ON si.id = j.site WHERE oe.order_id = orders.id
	ORDER BY j.hlc DESC, si.site_id DESC LIMIT 1)
WHERE id IN (SELECT order_id FROM order_entries);
-- A batch record kept whichever signature arrived first, a recall the close
-- that arrived last, and a recall's customer the first notification or
-- acknowledgement to arrive: now the earliest signature (the greater site id on
-- a tie), the newest close, the earliest notification and acknowledgement.
ALTER TABLE runs ADD COLUMN signed_site TEXT NOT NULL DEFAULT '';
-- A run started or finished on two terminals kept the shortage bypass or the
-- result (yield, costs) that arrived last: now the newest, with stamps of
-- their own (a run's later status changes do not move them).
ALTER TABLE runs ADD COLUMN bypass_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN bypass_site TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN result_hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN result_site TEXT NOT NULL DEFAULT '';
ALTER TABLE recalls ADD COLUMN closed_site TEXT NOT NULL DEFAULT '';
UPDATE documents SET reviewer_hlc = changed_hlc WHERE reviewer <> '';
