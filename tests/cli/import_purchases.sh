# lotline import purchases: purchase orders, one row per line, grouped into
# orders by their reference; a buyer's header names, dates in the file's order,
# a cost per entered unit; every problem with its FILE:LINE:COLUMN (a line's
# problem on that line's row); dry runs and all-or-nothing; who may; receiving
# against an imported order.
. "$TESTDIR/cli/lib.sh"
small_store
ll supplier add BEES --name "Bee Farm" >/dev/null
cd "$TMPD" || exit 99

cat > pos.csv <<'EOF2'
PO Number,Vendor,Due Date,SKU,Qty Ordered,UoM,Unit Price,Comments
PO-7,MILL,30/11/2026,FLOUR,4,pack,1.20,dock 2
PO-8,BEES,01/12/2026,HONEY,20,,,
PO-7,MILL,30/11/2026,HONEY,10,kg,3.5,dock 2
EOF2
n=$(journal_count)
expect_eq "dry run" "dry run: would import 3 rows; nothing was written" \
	"$(ll import purchases pos.csv --dry-run 2>&1)"
expect_eq "dry run wrote nothing" "$n" "$(journal_count)"
expect_fail "an operator may not" "may not manage purchase orders" \
	ll --user olga import purchases pos.csv
expect_eq "import" "3 rows imported" "$(ll import purchases pos.csv 2>&1)"
expect_eq "one entry per order" "$((n + 2))" "$(journal_count)"
expect_eq "orders" "PO-7	MILL	Northfield Mills	2026-11-30	open	2	2
PO-8	BEES	Bee Farm	2026-12-01	open	1	1" "$(ll po list --format tsv | sed 1d | sort)"
expect_eq "PO-7 lines, cost per kg from the price per pack" "1	FLOUR	4 pack	100	0.048
2	HONEY	10 kg	10	3.5" \
	"$(ll po show PO-7 --format tsv | awk -F'\t' -v OFS='\t' 'NR > 1 {print $1, $2, $4, $5, $8}')"
expect_ok "a receipt against an imported order" \
	ll receive FLOUR 2 --unit pack --location DRY --po PO-7
expect_eq "received on its line" "50" \
	"$(ll po show PO-7 --format tsv | awk -F'\t' 'NR == 2 {print $6}')"

n=$(journal_count)
expect_eq "again" "pos.csv:2:1: purchase order: PO-7 already exists
pos.csv:3:1: purchase order: PO-8 already exists
lotline: 2 problems in pos.csv: nothing was imported" "$(ll import purchases pos.csv 2>&1)"
expect_eq "again wrote nothing" "$n" "$(journal_count)"

cat > bad.csv <<'EOF2'
ref,supplier,expected,item,qty,unit,cost
PO-20,MILL,2026-11-30,FLOUR,3,,
PO-20,BEES,2026-11-30,FLOUR,1,,
PO-21,NOPE,,FLOUR,1,,
PO-22,MILL,,SUGAR,1,,
PO-23,MILL,,FLOUR,x,,
PO-24,MILL,,FLOUR,1,each,
PO-25,MILL,2026-13-40,FLOUR,1,,
PO-26,MILL,,FLOUR,1,,-3
PO-27,MILL,,FLOUR,1,,
PO-27,MILL,,HONEY,-2,,
,MILL,,FLOUR,1,,
PO 28,MILL,,FLOUR,1,,
EOF2
expect_eq "every problem" "bad.csv:3:2: supplier: 'BEES' here, but 'MILL' on line 2 for the same purchase order PO-20
bad.csv:8:3: expected: '2026-13-40' is not a real date
bad.csv:12:1: purchase order: required
bad.csv:4:2: supplier: 'NOPE' not found
bad.csv:5:4: item: 'SUGAR' not found
bad.csv:6:5: quantity: 'x' must be a number more than zero
bad.csv:7:6: unit: 'each' does not convert to 'kg'
bad.csv:9:7: cost: '-3' is not an amount
bad.csv:11:5: quantity: '-2' must be a number more than zero
bad.csv:13:1: purchase order: 'PO 28' is not a usable reference
lotline: 10 problems in bad.csv: nothing was imported" "$(ll import purchases bad.csv 2>&1)"
expect_eq "nothing written" "$n" "$(journal_count)"
finish
