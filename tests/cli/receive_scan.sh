# lotline receive --scan: supplier labels as one receipt in one transaction.
# A case GTIN counts packs, (37) counts what a pallet holds, a weight fills the
# quantity; a bad code names the AI and the problem; one bad line of several
# books none; a known supplier lot is asked about (--add / --new-lot); an
# over-receipt needs --over.
. "$TESTDIR/cli/lib.sh"
small_store
ll item add JAR --name "Jar" --kind packaging --unit each --gtin 5012345678900 \
	--pack-gtin 15012345678907 --pack-size 12 >/dev/null
ll item add OATS --name "Oats" --kind ingredient --unit kg --shelf-life 300 --gtin 05099999000011 >/dev/null
ll po add PO-1 --supplier MILL --line JAR:24 --line FLOUR:100 --line OATS:50 >/dev/null

# three labels, one receipt: a case, a pallet of 5 jars (02+37) and an item code
n=$(journal_count)
out=$(ll --user olga receive --scan "(01)15012345678907(10)S1(17)271231" \
	--scan "]C10205012345678900<GS>3705<GS>10S2" --scan FLOUR --qty 50 --location DRY --po PO-1)
expect_eq "three lots, one a line" "LOT-261123-T001
LOT-261123-T002
LOT-261123-T003" "$out"
expect_eq "three journal entries" "$((n + 3))" "$(journal_count)"
expect_eq "the case is 12 jars" "12" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T001" {print $3}')"
expect_eq "the pallet holds 5" "5" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T002" {print $3}')"
expect_eq "expiry from (17)" "2027-12-31" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T001" {print $5}')"
expect_eq "expiry from shelf life" "2027-07-21" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T003" {print $5}')"
expect_eq "the order's arrivals" "17 50 0" "$(ll po show PO-1 --format tsv | awk -F'\t' 'NR>1 {printf "%s%s", s, $6; s=" "}')"

# a weight label: 3102 002500 is 25.00 kg
expect_eq "weight label" "LOT-261123-T004" "$(ll receive --scan "(01)05099999000011(10)OT-1(3102)002500" --location DRY)"
expect_eq "25 kg" "25" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T004" {print $3}')"

# bad codes name the AI and the problem; nothing is written
n=$(journal_count)
expect_fail "check digit" "--scan 1: Scanned (01)05012345678901(10)X: AI (01): check digit" \
	ll receive --scan "(01)05012345678901(10)X" --location DRY
expect_fail "bad date" "--scan 2: Scanned (01)05099999000011(17)991399: AI (17): bad date" \
	ll receive --scan FLOUR --qty 1 --scan "(01)05099999000011(17)991399" --location DRY
expect_fail "unknown GTIN" "no item has GTIN 09501101530003" ll receive --scan "(01)09501101530003" --qty 1 --location DRY
expect_fail "not a label" "Scanned WHAT: not an item, a GTIN or a GS1 label" ll receive --scan WHAT --location DRY
expect_fail "our own lot" "that is our lot LOT-261123-T001, already received" \
	ll receive --scan "(01)05012345678900(10)LOT-261123-T001" --location DRY
expect_fail "no quantity" "--scan 1: (01)05012345678900(10)S5 gives no quantity of JAR; give --qty" \
	ll receive --scan "(01)05012345678900(10)S5" --location DRY
expect_fail "labels or item, not both" "give labels or ITEM QTY, not both" ll receive FLOUR 1 --scan FLOUR --location DRY
# all or nothing: the second label is expired, so the first is not booked either
expect_fail "one bad line" "--scan 2 ((01)05099999000011(10)OLD(17)200101(3102)001000): expiry: 2020-01-01 has passed" \
	ll receive --scan "(01)05099999000011(10)OK(3102)001000" --scan "(01)05099999000011(10)OLD(17)200101(3102)001000" --location DRY
expect_eq "nothing was written" "$n" "$(journal_count)"
expect_eq "no lot OK" "" "$(ll ledger --format tsv | awk -F'\t' '$13=="OK"')"

# a known supplier lot: asked; --add adds to that lot, --new-lot books another
expect_fail "duplicate asks" "supplier lot: S1 of JAR is already lot LOT-261123-T001 (DRY); add to that lot or book a new one; give --add to add to it or --new-lot for a new lot" \
	ll receive --scan "(01)15012345678907(10)S1(17)271231" --location DRY
expect_fail "adding needs the same place" "location: lot LOT-261123-T001 is in DRY, not COLD" \
	ll receive --scan "(01)15012345678907(10)S1(17)271231" --location COLD --add
expect_fail "and the same expiry" "expiry: 2027-12-30, but lot LOT-261123-T001 expires 2027-12-31" \
	ll receive --scan "(01)15012345678907(10)S1(17)271230" --location DRY --add
expect_eq "added" "LOT-261123-T001" "$(ll receive --scan "(01)15012345678907(10)S1(17)271231" --location DRY --add)"
expect_eq "24 jars now" "24" "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261123-T001" {print $3}')"
expect_eq "history: two receipts" "receive receive" "$(ll history LOT-261123-T001 --format tsv | awk -F'\t' 'NR>1 {printf "%s%s", s, $3; s=" "}')"
expect_eq "new lot" "LOT-261123-T005" "$(ll receive --scan "(01)15012345678907(10)S1(17)271231" --location COLD --new-lot)"

# over-receipt against the order needs --over; the replayed journal agrees
expect_fail "over-receipt" "over-receipt: line 1 of PO-1 ordered 24 each and 17 have been received; receiving 12 more needs confirmation; give --over to confirm" \
	ll receive --scan "(01)15012345678907(10)S7" --location DRY --po PO-1
expect_ok "over-receipt confirmed" ll receive --scan "(01)15012345678907(10)S7" --location DRY --po PO-1 --over

# quarantine on receipt applies to scanned receipts too (the service's rule)
ll settings quarantine_on_receipt on >/dev/null
q=$(ll receive --scan "(01)05099999000011(10)OQ-1(3102)001000" --location DRY)
expect_eq "in quarantine" "quarantine" "$(ll ledger --format tsv | awk -F'\t' -v l="$q" '$2==l {print $10}')"
expect_fail "no adding to a released lot" "lot LOT-261123-T001 is released, and new stock waits in quarantine" \
	ll receive --scan "(01)15012345678907(10)S1(17)271231" --location DRY --add
expect_ok "verify" ll verify
finish
