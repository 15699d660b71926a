# A genealogy on the demo store for the trace and recall screens, made with the
# command line: salt lot LOT-261007-DM001 (with oats and honey) goes into two
# granola base runs, GB1 and GB2; each becomes bagged granola, G1 and G2. G1
# ships to CORNER (25) and FRESHMART (15), G2 to CAFE9 (10 of its 40), all on
# 2026-11-24.
. "$TESTDIR/screen/lib.sh"
SALT=LOT-261007-DM001 OATS=LOT-261001-DM001 HONEY=LOT-261004-DM001 BAGS=LOT-261112-DM001

(
	export LOTLINE_USER=ana
	ll recipe add GBASE --item GRAN-BASE --yield 20 --line OATS:16 --line HONEY:3.8 \
		--line SALT:0.2 >/dev/null &&
		ll recipe activate GBASE >/dev/null &&
		ll recipe add G500 --item GRAN-500 --yield 40 --line GRAN-BASE:20 \
			--line BAG-500:40 >/dev/null &&
		ll recipe activate G500 >/dev/null || exit 99
	# make RECIPE OUTPUT LOCATION LOT...: one run consuming the given lots
	make_run() {
		recipe=$1 out=$2 loc=$3
		shift 3
		run=$(ll run plan "$recipe" | sed -n 's/^run \(.*\) planned$/\1/p')
		ll run start "$run" >/dev/null || exit 99
		for lot in "$@"; do
			ll run consume "$run" "$lot" --confirm >/dev/null || exit 99
		done
		ll run finish "$run" --yield "$(ll run show "$run" |
			sed -n '1s/.* makes \([0-9.]*\) .*/\1/p')" --location "$loc" --lot "$out" \
			>/dev/null || exit 99
	}
	make_run GBASE GB1 STAGE $OATS $HONEY $SALT
	make_run GBASE GB2 STAGE $OATS $HONEY $SALT
	make_run G500 G1 FG GB1 $BAGS
	make_run G500 G2 FG GB2 $BAGS
	ship() {
		ll order add "$1" --customer "$2" --line "GRAN-500:$3:each:$4" >/dev/null &&
			ll order confirm "$1" >/dev/null || exit 99
		while lot=$(ll pick next "$1" 2>/dev/null |
			sed -n '1s/^pick .* of \(.*\) from .*$/\1/p') && [ -n "$lot" ]; do
			ll pick "$1" --location FG --lot "$lot" >/dev/null || exit 99
		done
		LOTLINE_NOW=2026-11-24T09:00:00Z ll order ship "$1" >/dev/null || exit 99
	}
	ship SO1 CORNER 25 G1
	ship SO2 FRESHMART 15 G1
	ship SO3 CAFE9 10 G2
	LOTLINE_NOW=2026-11-25T09:00:00Z ll order return SO2 G1 2 --location QUAR \
		--reason quality >/dev/null || exit 99
) || { echo "could not build the genealogy" >&2; exit 99; }
