# The help screen is generated from the action table and the keymap: every
# binding of the screen shows with its action and description, and choosing a
# line (by number) runs the action on the screen below.
. "$TESTDIR/screen/lib.sh"

steps 100x50 --user ana <<'EOF2'
1111<Enter>
1
<F1>
:save-screen help-ledger.screen
<Esc>
:scan LOT-261018-DM002
<F1>
:save-screen help-lot.screen
4<Enter>
:save-screen help-ran.screen
<F1>
:save-screen help-form.screen
EOF2
expect_screen help-ledger
expect_screen help-lot
expect_line help-ran 'lotline: Release'
expect_line help-form 'next-or-save +Go to the next field; on the last field, save'

# every ledger and global binding of the default keymap is listed with its key
for line in $(grep -E '^bind (ledger|global) ' "$TESTDIR/../keymaps/default.keys" | awk '{print $4}' | sort -u); do
	expect_line help-ledger " $line "
done

# before login, help lists no screens to open
steps 80x24 <<'EOF2'
<F1>
:save-screen help-login.screen
EOF2
expect_line help-login 'Help: Login'
expect_no_line help-login 'view-'
finish
