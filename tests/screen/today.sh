# Today: what needs attention with a count each, and Enter on a line opens the
# ledger with that filter, whose count agrees.
. "$TESTDIR/screen/lib.sh"

steps 80x24 --user quinn <<'EOF2'
3333<Enter>
8
:save-screen today.screen
<Enter>
:save-screen today-expiring.screen
<Esc><Down><Enter>
:save-screen today-expired.screen
<Esc><Down><Enter>
:save-screen today-held.screen
<Esc><Down><Enter>
:save-screen today-coa.screen
<Esc><Down><Enter>
:save-screen today-exceptions.screen
<Esc><Down><Enter>
:save-screen today-negative.screen
<Esc>
:scan LOT-261016-DM002
<F4>recall<Enter><Enter><Esc>
:save-screen today-after.screen
EOF2
expect_screen today
expect_screen today-expiring
expect_line today-expired 'lotline: Ledger: Expired, still in stock'
expect_line today-expired '^1 lot: 80 kg$'
expect_line today-held '^H BERRY-F +LOT-261018-DM002'
expect_line today-held '^1 lot: 65 kg$'
expect_line today-coa 'Filter: COA missing'
expect_line today-coa '^100 lots: '
expect_line today-exceptions 'No lots to show'
expect_line today-negative 'Filter: below zero'
# a hold made meanwhile is counted when Today shows again
expect_line today-after '^H +2 On hold or in quarantine'
n=$(ll ledger --expiring 7 --format tsv | tail -n +2 | wc -l)
expect_line today "^\* +$n Expiring within 7 days"
finish
