# Two terminals consume the same lot offline beyond its balance, one of them with
# its clock an hour fast: every store records both, raises the overdraw as an
# exception, and shows the same ledger; the clocks stay causal.
. "$TESTDIR/cli/sync_lib.sh"
central_and_two
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(st a receive FLOUR 10 --location DRY)
sync_ok a
sync_ok b
stop_central

# offline on both; b's clock is an hour fast
st a adjust "$lot" -8 --reason sample >/dev/null
st a hold "$lot" --reason inspection >/dev/null
LOTLINE_NOW=2026-11-23T09:00:00Z st b location add COLD --name Cold --kind cold >/dev/null
LOTLINE_NOW=2026-11-23T09:00:00Z st b adjust "$lot" -7 --reason sample >/dev/null
LOTLINE_NOW=2026-11-23T09:00:00Z st b move "$lot" COLD >/dev/null
expect_eq "a alone" "2" "$(st a ledger --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"
expect_eq "b alone" "3" "$(st b ledger --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"

start_central central
sync_ok a
sync_ok b
sync_ok a
same_everywhere "after the overdraw" central a b
verify_all central a b
for n in central a b; do
	expect_eq "$n: both consumptions kept" "-5" \
		"$(st $n ledger --all --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"
	# (one per movement made on the overdrawn lot, so the count may differ by order)
	[ "$(exceptions $n)" -ge 1 ] || fail "$n: the overdraw raised no exception"
	expect_eq "$n: held by a, moved by b" "COLD hold" \
		"$(st $n ledger --all --format csv | awk -F, -v l="$lot" '$2 == l {print $6, $10}')"
done
out=$(st a sync)
expect_eq "the summary counts open exceptions" \
	"$ADDR: sent 0, received 0, exceptions 0 raised ($(exceptions a) open)" "$out"

# a, with the right time, records after seeing b's future stamps: its stamp is newer still
st a adjust "$lot" +5 --reason count >/dev/null
sync_ok a
sync_ok b
site_a=$(st a peer key | cut -d' ' -f2)
site_b=$(st b peer key | cut -d' ' -f2)
max_b=$("$SQLITE3" "$TMPD/a.db" "SELECT max(j.hlc) FROM journal j JOIN sites s ON s.id = j.site WHERE s.site_id = '$site_b'")
last_a=$("$SQLITE3" "$TMPD/a.db" "SELECT j.hlc FROM journal j JOIN sites s ON s.id = j.site WHERE s.site_id = '$site_a' ORDER BY j.seq DESC LIMIT 1")
[ "$last_a" -gt "$max_b" ] || fail "a's new stamp $last_a is not after b's $max_b"
same_everywhere "after the correction" central a b
verify_all central a b
expect_eq "balance restored" "0" \
	"$(st b ledger --all --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"

# equal clock stamps: both level, both clocks fixed, each changes the lot's status
# offline; the greater site id wins on every store, whichever came first
sync_ok a
st a release "$lot" >/dev/null
LOTLINE_NOW=2026-11-23T09:00:00Z st b quarantine "$lot" --reason inspection >/dev/null
expect_eq "the two stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
sync_ok b
sync_ok a
sync_ok b
if [ "$site_a" \> "$site_b" ]; then want=available; else want=quarantine; fi
for n in central a b; do
	expect_eq "$n: the tie goes to the greater site id" "$want" \
		"$(st $n ledger --all --format csv | awk -F, -v l="$lot" '$2 == l {print $10}')"
done
same_everywhere "after the tie" central a b
verify_all central a b

# the same lot code typed on both terminals offline, for the same item: one lot
# on every store, holding both receipts, with the earlier receipt's expiry and
# the later one's place; each store tells a manager
sync_ok a
sync_ok b
LOTLINE_NOW=2026-11-23T09:00:00Z st a receive FLOUR 5 --location DRY --lot SAME-1 \
	--expiry 2027-01-31 >/dev/null
LOTLINE_NOW=2026-11-23T09:00:00Z st b receive FLOUR 7 --location COLD --lot SAME-1 \
	--expiry 2027-02-28 >/dev/null
if [ "$(stamp a "$site_a")" -lt "$(stamp b "$site_b")" ] ||
	{ [ "$(stamp a "$site_a")" = "$(stamp b "$site_b")" ] && [ "$site_a" \< "$site_b" ]; }; then
	want="12 2027-01-31 COLD"
else
	want="12 2027-02-28 DRY"
fi
sync_ok b
sync_ok a
sync_ok b
for n in central a b; do
	expect_eq "$n: one lot SAME-1, both receipts" "$want" \
		"$(st $n ledger --all --format csv | awk -F, '$2 == "SAME-1" {print $3, $5, $6}')"
	expect_eq "$n: told" "1" "$("$SQLITE3" "$TMPD/$n.db" \
		"SELECT count(*) FROM exceptions WHERE kind = 'same-lot-code'")"
done
same_everywhere "after the same code twice" central a b
verify_all central a b

# the same code for another item cannot be one lot: refused, naming what is there
# (by the central or by b, whichever applies the other's first; that terminal's
# sync stops there: the end of this test)
st a item add SALT --name Salt --kind ingredient --unit kg >/dev/null
sync_ok a
sync_ok b
st a receive FLOUR 5 --location DRY --lot SAME-2 >/dev/null
st b receive SALT 2 --location DRY --lot SAME-2 >/dev/null
sync_ok a
out=$(st b sync --timeout 10 2>&1) && fail "another item under the same code was taken"
case $out in
*"lot SAME-2 already exists here for FLOUR in kg: a receipt of another item or unit"* | \
	*"lot SAME-2 already exists here for SALT in kg: a receipt of another item or unit"*) ;;
*) fail "another item under the same code: $out" ;;
esac
finish
