# Purchase orders and receiving against them: partial, over-receipt with
# confirmation, closing lines, refusals.
. "$TESTDIR/cli/lib.sh"
small_store
ll supplier add HIVE --name "Golden Hive" >/dev/null

expect_ok "po add" ll po add PO-1 --supplier MILL --expected 2026-11-30 --line FLOUR:4:pack:30 --line HONEY:10
expect_fail "duplicate po" "purchase order PO-1 already exists" ll po add PO-1 --supplier MILL --line FLOUR:1
expect_fail "no lines" "an order needs 1 to" ll po add PO-2 --supplier MILL
expect_fail "bad line" "line: 'FLOUR' is not ITEM:QTY" ll po add PO-2 --supplier MILL --line FLOUR
expect_fail "bad item" "line 1: item 'SUGAR' not found" ll po add PO-2 --supplier MILL --line SUGAR:1
expect_fail "bad qty" "line 2: quantity '0'" ll po add PO-2 --supplier MILL --line FLOUR:1 --line HONEY:0
expect_fail "bad unit" "line 1: unit: 'each' does not convert" ll po add PO-2 --supplier MILL --line FLOUR:1:each
expect_fail "bad date" "expected: '2026-13-01' is not a real date" ll po add PO-2 --supplier MILL --expected 2026-13-01 --line FLOUR:1
expect_fail "operator cannot order" "may not manage purchase orders" ll --user olga po add PO-2 --supplier MILL --line FLOUR:1
expect_eq "po list" "PO-1	MILL	Northfield Mills	2026-11-30	open	2	2" "$(ll po list --format tsv | sed -n 2p)"
expect_eq "line 1" "1	FLOUR	Wheat flour	4 pack	100	0	kg	1.2	open" "$(ll po show PO-1 --format tsv | sed -n 2p)"

# a partial receipt takes the line's cost and supplier
lot=$(ll --user olga receive FLOUR 50 --location DRY --po PO-1 --supplier-lot S1)
expect_eq "received so far" "50" "$(ll po show PO-1 --format tsv | awk -F'\t' 'NR==2 {print $6}')"
expect_eq "supplier from po" "MILL" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $12}')"
expect_eq "cost from po" "1.2" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $15}')"
n=$(journal_count)
expect_fail "over-receipt needs confirmation" "over-receipt: line 1 of PO-1 ordered 100 kg and 50 have been received; receiving 75 more needs confirmation" \
	ll receive FLOUR 3 pack --location DRY --po PO-1
expect_fail "wrong supplier" "supplier: HIVE, but purchase order PO-1 is from MILL" ll receive FLOUR 1 --location DRY --po PO-1 --supplier HIVE
expect_fail "wrong line item" "item: line 2 of PO-1 is for HONEY, not FLOUR" ll receive FLOUR 1 --location DRY --po PO-1 --po-line 2
expect_fail "no such line" "purchase order PO-1 has no line 9" ll receive FLOUR 1 --location DRY --po PO-1 --po-line 9
expect_fail "no such po" "purchase order PO-9 not found" ll receive FLOUR 1 --location DRY --po PO-9
expect_eq "refusals wrote nothing" "$n" "$(journal_count)"
expect_ok "over-receipt confirmed" ll receive FLOUR 3 pack --location DRY --po PO-1 --over
expect_eq "line closed by receipt" "closed" "$(ll po show PO-1 --format tsv | awk -F'\t' 'NR==2 {print $9}')"
expect_fail "closed line" "line 1 of PO-1 (FLOUR) is closed" ll receive FLOUR 1 --location DRY --po PO-1 --po-line 1

# closing the last line short closes the order
ll receive HONEY 4 --location COLD --po PO-1 --expiry 2027-06-01 >/dev/null
expect_ok "close short" ll po close PO-1 --line 2
expect_eq "order closed" "closed" "$(ll po list --format tsv | awk -F'\t' 'NR==2 {print $5}')"
expect_fail "closed order" "purchase order PO-1 is closed" ll receive HONEY 1 --location COLD --po PO-1
expect_fail "close closed" "is closed" ll po close PO-1
expect_ok "verify" ll verify
finish
