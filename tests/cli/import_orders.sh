# lotline import orders: one row per order line, grouped into orders by their
# reference; header names people use, dates in the file's order, a lot the
# customer asked for; every problem with its FILE:LINE:COLUMN (a line's problem
# on that line's row); dry runs and all-or-nothing; who may.
. "$TESTDIR/cli/lib.sh"
small_store
ll customer add SHOP1 --name "Corner Shop" >/dev/null
ll customer add SHOP2 --name "Deli Two" >/dev/null
ll receive FLOUR 100 --location DRY --lot F1 --expiry 2027-02-01 >/dev/null
ll receive HONEY 20 --location COLD --lot H1 >/dev/null
cd "$TMPD" || exit 99

# a sales system's export: its own header names, dd/mm/yyyy dates, an order's
# lines apart from each other, a unit other than the base one
cat > orders.csv <<'EOF2'
Order No,Customer Code,Delivery Date,SKU,Qty Ordered,UoM,Batch,Comments
SO-100,SHOP1,24/11/2026,FLOUR,2,pack,,back door
SO-101,SHOP2,25/11/2026,HONEY,5,,H1,
SO-100,SHOP1,24/11/2026,HONEY,1.5,kg,,back door
EOF2
n=$(journal_count)
expect_eq "dry run" "dry run: would import 3 rows; nothing was written" \
	"$(ll import orders orders.csv --dry-run 2>&1)"
expect_eq "dry run wrote nothing" "$n" "$(journal_count)"
expect_eq "import" "3 rows imported" "$(ll import orders orders.csv 2>&1)"
expect_eq "one entry per order" "$((n + 2))" "$(journal_count)"
expect_eq "orders" "SO-101	SHOP2	Deli Two	2026-11-25	draft	1	
SO-100	SHOP1	Corner Shop	2026-11-24	draft	2	" "$(ll order list --format tsv | sed 1d)"
expect_eq "SO-100 lines" "1	FLOUR	2 pack	50
2	HONEY	1.5 kg	1.5" \
	"$(ll order show SO-100 --format tsv | awk -F'\t' -v OFS='\t' 'NR > 1 {print $1, $2, $4, $5}')"
expect_eq "asked lot" "H1" "$(ll order show SO-101 --format tsv | awk -F'\t' 'NR == 2 {print $11}')"
expect_ok "imported orders confirm" ll order confirm SO-100
expect_eq "reserved in the ledger" "F1 50" \
	"$(ll ledger --format tsv | awk -F'\t' '$2 == "F1" {print $2, $16}')"

# importing the same file again: the orders exist, nothing is written
n=$(journal_count)
expect_eq "again" "orders.csv:2:1: order: SO-100 already exists
orders.csv:3:1: order: SO-101 already exists
lotline: 2 problems in orders.csv: nothing was imported" "$(ll import orders orders.csv 2>&1)"
expect_eq "again wrote nothing" "$n" "$(journal_count)"

# every problem, each where it is; one problem and nothing is imported
cat > bad.csv <<'EOF2'
ref,customer,ship_date,item,qty,unit,lot
SO-200,SHOP1,2026-11-30,FLOUR,3,,
SO-200,SHOP2,2026-11-30,FLOUR,1,,
SO-201,NOPE,,FLOUR,1,,
SO-202,SHOP1,,SUGAR,1,,
SO-203,SHOP1,,FLOUR,x,,
SO-204,SHOP1,,FLOUR,1,litre,
SO-205,SHOP1,2026-13-40,FLOUR,1,,
SO-206,SHOP1,,FLOUR,1,,H1
SO-207,SHOP1,,FLOUR,1,,
SO-207,SHOP1,,HONEY,-2,,
,SHOP1,,FLOUR,1,,
SO 208,SHOP1,,FLOUR,1,,
EOF2
n=$(journal_count)
ll import orders bad.csv > out.txt 2> err.txt && fail "bad.csv imported"
expect_eq "problems" "bad.csv:3:2: customer: 'SHOP2' here, but 'SHOP1' on line 2 for the same order SO-200
bad.csv:8:3: ship date: '2026-13-40' is not a real date
bad.csv:12:1: order: required
bad.csv:4:2: customer: 'NOPE' not found
bad.csv:5:4: item: 'SUGAR' not found
bad.csv:6:5: quantity: 'x' must be a number more than zero
bad.csv:7:6: unit: 'litre' converts to 'kg' only through a density, and the item has none
bad.csv:9:7: lot: H1 is HONEY, not FLOUR
bad.csv:11:5: quantity: '-2' must be a number more than zero
bad.csv:13:1: order: 'SO 208' may only have letters, digits and - _ . /
lotline: 10 problems in bad.csv: nothing was imported" "$(cat err.txt)"
expect_eq "nothing written" "$n" "$(journal_count)"
expect_eq "no new orders" "2" "$(ll order list --format tsv | sed 1d | wc -l | tr -d ' ')"

# a missing column names what its header may be
printf 'customer,item,qty\nSHOP1,FLOUR,1\n' > nocol.csv
expect_fail "missing column" "nocol.csv:1: order: required column missing (its header may be: ref, order, reference" \
	ll import orders nocol.csv

# who may
expect_fail "operator" "olga (operator) may not manage customer orders" \
	ll --user olga import orders orders.csv
finish
