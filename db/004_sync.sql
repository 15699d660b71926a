-- lotline store, sync: the peers this store may sync with, and the progress of
-- each sync. Where a store is in every site's chain is the journal itself.

-- Enrolled peers. On a central peer: the terminals allowed to connect (their
-- CURVE public keys, Z85); on a terminal: the central peer it syncs with (with an
-- address). A revoked key stays listed so that it is refused with a reason.
CREATE TABLE peers (
	id INTEGER PRIMARY KEY,
	public_key TEXT NOT NULL UNIQUE,
	site_id TEXT NOT NULL,
	code TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	enrolled_ms INTEGER NOT NULL,
	revoked_ms INTEGER
);
-- One live key per site: enrolling a site again (a terminal after a disk swap)
-- revokes its old key.
CREATE UNIQUE INDEX peers_site ON peers (site_id) WHERE revoked_ms IS NULL;

-- Per peer site: totals, when the two stores were last level, and how far the
-- peer has acknowledged this store's own chain (for "entries waiting"). Written
-- in the same transaction as the entries a batch applied.
CREATE TABLE sync_state (
	peer_site TEXT PRIMARY KEY,
	received INTEGER NOT NULL DEFAULT 0,
	sent INTEGER NOT NULL DEFAULT 0,
	peer_has_own INTEGER NOT NULL DEFAULT 0,
	last_sync_ms INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Two sites can stamp changes of one record with equal clocks (the same
-- millisecond, or clocks fixed in tests): the greater site id wins, so every
-- store settles on the same value whatever order the entries came in.
ALTER TABLE lots ADD COLUMN status_site TEXT NOT NULL DEFAULT '';
ALTER TABLE lots ADD COLUMN location_site TEXT NOT NULL DEFAULT '';
ALTER TABLE lots ADD COLUMN last_site TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE locations ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE settings ADD COLUMN site TEXT NOT NULL DEFAULT '';
