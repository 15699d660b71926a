# Resizing a real terminal: lotline redraws for the new size at once, dropping
# and bringing back columns by priority.
. "$TESTDIR/tmux/lib.sh"

start xterm 80x24 --user ana || finish
wait_for 'Your user name'
keys 1111 Enter
wait_for 'Main menu'
keys 1
wait_for '^100 lots: '
screen | grep -q 'Last movement' && fail "80 columns should not show Last movement"
t resize-window -t ll -x 120 -y 30
wait_for 'Last movement +Status'
t resize-window -t ll -x 20 -y 16
wait_for '^  Lot +Qty'
t resize-window -t ll -x 15 -y 10
wait_for '^lotline needs$'
t resize-window -t ll -x 80 -y 24
wait_for 'Item +Lot +Qty +Unit +Expiry'
keys F10
exited
finish
