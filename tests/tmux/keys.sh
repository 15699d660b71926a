# F-keys, PF1-PF4 and Esc on real terminal types: xterm and VT220 (whose F1-F4
# are the VT100's PF1-PF4). Esc answers at once, not after curses' usual second.
. "$TESTDIR/tmux/lib.sh"

for term in xterm vt220; do
	start "$term" 80x24 || continue
	wait_for 'Your user name' || continue
	keys ana Tab 1111 Enter
	wait_for 'Main menu +ana \(owner\)'
	keys 1
	wait_for '^100 lots: '
	keys F1
	wait_for 'lotline: Help: Ledger'
	keys Down Down Down
	# Esc alone closes help quickly
	t0=$(ms)
	keys Escape
	wait_for '^100 lots: '
	dt=$(($(ms) - t0))
	[ "$dt" -lt 900 ] || fail "TERM=$term: Esc took ${dt} ms"
	keys F3 h o n
	wait_for '^Search: hon'
	keys Escape
	wait_for '^100 lots: '
	if [ "$term" = xterm ]; then
		keys F7
		wait_for 'lotline: Filter the ledger'
		keys Escape
		wait_for '^100 lots: '
		keys PageDown
		wait_for 'BAR-OAT +LOT-261106-DM003'
		keys F10
	else
		# PF2 is F2: nothing on the ledger; PF1 still opens help
		keys F2
		wait_for 'F2 does nothing here'
		keys F1
		wait_for 'lotline: Help: Ledger'
		keys Escape
		wait_for '^100 lots: '
		keys Escape
		wait_for 'Main menu'
		keys q
	fi
	exited
done
finish
