# Two terminals offline change the same order, recipe and document: every store
# ends with the same status whichever entry it received first. The newer stamp
# wins, an equal stamp goes to the greater site id; a confirmation's
# reservations are what the order's confirmations, picks, short picks,
# cancellations and shipments give in clock order; a document's reviewer is the
# one assigned last, not the one that arrived last. A run cancelled on one
# terminal while the other still put lots into it: the cancellation puts back
# what it listed, the late lot stays in and is raised as an exception; the same
# for a run finished there: its output is made of what the finish listed. Two
# signatures of one batch record: the earlier stands; two closings of a recall:
# the newer; two finishes of one run: the newer's yield and costs; equal stamps,
# the greater site id.
. "$TESTDIR/cli/sync_lib.sh"
central_and_two
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
st a item add BREAD --name Bread --kind finished --unit each >/dev/null
st a customer add SHOP1 --name "Corner Shop" >/dev/null
st a user add quinn --role qa >/dev/null
st a user add rita --role qa >/dev/null
lot=$(st a receive BREAD 100 --location DRY)
st a receive BREAD 50 --location DRY >/dev/null
flour=$(st a receive FLOUR 50 --location DRY)
for o in SO1 SO2 SO3 SO4 SO5 SO6 SO7; do st a order add "$o" --customer SHOP1 --line BREAD:10 >/dev/null; done
for o in SO4 SO5 SO6 SO7; do st a order confirm "$o" >/dev/null; done
so7_lot=$(st a pick next SO7 | sed -n 's/^pick 10 each of \([^ ]*\) from DRY$/\1/p')
st a pick SO7 --location DRY --lot "$so7_lot" >/dev/null
st a recipe add LOAF --item BREAD --yield 10 --line FLOUR:5 >/dev/null
st a recipe add ROLL --item BREAD --yield 10 --line FLOUR:5 >/dev/null
st a recipe activate ROLL >/dev/null
run=$(st a run plan ROLL | sed -n 's/^run \(.*\) planned$/\1/p')
st a run start "$run" >/dev/null
st a run consume "$run" "$flour" 3 >/dev/null
run2=$(st a run plan ROLL | sed -n 's/^run \(.*\) planned$/\1/p')
st a run start "$run2" >/dev/null
st a run consume "$run2" "$flour" 2 >/dev/null
run3=$(st a run plan ROLL | sed -n 's/^run \(.*\) planned$/\1/p')
st a run start "$run3" >/dev/null
st a run consume "$run3" "$flour" 5 >/dev/null
st a run finish "$run3" --yield 10 --location DRY --lot OUT3 >/dev/null
run4=$(st a run plan ROLL | sed -n 's/^run \(.*\) planned$/\1/p')
st a run start "$run4" >/dev/null
st a run consume "$run4" "$flour" 2 >/dev/null
st a recall open "$lot" --drill --reason "mock recall" >/dev/null
rcl=$(st a recall list --format tsv | sed -n 2p | cut -f1)
printf 'certificate\n' > "$TMPD/coa.txt"
doc=$(st a doc attach "$lot" "$TMPD/coa.txt" --kind coa)
sync_ok a
sync_ok b
sync_ok a
stop_central
site_a=$(st a peer key | cut -d' ' -f2)
site_b=$(st b peer key | cut -d' ' -f2)

# Offline, both clocks held at a time before every stamp they have seen: each
# stamps its next entries one past the newest it knows, the same on both.
past=2026-01-01T00:00:00Z
LOTLINE_NOW=$past st a order confirm SO1 >/dev/null
LOTLINE_NOW=$past st b order cancel SO1 --reason "customer called" >/dev/null
expect_eq "SO1: the two stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
LOTLINE_NOW=$past st a recipe activate LOAF >/dev/null
LOTLINE_NOW=$past st b recipe archive LOAF >/dev/null
expect_eq "LOAF: the two stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
LOTLINE_NOW=$past st a --user quinn run sign "$run3" >/dev/null
LOTLINE_NOW=$past st b --user rita run sign "$run3" >/dev/null
expect_eq "the signatures' stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
LOTLINE_NOW=$past st a recall close "$rcl" --summary "closed on A" >/dev/null
LOTLINE_NOW=$past st b recall close "$rcl" --summary "closed on B" >/dev/null
expect_eq "the closings' stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
LOTLINE_NOW=$past st a run finish "$run4" --yield 9 --location DRY >/dev/null
LOTLINE_NOW=$past st b run finish "$run4" --yield 11 --location DRY >/dev/null
expect_eq "the finishes' stamps are equal" "$(stamp a "$site_a")" "$(stamp b "$site_b")"
# SO2: a confirms, b cancels later (b's clock ahead); SO3 the other way round
LOTLINE_NOW=$past st a order confirm SO2 >/dev/null
LOTLINE_NOW=$past st a order cancel SO3 --reason "customer called" >/dev/null
LOTLINE_NOW=$past st a doc assign "$doc" --reviewer quinn >/dev/null
LOTLINE_NOW=2027-01-01T00:00:00Z st b order cancel SO2 --reason "customer called" >/dev/null
LOTLINE_NOW=2027-01-01T00:00:00Z st b order confirm SO3 >/dev/null
LOTLINE_NOW=2027-01-01T00:00:00Z st b doc assign "$doc" --reviewer rita >/dev/null
# SO4, confirmed before: b cancels it, then a (its clock later still) picks a part
LOTLINE_NOW=$past st b order cancel SO4 --reason "customer called" >/dev/null
LOTLINE_NOW=2027-06-01T00:00:00Z st a pick SO4 --location DRY --lot "$lot" --qty 5 >/dev/null
# SO5: b cancels, then a (later still) picks 4 and re-allocates the other 6;
# SO6: a does the same, then b (later still) cancels
LOTLINE_NOW=2027-03-01T00:00:00Z st b order cancel SO5 --reason "customer called" >/dev/null
for o in SO5 SO6; do
	LOTLINE_NOW=2027-09-01T00:00:00Z st a pick "$o" --location DRY --lot "$lot" --qty 4 >/dev/null
	LOTLINE_NOW=2027-09-01T00:00:00Z st a pick short "$o" --qty 0 --reason damaged >/dev/null
done
LOTLINE_NOW=2027-12-01T00:00:00Z st b order cancel SO6 --reason "customer called" >/dev/null
# SO7, all picked: both ship it, b on an earlier day
LOTLINE_NOW=2027-12-20T00:00:00Z st a order ship SO7 >/dev/null
LOTLINE_NOW=2027-12-10T00:00:00Z st b order ship SO7 >/dev/null
# the run: a puts 1 kg more in, b (knowing of the first 3 kg only) cancels
LOTLINE_NOW=$past st a run consume "$run" "$flour" 1 >/dev/null
LOTLINE_NOW=$past st b run cancel "$run" --reason "line down" >/dev/null
LOTLINE_NOW=$past st a run consume "$run2" "$flour" 1 >/dev/null
LOTLINE_NOW=$past st b run finish "$run2" --yield 10 --location DRY --lot OUT2 >/dev/null

# the central gets b's entries before a's; a gets them after its own
start_central central
sync_ok b
sync_ok a
sync_ok b
if [ "$site_a" \> "$site_b" ]; then
	so1=confirmed loaf=active signer=quinn closed="closed on A" yield=9
else
	so1=cancelled loaf=archived signer=rita closed="closed on B" yield=11
fi
reserved() {
	sql $1 "SELECT coalesce(sum(a.reserved), 0) FROM allocations a
		JOIN orders o ON o.id = a.order_id WHERE o.ref = '$2'"
}
for n in central a b; do
	expect_eq "$n: SO1, the tie, goes to the greater site id" "$so1" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO1" {print $5}')"
	expect_eq "$n: SO1's reservations go with its status (fixed point)" \
		"$([ $so1 = confirmed ] && echo 10000000 || echo 0)" "$(reserved $n SO1)"
	expect_eq "$n: SO2 cancelled, the newer" "cancelled" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO2" {print $5}')"
	expect_eq "$n: nothing reserved for SO2" "0" "$(reserved $n SO2)"
	expect_eq "$n: SO3 confirmed, the newer" "confirmed" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO3" {print $5}')"
	expect_eq "$n: SO3 reserves its line (10 each, fixed point)" "10000000" "$(reserved $n SO3)"
	expect_eq "$n: SO4 picking, the pick the newest" "picking" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO4" {print $5}')"
	expect_eq "$n: SO4's reservations given up by the cancellation, newer than the confirmation" \
		"0" "$(reserved $n SO4)"
	expect_eq "$n: SO4's pick kept (fixed point)" "5000000" "$(sql $n \
		"SELECT sum(a.picked) FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.ref = 'SO4'")"
	expect_eq "$n: SO5 picking, its short pick the newest" "picking" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO5" {print $5}')"
	expect_eq "$n: SO5 holds the 4 picked and the 6 re-allocated (fixed point)" "10000000" \
		"$(reserved $n SO5)"
	expect_eq "$n: SO6 cancelled, the newest" "cancelled" \
		"$(st $n order list --format tsv | awk -F'\t' '$1 == "SO6" {print $5}')"
	expect_eq "$n: SO6 holds nothing" "0" "$(reserved $n SO6)"
	expect_eq "$n: SO7 shipped on the first day it was" "2027-12-10" \
		"$(sql $n "SELECT shipped FROM orders WHERE ref = 'SO7'")"
	expect_eq "$n: LOAF, the tie, goes to the greater site id" "$loaf" \
		"$(sql $n "SELECT status FROM recipes WHERE code = 'LOAF'")"
	expect_eq "$n: the reviewer assigned last" "rita" \
		"$(sql $n "SELECT reviewer FROM documents WHERE code = '$doc'")"
	expect_eq "$n: the batch record's signature, the tie to the greater site id" "$signer" \
		"$(sql $n "SELECT signed_by FROM runs WHERE code = '$run3'")"
	expect_eq "$n: the recall's closing, the tie to the greater site id" "$closed" \
		"$(sql $n "SELECT summary FROM recalls WHERE code = '$rcl'")"
	expect_eq "$n: the run finished twice: the tie's yield (fixed point)" "${yield}000000" \
		"$(sql $n "SELECT actual_yield FROM runs WHERE code = '$run4'")"
	expect_eq "$n: both finishes' output lots, 9 and 11 (fixed point)" "2 20000000" \
		"$(sql $n "SELECT count(*) || ' ' || sum(m.qty) FROM movements m
			JOIN runs r ON r.id = m.run_id WHERE r.code = '$run4' AND m.kind = 'produce'")"
	expect_eq "$n: the run cancelled" "cancelled" \
		"$(sql $n "SELECT status FROM runs WHERE code = '$run'")"
	# 50 - 3 - 1 + 3 put back by the cancellation (the late 1 kg not) - 2 - 1 - 5 - 2
	expect_eq "$n: flour, what each run's entries said" "39" \
		"$(st $n ledger --all --format csv | awk -F, -v l="$flour" '$2 == l {print $3}')"
	expect_eq "$n: the second run finished" "finished" \
		"$(sql $n "SELECT status FROM runs WHERE code = '$run2'")"
	expect_eq "$n: its output made of the 2 kg the finish knew (fixed point)" "$flour 2000000" \
		"$(sql $n "SELECT i.code || ' ' || k.qty FROM lot_links k
			JOIN lots o ON o.id = k.output_lot_id JOIN lots i ON i.id = k.input_lot_id
			WHERE o.code = 'OUT2'")"
done
for n in central b; do
	for kind in cancelled-run finished-run; do
		expect_eq "$n: the late lot raised ($kind)" "1" "$(sql $n \
			"SELECT count(*) FROM exceptions WHERE kind = '$kind' AND resolved_by IS NULL")"
	done
done
same_everywhere "after the offline changes" central a b
verify_all central a b
finish
