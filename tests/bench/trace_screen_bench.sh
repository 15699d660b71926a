#!/bin/sh
# Figures for the Traceability screen on a lot used almost everywhere: a store
# whose salt lot went into N runs (BENCH_FANOUT, 20000), each output into one
# more run, each of those shipped to a customer. The genealogy is written with
# plain inserts by the sqlite3 shell (a tree, not a ledger: nothing here needs
# the journal), then the screens are driven in the headless mode and
# LOTLINE_TRACE_TIMING gives, per input, the milliseconds from reading it to
# the frame sent and the bytes sent. Prints; asserts nothing.
#
#   sh tests/bench/trace_screen_bench.sh [LOTLINE] [SQLITE3]
set -eu
LOTLINE=${1:-${LOTLINE:-lotline}}
SQLITE3=${2:-${SQLITE3:-sqlite3}}
N=${BENCH_FANOUT:-20000}
work=$(mktemp -d "${TMPDIR:-/tmp}/trace-bench.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
unset LOTLINE_NOW LOTLINE_USER LOTLINE_KEYMAP LOTLINE_DB
export TZ=UTC LC_ALL=C.UTF-8 TERM=xterm LINES=24 COLUMNS=80 XDG_CONFIG_HOME="$work"
db="$work/store.db"

"$LOTLINE" --db "$db" init --owner bench --pin 9999 --site-code TB >/dev/null
"$SQLITE3" "$db" <<SQL
BEGIN;
INSERT INTO suppliers (code, name, hlc) VALUES ('SALTCO', 'Salt Company', 0);
INSERT INTO locations (code, name, kind, hlc) VALUES ('DRY', 'Dry store', 'dry', 0);
INSERT INTO items (code, name, kind, base_unit, hlc) VALUES ('SALT', 'Salt', 'ingredient', 'kg', 0),
  ('MIX', 'Mix', 'intermediate', 'kg', 0), ('PROD', 'Product', 'finished', 'each', 0);
INSERT INTO recipes (code, version, item_id, yield, yield_entered, status, status_hlc, hlc)
  VALUES ('R', 1, 2, 1000000, '1 kg', 'active', 0, 0);
INSERT INTO lots (code, item_id, supplier_id, supplier_lot, received, expiry, unit, location_id,
  location_hlc, qty, status, status_hlc, origin, last_hlc, last_kind, entry)
  VALUES ('SALT-1', 1, 1, 'SC-1', '2026-01-01', '9999-12-31', 'kg', 1, 0, 1000000, 'available', 0,
  'receive', 0, 'receive', 1);
-- level 1: M00001.. made from the salt; level 2: P00001.. made from each M
INSERT INTO lots (code, item_id, received, expiry, unit, location_id, location_hlc, qty, status,
  status_hlc, origin, last_hlc, last_kind, entry)
  SELECT printf('M%05d', value), 2, '2026-02-01', '2026-12-31', 'kg', 1, 0, 0, 'consumed', 0,
  'produce', 0, 'produce', 1 FROM generate_series(1, $N);
INSERT INTO lots (code, item_id, received, expiry, unit, location_id, location_hlc, qty, status,
  status_hlc, origin, last_hlc, last_kind, entry)
  SELECT printf('P%05d', value), 3, '2026-03-01', '2026-12-31', 'each', 1, 0, 0, 'shipped', 0,
  'produce', 0, 'produce', 1 FROM generate_series(1, $N);
INSERT INTO runs (code, recipe_id, target, status, status_hlc, planned_entry)
  SELECT printf('RUN-%06d', value), 1, 1000000, 'finished', 0, 1 FROM generate_series(1, 2 * $N);
INSERT INTO lot_links (run_id, output_lot_id, input_lot_id, qty)
  SELECT value, 1 + value, 1, 10000 FROM generate_series(1, $N);
INSERT INTO lot_links (run_id, output_lot_id, input_lot_id, qty)
  SELECT $N + value, 1 + $N + value, 1 + value, 1000000 FROM generate_series(1, $N);
INSERT INTO customers (code, name, hlc) SELECT printf('C%05d', value), 'Customer', 0
  FROM generate_series(1, $N);
INSERT INTO orders (ref, customer_id, status, status_hlc, shipped, hlc)
  SELECT printf('SO%05d', value), value, 'shipped', 0, '2026-03-02', 0 FROM generate_series(1, $N);
INSERT INTO shipments (order_id, line, lot_id, qty, shipped, entry)
  SELECT value, 1, 1 + $N + value, 10000000, '2026-03-02', 1 FROM generate_series(1, $N);
COMMIT;
SQL

# log in, 5 (the form), the salt lot's label: its first level; to the last
# line; open it; one level further from the top (200 lots at a time); back to
# the top; backward; forward again (the first level read afresh)
printf '9999<Enter>\n5\n:scan SALT-1\n<End>\n<Right>\n<Home>\n+\n<PgDn>\nb\nb\n' > "$work/script"
LOTLINE_SCRIPT="$work/script" LOTLINE_TRACE_TIMING="$work/trace" \
	LOTLINE_TERM_OUTPUT="$work/out" /usr/bin/time -v "$LOTLINE" --db "$db" --user bench \
	2> "$work/time" || { cat "$work/time" >&2; exit 1; }

# The floor: the same one-level query (the lots made from it, whether each
# leads further, its shipments and returns) in the sqlite3 shell, output thrown
# away; the median real time of 5 runs.
one_level="SELECT * FROM (SELECT 1, 'output', o.id, o.code, i.code, n.code, r.code, '', '', '',
  k.qty, n.unit, o.received, EXISTS (SELECT 1 FROM lot_links x WHERE x.input_lot_id = o.id)
  OR EXISTS (SELECT 1 FROM shipments x WHERE x.lot_id = o.id)
  OR EXISTS (SELECT 1 FROM returns x WHERE x.lot_id = o.id), 0, o.status
  FROM lot_links k JOIN lots n ON n.id = k.input_lot_id JOIN lots o ON o.id = k.output_lot_id
  JOIN items i ON i.id = o.item_id JOIN runs r ON r.id = k.run_id WHERE k.input_lot_id = 1
  UNION ALL SELECT 1, 'customer', l.id, l.code, i.code, '', '', c.code, c.name, o.ref, h.qty,
  l.unit, h.shipped, 0, 1, '' FROM shipments h JOIN orders o ON o.id = h.order_id
  JOIN customers c ON c.id = o.customer_id JOIN lots l ON l.id = h.lot_id
  JOIN items i ON i.id = l.item_id WHERE h.lot_id = 1) ORDER BY 15, 4, 10, 13;"
{
	echo '.timer on'
	echo '.output /dev/null'
	for i in 1 2 3 4 5; do echo "$one_level"; done
} > "$work/floor.sql"
floor_ms=$("$SQLITE3" "$db" < "$work/floor.sql" 2>&1 | awk '/^Run Time/ {print $4 * 1000}' |
	sort -n | sed -n 3p)

# the nth line of the timing log whose input is WHAT: its ms
at() { awk -F'\t' -v w="$1" -v n="$2" '$1 == w && ++k == n {print $2}' "$work/trace"; }
echo "the trace screen, a lot in $N runs ($((2 * N)) lots, $N shipments below it; 80x24)"
printf '%-52s %10s\n' "step" "ms"
printf '%-52s %10s\n' "scan the lot: first level ($N lines) shown" "$(at :scan 1)"
printf '%-52s %10s\n' "  the same level's query in the sqlite3 shell" "$floor_ms"
printf '%-52s %10s\n' "to the last line (End)" "$(at 'key <End>' 1)"
printf '%-52s %10s\n' "open it one level (Right)" "$(at 'key <Right>' 1)"
printf '%-52s %10s\n' "one level further from the top (+, 200 lots)" "$(at 'key +' 1)"
printf '%-52s %10s\n' "page down" "$(at 'key <PgDn>' 1)"
printf '%-52s %10s\n' "turn backward (b)" "$(at 'key b' 1)"
printf '%-52s %10s\n' "turn forward again (b: the first level re-read)" "$(at 'key b' 2)"
printf '%-52s %10s MB\n' "peak memory" \
	"$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$work/time")"

# A recall of the same lot (the service, from the command line), then the
# Recall screen: the list (7), the recall (Enter: every lot, shipment and
# customer read), each view's last line.
ms=$("$LOTLINE" --db "$db" --user bench recall open SALT-1 --reason bench |
	sed -n 's/^Complete list in \([0-9]*\) ms$/\1/p')
printf '9999<Enter>\n7\n<Enter>\n<End>\nv\n<End>\nv\n<End>\n' > "$work/script"
LOTLINE_SCRIPT="$work/script" LOTLINE_TRACE_TIMING="$work/trace" \
	LOTLINE_TERM_OUTPUT="$work/out" /usr/bin/time -v "$LOTLINE" --db "$db" --user bench \
	2> "$work/time" || { cat "$work/time" >&2; exit 1; }
echo
echo "a recall of it ($((2 * N + 1)) lots, $N customers to notify)"
printf '%-52s %10s\n' "recall open: scope, holds and the complete list" "$ms"
printf '%-52s %10s\n' "the Recall screen shows it (Enter on the list)" "$(at 'key <Enter>' 2)"
printf '%-52s %10s\n' "to the last customer (End)" "$(at 'key <End>' 1)"
printf '%-52s %10s\n' "next view, the lots (v)" "$(at 'key v' 1)"
printf '%-52s %10s MB\n' "peak memory" \
	"$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$work/time")"
