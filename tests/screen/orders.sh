# The Orders screen: the list with its status filter, confirm (which reserves
# lots and shows them under each line), refusals (a despatch note before
# shipping, a role that may not confirm, a line that cannot be covered, a
# cancel with no reason), cancel with a reason; at 80x24 and on an RF gun.
. "$TESTDIR/screen/lib.sh"
ll --user ana order add SO3 --customer CAFE9 --ship-date 2026-11-25 --note "back door" \
	--line BUTTER:5:kg --line EGG-L:10:l:LOT-261113-DM003 >/dev/null || fail "order SO3"
ll --user ana order add SO4 --customer HOTELGR --line SALT:1000:kg >/dev/null || fail "order SO4"

steps 80x24 --user ana <<'EOF2'
1111<Enter>
4
<F6>
:save-screen orders-list.screen
<F4>
:save-screen orders-despatch-early.screen
<F2>
:save-screen orders-too-much.screen
<Down>
<F2>
:save-screen orders-confirmed.screen
<Esc>
<F7><F7>
:save-screen orders-filter.screen
<F7><F7><F7><F7>
<F8>
<Enter>
:save-screen orders-cancel-empty.screen
Customer rang<Enter>
:save-screen orders-cancelled.screen
EOF2
expect_line orders-list '^D SO4 +draft +HOTELGR +1 +Grand Hotel'
expect_line orders-list '^D SO3 +draft +2026-11-25 CAFE9 +2 +Cafe Nine$'
expect_line orders-despatch-early '^Order SO4 is draft: a despatch note is made when it ships$'
expect_line orders-too-much 'line 1 needs 1000 kg of SALT and only 180 kg can be reserved'
expect_screen orders-confirmed
expect_line orders-filter '^ lotline: Orders: confirmed'
expect_line orders-filter '^C SO3 +confirmed'
expect_no_line orders-filter 'SO4'
expect_line orders-cancel-empty 'Reason'
expect_line orders-cancelled '^Order SO4 cancelled'
expect_line orders-cancelled '^X SO4 +cancelled'

# the store: SO3 holds its lots back, SO4 is cancelled with nothing reserved
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
}
expect_eq "statuses" "SO4 cancelled
SO3 confirmed
SO-DEMO-1 draft" "$(ll order list --format tsv | awk -F'\t' 'NR > 1 {print $1, $5}')"
expect_eq "reserved in the ledger" "LOT-261105-DM001 5
LOT-261113-DM003 10" \
	"$(ll ledger --format tsv | awk -F'\t' 'NR > 1 && $16 != "0" {print $2, $16}' | sort)"
expect_eq "reserved column" "reserved" "$(ll ledger --format tsv | head -1 | cut -f16)"
ll ledger | head -1 | grep -q 'Qty  Unit   Reserved' || fail "ledger table: $(ll ledger | head -1)"

# on an RF gun: the lines view, a role that may not confirm
ll --user ana order add SO5 --customer CORNER --line COOKIE-CH:24 >/dev/null
LOTLINE_KEYMAP=rf steps 20x16 --user olga <<'EOF2'
4444<Enter>
4
o
:save-screen orders-compact-list.screen
c
:save-screen orders-compact-refused.screen
<Down><Down>
<Enter>
:save-screen orders-compact.screen
EOF2
expect_line orders-compact-list '^D SO5'
expect_line orders-compact-refused '^olga \(operator\) may'
expect_screen orders-compact
finish
