# A small bakery with a two-level genealogy and shared inputs, for the order,
# trace and recall scenarios:
#   F1 (flour, MILL lot M-77) and S1 (salt, SALTCO lot SC-1) go into two dough
#   runs, D1 and D2 (one supplier lot into several runs); D1 and D2 become the
#   loaves BR1 and BR2 with bags from B1; F2 is flour nobody used.
. "$TESTDIR/cli/lib.sh"
small_store
ll supplier add SALTCO --name "Salt Company" >/dev/null
ll item add SALT --name Salt --kind ingredient --unit kg >/dev/null
ll item add DOUGH --name "Bread dough" --kind intermediate --unit kg --shelf-life 3 >/dev/null
ll item add BREAD --name Loaf --kind finished --unit each --shelf-life 5 >/dev/null
ll item add BAG --name "Bread bag" --kind packaging --unit each >/dev/null
ll location add DISP --name Despatch --kind dry >/dev/null
ll location add RET --name "Returns bay" --kind dry >/dev/null
ll customer add SHOP1 --name "Corner Shop" --contact "Jo Baker" --email jo@corner.example \
	--phone 0113-555 --address "1 High St" --city Leeds --postcode LS1 --country GB >/dev/null
ll customer add SHOP2 --name "Deli Two" --contact "Sam" --address "2 Low Rd" --city York >/dev/null
ll customer add SHOP3 --name "Cafe Three" --city Hull >/dev/null
ll receive FLOUR 100 --location DRY --lot F1 --supplier MILL --supplier-lot M-77 --received 2026-11-01 --expiry 2027-02-01 >/dev/null
ll receive FLOUR 50 --location DRY --lot F2 --supplier MILL --supplier-lot M-78 --received 2026-11-02 --expiry 2027-02-01 >/dev/null
ll receive SALT 10 --location DRY --lot S1 --supplier SALTCO --supplier-lot SC-1 --received 2026-11-01 >/dev/null
ll receive BAG 200 --location DRY --lot B1 --received 2026-11-01 >/dev/null
ll recipe add DOUGHR --item DOUGH --yield 10 --line FLOUR:9.8 --line SALT:0.2 >/dev/null
ll recipe activate DOUGHR >/dev/null
ll recipe add BREADR --item BREAD --yield 20 --line DOUGH:10 --line BAG:20 >/dev/null
ll recipe activate BREADR >/dev/null

# make RECIPE OUTPUT LOCATION LOT...: one run consuming the given lots
make_run() {
	recipe=$1 out=$2 loc=$3
	shift 3
	run=$(ll run plan "$recipe" | sed -n 's/^run \(.*\) planned$/\1/p')
	ll run start "$run" >/dev/null || exit 99
	for lot in "$@"; do
		ll run consume "$run" "$lot" --confirm >/dev/null || exit 99
	done
	ll run finish "$run" --yield "$(ll run show "$run" | sed -n '1s/.* makes \([0-9.]*\) .*/\1/p')" \
		--location "$loc" --lot "$out" >/dev/null || exit 99
	echo "$run"
}
RUN_D1=$(make_run DOUGHR D1 COLD F1 S1)
RUN_D2=$(make_run DOUGHR D2 COLD F1 S1)
RUN_BR1=$(make_run BREADR BR1 DISP D1 B1)
RUN_BR2=$(make_run BREADR BR2 DISP D2 B1)

# ship_orders: SO1 (12 loaves to SHOP1), SO2 (10 to SHOP2: BR1 and BR2) and SO3
# (5 of BR2, asked for, to SHOP3) picked and shipped on 2026-11-24; one loaf of
# BR2 comes back from SHOP2 on 2026-11-25.
ship_orders() {
	ll order add SO1 --customer SHOP1 --line BREAD:12 >/dev/null
	ll order add SO2 --customer SHOP2 --line BREAD:10 >/dev/null
	ll order add SO3 --customer SHOP3 --line BREAD:5:each:BR2 >/dev/null
	for o in SO1 SO2 SO3; do
		ll order confirm $o >/dev/null || fail "confirm $o"
		while lot=$(ll pick next $o 2>/dev/null | sed -n '1s/^pick .* of \(.*\) from .*$/\1/p') &&
			[ -n "$lot" ]; do
			ll pick $o --location DISP --lot "$lot" >/dev/null || { fail "pick $o $lot"; break; }
		done
		LOTLINE_NOW=2026-11-24T09:00:00Z ll order ship $o >/dev/null || fail "ship $o"
	done
	LOTLINE_NOW=2026-11-25T09:00:00Z ll order return SO2 BR2 1 --location RET --reason quality >/dev/null
}
