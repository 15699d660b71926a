#!/bin/sh
# make bench: a large generated store, each figure beside the same work done by
# the sqlite3 shell on the same kind of file (the floor no SQLite program beats).
# Sizes: BENCH_LOTS (1000000) and BENCH_MOVES (5000000). Prints; asserts nothing.
set -eu
: "${LOTLINE:?}" "${BENCH:?}" "${BENCH_DIR:?}"
SQLITE3=${SQLITE3:-sqlite3}
LOTS=${BENCH_LOTS:-1000000}
MOVES=${BENCH_MOVES:-5000000}
export TZ=UTC LC_ALL=C.UTF-8
unset LOTLINE_NOW LOTLINE_DB LOTLINE_USER
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
db="$BENCH_DIR/lotline.db"
floor="$BENCH_DIR/shell.db"

secs() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
# shell_ms SQL [RUNS]: mean wall time of one run of SQL in the sqlite3 shell: 200
# (or RUNS) runs in one shell process, less as many runs of "SELECT 1;" (start-up
# and statement overhead). The shell's own .timer only resolves milliseconds.
shell_ms() {
	q="$BENCH_DIR/q.sql"
	b="$BENCH_DIR/b.sql"
	n=${2:-200}
	: > "$q"
	: > "$b"
	i=0
	while [ $i -lt "$n" ]; do
		printf '%s\n' "$1" >> "$q"
		echo "SELECT 1;" >> "$b"
		i=$((i + 1))
	done
	t0=$(secs)
	"$SQLITE3" "$db" < "$b" > /dev/null
	t1=$(secs)
	"$SQLITE3" "$db" < "$q" > /dev/null
	t2=$(secs)
	echo "($t2 - $t1 - ($t1 - $t0)) * 1000 / $n" | bc -l | awk '{printf "%.3f", $1}'
}

echo "lotline benchmark: $LOTS lots, $MOVES movements ($(nproc) cores, $(uname -m))"
echo

# --- generation ---
t0=$(secs)
"$BENCH" gen "$db" "$LOTS" "$MOVES" > "$BENCH_DIR/gen.out"
t1=$(secs)
gen_s=$(elapsed "$t0" "$t1")

"$LOTLINE" --db "$floor" init --owner bench --site-code SH >/dev/null
t0=$(secs)
"$SQLITE3" "$floor" <<SQL
PRAGMA synchronous=FULL;
BEGIN;
INSERT INTO locations (code, name, kind, hlc) SELECT printf('L%02d', value), 'Location', 'dry', 0 FROM generate_series(0, 19);
INSERT INTO suppliers (code, name, hlc) SELECT printf('S%02d', value), 'Supplier', 0 FROM generate_series(0, 9);
INSERT INTO items (code, name, kind, category, base_unit, hlc) SELECT printf('I%03d', value), 'Item', 'ingredient', 'dry', 'kg', 0 FROM generate_series(0, 49);
INSERT INTO journal (site, seq, hlc, user, terminal, kind, payload, prev_hash, hash)
  SELECT 1, value + 2, value, 'bench', 'bench', CASE WHEN value <= $LOTS THEN 'lot.receive' ELSE 'lot.adjust' END,
    CASE WHEN value <= $LOTS THEN printf('{"lot":"G%07d","item":"I%03d","qty":"%d000000","unit":"kg","entered":"","supplier":"S%02d","supplier_lot":"SL%d","received":"2026-01-01","expiry":"2027-01-01","location":"L%02d","cost":"%d","status":"available","origin":"receive","note":""}', value, abs(random()) % 50, 1 + abs(random()) % 1000, abs(random()) % 10, abs(random()) % 10000000, abs(random()) % 20, abs(random()) % 5000000)
    ELSE printf('{"lot":"G%07d","qty":"%d000","reason":"count","note":""}', 1 + abs(random()) % $LOTS, 1 + abs(random()) % 100) END,
    randomblob(32), randomblob(32)
  FROM generate_series(1, $MOVES);
INSERT INTO lots (code, item_id, supplier_id, supplier_lot, received, expiry, unit, unit_cost, location_id, location_hlc, qty, status, status_hlc, origin, last_hlc, last_kind, entry)
  SELECT printf('G%07d', value), 1 + abs(random()) % 50, 1 + abs(random()) % 10, printf('SL%d', abs(random()) % 10000000),
    date(julianday('now') - abs(random()) % 730), date(julianday('now') + abs(random()) % 760 - 300),
    'kg', abs(random()) % 5000000, 1 + abs(random()) % 20, 0, (1 + abs(random()) % 1000) * 1000000, 'available', 0, 'receive', value, 'receive', value + 2
  FROM generate_series(1, $LOTS);
INSERT INTO movements (entry, idx, lot_id, kind, qty, hlc)
  SELECT value + 2, 0, CASE WHEN value <= $LOTS THEN value ELSE 1 + abs(random()) % $LOTS END,
    CASE WHEN value <= $LOTS THEN 'receive' ELSE 'adjust' END, 1000, value
  FROM generate_series(1, $MOVES);
COMMIT;
SQL
t1=$(secs)
floor_gen_s=$(elapsed "$t0" "$t1")
printf '%-44s %14s %14s\n' "figure" "lotline" "sqlite3 shell"
printf '%-44s %12.1f s %12.1f s   (%s)\n' "generate the store" "$gen_s" "$floor_gen_s" "$(cut -f4 "$BENCH_DIR/gen.out")"

# --- one receive, one committed transaction ---
"$BENCH" receive "$db" 300 > "$BENCH_DIR/receive.out"
rec_med=$(awk -F'\t' '{print $2}' "$BENCH_DIR/receive.out" | awk '{print $2}')
rec_p99=$(awk -F'\t' '{print $3}' "$BENCH_DIR/receive.out" | awk '{print $2}')
{
	echo "PRAGMA synchronous=FULL;"
	i=0
	while [ $i -lt 300 ]; do
		echo "BEGIN IMMEDIATE; INSERT INTO journal (site, seq, hlc, user, terminal, kind, payload, prev_hash, hash) VALUES (1, 100000000 + $i, 1, 'b', 'b', 'lot.receive', '{\"lot\":\"X\"}', randomblob(32), randomblob(32)); INSERT INTO lots (code, item_id, received, expiry, unit, location_id, location_hlc, qty, status, status_hlc, origin, last_hlc, last_kind, entry) VALUES ('SHELL$i', 8, '2026-11-23', '2027-01-01', 'kg', 8, 0, 12500000, 'available', 0, 'receive', 0, 'receive', last_insert_rowid()); INSERT INTO movements (entry, idx, lot_id, kind, qty, hlc) VALUES ((SELECT max(id) FROM journal), 0, last_insert_rowid(), 'receive', 12500000, 0); COMMIT;"
		i=$((i + 1))
	done
} > "$BENCH_DIR/receive.sql"
t0=$(secs)
"$SQLITE3" "$db" < "$BENCH_DIR/receive.sql" > /dev/null
t1=$(secs)
rec_shell=$(echo "($t1 - $t0) * 1000 / 300" | bc -l | awk '{printf "%.3f", $1}')
printf '%-44s %11s ms %11s ms\n' "receive, one commit (median; shell: mean)" "$rec_med" "$rec_shell"
printf '%-44s %11s ms\n' "receive, one commit (p99)" "$rec_p99"
# --- ledger first page ---
"$BENCH" ledger "$db" > "$BENCH_DIR/ledger.out"
SEL="SELECT l.id, l.code, l.item_id, i.code, i.name, i.category, coalesce(sp.code, ''), l.supplier_lot, l.received, CASE l.expiry WHEN '9999-12-31' THEN '' ELSE l.expiry END, l.unit, l.unit_cost, l.location_id, lo.code, l.qty, l.status, l.coa, l.origin, l.last_hlc, l.last_kind, (SELECT coalesce(sum(a.reserved), 0) FROM allocations a WHERE a.lot_id = l.id AND a.reserved > 0) FROM lots l JOIN items i ON i.id = l.item_id JOIN locations lo ON lo.id = l.location_id LEFT JOIN suppliers sp ON sp.id = l.supplier_id"
today=$(date +%Y-%m-%d)
week=$(date -d '+7 days' +%Y-%m-%d)
loc_shell=$(shell_ms "$SEL WHERE 1 AND l.qty <> 0 AND l.location_id = (SELECT id FROM locations WHERE code = 'L07') ORDER BY l.expiry, l.id LIMIT 50;")
exp_shell=$(shell_ms "$SEL WHERE 1 AND l.qty <> 0 AND l.expiry <= '$week' AND l.expiry >= '$today' ORDER BY l.expiry, l.id LIMIT 50;")
printf '%-44s %11s ms %11s ms\n' "ledger first page, --location (median/mean)" "$(sed -n 1p "$BENCH_DIR/ledger.out" | awk -F'\t' '{print $2}' | awk '{print $2}')" "$loc_shell"
printf '%-44s %11s ms %11s ms\n' "ledger first page, --expiring 7 (med/mean)" "$(sed -n 2p "$BENCH_DIR/ledger.out" | awk -F'\t' '{print $2}' | awk '{print $2}')" "$exp_shell"

# --- history of the lot with 1000 movements ---
"$BENCH" history "$db" G0000001 > "$BENCH_DIR/history.out"
hist_shell=$(shell_ms "WITH h AS MATERIALIZED (SELECT m.id, m.kind, m.qty, m.hlc, m.reason, m.note, m.from_location, m.to_location, m.status_before, m.status_after, m.corrects, j.user, j.terminal, si.site_id, j.seq, m.idx, row_number() OVER w AS no, sum(m.qty) OVER w AS balance FROM movements m JOIN journal j ON j.id = m.entry JOIN sites si ON si.id = j.site WHERE m.lot_id = 1 WINDOW w AS (ORDER BY m.hlc, si.site_id, j.seq, m.idx)) SELECT h.id, h.no, h.kind, h.qty, h.balance, h.hlc, h.user, h.terminal, h.reason, h.note, coalesce(fl.code, ''), coalesce(tl.code, ''), coalesce(h.status_before, ''), coalesce(h.status_after, ''), CASE WHEN h.corrects IS NULL THEN 0 ELSE (SELECT c.no FROM h c WHERE c.id = h.corrects) END, EXISTS (SELECT 1 FROM movements x WHERE x.corrects = h.id), h.site_id, h.seq, h.idx FROM h LEFT JOIN locations fl ON fl.id = h.from_location LEFT JOIN locations tl ON tl.id = h.to_location WHERE 0 = 0 OR h.no = 0 ORDER BY h.no;")
printf '%-44s %11s ms %11s ms   (%s)\n' "history, 1000+ movements (median/mean)" "$(awk -F'\t' '{print $2}' "$BENCH_DIR/history.out" | awk '{print $2}')" "$hist_shell" "$(cut -f1 "$BENCH_DIR/history.out")"

# --- traceability: the generator's genealogy (tests/bench/bench_trace.c) ---
"$BENCH" trace "$db" > "$BENCH_DIR/trace.out"
# The same answers as lotline's: every genealogy edge among the lots reached, and
# every shipment of them with its customer (or every input with its supplier).
fwd_sql() {
	echo "WITH RECURSIVE r(id, d) AS (SELECT id, 0 FROM lots WHERE code = '$1' UNION SELECT k.output_lot_id, r.d + 1 FROM r JOIN lot_links k ON k.input_lot_id = r.id WHERE r.d < 100), b AS MATERIALIZED (SELECT id, min(d) AS d FROM r GROUP BY id) SELECT b.d, o.code, i.code, n.code, ru.code, '', k.qty, o.received FROM b JOIN lot_links k ON k.output_lot_id = b.id JOIN lots o ON o.id = b.id JOIN items i ON i.id = o.item_id JOIN lots n ON n.id = k.input_lot_id JOIN runs ru ON ru.id = k.run_id WHERE b.d > 0 AND +k.input_lot_id IN (SELECT id FROM b) UNION ALL SELECT b.d, l.code, i.code, c.code, c.name, o.ref, h.qty, h.shipped FROM b JOIN shipments h ON h.lot_id = b.id JOIN lots l ON l.id = b.id JOIN items i ON i.id = l.item_id JOIN orders o ON o.id = h.order_id JOIN customers c ON c.id = o.customer_id ORDER BY 1, 2;"
}
bwd_sql() {
	echo "WITH RECURSIVE r(id, d) AS (SELECT id, 0 FROM lots WHERE code = '$1' UNION SELECT k.input_lot_id, r.d + 1 FROM r JOIN lot_links k ON k.output_lot_id = r.id WHERE r.d < 100), b AS MATERIALIZED (SELECT id, min(d) AS d FROM r GROUP BY id) SELECT b.d, l.code, i.code, o.code, ru.code, coalesce(s.code, ''), coalesce(s.name, ''), l.supplier_lot, k.qty, l.received FROM b JOIN lot_links k ON k.input_lot_id = b.id JOIN lots l ON l.id = b.id JOIN items i ON i.id = l.item_id JOIN lots o ON o.id = k.output_lot_id JOIN runs ru ON ru.id = k.run_id LEFT JOIN suppliers s ON s.id = l.supplier_id WHERE b.d > 0 AND +k.output_lot_id IN (SELECT id FROM b) ORDER BY 1, 2;"
}
tr_line() { sed -n "$1p" "$BENCH_DIR/trace.out" | awk -F'\t' '{print $2}' | awk '{print $2}'; }
tr_note() { sed -n "$1p" "$BENCH_DIR/trace.out" | cut -f3; }
printf '%-44s %11s ms %11s ms   (%s)\n' "trace forward, ordinary lot (median/mean)" "$(tr_line 1)" "$(shell_ms "$(fwd_sql G0000003)" 50)" "$(tr_note 1)"
printf '%-44s %11s ms %11s ms   (%s)\n' "trace forward, salt-like lot (median/mean)" "$(tr_line 2)" "$(shell_ms "$(fwd_sql G0000002)" 20)" "$(tr_note 2)"
printf '%-44s %11s ms %11s ms   (%s)\n' "trace backward, finished lot (median/mean)" "$(tr_line 3)" "$(shell_ms "$(bwd_sql P3000000)" 50)" "$(tr_note 3)"

# --- production: plan with the stock check, finish a run (issue #6) ---
# The plan of a 20-line recipe suggests lots by FEFO among every usable lot of
# each item; finishing makes the output lot and links it to the 50 consumed.
# The shell's figure is the 20 FEFO lookups alone (the floor of the stock check).
"$BENCH" production "$db" > "$BENCH_DIR/production.out"
pr_line() { sed -n "$1p" "$BENCH_DIR/production.out" | cut -f2 | awk '{print $2}'; }
pr_p99() { sed -n "$1p" "$BENCH_DIR/production.out" | cut -f3 | awk '{print $2}'; }
fefo=""
i=0
while [ $i -lt 20 ]; do
	fefo="$fefo SELECT l.id, l.code, l.qty, l.expiry FROM lots l WHERE l.item_id = (SELECT id FROM items WHERE code = printf('I%03d', $i)) AND l.status = 'available' AND l.qty > 0 AND l.expiry >= '$today' ORDER BY l.expiry, l.received, l.id LIMIT 4;"
	i=$((i + 1))
done
printf '%-44s %11s ms %11s ms\n' "plan, 20-line recipe, stock check (median)" "$(pr_line 1)" "$(shell_ms "$fefo" 20)"
printf '%-44s %11s ms\n' "plan, 20-line recipe, stock check (p99)" "$(pr_p99 1)"
printf '%-44s %11s ms\n' "finish a run that consumed 50 lots (median)" "$(pr_line 2)"
printf '%-44s %11s ms\n' "consume one lot into a run (median)" "$(pr_line 3)"

# --- size on disk ---
"$SQLITE3" "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
"$SQLITE3" "$floor" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
printf '%-44s %11s MB %11s MB\n' "store size on disk" "$(($(stat -c %s "$db") / 1048576))" "$(($(stat -c %s "$floor") / 1048576))"

# --- sync: tests/bench/sync_bench.sh ('make sync-bench' runs it alone) ---
tools="$(dirname "$BENCH")/../tools"
if [ -x "$tools/sync_latency" ] && [ -x "$tools/zmq_raw" ]; then
	SYNC_DIR="$BENCH_DIR/sync" LATENCY="$tools/sync_latency" ZMQ_RAW="$tools/zmq_raw" \
		sh "$(dirname "$0")/sync_bench.sh"
fi

# --- receiving by scan: 3 labels to a booked receipt; GS1 parses per second ---
"$BENCH" scan "$db" 200 > "$BENCH_DIR/scan.out"
scan_f() { sed -n "$1p" "$BENCH_DIR/scan.out" | awk -F'\t' -v c="$2" '{print $c}' | awk '{print $2}'; }
printf '%-44s %11s ms   (p99 %s ms)\n' "scan to booked, 3 labels (median)" "$(scan_f 1 2)" "$(scan_f 1 3)"
printf '%-44s %11s ms   (rolled back: %s ms)\n' "  of which the booking transaction" "$(scan_f 2 2)" "$(scan_f 3 2)"
printf '%-44s %11s ms\n' "  processing beyond the commit" "$(scan_f 5 2)"
sh "$(dirname "$0")/receiving_bench.sh" "$db" "$LOTLINE"
"$BENCH" gs1 > "$BENCH_DIR/gs1.out"
printf '%-44s %14s\n' "GS1 parses per second" "$(cut -f2 "$BENCH_DIR/gs1.out")"

# --- the screens on the generated store (tests/bench/ui_bench.sh) ---
echo
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)} sh "$(dirname "$0")/ui_bench.sh" "$db" "$LOTLINE"

# --- the trace screen on a lot used in 20,000 runs (tests/bench/trace_screen_bench.sh) ---
echo
sh "$(dirname "$0")/trace_screen_bench.sh" "$LOTLINE" "$SQLITE3"

# --- CSV import and export of a million lots (tests/bench/csv_bench.sh; 'make csv-bench' alone) ---
CSV_DIR="$BENCH_DIR/csv" CSV_LOTS="$LOTS" LOTLINE="$LOTLINE" SQLITE3="$SQLITE3" \
	sh "$(dirname "$0")/csv_bench.sh"
