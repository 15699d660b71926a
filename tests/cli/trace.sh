# Traceability over a two-level genealogy with shared inputs (one flour lot and
# one salt lot into two dough runs, each dough into its own loaves), one run's
# output into several orders, and a return: every answer checked in full.
. "$TESTDIR/cli/genealogy_lib.sh"
ship_orders

t() { ll trace "$@" --format tsv | tr -d '\r'; }
TAB=$(printf '\t')
HEAD="depth${TAB}kind${TAB}lot${TAB}item${TAB}via${TAB}run${TAB}party${TAB}party_name${TAB}reference${TAB}qty${TAB}unit${TAB}date"

expect_eq "forward from the salt" "$HEAD
0	lot	S1	SALT			SALTCO	Salt Company	SC-1	10	kg	2026-11-01
1	made	D1	DOUGH	S1	$RUN_D1				0.2	kg	2026-11-23
1	made	D2	DOUGH	S1	$RUN_D2				0.2	kg	2026-11-23
2	made	BR1	BREAD	D1	$RUN_BR1				10	kg	2026-11-23
2	ship	BR1	BREAD			SHOP1	Corner Shop	SO1	12	each	2026-11-24
2	ship	BR1	BREAD			SHOP2	Deli Two	SO2	8	each	2026-11-24
2	made	BR2	BREAD	D2	$RUN_BR2				10	kg	2026-11-23
2	ship	BR2	BREAD			SHOP2	Deli Two	SO2	2	each	2026-11-24
2	ship	BR2	BREAD			SHOP3	Cafe Three	SO3	5	each	2026-11-24
2	return	BR2	BREAD			SHOP2	Deli Two	SO2	1	each	2026-11-25" "$(t S1 --forward)"

expect_eq "forward, one level" "$HEAD
0	lot	F1	FLOUR			MILL	Northfield Mills	M-77	100	kg	2026-11-01
1	made	D1	DOUGH	F1	$RUN_D1				9.8	kg	2026-11-23
1	made	D2	DOUGH	F1	$RUN_D2				9.8	kg	2026-11-23" "$(t F1 --depth 1)"

expect_eq "forward from an unused lot" "$HEAD
0	lot	F2	FLOUR			MILL	Northfield Mills	M-78	50	kg	2026-11-02" "$(t F2)"

expect_eq "backward from a loaf" "$HEAD
0	lot	BR2	BREAD						20	each	2026-11-23
1	input	B1	BAG	BR2	$RUN_BR2				20	each	2026-11-01
1	input	D2	DOUGH	BR2	$RUN_BR2				10	kg	2026-11-23
2	input	F1	FLOUR	D2	$RUN_D2	MILL	Northfield Mills	M-77	9.8	kg	2026-11-01
2	input	S1	SALT	D2	$RUN_D2	SALTCO	Salt Company	SC-1	0.2	kg	2026-11-01" "$(t BR2 --backward)"

expect_eq "backward, one level" "2" "$(t BR2 --backward --depth 1 | awk -F'\t' '$1==1' | wc -l | tr -d ' ')"

expect_eq "what went into an order" "$HEAD
0	ship	BR1	BREAD			SHOP2	Deli Two	SO2	8	each	2026-11-24
0	ship	BR2	BREAD			SHOP2	Deli Two	SO2	2	each	2026-11-24
1	input	B1	BAG	BR1	$RUN_BR1				20	each	2026-11-01
1	input	B1	BAG	BR2	$RUN_BR2				20	each	2026-11-01
1	input	D1	DOUGH	BR1	$RUN_BR1				10	kg	2026-11-23
1	input	D2	DOUGH	BR2	$RUN_BR2				10	kg	2026-11-23
2	input	F1	FLOUR	D1	$RUN_D1	MILL	Northfield Mills	M-77	9.8	kg	2026-11-01
2	input	F1	FLOUR	D2	$RUN_D2	MILL	Northfield Mills	M-77	9.8	kg	2026-11-01
2	input	S1	SALT	D1	$RUN_D1	SALTCO	Salt Company	SC-1	0.2	kg	2026-11-01
2	input	S1	SALT	D2	$RUN_D2	SALTCO	Salt Company	SC-1	0.2	kg	2026-11-01" "$(t --order SO2)"

expect_eq "what a customer received" "$HEAD
0	ship	BR1	BREAD			SHOP2	Deli Two	SO2	8	each	2026-11-24
0	ship	BR2	BREAD			SHOP2	Deli Two	SO2	2	each	2026-11-24
0	return	BR2	BREAD			SHOP2	Deli Two	SO2	1	each	2026-11-25" "$(t --customer SHOP2)"

expect_eq "one step back and forward, as CSV" "step,kind,lot,item,via,run,party,party_name,reference,qty,unit,date
back,input,F1,FLOUR,D1,$RUN_D1,MILL,Northfield Mills,M-77,9.8,kg,2026-11-01
back,input,S1,SALT,D1,$RUN_D1,SALTCO,Salt Company,SC-1,0.2,kg,2026-11-01
forward,output,BR1,BREAD,D1,$RUN_BR1,,,,10,kg,2026-11-23" "$(ll trace D1 --one-step --format csv | tr -d '\r')"
expect_eq "one step: supplier and customers" "back,supplier,S1,SALTCO,SC-1,10
forward,output,D1,,,0.2
forward,output,D2,,,0.2" "$(ll trace S1 --one-step --format csv | tr -d '\r' | awk -F, -v OFS=, 'NR>1 {print $1, $2, $3, $7, $9, $10}')"
expect_eq "one step of a loaf" "back,input,B1
back,input,D1
forward,customer,BR1
forward,customer,BR1" "$(ll trace BR1 --one-step --format csv | tr -d '\r' | awk -F, -v OFS=, 'NR>1 {print $1, $2, $3}')"

ll trace S1 --format json > "$TMPD/trace.json"
grep -q '"kind":"ship","lot":"BR2"' "$TMPD/trace.json" || grep -q '"kind": *"ship"' "$TMPD/trace.json" || fail "json trace: $(head -c 300 "$TMPD/trace.json")"
ll trace S1 > "$TMPD/trace.txt" || fail "table trace"
grep -q "SHOP3" "$TMPD/trace.txt" || fail "table trace lists customers"

# refusals
expect_fail "no lot" "give lots, --order REF or --customer CODE" ll trace
expect_fail "both ways" "--forward or --backward, not both" ll trace S1 --forward --backward
expect_fail "depth" "--depth: '0' is not a number from 1 to 100" ll trace S1 --depth 0
expect_fail "unknown lot" "lot NOPE not found" ll trace NOPE
expect_fail "unknown order" "order NOPE not found" ll trace --order NOPE
expect_fail "one step of two lots" "--one-step reports on one lot" ll trace S1 F1 --one-step

# a cycle in the genealogy (only possible from outside lotline) still ends
"$SQLITE3" "$LOTLINE_DB" "INSERT INTO lot_links (run_id, output_lot_id, input_lot_id, qty) SELECT r.id, (SELECT id FROM lots WHERE code = 'S1'), (SELECT id FROM lots WHERE code = 'BR1'), 1 FROM runs r LIMIT 1"
expect_eq "cycle ends" "S1" "$(t BR1 --backward | awk -F'\t' '$2=="input" && $3=="S1" {print $3}' | sort -u)"
"$SQLITE3" "$LOTLINE_DB" "DELETE FROM lot_links WHERE output_lot_id = (SELECT id FROM lots WHERE code = 'S1')"

expect_ok "verify" ll verify
finish
