# The Traceability screen on a genealogy made with the command line (see
# trace_lib.sh): from the menu it asks for a lot (a wrong scan is refused, a
# label answers), shows the first level forward at once, opens level by level
# (and one level further again), closes, turns backward, and Enter opens the
# lot; the Lot screen traces its lot. At 80x24 and at 20x16 with rf keys.
. "$TESTDIR/screen/trace_lib.sh"

steps 80x24 --user quinn <<EOF2
3333<Enter>
5
:save-screen trace-ask.screen
:scan NOWHERE
:save-screen trace-badscan.screen
:scan $SALT
:save-screen trace-forward.screen
:scan SALT
:save-screen trace-item.screen
<Down><Right>
:save-screen trace-gb1.screen
<Right>
:save-screen trace-open.screen
<Down><Down><Left>
:save-screen trace-up.screen
<Left>
:save-screen trace-closed.screen
<Down><Down><Down><Right>
:save-screen trace-end.screen
b
:save-screen trace-salt-back.screen
t<C-u>NOPE<Enter>
:save-screen trace-nope.screen
<C-u>G2<Enter>
+
:save-screen trace-backward.screen
<Down><Enter>
:save-screen trace-lot.screen
t
:save-screen trace-from-lot.screen
:scan (01)05012345678900(17)270522(10)G2
:save-screen trace-gs1.screen
EOF2
expect_screen trace-forward
expect_screen trace-open
expect_screen trace-backward
expect_line trace-ask 'Lot \* +\[ +\] type it, or scan the label'
expect_line trace-badscan 'Scanned NOWHERE'
expect_line trace-forward 'Traced LOT-261007-DM001 forward'
# an item's code is not a lot: refused, the tree stays
expect_line trace-item 'Scanned SALT: that is not a lot'
expect_line trace-item '^  - LOT-261007-DM001 '
expect_line trace-gb1 '^    - GB1 '
# G1 is marked Q: 2 came back into quarantine
expect_line trace-gb1 '^Q     \+ G1 '
expect_no_line trace-gb1 'to CORNER'
expect_line trace-open '^          to CORNER +GRAN-500 +25 each 2026-11-24 CORNER Corner D'
# Left on a child goes up to its lot; on an open lot closes it
expect_line trace-open '^          back: FRESHMART +GRAN-500 +2 each 2026-11-25 FRESHMART'
expect_line trace-up '^Q     - G1 '
expect_line trace-closed '^Q     \+ G1 '
expect_no_line trace-closed 'to CORNER'
expect_line trace-end '^      \+ G2 '
expect_line trace-salt-back '^Backward: what went into LOT-261007-DM001 \(SALT\), 2 lines'
expect_line trace-salt-back '^      from MILLCO +SALT +10 kg +2026-10-07 MILLCO Northfie'
expect_line trace-nope 'lot NOPE not found'
expect_line trace-lot 'Lot GB2'
expect_line trace-from-lot '^Forward: where GB2 \(GRAN-BASE\) went, 2 lines'
# our own GS1 label (what 'lotline label G2' prints) starts a trace too
expect_line trace-gs1 '^Forward: where G2 \(GRAN-500\) went, 2 lines'
expect_line trace-gs1 '^      to CAFE9 +GRAN-500 +10 each 2026-11-24'

# the compact layout with the rf keys: no F-keys, arrows open and close
LOTLINE_KEYMAP=rf steps 20x16 --user quinn <<EOF2
3333<Enter>
5
:scan $SALT
<Down><Right><Down><Right>
:save-screen compact-trace.screen
b
:save-screen compact-trace-back.screen
EOF2
expect_screen compact-trace
expect_line compact-trace-back '^Back LOT-261007-DM0'
expect_line compact-trace-back '^  \^MILLCO +10$'

# vi keys: l opens, h closes (and goes up)
LOTLINE_KEYMAP=vi steps 80x24 --user quinn <<EOF2
3333<Enter>
5
:scan $SALT
jl
:save-screen trace-vi-open.screen
jh
:save-screen trace-vi-up.screen
h
:save-screen trace-vi-closed.screen
EOF2
expect_line trace-vi-open '^Q     \+ G1 '
expect_line trace-vi-up '^Q     \+ G1 '
expect_no_line trace-vi-closed ' G1 '
expect_line trace-vi-closed '^    \+ GB1 '
finish
