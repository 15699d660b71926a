#!/bin/sh
# Sync figures (make sync-bench, and the end of make bench): catch-up of a
# terminal that was offline while entries were recorded elsewhere, a central
# peer receiving a terminal's entries beside raw ZeroMQ (CURVE, loopback) moving
# the same bytes, and commit-to-visible time between two terminals. Sizes:
# BENCH_SYNC_CATCHUP (100000), BENCH_SYNC_SEND (1000000), BENCH_SYNC_LATENCY (200).
# Prints; asserts nothing.
set -eu
: "${LOTLINE:?}" "${BENCH:?}" "${LATENCY:?}" "${ZMQ_RAW:?}" "${SYNC_DIR:?}"
SQLITE3=${SQLITE3:-sqlite3}
CATCHUP=${BENCH_SYNC_CATCHUP:-100000}
SEND=${BENCH_SYNC_SEND:-1000000}
LAT=${BENCH_SYNC_LATENCY:-200}
export TZ=UTC LC_ALL=C.UTF-8
unset LOTLINE_NOW LOTLINE_DB LOTLINE_USER
rm -rf "$SYNC_DIR"
mkdir -p "$SYNC_DIR"
D=$SYNC_DIR
SERVE=""
trap 'for p in $SERVE; do kill -KILL "$p" 2>/dev/null; done' EXIT

secs() { date +%s.%N; }
l() { db=$1; shift; "$LOTLINE" --db "$D/$db.db" --user bench "$@"; }
port=$(( 20000 + $$ % 30000 ))

# serve NAME: a central peer on the next port; sets ADDR
serve() {
	port=$((port + 1))
	ADDR="tcp://127.0.0.1:$port"
	"$LOTLINE" --db "$D/$1.db" serve --listen "$ADDR" --log "$D/$1.log" > "$D/$1.out" 2>&1 &
	SERVE="$SERVE $!"
	i=0
	while ! grep -q listening "$D/$1.out" && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
}
# pair CENTRAL TERMINAL: enrol each with the other
pair() {
	l "$1" peer enroll $(l "$2" peer key) >/dev/null
	l "$2" peer enroll $(l "$1" peer key) --address "$ADDR" >/dev/null
}
count() { "$SQLITE3" "$D/$1.db" "SELECT count(*) FROM journal"; }

echo
echo "sync: catch-up $CATCHUP entries, send $SEND, commit-to-visible x$LAT ($(nproc) cores)"
printf '%-44s %14s %14s\n' "figure" "lotline" "raw ZeroMQ"

# --- catch-up: the central has CATCHUP entries the terminal never saw ---
"$BENCH" gen "$D/c1.db" $((CATCHUP / 10)) "$CATCHUP" > /dev/null
"$LOTLINE" --db "$D/t1.db" init --owner bench --site-code T >/dev/null
serve c1
pair c1 t1
t0=$(secs)
l t1 sync --timeout 600 > "$D/t1.sync"
t1=$(secs)
n=$(count t1)
s=$(echo "$t1 - $t0" | bc -l)
printf '%-44s %12.2f s   (%d entries, %.0f entries/s)\n' "catch-up after offline (target < 10 s)" \
	"$s" "$n" "$(echo "$n / $s" | bc -l)"

# --- a central receiving SEND entries from one terminal ---
"$BENCH" gen "$D/t2.db" $((SEND / 10)) "$SEND" > /dev/null
"$LOTLINE" --db "$D/c2.db" init --owner bench --site-code C >/dev/null
serve c2
pair c2 t2
t0=$(secs)
l t2 sync --timeout 3600 > "$D/t2.sync"
t1=$(secs)
n=$(count t2)
s=$(echo "$t1 - $t0" | bc -l)
# the bytes the entries take on the wire (fields, lengths, hashes)
bytes=$("$SQLITE3" "$D/t2.db" "SELECT sum(length(payload) + length(user) + length(terminal) + length(kind) + 33 + 64 + 16) FROM journal")
batches=$(( (n + 999) / 1000 ))
raw=$("$ZMQ_RAW" $((bytes / batches)) "$batches")
raw_s=$(printf '%s\n' "$raw" | cut -f1)
printf '%-44s %10.0f e/s %10.0f e/s   (%d entries, %d MB; lotline %.1f s, raw %.2f s: %.0fx)\n' \
	"central receiving one terminal's entries" "$(echo "$n / $s" | bc -l)" \
	"$(echo "$n / $raw_s" | bc -l)" "$n" $((bytes / 1048576)) "$s" "$raw_s" "$(echo "$s / $raw_s" | bc -l)"

# --- commit on one terminal, visible on another ---
"$LOTLINE" --db "$D/c3.db" init --owner bench --site-code C >/dev/null
"$LOTLINE" --db "$D/a3.db" init --owner bench --site-code A >/dev/null
"$LOTLINE" --db "$D/b3.db" init --owner bench --site-code B >/dev/null
serve c3
pair c3 a3
pair c3 b3
l a3 location add DRY --name Dry --kind dry >/dev/null
l a3 item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(l a3 receive FLOUR 10 --location DRY)
"$LATENCY" "$D/a3.db" "$D/b3.db" bench "$lot" "$LAT" > "$D/latency.out"
"$LATENCY" "$D/a3.db" "$D/b3.db" bench "$lot" "$((LAT / 4 + 1))" --no-notify > "$D/latency2.out"
med=$(awk '/^commit-to-visible/ {print $3}' "$D/latency.out")
p99=$(awk '/^commit-to-visible/ {print $6}' "$D/latency.out")
printf '%-44s %11s ms   (p99 %s ms; target median < 100 ms)\n' \
	"commit-to-visible, screens' agent (median)" "$med" "$p99"
med=$(awk '/^commit-to-visible/ {print $5}' "$D/latency2.out")
p99=$(awk '/^commit-to-visible/ {print $8}' "$D/latency2.out")
printf '%-44s %11s ms   (p99 %s ms)\n' "commit-to-visible, shell commit (median)" "$med" "$p99"
