# init: a store with a site code and an owner; refusals.
. "$TESTDIR/cli/lib.sh"

expect_fail "init needs an owner" "owner" ll init
expect_ok "init" ll init --owner ana --site-code KX
expect_fail "init twice" "already a lotline store" ll init --owner bob
expect_fail "bad site code" "site code" ll init --db "$TMPD/other.db" --owner a --site-code kx1
expect_eq "site code" "KX" "$("$SQLITE3" "$LOTLINE_DB" "SELECT value FROM meta WHERE key='site_code'")"
expect_eq "journal mode" "wal" "$("$SQLITE3" "$LOTLINE_DB" "PRAGMA journal_mode")"
# a lot's status is checked by comparisons, not IN (a temporary table per row written)
lots_sql() { "$SQLITE3" "$LOTLINE_DB" "SELECT sql FROM sqlite_schema WHERE name = 'lots'"; }
status_check() { lots_sql | grep -o "CHECK (status[^,]*"; }
new_check="CHECK (status = 'available' OR status = 'hold' OR status = 'quarantine' OR status = 'consumed' OR status = 'shipped' OR status = 'scrapped' OR status = 'returned')"
expect_eq "the status check" "$new_check" "$(status_check)"
insert_lot="INSERT INTO lots (code, item_id, received, expiry, unit, location_id, location_hlc,
	status, status_hlc, origin, last_hlc, last_kind, entry) VALUES ('X', 1, '', '', 'kg', 1, 0,
	'STATUS', 0, 'test', 0, '', 1)"
ephemeral() { "$SQLITE3" "$LOTLINE_DB" "EXPLAIN $(echo "$insert_lot" | sed s/STATUS/available/)" |
	grep -c OpenEphemeral; }
expect_eq "no temporary table to check a status" "0" "$(ephemeral)"
"$SQLITE3" "$LOTLINE_DB" "PRAGMA foreign_keys = OFF; $(echo "$insert_lot" | sed s/STATUS/lost/)" \
	2>/dev/null && fail "a status outside the list was stored"
# a store from before (the IN list, schema version 8) is brought up to date on
# opening; its confirmed order's confirmation is listed and its stamp taken
export LOTLINE_USER=ana
ll location add DRY --name Dry --kind dry >/dev/null &&
	ll item add SALT --name Salt --kind ingredient --unit kg >/dev/null &&
	ll customer add SHOP1 --name Shop >/dev/null && ll receive SALT 5 --location DRY >/dev/null &&
	ll order add SO1 --customer SHOP1 --line SALT:1 >/dev/null &&
	ll order add SO2 --customer SHOP1 --line SALT:1 >/dev/null &&
	ll order confirm SO1 >/dev/null || exit 99
"$SQLITE3" "$LOTLINE_DB" "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = replace(sql, \"$new_check\",
	'CHECK (status IN (''available'', ''hold'', ''quarantine'', ''consumed'',
		''shipped'', ''scrapped'', ''returned''))') WHERE name = 'lots';
	PRAGMA writable_schema = OFF; PRAGMA user_version = 8" || exit 99
# (and without what later migrations added: 014's tie-break columns)
"$SQLITE3" "$LOTLINE_DB" "ALTER TABLE orders DROP COLUMN status_site;
	ALTER TABLE runs DROP COLUMN status_site; ALTER TABLE recipes DROP COLUMN status_site;
	ALTER TABLE documents DROP COLUMN status_site; ALTER TABLE documents DROP COLUMN reviewer_hlc;
	ALTER TABLE documents DROP COLUMN reviewer_site; ALTER TABLE orders DROP COLUMN reserve_hlc;
	ALTER TABLE orders DROP COLUMN reserve_site; ALTER TABLE runs DROP COLUMN signed_site;
	ALTER TABLE recalls DROP COLUMN closed_site; DROP TABLE order_entries;
	ALTER TABLE runs DROP COLUMN bypass_hlc; ALTER TABLE runs DROP COLUMN bypass_site;
	ALTER TABLE runs DROP COLUMN result_hlc; ALTER TABLE runs DROP COLUMN result_site" || exit 99
expect_eq "the old check in place" "1" "$(lots_sql | grep -c "status IN (")"
expect_ok "opening the old store" ll ledger
expect_eq "the status check after the upgrade" "$new_check" "$(status_check)"
expect_eq "no temporary table after the upgrade" "0" "$(ephemeral)"
expect_eq "the schema is sound" "ok" "$("$SQLITE3" "$LOTLINE_DB" "PRAGMA integrity_check")"
expect_eq "the confirmation listed as the order's entry" "SO1 order.confirm" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT o.ref || ' ' || j.kind FROM order_entries oe
		JOIN orders o ON o.id = oe.order_id JOIN journal j ON j.id = oe.entry")"
expect_eq "a confirmed order's reservation stamp is its status stamp, a draft's none" \
	"SO1 1
SO2 0" "$("$SQLITE3" "$LOTLINE_DB" "SELECT ref || ' ' || (reserve_hlc = status_hlc AND reserve_hlc > 0)
	FROM orders ORDER BY ref")"
expect_eq "the tie-break columns after the upgrade" "14" "$("$SQLITE3" "$LOTLINE_DB" "SELECT
	(SELECT count(*) FROM pragma_table_info('orders') WHERE name IN
		('status_site', 'reserve_hlc', 'reserve_site')) +
	(SELECT count(*) FROM pragma_table_info('runs') WHERE name IN ('status_site', 'signed_site',
		'bypass_hlc', 'bypass_site', 'result_hlc', 'result_site')) +
	(SELECT count(*) FROM pragma_table_info('recalls') WHERE name = 'closed_site') +
	(SELECT count(*) FROM pragma_table_info('recipes') WHERE name = 'status_site') +
	(SELECT count(*) FROM pragma_table_info('documents') WHERE name IN
		('status_site', 'reviewer_hlc', 'reviewer_site'))")"
expect_eq "owner" "ana" "$(ll user list --format tsv | awk -F'\t' 'NR==2 {print $1}')"
expect_fail "no store" "no store at" ll ledger --db "$TMPD/none.db"
ll --version | grep -q "^lotline " || fail "--version"
ll --help | grep -q "receive" || fail "--help lists commands"
ll receive --help | grep -q -- "--location" || fail "receive --help"
expect_fail "unknown command" "not a command" ll frobnicate
expect_fail "unknown option" "unknown option --frob" ll ledger --frob
finish
