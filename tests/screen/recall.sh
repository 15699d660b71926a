# The Recall screen on the genealogy of trace_lib.sh: a recall opened from the
# trace screen (the lot filled in; the reason required; an operator refused)
# holds the lots in stock at once; the customers are marked notified,
# acknowledged and returned one by one; the views show the lots and shipments;
# the notification list is written as CSV and text exactly as 'lotline recall
# notices' writes it; closing asks for a summary. Each checked with the command
# line. Then the compact layout with rf keys: the list, one recall, a drill.
. "$TESTDIR/screen/trace_lib.sh"
code=RCL-261123-DM001

# an operator may trace but not recall
steps 80x24 --user olga <<EOF2
4444<Enter>
5
:scan $SALT
r
:save-screen recall-refused.screen
<F9>7o
:save-screen recall-refused-list.screen
EOF2
expect_line recall-refused 'olga \(operator\) may not run recalls'
expect_line recall-refused-list 'olga \(operator\) may not run recalls'

steps 80x24 --user quinn <<EOF2
3333<Enter>
5
:scan $SALT
r
:save-screen recall-form.screen
<Esc>
:save-screen recall-cancelled.screen
r<Enter><Enter>
:save-screen recall-form-error.screen
Supplier recall of salt CK79723<Enter><Enter>
:save-screen recall-show.screen
n<Down>a<Down>n<Down>r5<Enter>
:save-screen recall-marked.screen
v
:save-screen recall-lots.screen
<Enter>
:save-screen recall-lot-open.screen
<Esc>v
:save-screen recall-ships.screen
x<Enter><Enter>
:save-screen recall-exported.screen
c<Enter>
:save-screen recall-close-error.screen
All three customers told; stock held for destruction<Enter>
:save-screen recall-closed.screen
x<C-u>notices.txt<Tab><C-u>text<Enter>
<Esc>
:save-screen recall-list.screen
<Esc>
:save-screen recall-trace-after.screen
EOF2
expect_line recall-form '^Lots \* +\[LOT-261007-DM001 +\]'
expect_line recall-cancelled '^Forward: where LOT-261007-DM001'
expect_line recall-form-error 'Reason \* +\[ +\] required'
expect_screen recall-show
expect_line recall-show "Recall $code opened: 5 lots, 3 put on hold, 3 customers"
expect_line recall-marked '^CAFE9 +notified '
expect_line recall-marked '^CORNER +acknowledged '
expect_line recall-marked '^FRESHMART +returned '
expect_line recall-lots '^ +0 LOT-261007-DM001 +SALT +9.6 kg +available +held'
expect_line recall-lots '^ +2 G1 +GRAN-500 +2 each +quarantine +held'
expect_line recall-lots '^ +2 G2 +GRAN-500 +30 each +available +held'
# Enter on a lot of the scope opens it: on hold since the recall opened
expect_line recall-lot-open 'Lot LOT-261007-DM001'
expect_line recall-lot-open '^Status +hold'
expect_line recall-ships '^FRESHMART +G1 +SO2 +15 each 2026-11-24'
expect_line recall-exported "Wrote 3 shipments to notify to $code-notices.csv"
expect_line recall-close-error 'Summary \* +\[ +\] required'
expect_line recall-closed "Recall $code closed"
expect_line recall-closed "^Closed 2026-11-25 09:00: All three customers told"
expect_screen recall-list
# back on the trace it came from, the salt lot shows its hold
expect_line recall-trace-after '^H - LOT-261007-DM001 '

# the store says the same
held=$(ll ledger --format tsv | awk -F'\t' '$10 == "hold" && ($2 ~ /^G/ || $2 == "'$SALT'") {print $2}' | sort | tr '\n' ' ')
[ "$held" = "G1 G2 $SALT " ] || fail "lots held by the recall (the returned G1 too): $held"
ll recall show $code > "$TMPD/show.txt"
grep -Eq '^  CAFE9 +Cafe Nine +1  2026-11-25 09:00 +- +0$' "$TMPD/show.txt" || fail "CAFE9 notified: $(cat "$TMPD/show.txt")"
grep -Eq '^  CORNER +Corner Deli +1  - +2026-11-25 09:00 +0$' "$TMPD/show.txt" || fail "CORNER acknowledged"
grep -Eq '^  FRESHMART +FreshMart Stores +1  2026-11-25 09:00 +- +5$' "$TMPD/show.txt" || fail "FRESHMART returned 5"
grep -q '^Closed 2026-11-25 09:00: All three customers told; stock held for destruction$' "$TMPD/show.txt" || fail "closed"
ll recall notices $code --format csv > "$TMPD/want.csv"
cmp -s "$TMPD/want.csv" "$TMPD/$code-notices.csv" || fail "the CSV differs from the command line's: $(diff "$TMPD/want.csv" "$TMPD/$code-notices.csv")"
ll recall notices $code > "$TMPD/want.txt"
cmp -s "$TMPD/want.txt" "$TMPD/notices.txt" || fail "the text differs from the command line's: $(diff "$TMPD/want.txt" "$TMPD/notices.txt")"
grep -q "^  lot G2 " "$TMPD/notices.txt" || fail "text list: $(cat "$TMPD/notices.txt")"

# compact, rf keys: the list, one recall, and a drill opened from the list
LOTLINE_KEYMAP=rf steps 20x16 --user quinn <<EOF2
3333<Enter>
7
:save-screen compact-recall-list.screen
<Enter>
:save-screen compact-recall.screen
<Esc>o
:scan G1
<Enter>yearly drill<Enter><C-u>yes<Enter>
:save-screen compact-drill.screen
EOF2
expect_screen compact-recall
expect_line compact-recall-list "^RCL-2.*3-DM001 clo"
expect_line compact-drill '^open, drill'
ll recall list --format tsv > "$TMPD/list.tsv"
grep -q "^MOCK-261123-DM001	yes	open	1	0	2	0" "$TMPD/list.tsv" || fail "the drill: $(cat "$TMPD/list.tsv")"
finish
