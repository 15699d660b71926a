# Documents and QA: content-addressed files, the review workflow and its refusals,
# bulk changes in one transaction, the COA queue and audit export, test results,
# release rules, quarantine on receipt, generated certificates.
. "$TESTDIR/cli/lib.sh"
small_store
a=$(ll receive FLOUR 25 --location DRY --supplier MILL --supplier-lot A-1)
b=$(ll receive FLOUR 25 --location DRY --supplier MILL --supplier-lot A-2)
c=$(ll receive HONEY 10 --location COLD --expiry 2027-06-01)
printf '%%PDF-1.4\n\000\001\002binary\377 body\n' > "$TMPD/coa.pdf"
printf 'second certificate\n' > "$TMPD/coa2.txt"

d1=$(ll --user olga doc attach "$a" "$TMPD/coa.pdf" --kind coa)
expect_eq "doc code" "DOC-261123-T001" "$d1"
expect_eq "lot COA uploaded" "uploaded" "$(ll ledger --format tsv | awk -F'\t' -v l="$a" '$2==l {print $7}')"
d2=$(ll doc attach "lot:$b" "$TMPD/coa.pdf" --kind coa --name "A-2 certificate.pdf")
expect_eq "same file stored once" "1" "$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM blobs")"
expect_ok "get" ll doc get "$d1" "$TMPD/out.pdf"
cmp -s "$TMPD/coa.pdf" "$TMPD/out.pdf" || fail "doc get is byte for byte"
expect_eq "mime from content" "application/pdf" "$("$SQLITE3" "$LOTLINE_DB" "SELECT mime FROM documents WHERE code='$d1'")"
expect_fail "bad kind" "kind: 'invoice' is not coa" ll doc attach "$a" "$TMPD/coa.pdf" --kind invoice
expect_fail "no record" "record: no lot, run or supplier 'NOPE'" ll doc attach NOPE "$TMPD/coa.pdf" --kind coa
expect_fail "no file" "file: cannot read $TMPD/none" ll doc attach "$a" "$TMPD/none" --kind coa
head -c 2000000 /dev/zero > "$TMPD/big.pdf"
ll settings doc_max_mb 1 >/dev/null
expect_fail "too big" "over the limit of 1 MB" ll doc attach "$a" "$TMPD/big.pdf" --kind coa
ll user add vic --role viewer >/dev/null 2>&1
expect_fail "viewer cannot attach" "vic (viewer) may not attach documents" ll --user vic doc attach "$a" "$TMPD/coa2.txt" --kind coa
expect_ok "supplier certificate" ll doc attach supplier:MILL "$TMPD/coa2.txt" --kind supplier

# the review workflow
expect_fail "manager cannot review" "may not review documents: that needs a qa user" ll doc review "$d1" --note ok
expect_fail "review needs a note" "a review needs a note" ll --user quinn doc review "$d1"
expect_fail "link before review" "is uploaded: it cannot be linked" ll --user quinn doc link "$d1"
expect_ok "review" ll --user quinn doc review "$d1" --note "matches spec sheet"
expect_eq "lot COA reviewed" "reviewed" "$(ll ledger --format tsv | awk -F'\t' -v l="$a" '$2==l {print $7}')"
expect_ok "link" ll doc link "$d1"
expect_eq "lot COA linked" "linked" "$(ll ledger --format tsv | awk -F'\t' -v l="$a" '$2==l {print $7}')"
expect_eq "reviewed by" "quinn" "$(ll doc show "$d1" --format tsv | awk -F'\t' 'NR==2 {print $7}')"
expect_fail "reject needs a reason" "a rejection needs a reason" ll doc reject "$d2"
expect_ok "reject" ll doc reject "$d2" --reason "wrong lot number on it"
expect_eq "lot COA back to missing" "missing" "$(ll ledger --format tsv | awk -F'\t' -v l="$b" '$2==l {print $7}')"
expect_ok "retire" ll doc retire "$d2"
expect_fail "review retired" "document $d2 is retired: restore it first" ll --user quinn doc review "$d2" --note x
expect_ok "restore" ll doc restore "$d2"
expect_eq "restored is uploaded" "uploaded" "$(ll ledger --format tsv | awk -F'\t' -v l="$b" '$2==l {print $7}')"
expect_fail "assign a non-qa reviewer" "reviewer: olga is operator, not qa" ll doc assign "$d2" --reviewer olga
expect_ok "assign" ll doc assign "$d2" --reviewer quinn
expect_eq "assigned" "quinn" "$(ll doc show "$d2" --format tsv | awk -F'\t' 'NR==2 {print $6}')"

# bulk changes: one transaction, all or nothing
d3=$(ll doc attach "$c" "$TMPD/coa2.txt" --kind coa)
n=$(journal_count)
expect_fail "bulk with a bad one" "document $d1 is linked: it cannot be reviewed" ll --user quinn doc review "$d2" "$d1" "$d3" --note batch
expect_eq "bulk wrote nothing" "$n" "$(journal_count)"
expect_ok "bulk review" ll --user quinn doc review "$d2" "$d3" --note "batch checked"
expect_eq "both reviewed" "reviewed reviewed" "$(ll doc show "$d2" --format tsv | awk -F'\t' 'NR==2 {printf "%s ", $5}')$(ll doc show "$d3" --format tsv | awk -F'\t' 'NR==2 {print $5}')"

# the queue: lots whose COA is missing or uploaded
e=$(ll receive FLOUR 5 --location DRY --supplier MILL)
expect_eq "queue" "$e" "$(ll doc queue --format tsv | awk -F'\t' 'NR>1 {print $1}')"
expect_eq "queue by supplier" "" "$(ll doc queue --supplier NOPE --format tsv | awk -F'\t' 'NR>1')"

# audit export: files and an index an auditor can read
expect_ok "export" ll doc export --coa --supplier MILL "$TMPD/audit"
expect_eq "index header" "lot,item,supplier,received,lot_coa,document,name,file,status,reviewer,reviewed_by,uploaded,changed,sha" "$(head -1 "$TMPD/audit/index.csv" | tr -d '\r')"
expect_eq "index rows" "3" "$(tail -n +2 "$TMPD/audit/index.csv" | wc -l | tr -d ' ')"
grep -q "^$e,FLOUR,MILL,2026-11-23,missing,,,,," "$TMPD/audit/index.csv" || fail "a lot without a COA is listed as missing"
cmp -s "$TMPD/coa.pdf" "$TMPD/audit/files/$d1-coa.pdf" || fail "exported file is byte for byte"
grep -q "\"A-2 certificate.pdf\"\|A-2 certificate.pdf" "$TMPD/audit/index.csv" || fail "index names the document"

# quality results, release rules, quarantine on receipt
expect_fail "operator cannot record results" "may not record test results" ll --user olga qc add "$a" --parameter moisture --spec "<= 14%" --result 12.1% --pass
expect_fail "verdict needed" "give --pass or --fail" ll --user quinn qc add "$a" --parameter moisture --result 12.1%
expect_ok "result" ll --user quinn qc add "$a" --parameter moisture --spec "<= 14%" --result 12.1% --pass
expect_ok "result 2" ll --user quinn qc add "$a" --parameter "falling number" --spec ">= 250 s" --result "310 s" --pass
expect_eq "qc list" "moisture	<= 14%	12.1%	pass	quinn" "$(ll qc list "$a" --format tsv | sed -n 2p | cut -f1-5)"
ll settings quarantine_on_receipt on >/dev/null
ll settings release_needs_coa on >/dev/null
ll settings release_needs_pass on >/dev/null
q=$(ll receive FLOUR 10 --location DRY)
expect_eq "quarantined on receipt" "quarantine" "$(ll ledger --format tsv | awk -F'\t' -v l="$q" '$2==l {print $10}')"
expect_fail "release needs a COA" "its COA is missing, and the policy (release_needs_coa) wants it reviewed" ll --user quinn release "$q"
dq=$(ll doc attach "$q" "$TMPD/coa2.txt" --kind coa)
ll --user quinn doc review "$dq" --note fine >/dev/null
expect_fail "release needs results" "it has no test results" ll --user quinn release "$q"
ll --user quinn qc add "$q" --parameter moisture --spec "<= 14%" --result 15.2% --fail >/dev/null
expect_fail "release refuses a failed test" "moisture failed its test" ll --user quinn release "$q"
ll hold "$a" --reason complaint >/dev/null
expect_ok "release with reviewed COA and passing results" ll --user quinn release "$a"

# the certificate of analysis
ll coa "$a" > "$TMPD/coa.txt"
grep -q "^Lot $a$" "$TMPD/coa.txt" || fail "coa names the lot"
grep -q "^Conforms to specification$" "$TMPD/coa.txt" || fail "coa verdict"
ll coa "$q" | grep -q "Does NOT conform" || fail "failing coa verdict"
ll coa "$a" --format html | grep -q "<td>falling number</td><td>&gt;= 250 s</td><td>310 s</td><td>pass</td>" || fail "html coa escapes and tabulates"
expect_fail "coa without results" "has no test results to certify" ll coa "$c"
expect_ok "verify" ll verify
finish
