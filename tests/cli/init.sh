# init: a store with a site code and an owner; refusals.
. "$TESTDIR/cli/lib.sh"

expect_fail "init needs an owner" "owner" ll init
expect_ok "init" ll init --owner ana --site-code KX
expect_fail "init twice" "already a lotline store" ll init --owner bob
expect_fail "bad site code" "site code" ll init --db "$TMPD/other.db" --owner a --site-code kx1
expect_eq "site code" "KX" "$("$SQLITE3" "$LOTLINE_DB" "SELECT value FROM meta WHERE key='site_code'")"
expect_eq "journal mode" "wal" "$("$SQLITE3" "$LOTLINE_DB" "PRAGMA journal_mode")"
expect_eq "owner" "ana" "$(ll user list --format tsv | awk -F'\t' 'NR==2 {print $1}')"
expect_fail "no store" "no store at" ll ledger --db "$TMPD/none.db"
ll --version | grep -q "^lotline " || fail "--version"
ll --help | grep -q "receive" || fail "--help lists commands"
ll receive --help | grep -q -- "--location" || fail "receive --help"
expect_fail "unknown command" "not a command" ll frobnicate
expect_fail "unknown option" "unknown option --frob" ll ledger --frob
finish
