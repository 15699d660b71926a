# The demo store: a small maker with the lots the dashboard must point at.
. "$TESTDIR/cli/lib.sh"
out=$(ll demo) || fail "demo: $out"
printf '%s\n' "$out" | grep -q "quinn    qa        3333" || fail "demo prints users and PINs"
expect_fail "demo refuses to overwrite" "exists" ll demo
export LOTLINE_USER=ana
expect_eq "items" "30" "$(ll item list --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "locations" "6" "$(ll location list --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "lots" "100" "$(ll ledger --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "one on hold" "1" "$(ll ledger --status hold --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "one expired" "1" "$(ll ledger --expired --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "three expiring" "3" "$(ll ledger --expiring 7 --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "stock in five locations" "5" "$(ll ledger --format tsv | awk -F'\t' 'NR>1 {print $6}' | sort -u | wc -l | tr -d ' ')"
# work waiting for the other screens
expect_eq "an active recipe" "RCP-COOKIE 1 active" \
	"$(ll recipe list --format tsv | awk -F'\t' 'NR > 1 {print $1, $2, $3}')"
expect_eq "an open purchase order" "PO-DEMO-1" \
	"$(ll po list --format tsv | awk -F'\t' 'NR > 1 && $5 == "open" {print $1}')"
expect_eq "a draft customer order" "SO-DEMO-1 draft" \
	"$(ll order list --format tsv | awk -F'\t' 'NR > 1 {print $1, $5}')"
expect_eq "nothing reserved until it is confirmed" "" \
	"$(ll ledger --format tsv | awk -F'\t' 'NR > 1 && $16 != "0"')"
expect_ok "pins work" ll user list
expect_ok "demo verifies" ll verify
finish
