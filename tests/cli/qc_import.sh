# Test results imported from a laboratory's CSV (lotline import results): the
# header names a lab uses, verdict words, every problem with its line and column
# and nothing written when there is one, the role; and the rejected documents
# listed as Today counts them (doc queue --status rejected).
. "$TESTDIR/cli/lib.sh"
small_store
a=$(ll receive FLOUR 25 --location DRY --supplier MILL)
b=$(ll receive HONEY 10 --location COLD --expiry 2027-06-01)

printf 'Lot No;Test;Limit;Value;Pass/Fail\n%s;moisture;<= 14%%;12.1%%;PASS\n%s;ash;<= 1%%;1.4%%;fail\n%s;HMF;<= 40 mg/kg;12 mg/kg;ok\n' \
	"$a" "$a" "$b" > "$TMPD/lab.csv"
expect_fail "operator cannot import results" "olga (operator) may not record test results" \
	ll --user olga import results "$TMPD/lab.csv"
n=$(journal_count)
expect_ok "import" ll --user quinn import results "$TMPD/lab.csv"
expect_eq "three entries" "$((n + 3))" "$(journal_count)"
expect_eq "results of $a" "moisture	<= 14%	12.1%	pass	quinn
ash	<= 1%	1.4%	fail	quinn" "$(ll qc list "$a" --format tsv | tail -n +2 | cut -f1-5)"
expect_eq "result of $b" "HMF	<= 40 mg/kg	12 mg/kg	pass" \
	"$(ll qc list "$b" --format tsv | tail -n +2 | cut -f1-4)"
ll coa "$a" | grep -q "Does NOT conform" || fail "an imported failure decides the certificate"

# every problem, with its line and column; nothing written
printf 'lot,parameter,result,verdict\nNOPE,moisture,1,pass\n%s,,1,pass\n%s,moisture,2,maybe\n' \
	"$a" "$a" > "$TMPD/bad.csv"
n=$(journal_count)
out=$(ll --user quinn import results "$TMPD/bad.csv" 2>&1) && fail "a bad file imported: $out"
printf '%s\n' "$out" | grep -q "bad.csv:2:1: lot: NOPE not found" || fail "unknown lot: $out"
printf '%s\n' "$out" | grep -q "bad.csv:3:2: parameter: required" || fail "no parameter: $out"
printf '%s\n' "$out" | grep -q "bad.csv:4:4: verdict: 'maybe' is not pass or fail" ||
	fail "bad verdict: $out"
printf '%s\n' "$out" | grep -q "3 problems in .*bad.csv: nothing was imported" || fail "summary: $out"
expect_eq "nothing written" "$n" "$(journal_count)"
printf 'lot,parameter,result\n%s,moisture,1\n' "$a" > "$TMPD/nocol.csv"
expect_fail "a missing column is named" "verdict" ll --user quinn import results "$TMPD/nocol.csv"

# the rejected documents, of lots and of suppliers, as Today counts them
printf 'certificate\n' > "$TMPD/c.txt"
d1=$(ll doc attach "$a" "$TMPD/c.txt" --kind coa)
d2=$(ll doc attach supplier:MILL "$TMPD/c.txt" --kind supplier)
d3=$(ll doc attach "$b" "$TMPD/c.txt" --kind coa)
expect_ok "reject two" ll doc reject "$d1" "$d2" --reason "illegible"
expect_eq "rejected" "$a	$d1	rejected
supplier:MILL	$d2	rejected" \
	"$(ll doc queue --status rejected --format tsv | tail -n +2 | cut -f1,6,7 | sort)"
expect_eq "rejected of a supplier's lots" "$a" \
	"$(ll doc queue --status rejected --supplier MILL --format tsv | tail -n +2 | cut -f1)"
expect_eq "uploaded" "$b	$d3" \
	"$(ll doc queue --status uploaded --format tsv | tail -n +2 | cut -f1,6)"
finish
