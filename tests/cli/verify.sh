# verify: append-only triggers, and every kind of tampering found and named.
. "$TESTDIR/cli/lib.sh"
[ -n "$SQLITE3" ] || { echo "no sqlite3 shell"; exit 77; }
small_store
a=$(ll receive FLOUR 10 --location DRY)
b=$(ll receive FLOUR 20 --location DRY)
ll adjust "$a" 9 --reason count >/dev/null
ll move "$b" COLD >/dev/null
expect_ok "clean store verifies" ll verify
ll verify | grep -q "verified 13 journal entries" || fail "verify counts entries"

# the triggers refuse changes even from the shell
expect_fail "journal update refused" "append-only" "$SQLITE3" "$LOTLINE_DB" "UPDATE journal SET user='x' WHERE seq=1"
expect_fail "journal delete refused" "append-only" "$SQLITE3" "$LOTLINE_DB" "DELETE FROM journal WHERE seq=13"
expect_fail "movement update refused" "append-only" "$SQLITE3" "$LOTLINE_DB" "UPDATE movements SET qty=1"
expect_fail "movement delete refused" "append-only" "$SQLITE3" "$LOTLINE_DB" "DELETE FROM movements"

site=$("$SQLITE3" "$LOTLINE_DB" "SELECT value FROM meta WHERE key='site_id'")
tamper() { # NAME SQL: a copy of the store with triggers dropped and SQL applied
	cp "$LOTLINE_DB" "$TMPD/$1.db"
	"$SQLITE3" "$TMPD/$1.db" "DROP TRIGGER journal_append_only_update; DROP TRIGGER journal_append_only_delete;
		DROP TRIGGER movements_append_only_update; DROP TRIGGER movements_append_only_delete; $2"
}

tamper payload "UPDATE journal SET payload=replace(payload, '\"qty\":\"20000000\"', '\"qty\":\"2000000\"') WHERE seq=11"
expect_fail "changed payload" "entry $site/11: its hash does not match its content" ll verify --db "$TMPD/payload.db"

tamper deleted "DELETE FROM journal WHERE seq=12"
expect_fail "deleted entry" "entry $site/13: expected sequence 12" ll verify --db "$TMPD/deleted.db"

tamper rehashed "UPDATE journal SET hash=zeroblob(32) WHERE seq=12"
expect_fail "broken chain" "entry $site/1[23]:" ll verify --db "$TMPD/rehashed.db"

tamper balance "UPDATE lots SET qty=qty+1000000 WHERE code='$b'"
expect_fail "lot balance edited" "lot $b: balance 21 differs from the sum of its movements 20" ll verify --db "$TMPD/balance.db"

tamper both "UPDATE lots SET qty=qty+1000000 WHERE code='$b'; UPDATE movements SET qty=qty+1000000 WHERE lot_id=(SELECT id FROM lots WHERE code='$b')"
expect_fail "lot and movements edited together" "lot $b differs from what the journal says" ll verify --db "$TMPD/both.db"

tamper location "UPDATE lots SET location_id=(SELECT id FROM locations WHERE code='DRY') WHERE code='$b'"
expect_fail "location edited" "lot $b differs" ll verify --db "$TMPD/location.db"
finish
