# Lots from the shell: receive, adjust, move, hold, release, quarantine, scrap,
# correct, history, ledger; every refusal writes nothing.
. "$TESTDIR/cli/lib.sh"
small_store

lot=$(ll --user olga receive FLOUR 2 pack --location DRY --supplier MILL --supplier-lot A-17 --cost 30)
expect_eq "lot code" "LOT-261123-T001" "$lot"
expect_eq "two sacks are 50 kg" "50" "$(ll ledger --format tsv | awk -F'\t' 'NR==2 {print $3}')"
expect_eq "expiry from shelf life" "2027-07-21" "$(ll ledger --format tsv | awk -F'\t' 'NR==2 {print $5}')"
expect_eq "unit cost per kg" "1.2" "$(ll ledger --format tsv | awk -F'\t' 'NR==2 {print $15}')"

# 0.1 kg ten times is exactly 1 kg
for i in 1 2 3 4 5 6 7 8 9 10; do ll receive HONEY 0.1 --location COLD --lot HON-1-$i >/dev/null; done
expect_eq "tenths add up exactly" "1000000" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT sum(qty) FROM lots WHERE code LIKE 'HON-1-%'")"
h=$(ll receive HONEY 500 ml --location COLD --expiry 2027-01-31)
expect_eq "ml to kg by density" "0.71" "$(ll ledger --format tsv | awk -F'\t' -v l="$h" '$2==l {print $3}')"

n=$(journal_count)
expect_fail "negative quantity" "quantity: must be more than zero, not -1" ll receive FLOUR -1 --location DRY
expect_fail "zero quantity" "must be more than zero" ll receive FLOUR 0 --location DRY
expect_fail "bad number" "quantity: '1x' is not a number" ll receive FLOUR 1x --location DRY
expect_fail "unknown item" "item 'SUGAR' not found" ll receive SUGAR 1 --location DRY
expect_fail "unknown location" "location 'ATTIC' not found" ll receive FLOUR 1 --location ATTIC
expect_fail "no location" "location: required" ll receive FLOUR 1
expect_fail "unknown supplier" "supplier 'NOPE' not found" ll receive FLOUR 1 --location DRY --supplier NOPE
expect_fail "expired on arrival" "expiry: 2026-11-01 has passed" ll receive FLOUR 1 --location DRY --expiry 2026-11-01
expect_fail "impossible date" "expiry: '2027-02-30' is not a real date" ll receive FLOUR 1 --location DRY --expiry 2027-02-30
expect_fail "count to mass" "unit: 'each' does not convert to 'kg'" ll receive FLOUR 1 each --location DRY
expect_fail "no density" "only through a density" ll receive FLOUR 1 l --location DRY
expect_fail "duplicate lot" "lot: $lot already exists" ll receive FLOUR 1 --location DRY --lot "$lot"
ll user add vic --role viewer >/dev/null
expect_fail "viewer cannot receive" "vic (viewer) may not receive lots" ll --user vic receive FLOUR 1 --location DRY
n2=$(journal_count)
expect_eq "refusals wrote nothing" "$((n + 1))" "$n2"   # only the user add above

# adjust
expect_ok "count" ll --user olga adjust "$lot" 48 --reason count
expect_ok "sample" ll --user olga adjust "$lot" -0.5 --reason sample --note "retain"
expect_eq "after adjust" "47.5" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $3}')"
n=$(journal_count)
expect_fail "adjust without reason" "adjust: a reason is required" ll adjust "$lot" 40
expect_fail "adjust bad reason" "reason 'whim' is not one of" ll adjust "$lot" 40 --reason whim
expect_fail "other needs note" "reason 'other' needs a note" ll adjust "$lot" 40 --reason other
expect_fail "below zero" "quantity: the lot holds only 47.5 kg" ll adjust "$lot" -50 --reason spoilage
expect_fail "count with a sign" "--count takes a new quantity" ll adjust "$lot" -3 --count --reason count
expect_fail "same count" "already holds that quantity" ll adjust "$lot" 47.5 --reason count
expect_fail "unknown lot" "lot NOPE not found" ll adjust NOPE 1 --reason count
expect_eq "adjust refusals wrote nothing" "$n" "$(journal_count)"

# move, hold, release, quarantine
expect_ok "move" ll --user olga move "$lot" COLD --note "cool it"
expect_fail "move to same" "already in COLD" ll move "$lot" COLD
expect_fail "hold without reason" "hold: a reason is required" ll hold "$lot"
expect_ok "operator holds" ll --user olga hold "$lot" --reason inspection
expect_fail "hold twice" "is already hold" ll hold "$lot" --reason inspection
expect_ok "move while held" ll --user olga move "$lot" DRY
expect_fail "operator cannot release" "olga (operator) may not release lots: that needs one of owner, manager, qa" ll --user olga release "$lot"
expect_ok "qa releases" ll --user quinn release "$lot" --note "seams fine"
expect_fail "release available" "is already available" ll --user quinn release "$lot"
expect_fail "operator cannot quarantine" "may not quarantine" ll --user olga quarantine "$lot" --reason complaint
expect_ok "quarantine" ll --user quinn quarantine "$lot" --reason complaint
expect_eq "status" "quarantine" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $10}')"
expect_ok "release quarantine" ll --user quinn release "$lot"

# scrap
expect_fail "operator cannot scrap" "may not scrap" ll --user olga scrap "$lot" 1 --reason damaged
expect_fail "scrap too much" "the lot holds only 47.5 kg" ll scrap "$lot" 100 --reason damaged
expect_ok "partial scrap" ll --user quinn scrap "$lot" 7.5 --reason damaged
expect_eq "after scrap" "40" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $3}')"

# correct: reverse the move back to DRY (#6), then the quantity of the count (#2)
ll history "$lot" --format tsv > "$TMPD/h.tsv"
expect_eq "history kinds" "receive adjust adjust transfer hold transfer release quarantine release scrap" \
	"$(awk -F'\t' 'NR>1 {printf "%s%s", s, $3; s=" "}' "$TMPD/h.tsv")"
expect_eq "balances" "50 48 47.5 47.5 47.5 47.5 47.5 47.5 47.5 40" \
	"$(awk -F'\t' 'NR>1 {printf "%s%s", s, $5; s=" "}' "$TMPD/h.tsv")"
expect_eq "history user" "olga" "$(awk -F'\t' 'NR==2 {print $6}' "$TMPD/h.tsv")"
expect_fail "operator cannot correct" "may not correct" ll --user olga correct "$lot" 2 --reason typo
expect_fail "correct needs why" "say why" ll correct "$lot" 2
expect_fail "correct old move" "has moved again" ll correct "$lot" 4 --reason wrong
expect_ok "correct move" ll correct "$lot" 6 --reason "wrong room"
expect_eq "back in COLD" "COLD" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $6}')"
expect_ok "correct count" ll correct "$lot" "#2" --reason "miscount"
expect_eq "after correcting the count" "42" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $3}')"
expect_fail "correct twice" "already corrected" ll correct "$lot" 2 --reason again
expect_fail "correct a correction" "itself a correction" ll correct "$lot" 11 --reason again
expect_fail "bad movement number" "not a movement number" ll correct "$lot" x --reason again
expect_fail "no such movement" "has no movement #99" ll correct "$lot" 99 --reason again
ll history "$lot" | grep -q "corrects #2" || fail "history shows the correction"

# scrap the rest: the lot is scrapped and leaves the ledger (but not --all)
expect_ok "scrap all" ll scrap "$lot" --reason spoilage
expect_eq "gone from ledger" "" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l')"
expect_eq "scrapped with --all" "scrapped" "$(ll ledger --all --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $10}')"
expect_fail "adjust scrapped" "is scrapped: it cannot be adjusted" ll adjust "$lot" 1 --reason count

# ledger filters and formats
ll receive FLOUR 5 --location DRY --expiry 2026-11-26 >/dev/null
expect_eq "expiring" "1" "$(ll ledger --expiring 7 --format tsv | tail -n +2 | wc -l)"
expect_eq "expired none" "0" "$(ll ledger --expired --format tsv | tail -n +2 | wc -l)"
expect_eq "by location" "11" "$(ll ledger --location COLD --format tsv | tail -n +2 | wc -l)"
expect_fail "bad status filter" "--status: 'gone' is not" ll ledger --status gone
expect_fail "bad location filter" "location 'X' not found" ll ledger --location X
expect_fail "bad format" "--format: 'xml' is not" ll ledger --format xml
ll ledger --format csv | head -1 | grep -q '^item,lot,qty,unit,expiry,location,coa,last_movement_date,last_movement,status' || fail "csv header"
ll ledger --format json | grep -q '"qty":5,' || fail "json qty is a number"
ll ledger --search HON- --format tsv | tail -n +2 | wc -l | grep -q '^10$' || fail "search"
expect_eq "table footer" "12 lots" "$(ll ledger | tail -1)"
expect_ok "verify" ll verify
finish
