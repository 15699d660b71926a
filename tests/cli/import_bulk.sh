# A large file of opening lots goes in with the ledger's indexes set aside and
# built once at the end: the same lots, the indexes all back, verify clean; a
# file with a problem or a dry run leaves the store as it was, indexes too. With
# no one else on the store the load takes it alone (a rollback journal: pages
# written once), and gives it back in WAL; beside another connection it stays
# in WAL.
. "$TESTDIR/cli/lib.sh"
cd "$TMPD" || exit 99
ITEMS=50 LOCATIONS=5 SUPPLIERS=3 sh "$TESTDIR/bench/gen_lots_csv.sh" 25000 big >/dev/null ||
	exit 99
ll init --owner ana --site-code BK >/dev/null || exit 99
export LOTLINE_USER=ana
for k in items locations suppliers; do
	ll import "$k" "big/$k.csv" >/dev/null || exit 99
done
indexes() {
	"$SQLITE3" "$LOTLINE_DB" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE
		type = 'index' AND tbl_name IN ('lots', 'movements') AND sql IS NOT NULL ORDER BY name)"
}
before=$(indexes)
[ -n "$before" ] || fail "no indexes to start with"
# where an index starts in the file: a new place when it was built again
root() { "$SQLITE3" "$LOTLINE_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'lots_expiry'"; }
root_before=$(root)
# the index a load only appends to stays where it is: kept, not built again
kept() { "$SQLITE3" "$LOTLINE_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'lots_last'"; }
kept_before=$(kept)
text_hits() { "$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM lots_text WHERE lots_text MATCH '\"$1\"'"; }
trigger() { "$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM sqlite_master WHERE name = 'lots_text_insert'"; }
mode() { "$SQLITE3" "$LOTLINE_DB" "PRAGMA journal_mode"; }
# the log's size in KiB: a load that went through it leaves it megabytes long
wal_kib() { [ -f "$LOTLINE_DB-wal" ] && echo $(($(stat -c %s "$LOTLINE_DB-wal") / 1024)) || echo 0; }

# a problem on the last line: nothing imported, the indexes as they were
cp big/lots.csv bad.csv
tail -1 big/lots.csv | sed 's/,kg,/,furlong,/' >> bad.csv
expect_fail "a bad last row" "bad.csv:25002:" ll import lots bad.csv
expect_eq "nothing imported" "0" "$("$SQLITE3" "$LOTLINE_DB" 'SELECT count(*) FROM lots')"
expect_eq "indexes back after the failure" "$before" "$(indexes)"
expect_eq "the store back in WAL after the failure" "wal" "$(mode)"

expect_ok "a dry run" ll import lots big/lots.csv --dry-run
expect_eq "nothing written by the dry run" "0" "$("$SQLITE3" "$LOTLINE_DB" 'SELECT count(*) FROM lots')"
expect_eq "indexes back after the dry run" "$before" "$(indexes)"
expect_eq "the text index's trigger back after the dry run" "1" "$(trigger)"
expect_eq "nothing in the text index after the dry run" "0" "$(text_hits LOT)"

expect_ok "the import" ll import lots big/lots.csv
expect_eq "every lot" "25000" "$("$SQLITE3" "$LOTLINE_DB" 'SELECT count(*) FROM lots')"
expect_eq "every index built again" "$before" "$(indexes)"
[ "$(root)" != "$root_before" ] || fail "the indexes were not set aside: lots_expiry is where it was"
expect_eq "lots_last kept" "$kept_before" "$(kept)"
expect_eq "the store back in WAL" "wal" "$(mode)"
# the text index gets every new lot in one statement at the end, and its trigger back
expect_eq "every lot code in the text index" "25000" "$(text_hits LOT)"
expect_eq "every supplier lot in the text index" "25000" "$(text_hits SL-)"
expect_eq "the text index's trigger back" "1" "$(trigger)"
expect_eq "its pending-terms hash back to FTS5's default" "1048576" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT v FROM lots_text_config WHERE k = 'hashsize'")"
expect_ok "a receipt after the import" ll receive I00001 5 --location B001 --lot AFTER-BULK-1
expect_eq "the trigger indexes it" "1" "$(text_hits AFTER-BULK)"
expect_eq "the indexes agree with the table" "ok" "$("$SQLITE3" "$LOTLINE_DB" 'PRAGMA integrity_check')"
expect_ok "verify" ll verify
# the indexes serve: a lot found by search, and the ledger in expiry order
lot=$(sed -n 2p big/lots.csv | cut -d, -f2)
expect_eq "a search finds a lot" "1" "$(ll ledger --search "$lot" --format tsv | tail -n +2 | grep -c "$lot")"

# beside another connection (a screen, sync) the load runs in WAL and they both go on
sed -e 's/,LOT/,LOU/' -e 's/,SL-/,SM-/' big/lots.csv > more.csv
fifo=$TMPD/hold
mkfifo "$fifo"
"$SQLITE3" "$LOTLINE_DB" < "$fifo" > held.out &
holder=$!
exec 3> "$fifo"
echo "SELECT count(*) FROM lots;" >&3
tries=0
until [ -s held.out ] || [ $tries -ge 50 ]; do
	sleep 0.1
	tries=$((tries + 1))
done
expect_ok "an import beside another connection" ll import lots more.csv
# (the last connection to close empties the log: look while the other is open)
[ "$(wal_kib)" -ge 512 ] || fail "the load did not go through the log beside another connection"
echo "SELECT count(*) FROM lots WHERE code LIKE 'LOU%';" >&3
exec 3>&-
wait $holder
expect_eq "the other connection read on, and sees the import" "25001
25000" "$(cat held.out)"
expect_eq "every lot of the second file" "25000" "$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM lots WHERE code LIKE 'LOU%'")"
expect_eq "still in WAL" "wal" "$(mode)"
expect_eq "the indexes agree with the table after the second load" "ok" \
	"$("$SQLITE3" "$LOTLINE_DB" 'PRAGMA integrity_check')"
finish
