# Recalls and mock recalls over the shared genealogy: the scope (lots in stock
# held at once, shipments and customers), the notification list in CSV and text,
# tracking per customer, closing; a drill changes nothing and records its time.
. "$TESTDIR/cli/genealogy_lib.sh"
ship_orders

expect_fail "operator cannot recall" "olga (operator) may not run recalls and mock recalls" ll --user olga recall open S1 --reason x
expect_fail "reason required" "reason: say why" ll recall open S1
expect_fail "unknown lot" "lot NOPE not found" ll recall open NOPE --reason x
expect_eq "nothing written by refusals" "0" "$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM recalls")"

# a drill: the same lists, no holds, clearly marked, timed
ll --user quinn recall open S1 --drill --reason "annual mock recall" > "$TMPD/drill.txt" || fail "drill"
grep -q "^mock recall MOCK-261123-T001 opened$" "$TMPD/drill.txt" || fail "drill code: $(head -1 "$TMPD/drill.txt")"
grep -q "^This is a drill: no lot was put on hold.$" "$TMPD/drill.txt" || fail "drill marked"
grep -q "^Scope: 5 lot(s), 2 in stock, 0 put on hold; 3 customer(s)$" "$TMPD/drill.txt" || fail "drill scope: $(grep Scope "$TMPD/drill.txt")"
grep -Eq "^Complete list in [0-9]+ ms$" "$TMPD/drill.txt" || fail "drill time"
expect_eq "drill holds nothing" "S1 available BR2 quarantine" "$(ll ledger --format tsv | awk -F'\t' '$2=="S1" || $2=="BR2" {printf "%s%s %s", s, $2, $10; s=" "}' | awk '{print $3, $4, $1, $2}')"
expect_eq "drill in the list" "MOCK-261123-T001	yes	open	5	0	3	0" "$(ll recall list --format tsv | sed -n 2p | cut -f1-7)"
ll recall show MOCK-261123-T001 | grep -Eq "^MOCK RECALL \(drill\) MOCK-261123-T001  open  opened 2026-11-25 09:00 by quinn$" || fail "drill show: $(ll recall show MOCK-261123-T001 | head -1)"

# the real thing
ll --user quinn recall open S1 --reason "salt lot SC-1 recalled by the supplier" > "$TMPD/open.txt" || fail "open"
grep -q "^recall RCL-261123-T001 opened$" "$TMPD/open.txt" || fail "recall code: $(head -1 "$TMPD/open.txt")"
grep -q "^Scope: 5 lot(s), 2 in stock, 2 put on hold; 3 customer(s)$" "$TMPD/open.txt" || fail "scope: $(grep Scope "$TMPD/open.txt")"
expect_eq "in stock goes on hold" "BR2 hold 14 S1 hold 9.6" "$(ll ledger --format tsv | awk -F'\t' '$2=="S1" || $2=="BR2" {printf "%s%s %s %s", s, $2, $10, $3; s=" "}')"
expect_eq "hold movement says recall" "hold recall" "$(ll history S1 --format tsv | awk -F'\t' '$3=="hold" {print $3}') recall"
expect_eq "lots in scope" "  0 S1 9.6 available held
  1 D1 0 consumed 
  1 D2 0 consumed 
  2 BR1 0 shipped 
  2 BR2 14 quarantine held" "$(ll recall show RCL-261123-T001 | sed -n '/^Lots (/,/^$/p' | sed '1d;$d' | awk '{printf "  %s %s %s %s %s\n", $1, $2, $4, $6, $7}')"

expect_eq "notices as CSV" "customer,name,contact,email,phone,address,city,postcode,country,lot,item,item_name,order,qty,unit,shipped
SHOP1,Corner Shop,Jo Baker,jo@corner.example,0113-555,1 High St,Leeds,LS1,GB,BR1,BREAD,Loaf,SO1,12,each,2026-11-24
SHOP2,Deli Two,Sam,,,2 Low Rd,York,,,BR1,BREAD,Loaf,SO2,8,each,2026-11-24
SHOP2,Deli Two,Sam,,,2 Low Rd,York,,,BR2,BREAD,Loaf,SO2,2,each,2026-11-24
SHOP3,Cafe Three,,,,,Hull,,,BR2,BREAD,Loaf,SO3,5,each,2026-11-24" "$(ll recall notices RCL-261123-T001 --format csv | tr -d '\r')"
ll recall notices RCL-261123-T001 > "$TMPD/notices.txt"
grep -q "^SHOP1  Corner Shop$" "$TMPD/notices.txt" || fail "notice block"
grep -q "^  Jo Baker  jo@corner.example  0113-555$" "$TMPD/notices.txt" || fail "notice contact"
grep -q "^  1 High St, LS1 Leeds GB$" "$TMPD/notices.txt" || fail "notice address"
grep -Eq "^  lot BR2 +BREAD +5 each  order SO3 +shipped 2026-11-24$" "$TMPD/notices.txt" || fail "notice line: $(cat "$TMPD/notices.txt")"

# tracking per customer
expect_fail "not in the recall" "customer 'SHOP9' not found" ll recall mark RCL-261123-T001 SHOP9 notified
ll customer add SHOP4 --name "Not a customer yet" >/dev/null
expect_fail "received nothing" "customer SHOP4 received nothing in recall RCL-261123-T001" ll recall mark RCL-261123-T001 SHOP4 notified
expect_fail "bad mark" "mark: 'called' is not notified, acknowledged or returned" ll recall mark RCL-261123-T001 SHOP1 called
expect_fail "returned needs qty" "quantity: returned needs --qty" ll recall mark RCL-261123-T001 SHOP1 returned
expect_fail "only returned has qty" "quantity: only returned takes --qty" ll recall mark RCL-261123-T001 SHOP1 notified --qty 1
expect_ok "notified" ll --user quinn recall mark RCL-261123-T001 SHOP1 notified
expect_ok "acknowledged" ll --user quinn recall mark RCL-261123-T001 SHOP1 acknowledged
expect_ok "returned" ll --user quinn recall mark RCL-261123-T001 SHOP1 returned --qty 10
expect_ok "returned more" ll --user quinn recall mark RCL-261123-T001 SHOP1 returned --qty 2
expect_ok "SHOP2 notified" ll --user quinn recall mark RCL-261123-T001 SHOP2 notified
expect_eq "customers tracked" "SHOP1 1 notified acknowledged 12
SHOP2 2 notified - 0
SHOP3 1 - - 0" "$("$SQLITE3" -separator ' ' "$LOTLINE_DB" "SELECT c.code, (SELECT count(*) FROM recall_shipments h WHERE h.recall_id = x.recall_id AND h.customer_id = x.customer_id), CASE WHEN x.notified_hlc IS NULL THEN '-' ELSE 'notified' END, CASE WHEN x.acknowledged_hlc IS NULL THEN '-' ELSE 'acknowledged' END, x.returned / 1000000 FROM recall_customers x JOIN customers c ON c.id = x.customer_id JOIN recalls r ON r.id = x.recall_id WHERE r.code = 'RCL-261123-T001' ORDER BY 1")"
ll recall show RCL-261123-T001 | grep -Eq "^  SHOP1 +Corner Shop +1  2026-11-25 09:00 +2026-11-25 09:00 +12$" || fail "show customers: $(ll recall show RCL-261123-T001 | grep SHOP1)"
expect_eq "list counts" "RCL-261123-T001	no	open	5	2	3	2" "$(ll recall list --format tsv | sed -n 2p | cut -f1-7)"

# closing
expect_fail "summary required" "summary: say how the recall ended" ll recall close RCL-261123-T001
expect_ok "close" ll --user quinn recall close RCL-261123-T001 --summary "all customers told; 12 loaves back; lots scrapped"
expect_fail "closed is closed" "recall RCL-261123-T001 is closed" ll recall close RCL-261123-T001 --summary again
expect_fail "no marks after closing" "recall RCL-261123-T001 is closed" ll recall mark RCL-261123-T001 SHOP3 notified
ll recall show RCL-261123-T001 | grep -q "^Closed 2026-11-25 09:00: all customers told; 12 loaves back; lots scrapped$" || fail "closed summary"
expect_fail "unknown recall" "recall NOPE not found" ll recall show NOPE

expect_ok "verify" ll verify
finish
