# Shared helpers for command-line scenario tests: a fresh store per test, a fixed
# clock, and assertions that print what differed.
set -u
: "${LOTLINE:?LOTLINE must name the lotline binary}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/lotline-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
export LOTLINE_DB="$TMPD/store.db"
export LOTLINE_NOW="${LOTLINE_NOW:-2026-11-23T08:00:00Z}"
export TZ=UTC LC_ALL=C.UTF-8
failures=0

ll() { "$LOTLINE" "$@"; }

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect_ok DESCRIPTION COMMAND...: the command succeeds
expect_ok() {
	d=$1; shift
	if ! out=$("$@" 2>&1); then
		fail "$d: exited non-zero: $out"
	fi
}

# expect_fail DESCRIPTION PATTERN COMMAND...: fails, and stderr matches PATTERN
expect_fail() {
	d=$1; pat=$2; shift 2
	if out=$("$@" 2>&1); then
		fail "$d: succeeded but should have failed: $out"
	elif ! printf '%s' "$out" | grep -q -- "$pat"; then
		fail "$d: message '$out' does not match '$pat'"
	fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" != "$3" ]; then
		fail "$1: expected [$2], got [$3]"
	fi
}

# A small store: owner ana, operator olga, qa quinn; two locations, two items.
small_store() {
	ll init --owner ana --site-code T >/dev/null || exit 99
	export LOTLINE_USER=ana
	ll user add olga --role operator >/dev/null
	ll user add quinn --role qa >/dev/null
	ll location add DRY --name "Dry store" --kind dry >/dev/null
	ll location add COLD --name "Cold room" --kind cold >/dev/null
	ll item add FLOUR --name "Wheat flour" --kind ingredient --unit kg --shelf-life 240 --pack-size 25 >/dev/null
	ll item add HONEY --name "Honey" --kind ingredient --unit kg --density 1.42 >/dev/null
	ll supplier add MILL --name "Northfield Mills" >/dev/null
}

# Count of journal rows straight from the store.
journal_count() { "$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM journal"; }

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures failure(s)" >&2
		exit 1
	fi
	exit 0
}
