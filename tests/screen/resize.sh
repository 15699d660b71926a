# Resizing redraws the screen for the new size: columns come and go by
# priority, and a screen too small says so until it grows again.
. "$TESTDIR/screen/lib.sh"

steps 80x24 --user ana <<'EOF2'
1111<Enter>
1
<Down><Down><Down>
:resize 120x30
:save-screen wide.screen
:resize 40x16
:save-screen narrow.screen
:resize 10x5
:save-screen tiny.screen
:resize 80x24
:save-screen back.screen
EOF2
expect_screen wide
expect_screen narrow
expect_line tiny '^lotline'
expect_line tiny '^needs'
expect_line back '^100 lots'
# all ten columns at 120
expect_line wide 'Item +Lot +Qty +Unit +Reserved +Expiry\^ +Location +COA +Last movement +Status'
finish
