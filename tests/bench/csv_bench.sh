#!/bin/sh
# CSV figures for make bench (and 'make csv-bench' alone): 'lotline import lots'
# of CSV_LOTS generated opening lots (tests/bench/gen_lots_csv.sh) beside the
# sqlite3 shell's '.import' of the same file into a plain table (the floor), and
# 'lotline export ledger' of the imported store beside 'sqlite3 -csv' of the same
# query; and the shell filling lotline's own tables and indexes with the rows the
# import made (the floor for this store). Time and peak memory; prints, asserts
# nothing.
set -eu
: "${LOTLINE:?}" "${CSV_DIR:?}"
SQLITE3=${SQLITE3:-sqlite3}
N=${CSV_LOTS:-1000000}
export TZ=UTC LC_ALL=C.UTF-8
unset LOTLINE_NOW LOTLINE_USER
rm -rf "$CSV_DIR"
mkdir -p "$CSV_DIR"
db="$CSV_DIR/import.db"
floor="$CSV_DIR/shell.db"
export LOTLINE_DB="$db"

# timed OUT CMD...: wall seconds and peak resident KiB of CMD, into OUT
timed() {
	out=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$out" "$@"
	else
		t0=$(date +%s.%N)
		"$@"
		t1=$(date +%s.%N)
		echo "$(echo "$t1 - $t0" | bc) 0" > "$out"
	fi
}
fig() { printf '%-44s %9.1f s %6d MB %9.1f s %6d MB\n' "$1" "$(cut -d' ' -f1 "$2")" \
	$(($(cut -d' ' -f2 "$2") / 1024)) "$(cut -d' ' -f1 "$3")" $(($(cut -d' ' -f2 "$3") / 1024)); }

sh "$(dirname "$0")/gen_lots_csv.sh" "$N" "$CSV_DIR" > /dev/null
"$LOTLINE" init --owner bench --site-code CB > /dev/null
for k in items locations suppliers; do
	"$LOTLINE" --user bench import "$k" "$CSV_DIR/$k.csv" > /dev/null
done

# a copy with the master data only, for the schema floor below
cp "$db" "$CSV_DIR/schema-floor.db"

echo
printf '%-44s %20s %20s\n' "CSV ($N lots, $(($(stat -c %s "$CSV_DIR/lots.csv") / 1048576)) MB)" \
	"lotline" "sqlite3 shell"
timed "$CSV_DIR/imp.t" "$LOTLINE" --user bench import lots "$CSV_DIR/lots.csv" > /dev/null
timed "$CSV_DIR/shimp.t" "$SQLITE3" "$floor" ".import --csv $CSV_DIR/lots.csv plain_lots"
fig "import lots (time, peak memory)" "$CSV_DIR/imp.t" "$CSV_DIR/shimp.t"

# The floor for lotline's own store: the sqlite3 shell copies the journal, lots
# and movements the import made into the copy above, with the indexes set aside
# and built at the end as the import does, the trigram index filled in one
# statement, and the store taken alone (a rollback journal, then WAL again) as
# the import takes it. No file to read, nothing to check or hash, no statement
# per row.
floor_db="$CSV_DIR/schema-floor.db"
setaside="type = 'index' AND tbl_name IN ('lots', 'movements') AND sql IS NOT NULL AND name NOT IN
	('lots_last', 'movements_lot', 'movements_corrects', 'movements_run')"
{
	echo "PRAGMA journal_mode=DELETE; PRAGMA locking_mode=EXCLUSIVE;"
	echo "ATTACH '$db' AS src; BEGIN;"
	"$SQLITE3" "$floor_db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE $setaside"
	echo "DROP TRIGGER lots_text_insert;"
	echo "INSERT INTO main.journal SELECT * FROM src.journal WHERE id > (SELECT max(id) FROM main.journal);"
	echo "INSERT INTO main.lots SELECT * FROM src.lots;"
	echo "INSERT INTO main.movements SELECT * FROM src.movements;"
	"$SQLITE3" "$floor_db" "SELECT sql || ';' FROM sqlite_master WHERE $setaside"
	echo "INSERT INTO lots_text (rowid, code, supplier_lot)"
	echo "	SELECT id, code || char(1, 1), supplier_lot || char(1, 1) FROM lots;"
	"$SQLITE3" "$floor_db" "SELECT sql || ';' FROM sqlite_master WHERE name = 'lots_text_insert'"
	echo "COMMIT;"
	echo "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;"
} > "$CSV_DIR/schema-floor.sql"
timed "$CSV_DIR/floor.t" sh -c '"$0" "$1" < "$2" > /dev/null' "$SQLITE3" "$floor_db" "$CSV_DIR/schema-floor.sql"
printf '%-44s %20s %9.1f s %6d MB\n' "  the shell filling lotline's store instead" "" \
	"$(cut -d' ' -f1 "$CSV_DIR/floor.t")" $(($(cut -d' ' -f2 "$CSV_DIR/floor.t") / 1024))
[ "$("$SQLITE3" "$floor_db" 'SELECT count(*) FROM lots')" = "$N" ] ||
	echo "  (the copy does not hold $N lots: the floor is wrong)"

SEL="SELECT i.code, l.code, l.qty, l.unit, CASE l.expiry WHEN '9999-12-31' THEN '' ELSE l.expiry END, lo.code, l.coa, l.last_hlc, l.last_kind, l.status, i.name, coalesce(sp.code, ''), l.supplier_lot, l.received, l.unit_cost FROM lots l JOIN items i ON i.id = l.item_id JOIN locations lo ON lo.id = l.location_id LEFT JOIN suppliers sp ON sp.id = l.supplier_id WHERE l.qty <> 0 ORDER BY l.expiry, l.id"
timed "$CSV_DIR/exp.t" "$LOTLINE" export ledger --output "$CSV_DIR/ledger.csv" > /dev/null 2>&1
timed "$CSV_DIR/shexp.t" sh -c "\"\$0\" -csv -header \"\$1\" \"\$2\" > \"\$3\"" "$SQLITE3" "$db" \
	"$SEL" "$CSV_DIR/shell-ledger.csv"
fig "export ledger (time, peak memory)" "$CSV_DIR/exp.t" "$CSV_DIR/shexp.t"
echo "  ($(($(wc -l < "$CSV_DIR/ledger.csv") - 1)) lots exported; the shell writes raw columns)"
