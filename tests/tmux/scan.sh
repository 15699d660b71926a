# A keyboard-wedge scanner on a real terminal: a label sent as a burst becomes one
# scan, and a word typed at 120 ms a character is plain typing; no binding fires
# from inside the scan. The burst goes in one send-keys: a tmux client per
# character takes longer than a scanner's gap on a loaded machine, which would
# test the machine, not lotline (tests/unit/test_scanner.c holds the 5 ms rule).
. "$TESTDIR/tmux/lib.sh"

# burst DELAY TEXT: send TEXT one character at a time, DELAY seconds apart
burst() {
	d=$1 text=$2
	while [ -n "$text" ]; do
		c=${text%"${text#?}"}
		text=${text#?}
		t send-keys -t ll -l "$c"
		sleep "$d"
	done
}

lot=$("$LOTLINE" --db "$DB" ledger --item SALT --format tsv | awk -F'\t' 'NR==2 {print $2}')
start xterm 80x24 || exit 1
wait_for 'Your user name'
keys ana Tab 1111 Enter
wait_for 'Main menu +ana \(owner\)'
keys 1
wait_for '^100 lots: '
# a person types a search word slowly: it is text in the search field
keys /
wait_for '^Search:'
burst 0.12 honey
wait_for '^Search: honey'
keys Escape
wait_for '^100 lots: '
# the scanner sends a lot label fast, ending with Enter: the ledger opens the lot;
# its letters (o sorts, r reverses, a clears) would have fired bindings if typed
t send-keys -t ll -l "$(printf '%s\r' "$lot")"
wait_for "lotline: Lot $lot"
screen | grep -q 'Sea salt fine' || fail "the scanned lot did not open"
keys Escape
wait_for '^100 lots: '
# a scan that fits nothing is refused with what was scanned
t send-keys -t ll -l "$(printf 'NOT-A-CODE-42\r')"
wait_for "NOT-A-CODE-42"
keys F10
exited
finish
