# Helpers for the sync scenario tests: stores named after their role, a central
# peer on a free loopback port, bounded waits that poll, and every background
# process killed when the test ends.
. "$TESTDIR/cli/lib.sh"
unset LOTLINE_DB
export LOTLINE_USER=ana
PROBE="$(dirname "$LOTLINE")/tests/tools/sync_probe"
BG_PIDS=""
trap 'for p in $BG_PIDS; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$TMPD"' EXIT

# st NAME ARGS...: lotline on the store NAME
st() { n=$1; shift; "$LOTLINE" --db "$TMPD/$n.db" "$@"; }

# mkstore NAME CODE: a new store whose owner is ana
mkstore() { st "$1" init --owner ana --site-code "$2" >/dev/null || exit 99; }

# bg COMMAND...: run in the background, remembered for the cleanup; sets BG
bg() { "$@" & BG=$!; BG_PIDS="$BG_PIDS $BG"; }

# wait_until SECONDS COMMAND...: poll every 0.05 s until the command succeeds
wait_until() {
	_wl=$(( $1 * 20 )); shift
	_wi=0
	while [ $_wi -lt "$_wl" ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.05
		_wi=$((_wi + 1))
	done
	return 1
}

# start_central NAME: serve the store NAME on PORT (picked free the first time)
start_central() {
	: "${PORT:=}"
	tries=0
	while :; do
		[ -n "$PORT" ] || PORT=$(( 20000 + ($$ * 7 + tries * 131) % 40000 ))
		: > "$TMPD/serve.out"
		bg "$LOTLINE" --db "$TMPD/$1.db" serve --listen "tcp://127.0.0.1:$PORT" \
			--log "$TMPD/serve.log" > "$TMPD/serve.out" 2> "$TMPD/serve.err"
		SERVE_PID=$BG
		if wait_until 10 grep -q listening "$TMPD/serve.out"; then
			ADDR="tcp://127.0.0.1:$PORT"
			return 0
		fi
		kill -KILL "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null
		if [ -n "${ADDR:-}" ] || [ $tries -ge 20 ]; then
			echo "cannot start the central peer: $(cat "$TMPD/serve.err")" >&2
			exit 99
		fi
		PORT=""
		tries=$((tries + 1))
	done
}

stop_central() { kill -TERM "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null; }
kill_central() { kill -KILL "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null; }

# enroll CENTRAL TERMINAL: each records the other's key (the terminal with ADDR)
enroll() {
	st "$1" peer enroll $(st "$2" peer key) >/dev/null || exit 99
	st "$2" peer enroll $(st "$1" peer key) --address "$ADDR" >/dev/null || exit 99
}

# central_and_two: stores central (code C), a (A) and b (B), the central serving,
# the two terminals enrolled with it
central_and_two() {
	mkstore central C
	mkstore a A
	mkstore b B
	start_central central
	enroll central a
	enroll central b
}

# sql NAME QUERY: the sqlite3 shell's answer on the store NAME
sql() { "$SQLITE3" "$TMPD/$1.db" "$2"; }

# stamp NAME SITE_ID: the clock stamp of SITE_ID's newest entry on the store NAME
stamp() {
	sql "$1" "SELECT j.hlc FROM journal j JOIN sites s ON s.id = j.site
		WHERE s.site_id = '$2' ORDER BY j.seq DESC LIMIT 1"
}

# What must be the same on every store that has the same entries.
journal_dump() {
	"$SQLITE3" "$TMPD/$1.db" "SELECT s.site_id, j.seq, hex(j.hash) FROM journal j
		JOIN sites s ON s.id = j.site ORDER BY s.site_id, j.seq"
}
# rows in a fixed order: the ledger breaks ties of expiry by local row ids
ledger_dump() { st "$1" ledger --format csv --all | sort; }
# what orders hold of which lots (row ids differ between stores: codes instead)
allocations_dump() {
	"$SQLITE3" "$TMPD/$1.db" "SELECT o.ref, a.line, l.code, a.qty, a.picked, a.reserved
		FROM allocations a JOIN orders o ON o.id = a.order_id JOIN lots l ON l.id = a.lot_id
		ORDER BY 1, 2, 3"
}
exceptions() { "$SQLITE3" "$TMPD/$1.db" "SELECT count(*) FROM exceptions WHERE resolved_by IS NULL"; }

# same_everywhere WHAT NAMES...: ledgers, journals and reservations identical to the
# first store's
same_everywhere() {
	what=$1; first=$2; shift 2
	journal_dump "$first" > "$TMPD/j.$first"
	ledger_dump "$first" > "$TMPD/l.$first"
	allocations_dump "$first" > "$TMPD/a.$first"
	for n in "$@"; do
		journal_dump "$n" > "$TMPD/j.$n"
		ledger_dump "$n" > "$TMPD/l.$n"
		allocations_dump "$n" > "$TMPD/a.$n"
		cmp -s "$TMPD/a.$first" "$TMPD/a.$n" ||
			fail "$what: reservations of $first and $n differ: $(diff "$TMPD/a.$first" "$TMPD/a.$n" | head -5)"
		cmp -s "$TMPD/j.$first" "$TMPD/j.$n" ||
			fail "$what: journals of $first and $n differ: $(diff "$TMPD/j.$first" "$TMPD/j.$n" | head -5)"
		cmp -s "$TMPD/l.$first" "$TMPD/l.$n" ||
			fail "$what: ledgers of $first and $n differ: $(diff "$TMPD/l.$first" "$TMPD/l.$n" | head -5)"
	done
}

verify_all() {
	for n in "$@"; do
		out=$(st "$n" verify 2>&1) || fail "verify $n: $out"
	done
}

# sync_ok NAME: a one-shot sync of NAME succeeds
sync_ok() {
	out=$(st "$1" sync --timeout 20 2>&1) || fail "sync $1: $out"
}
