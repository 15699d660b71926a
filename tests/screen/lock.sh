# The idle lock and switching user: after idle_lock_minutes without a key the
# screens lock; the same user's PIN goes back where they were, another user
# starts at the menu; switching user keeps lotline running; every movement is
# made by whoever is logged in.
. "$TESTDIR/screen/lib.sh"
lot=LOT-261016-DM002

steps 80x24 --user olga <<EOF2
4444<Enter>
:scan $lot
:idle 9
:save-screen not-locked.screen
:idle 10
:save-screen locked.screen
<F9><Esc>
:save-screen locked-esc.screen
9999<Enter>
:save-screen locked-wrong.screen
4444<Enter>
:save-screen unlocked.screen
<F4>inspection<Enter><Enter>
<F11>
:save-screen switch.screen
<Esc>
:save-screen switch-cancel.screen
<F11>
<C-u>quinn<Tab>3333<Enter>
:save-screen quinn.screen
1
:scan $lot
<F5><Enter>
:idle 30
<S-Tab><C-u>ana<Tab>1111<Enter>
:save-screen ana.screen
EOF2
expect_line not-locked "lotline: Lot $lot"
expect_screen locked
expect_line locked-esc "The screens are locked: olga's PIN, or another user's login"
expect_line locked-wrong 'wrong user or PIN'
expect_line unlocked "lotline: Lot $lot"
expect_line unlocked 'Unlocked; welcome back, olga'
expect_line switch 'Log in as another user'
expect_line switch-cancel "lotline: Lot $lot +olga"
expect_line quinn 'lotline: Main menu +quinn \(qa\)'
expect_line ana 'lotline: Main menu +ana \(owner\)'
who=$(ll history $lot --format tsv | awk -F'\t' 'NR>2 {printf "%s%s:%s", s, $3, $6; s=" "}')
[ "$who" = "hold:olga release:quinn" ] || fail "movements by the logged-in users: $who"
finish
