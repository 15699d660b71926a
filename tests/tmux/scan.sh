# A keyboard-wedge scanner on a real terminal: a label sent as a burst becomes one
# scan, and a word typed at 120 ms a character is plain typing; no binding fires
# from inside the scan. The same into a form (the Receiving screen's line form). The burst goes in one send-keys: a tmux client per
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

# Receiving: a supplier's label with a GS inside, sent at scanner speed; its
# lowercase letters (b books, l, o, a, d, p) are bindings on this screen and
# must not fire. The label has no location, so the line's form asks for it.
keys Escape
wait_for 'Main menu'
keys 2
wait_for '^No order: scan or choose one'
t send-keys -t ll -l "$(printf ']C10105012345678900\03510bold-lap\035172706303012\r')"
wait_for 'lotline: Receipt line'
wait_for '^Location \* +\[ '
screen | grep -Eq '^Supplier lot +\[bold-lap ' || fail "the label's batch is not in the form"
# a location label burst into the form fills the location field
t send-keys -t ll -l "$(printf 'COLD\r')"
wait_for '^Location \* +\[COLD '
# a person types the unit cost at 120 ms a character: plain typing in the field
keys Tab
burst 0.12 2.50
wait_for '^Unit cost +\[2.50 '
keys Enter
wait_for '^ 1 GRAN-500 +12 each bold-lap +2027-06-30 COLD +1'
screen | grep -q 'Receipt booked' && fail "a binding fired from inside the scan"
keys F2
wait_for '^Receipt booked: LOT-'
got=$("$LOTLINE" --db "$DB" --user ana ledger --item GRAN-500 --location COLD --format tsv |
	awk -F'\t' 'NR>1 && $3==12 {print $5}')
[ "$got" = 2027-06-30 ] || fail "the scanned receipt is not in the store: [$got]"
keys F10
exited
finish
