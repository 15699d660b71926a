# The compact layout for handhelds, 20 columns by 16 rows: the ledger keeps its
# most important columns (lot, quantity), the lot screen its key fields, forms
# go single-column, and the F-key bar fits what it can.
. "$TESTDIR/screen/lib.sh"

steps 20x16 --user olga <<'EOF2'
:save-screen compact-login.screen
4444<Enter>
:save-screen compact-menu.screen
1
:save-screen compact-ledger.screen
:scan LOT-261016-DM002
:save-screen compact-lot.screen
<F2>
:save-screen compact-form.screen
x<Enter>
:save-screen compact-form-error.screen
<Esc><Esc><Esc>8
:save-screen compact-today.screen
<F1>
:save-screen compact-help.screen
EOF2
for s in compact-login compact-menu compact-ledger compact-lot compact-form compact-form-error \
	compact-today compact-help; do
	expect_screen "$s"
done

# smaller than that: lotline says so instead of drawing a broken screen
steps 19x15 <<'EOF2'
:save-screen too-small.screen
EOF2
expect_line too-small '^lotline needs$'
expect_line too-small '^20x16; this is$'
finish
