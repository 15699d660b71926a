# Keymaps: LOTLINE_KEYMAP chooses rf (handhelds: letters, no F-keys) or vi; the
# user's file overrides them; a bad line is reported with its file and line in
# the status line and the rest of the file still works.
. "$TESTDIR/screen/lib.sh"

# rf: the bar and help show letters; letters do the work
printf '4444<Enter>\n1\n:save-screen rf-ledger.screen\nf\n:save-screen rf-filter.screen\n<Esc>\n:scan LOT-261016-DM002\nh\n:save-screen rf-hold.screen\n' |
	LOTLINE_KEYMAP=rf steps 80x24 --user olga
expect_line rf-ledger '^sSearch fFilter aAll oSort xExport \?Help EscBack \*Menu'
expect_no_line rf-ledger 'F[0-9]'
expect_line rf-filter 'lotline: Filter the ledger'
expect_line rf-hold 'lotline: Hold'

# vi: j and k move, G goes to the end
printf '4444<Enter>\n1\nG\n:save-screen vi-end.screen\n' | LOTLINE_KEYMAP=vi steps 80x24 --user olga
expect_line vi-end 'LABEL-R +LOT-261001-DM004'

# the user's file: F2 filters in the ledger, F7 no longer does, a bad line is named
mkdir -p "$XDG_CONFIG_HOME/lotline"
cat > "$XDG_CONFIG_HOME/lotline/keys" <<'EOF2'
# my keys
bind ledger <F2> ledger-filter
unbind ledger <F7>
bind ledger <F3> no-such-action
bind global <C-t> view-today
EOF2
printf ':save-screen user-login.screen\n4444<Enter>\n1\n<F7>\n:save-screen user-f7.screen\n<F2>\n:save-screen user-f2.screen\n<Esc><C-t>\n:save-screen user-today.screen\n' |
	steps 80x24 --user olga
expect_line user-login "lotline/keys:4: unknown action 'no-such"
grep -q "keys:4: unknown action 'no-such-action'" "$TMPD/stderr" || fail "the bad line is not on stderr"
expect_line user-f7 'F7 does nothing here; F1 lists the keys'
expect_line user-f2 'lotline: Filter the ledger'
expect_line user-today 'lotline: Today'

# a keymap named by path, and a name that is no keymap
printf 'bind global <F5> quit\n' > "$TMPD/mine.keys"
printf '4444<Enter>\n<F5>\n:save-screen never.screen\n' | LOTLINE_KEYMAP="$TMPD/mine.keys" steps 80x24 --user olga
[ ! -f "$TMPD/never.screen" ] || fail "F5 should quit with $TMPD/mine.keys"
printf ':save-screen bogus.screen\n' | LOTLINE_KEYMAP=bogus steps 80x24
expect_line bogus "LOTLINE_KEYMAP: 'bogus' is not default, rf, vi or a file path"
finish
