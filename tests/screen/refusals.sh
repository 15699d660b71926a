# Refusals on the Lot screen come from the services: a role that may not do an
# action is told so in the status line (the form does not open), and a rule the
# service enforces shows its message next to the field it is about.
. "$TESTDIR/screen/lib.sh"
lot=LOT-261016-DM002
held=LOT-261018-DM002

# an operator may hold, but not release, quarantine, scrap or correct
steps 80x24 --user olga <<EOF2
4444<Enter>
:scan $held
<F5>
:save-screen release.screen
<F6>
:save-screen quarantine.screen
<F7>
:save-screen scrap.screen
<F8>
:save-screen correct.screen
<F4>
:save-screen hold-form.screen
EOF2
expect_screen release
expect_line release '^olga \(operator\) may not release lots: that needs one of owner, manager, qa$'
expect_line quarantine '^olga \(operator\) may not quarantine lots: that needs one of owner, manager, qa$'
expect_line scrap '^olga \(operator\) may not scrap lots: that needs one of owner, manager, qa$'
expect_line correct '^olga \(operator\) may not correct movements: that needs one of owner, manager$'
expect_line hold-form 'lotline: Hold'

# a viewer reads only
steps 80x24 --user victor <<EOF2
5555<Enter>
:scan $lot
<F4>
:save-screen viewer-hold.screen
<F2>
:save-screen viewer-adjust.screen
<F3>
:save-screen viewer-move.screen
EOF2
expect_line viewer-hold '^victor \(viewer\) may not put lots on hold: that needs one of'
expect_line viewer-adjust '^victor \(viewer\) may not adjust lots: that needs one of'
expect_line viewer-move '^victor \(viewer\) may not move lots: that needs one of'

# rules: a lot already where it is sent, already on hold, already available;
# the form stays open with what was typed
steps 80x24 --user ana <<EOF2
1111<Enter>
:scan $lot
<F3>DRY<Enter><Enter>
:save-screen move-same.screen
<Esc><F5><Enter>
:save-screen release-available.screen
<Esc>
:scan $held
<F4>inspection<Enter><Enter>
:save-screen hold-twice.screen
EOF2
expect_screen move-same
expect_line move-same 'To location \* +\[DRY +\] lot LOT-261016-DM002 is already in'
expect_line move-same '^to: lot LOT-261016-DM002 is already in DRY$'
expect_line release-available "^lot $lot is already available"
expect_line hold-twice "^lot $held is already hold"
expect_line hold-twice 'lotline: Hold'

# nothing refused was written
n=$(ll history $lot --format tsv | tail -n +2 | wc -l)
[ "$n" -eq 1 ] || fail "$lot has $n movements; the refusals wrote some"
finish
