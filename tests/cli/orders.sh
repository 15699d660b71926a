# Orders and picking: reservations by FEFO that never over-reserve, a lot the
# customer asked for, production plans that skip reserved stock, picking that
# refuses wrong, held and expired lots, short picks that re-allocate, shipping,
# despatch notes and returns; every refusal asserted; verify at the end.
. "$TESTDIR/cli/genealogy_lib.sh"
ll receive BREAD 10 --location DISP --lot BR3 >/dev/null
ll hold BR3 --reason inspection >/dev/null
LOTLINE_NOW=2026-10-01T08:00:00Z ll receive BREAD 10 --location DISP --lot BR4 --expiry 2026-11-01 >/dev/null

# adding and confirming; who may
expect_fail "operator cannot add orders" "olga (operator) may not manage customer orders" ll --user olga order add SO9 --customer SHOP1 --line BREAD:1
expect_fail "no lines" "an order needs at least one --line" ll order add SO9 --customer SHOP1
expect_fail "unknown customer" "NOPE" ll order add SO9 --customer NOPE --line BREAD:1
expect_fail "bad line" "line 1: quantity 'x' must be a number more than zero" ll order add SO9 --customer SHOP1 --line BREAD:x
expect_fail "lot of another item" "line 1: lot F1 is FLOUR, not BREAD" ll order add SO9 --customer SHOP1 --line BREAD:1:each:F1
expect_ok "add SO1" ll order add SO1 --customer SHOP1 --ship-date 2026-11-24 --line BREAD:12
expect_fail "twice" "order SO1 already exists" ll order add SO1 --customer SHOP1 --line BREAD:1
expect_eq "draft" "SO1	SHOP1	Corner Shop	2026-11-24	draft	1	" "$(ll order list --format tsv | sed -n 2p)"
expect_ok "confirm SO1" ll order confirm SO1
expect_fail "confirm twice" "order SO1 is confirmed: only a draft order can be confirmed" ll order confirm SO1
# FEFO: BR1 and BR2 expire together, BR1 came first; BR3 is held, BR4 expired
expect_eq "SO1 reserves BR1" "1	BR1	12	0	12" "$(ll order show SO1 --format tsv >/dev/null; ll order show SO1 | awk '$2 ~ /^BR[0-9]/ {print $1 "\t" $2 "\t" $6 "\t" $7 "\t" $8}')"
# two orders compete for BR1: the second gets what is left of it, then BR2
ll order add SO2 --customer SHOP2 --line BREAD:10 >/dev/null
expect_ok "confirm SO2" ll order confirm SO2
expect_eq "SO2 reserves the rest of BR1, then BR2" "BR1:8 BR2:2" "$(ll order show SO2 | awk '$2 ~ /^BR[0-9]/ {printf "%s%s:%s", s, $2, $6; s=" "}')"
ll order add SO3 --customer SHOP3 --line BREAD:5:each:BR1 >/dev/null
expect_fail "asked lot fully reserved" "line 1 needs 5 each of lot BR1 and only 0 each of it is free" ll order confirm SO3
expect_eq "refused confirm writes nothing" "draft" "$(ll order list --status draft --format tsv | awk -F'\t' '$1=="SO3" {print $5}')"
ll order add SO4 --customer SHOP3 --line BREAD:5:each:BR2 >/dev/null
expect_ok "asked lot" ll order confirm SO4
ll order add SO5 --customer SHOP1 --line BREAD:30 >/dev/null
expect_fail "never over-reserve" "line 1 needs 30 each of BREAD and only 13 each can be reserved" ll order confirm SO5
expect_eq "reserved never exceeds stock" "" "$("$SQLITE3" "$LOTLINE_DB" "SELECT l.code FROM lots l JOIN allocations a ON a.lot_id = l.id GROUP BY l.id HAVING sum(a.reserved) > l.qty")"
ll order add SO6 --customer SHOP1 --line BREAD:5:each:BR3 >/dev/null
expect_fail "held lot asked for" "line 1: lot BR3 is hold: it cannot be reserved" ll order confirm SO6
ll order add SO7 --customer SHOP1 --line BREAD:5:each:BR4 >/dev/null
expect_fail "expired lot asked for" "line 1: lot BR4 expired on 2026-11-01: it cannot be reserved" ll order confirm SO7

# production plans do not suggest reserved stock
ll order add SO8 --customer SHOP2 --line FLOUR:60 >/dev/null
ll order confirm SO8 >/dev/null
plan=$(ll run plan DOUGHR --scale 3 | sed -n 's/^run \(.*\) planned$/\1/p')
expect_eq "plan skips reserved flour" "F1 20.4 F2 9" "$(ll run show "$plan" | awk '$1 ~ /^F[0-9]/ {printf "%s%s %s", s, $1, $2; s=" "}')"
ll run cancel "$plan" --reason test >/dev/null
expect_ok "cancel SO8" ll order cancel SO8 --reason "customer changed their mind"
plan=$(ll run plan DOUGHR --scale 3 | sed -n 's/^run \(.*\) planned$/\1/p')
expect_eq "cancel releases the flour" "F1 29.4" "$(ll run show "$plan" | awk '$1 ~ /^F[0-9]/ {printf "%s%s %s", s, $1, $2; s=" "}')"
ll run cancel "$plan" --reason test >/dev/null
expect_fail "cancelled is not edited" "order SO8 is cancelled: it cannot be changed" ll order cancel SO8 --reason again
expect_fail "cancel needs a reason" "say why the order is cancelled" ll order cancel SO5

# picking, as the RF gun does it
expect_fail "draft is not picked" "order SO5 is draft: only a confirmed order is picked" ll pick next SO5
expect_eq "next pick" "pick 12 each of BR1 from DISP" "$(ll --user olga pick next SO1 | head -1)"
expect_fail "wrong location" "wrong location: lot BR1 is in DISP, not in DRY" ll --user olga pick SO1 --location DRY --lot BR1
expect_fail "wrong lot" "wrong lot BR2: it is not reserved for SO1; pick 12 each of BR1 from DISP" ll --user olga pick SO1 --location DISP --lot BR2
expect_fail "held lot" "lot BR3 is hold: it cannot be picked; pick 12 each of BR1 from DISP" ll --user olga pick SO1 --location DISP --lot BR3
expect_fail "expired lot" "lot BR4 expired on 2026-11-01: it cannot be picked; pick 12 each of BR1 from DISP" ll --user olga pick SO1 --location DISP --lot BR4
expect_fail "unknown lot" "lot NOPE not found: pick 12 each of BR1 from DISP" ll --user olga pick SO1 --location DISP --lot NOPE
expect_fail "no lot scanned" "lot: scan the lot (pick 12 each of BR1 from DISP)" ll --user olga pick SO1 --location DISP
expect_fail "too many" "quantity: line 1 needs only 12 each more of BR1" ll --user olga pick SO1 --location DISP --lot BR1 --qty 13
expect_eq "a part" "picked 5 each of BR1 from DISP for line 1" "$(ll --user olga pick SO1 --location DISP --lot BR1 --qty 5 | head -1)"
expect_eq "the rest next" "pick 7 each of BR1 from DISP" "$(ll pick next SO1 | head -1)"
expect_fail "ship too early" "order SO1 still has 1 pick(s) to do (next: lot BR1)" ll order ship SO1
expect_eq "last pick" "all picked: ship with 'lotline order ship SO1'" "$(ll --user olga pick SO1 --location DISP --lot BR1 | sed -n 2p)"
expect_fail "nothing left" "order SO1 has nothing left to pick: ship it" ll pick next SO1
expect_ok "ship SO1" ll --user olga order ship SO1
expect_eq "shipped" "shipped	2026-11-23" "$(ll order list --format tsv | awk -F'\t' -v OFS='\t' '$1=="SO1" {print $5, $7}')"
expect_eq "BR1 after SO1" "8 available" "$(ll ledger --format tsv | awk -F'\t' '$2=="BR1" {print $3, $10}')"
expect_fail "shipped is not edited" "order SO1 is shipped: it cannot be changed" ll order cancel SO1 --reason x
expect_fail "shipped is not picked" "order SO1 is shipped: only a confirmed order is picked" ll pick next SO1
expect_eq "ship movement" "ship -12 SO1" "$(ll history BR1 --format tsv | awk -F'\t' '$3=="ship" {print $3, $4, $NF}' | head -1 | awk '{print $1, $2}') SO1"

# a short pick re-allocates the rest from another lot
expect_fail "short needs a reason" "reason: '' is not one of not-found|damaged|count|blocked|other" ll pick short SO2 --qty 6
expect_fail "short that is not short" "quantity: 8 each is not short of the 8 asked; pick it instead" ll pick short SO2 --qty 8 --reason count
expect_eq "short pick" "short pick of BR1 recorded: 2 each re-allocated, 0 each not filled" "$(ll --user olga pick short SO2 --qty 6 --reason count | head -1)"
expect_eq "next is the re-allocated lot" "pick 4 each of BR2 from DISP" "$(ll pick next SO2 | head -1)"
expect_ok "pick BR2" ll --user olga pick SO2 --location DISP --lot BR2
expect_ok "ship SO2" ll order ship SO2
ll order despatch SO2 --format csv > "$TMPD/despatch.csv"
expect_eq "despatch note csv" "line,item,item_name,lot,expiry,qty,unit
1,BREAD,Loaf,BR1,2026-11-28,6,each
1,BREAD,Loaf,BR2,2026-11-28,4,each" "$(tr -d '\r' < "$TMPD/despatch.csv")"
ll order despatch SO1 > "$TMPD/despatch.txt"
grep -q "^DESPATCH NOTE  order SO1  shipped 2026-11-23$" "$TMPD/despatch.txt" || fail "despatch heading: $(head -1 "$TMPD/despatch.txt")"
grep -q "^    LS1 Leeds$" "$TMPD/despatch.txt" || fail "despatch address"
grep -q "BR1 .* 2026-11-28 .* 12  each" "$TMPD/despatch.txt" || fail "despatch line: $(cat "$TMPD/despatch.txt")"
expect_fail "no despatch before shipping" "order SO4 is confirmed: a despatch note is made when it ships" ll order despatch SO4

# a lot held after it was reserved is neither picked nor shipped
ll hold BR2 --reason complaint >/dev/null
expect_fail "held after reservation" "lot BR2 is hold: it cannot be picked; record a short pick to re-allocate" ll pick SO4 --location DISP --lot BR2
ll release BR2 >/dev/null
ll pick SO4 --location DISP --lot BR2 >/dev/null
ll hold BR2 --reason complaint >/dev/null
expect_fail "held after picking" "lot BR2 is hold: it cannot be shipped" ll order ship SO4
ll release BR2 >/dev/null
expect_ok "ship SO4" ll order ship SO4

# returns go back into the shipped lot, in quarantine, linked to the order
expect_fail "return of an open order" "order SO5 is draft: only a shipped order has returns" ll order return SO5 BR1 1 --location RET --reason damaged
expect_fail "lot not on the order" "lot F1 was not shipped on order SO1" ll order return SO1 F1 1 --location RET --reason damaged
expect_fail "return reason" "reason: 'broken' is not one of damaged|quality|complaint|recall|wrong-item|other" ll order return SO1 BR1 1 --location RET --reason broken
expect_fail "return location" "location: where the returned goods are, required" ll order return SO1 BR1 1 --reason damaged
expect_ok "return" ll --user olga order return SO1 BR1 2 --location RET --reason damaged
expect_fail "more than shipped" "quantity: order SO1 shipped 12 each of BR1 and 2 came back already" ll order return SO1 BR1 11 --location RET --reason damaged
expect_eq "BR1 in quarantine" "4 quarantine DISP" "$(ll ledger --format tsv | awk -F'\t' '$2=="BR1" {print $3, $10, $6}')"
expect_eq "return movement" "return 2 damaged" "$(ll history BR1 --format tsv | awk -F'\t' '$3=="return" {print $3, $4}') damaged"

expect_ok "verify" ll verify
finish
