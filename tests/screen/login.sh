# The login screen: the empty form, required fields, a wrong PIN refused without
# saying which part was wrong, --user filling in the name, a badge scan standing
# for the user, and the main menu after.
. "$TESTDIR/screen/lib.sh"
ll --user ana user add bea --role qa --pin 6666 --badge BADGE-7 --name "Bea Quist" >/dev/null

steps 80x24 <<'EOF2'
:save-screen login-empty.screen
<Enter><Enter>
:save-screen login-required.screen
ana<Tab>9999<Enter>
:save-screen login-wrong-pin.screen
1111<Enter>
:save-screen login-menu.screen
EOF2
for s in login-empty login-required login-wrong-pin login-menu; do
	expect_screen "$s"
done

# --user NAME fills in the name; the PIN is what is asked
steps 80x24 --user olga <<'EOF2'
:save-screen prefilled.screen
4444<Enter>
:save-screen olga.screen
EOF2
expect_line prefilled 'User \* +\[olga '
expect_line olga 'olga \(operator\)'
expect_line olga 'Logged in as olga \(operator\)'

# a badge stands for the user; a code that is no badge is refused, naming it
steps 80x24 <<'EOF2'
:scan NOT-A-BADGE
:save-screen nobadge.screen
:scan BADGE-7
:save-screen badge.screen
6666<Enter>
:save-screen bea.screen
EOF2
expect_line nobadge 'Scanned NOT-A-BADGE: not the badge of an active user'
expect_line badge 'User \* +\[bea '
expect_line badge 'Badge of bea: now the PIN'
expect_line bea 'Logged in as bea \(qa\)'

# Esc on the first login leaves; so does the end of the script
steps 80x24 <<'EOF2'
<Esc>
:save-screen never.screen
EOF2
[ ! -f "$TMPD/never.screen" ] || fail "Esc at the first login should leave lotline"
finish
