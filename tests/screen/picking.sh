# The Picking screen on an RF gun (20x16, rf.keys: letters, no F-keys) and at
# 80x24 with the default keys: the pick list, one pick at a time, a lot scanned
# before its location, a wrong location, a wrong lot (the message names the
# right one), a code typed when it does not scan, a short pick with a reason
# that re-allocates, a held lot, ship with a confirmation, the despatch note;
# then the store as the command line sees it.
. "$TESTDIR/screen/lib.sh"
# COOKIE-CH by FEFO: LOT-261103-DM002, then LOT-261104-DM001; all in FG
ll --user ana order add SO1 --customer CORNER --ship-date 2026-11-24 \
	--line COOKIE-CH:100 --line BAR-OAT:50 >/dev/null || fail "order SO1"
ll --user ana order confirm SO1 >/dev/null || fail "confirm SO1"
# a draft is not on the pick list
ll --user ana order add SO9 --customer CAFE9 --line BUTTER:1 >/dev/null || fail "order SO9"

LOTLINE_KEYMAP=rf steps 20x16 --user olga <<'EOF2'
4444<Enter>
4
:save-screen picking-list-rf.screen
<Enter>
:save-screen picking-rf.screen
:scan LOT-261103-DM002
:save-screen picking-lot-first.screen
:scan DRY
:save-screen picking-wrong-location.screen
:scan FG
:save-screen picking-location-ok.screen
:scan LOT-261104-DM001
:save-screen picking-wrong-lot.screen
s
:save-screen picking-short-form.screen
40<Enter>broken<Enter>
:save-screen picking-short-bad.screen
<C-u>damaged<Enter>
:save-screen picking-short.screen
t
:save-screen picking-type-form.screen
DRY<Enter>
:save-screen picking-typed-wrong.screen
t
FG<Enter>
:save-screen picking-typed.screen
:scan LOT-261104-DM001
:save-screen picking-picked.screen
d
:save-screen picking-ship-early.screen
:scan FG
:scan LOT-261105-DM002
:save-screen picking-all.screen
d
:save-screen picking-confirm.screen
<Esc>
:save-screen picking-not-shipped.screen
d
<Enter>
:save-screen picking-despatch-rf.screen
<Esc>
:save-screen picking-shipped-rf.screen
EOF2
expect_line picking-list-rf '^SO1 +2026-11-24$'
expect_no_line picking-list-rf 'SO9'
expect_screen picking-rf
expect_line picking-lot-first 'scan the location FG'
expect_line picking-wrong-location '^wrong location DRY:'
expect_line picking-location-ok '^> FG ok: scan lot$'
expect_screen picking-wrong-lot
expect_line picking-short-form '^Found \*'
expect_line picking-short-bad "one of: not-found"
expect_line picking-short '^LOT-261103-DM002$'
expect_line picking-short 're-allocated, 0'
expect_line picking-short '^> scan location FG$'
expect_line picking-short '^LOT-261104-DM001$'
# a label that does not scan is typed: checked as a scan is
expect_line picking-type-form '^Location FG$'
expect_line picking-typed-wrong '^wrong location DRY:'
expect_line picking-typed '^> FG ok: scan lot$'
expect_line picking-picked '^Picked 60 each of$'
expect_line picking-ship-early 'pick is left'
expect_line picking-all '^All picked\. d: ship$'
expect_line picking-confirm '^Ship order SO1 now\?'
expect_line picking-not-shipped '^Order SO1 not$'
expect_line picking-despatch-rf '^ Despatch note SO1'
expect_line picking-despatch-rf 'LOT-26.*-DM002 +40$'
expect_line picking-shipped-rf '^Order SO1 is$'

# the store after the RF session
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
}
expect_eq "SO1 shipped" "shipped	2026-11-23" \
	"$(ll order list --format tsv | awk -F'\t' -v OFS='\t' '$1=="SO1" {print $5, $7}')"
expect_eq "despatch note" "line,item,item_name,lot,expiry,qty,unit
1,COOKIE-CH,Chocolate cookies 200 g,LOT-261103-DM002,2027-02-01,40,each
1,COOKIE-CH,Chocolate cookies 200 g,LOT-261104-DM001,2027-02-02,60,each
2,BAR-OAT,Oat & honey bar 12x,LOT-261105-DM002,2027-04-04,50,each" \
	"$(ll order despatch SO1 --format csv | tr -d '\r')"
expect_eq "short pick with its reason" "LOT-261103-DM002|60|damaged" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT l.code, p.short / 1000000, p.reason FROM picks p JOIN lots l ON l.id = p.lot_id WHERE p.short > 0")"
expect_eq "picks by olga" "olga" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT DISTINCT user FROM journal WHERE kind IN ('order.pick', 'order.short', 'order.ship')")"
expect_eq "order show: ordered, picked, shipped, short by line" "1 100 100 100 0
2 50 50 50 0" "$(ll order show SO1 --format tsv | awk -F'\t' 'NR > 1 {print $1, $5, $7, $8, $9}')"
expect_eq "ledger after shipping" "LOT-261103-DM002 2060 0
LOT-261104-DM001 340 0
LOT-261105-DM002 550 0" \
	"$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261103-DM002" || $2=="LOT-261104-DM001" || $2=="LOT-261105-DM002" {print $2, $3, $16}' | sort)"

# 80x24, default keys: a short pick of nothing re-allocates to the next lot
ll --user ana order add SO2 --customer CAFE9 --ship-date 2026-11-25 --line BUTTER:10:kg >/dev/null
ll --user ana order confirm SO2 >/dev/null
expect_eq "SO2 reserves BUTTER by FEFO" "LOT-261105-DM001 10" \
	"$(ll ledger --format tsv | awk -F'\t' '$16 != "0" && NR > 1 {print $2, $16}')"
# the reserved lot is put on hold after the order was confirmed
ll --user ana hold LOT-261105-DM001 --reason inspection >/dev/null || fail "hold"
steps 80x24 --user olga <<'EOF2'
4444<Enter>
4
<Enter>
:save-screen picking-80.screen
:scan COLD
:scan LOT-261105-DM001
:save-screen picking-held-80.screen
<F5>
0<Enter>not-found<Enter>
:save-screen picking-short-80.screen
:scan COLD
:scan LOT-261119-DM001
:save-screen picking-refused-80.screen
:scan LOT-261026-DM003
<F2>
<Enter>
:save-screen picking-despatch-80.screen
EOF2
expect_screen picking-80
expect_line picking-short-80 'Short pick of LOT-261105-DM001 recorded: 10 kg re-allocated, 0 kg not filled'
expect_line picking-short-80 '^pick 10 kg of LOT-261026-DM003 from COLD$'
expect_line picking-held-80 '^lot LOT-261105-DM001 is hold: it cannot be picked; record a short pick to'
expect_line picking-refused-80 '^wrong lot LOT-261119-DM001: it is not reserved for SO2; pick 10 kg of'
expect_screen picking-despatch-80
expect_eq "SO2 shipped from the re-allocated lot" "1,BUTTER,Butter 82%,LOT-261026-DM003,2026-12-25,10,kg" \
	"$(ll order despatch SO2 --format csv | tr -d '\r' | sed -n 2p)"
expect_eq "nothing reserved any more" "" \
	"$(ll ledger --format tsv | awk -F'\t' '$16 != "0" && NR > 1 {print $2, $16}')"
ll verify >/dev/null || fail "verify"
finish
