# The Receiving screen: an order scanned, supplier labels scanned (a case GTIN
# counts packs, a weight label fills the quantity), a refused scan naming what
# was scanned and why, a missing expiry asked for in a form with the shelf
# life's default, an over-receipt and a known supplier lot each asked about,
# and a three-label receipt booked in one go, checked afterwards from the
# command line. The same at the compact 20x16 size with the rf keys.
. "$TESTDIR/screen/lib.sh"
export LOTLINE_USER=ana
GS=$(printf '\035')

# a case of oats (20 kg) and chocolate by weight, on one order from Northfield
ll item add OATS-C --name "Rolled oats, case" --kind ingredient --unit kg --shelf-life 300 \
	--pack-size 20 --gtin 05099999000011 --pack-gtin 15099999000018 >/dev/null || exit 99
ll item add CHOC-G --name "Chocolate drops" --kind ingredient --unit kg --shelf-life 365 \
	--gtin 05099999000028 >/dev/null || exit 99
ll po add PO-77 --supplier MILLCO --expected 2026-11-24 --line OATS-C:3:pack:18.50 \
	--line CHOC-G:50:kg:7.20 >/dev/null || exit 99
# supplier lot OC-500 came before
ll receive OATS-C 40 --location DRY --supplier MILLCO --supplier-lot OC-500 \
	--expiry 2027-05-01 >/dev/null || exit 99
unset LOTLINE_USER
journal_before=$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM journal")

steps 80x24 --user olga <<EOF
4444<Enter>
2
:save-screen receiving-empty.screen
:scan (01)05099999000012(10)X
:save-screen receiving-badcheck.screen
:scan WHAT-IS-THIS
:save-screen receiving-nothing.screen
:scan PO-77
:scan DRY
:scan ]C10115099999000018${GS}10OC-881${GS}17270630
:save-screen receiving-case.screen
:scan (01)05099999000028(10)CD-12(3102)002500
:save-screen receiving-expiry-form.screen
<Enter><Enter><Enter>
:scan (01)05099999000028(10)CD-13(17)271001(3102)003000
:save-screen receiving.screen
x
:save-screen receiving-ask-refused.screen
y
:scan (01)15099999000018(10)OC-500(17)270501
:save-screen receiving-dup.screen
a
:save-screen receiving-dup-added.screen
<Up><Up><F7>
:save-screen receiving-dropped.screen
<Esc>
:save-screen receiving-leave.screen
<End><Enter>
:save-screen receiving-booked.screen
EOF
expect_screen receiving
expect_line receiving-empty 'No order: scan or choose one, or scan labels'
expect_line receiving-badcheck "Scanned \(01\)05099999000012\(10\)X: AI \(01\): check digit"
expect_line receiving-nothing 'Scanned WHAT-IS-THIS: not an item, a GTIN or a GS1 label'
# the case GTIN counts packs; the scanner's GS arrived inside the scan
expect_line receiving-case '^ 1 OATS-C +1 pack OC-881 +2027-06-30 DRY +1'
expect_line receiving-case '^ 1 OATS-C +60 +0 +20 kg +open'
# no expiry on the label: asked, the default from the 365-day shelf life
expect_line receiving-expiry-form '^Expiry \* +\[2027-11-23 '
expect_line receiving-expiry-form '^Quantity \* +\[25 +\] kg'
expect_line receiving 'over-receipt: line 2 of PO-77 ordered 50 kg and 25 have been received;'
expect_line receiving-ask-refused 'y: receive more than ordered, n: take the line out'
expect_line receiving-dup 'supplier lot: OC-500 of OATS-C is already lot LOT-261123-DM001 \(DRY\);'
expect_line receiving-dup-added 'Line 4: adds to the lot there'
expect_line receiving-dup-added '^ 3 CHOC-G +30 kg CD-13 .*over-receip'
expect_line receiving-dropped 'Line 2 taken out of the receipt'
expect_no_line receiving-dropped 'CD-12'
expect_line receiving-leave '^3 lines are not booked: Esc again leaves without booking them'
expect_line receiving-booked '^Receipt booked: LOT-261123-DM002 LOT-261123-DM003 LOT-261123-DM001'
expect_line receiving-booked '^ 2 CHOC-G +50 +30 +kg +open'

# the store afterwards, from the command line: three lines, one transaction
ledger=$(ll --user ana ledger --format tsv | awk -F'\t' '$1=="OATS-C" || $1=="CHOC-G" {print $1, $2, $3, $5, $6}' | sort)
want="CHOC-G LOT-261123-DM003 30 2027-10-01 DRY
OATS-C LOT-261123-DM001 60 2027-05-01 DRY
OATS-C LOT-261123-DM002 20 2027-06-30 DRY"
[ "$ledger" = "$want" ] || fail "ledger after the receipt: [$ledger]"
[ "$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM journal")" -eq $((journal_before + 3)) ] ||
	fail "three journal entries for three lines"
received=$(ll --user ana po show PO-77 --format tsv | awk -F'\t' 'NR>1 {printf "%s%s=%s", s, $2, $6; s=" "}')
[ "$received" = "OATS-C=40 CHOC-G=30" ] || fail "the order's arrivals: $received"
users=$(ll --user ana history LOT-261123-DM003 --format tsv | awk -F'\t' 'NR>1 {print $6}')
[ "$users" = olga ] || fail "booked as olga, not: $users"

# compact, rf keys: digits and letters only; y answers, p prints labels on
# booking (label_print_command), b books
ll --user ana settings label_print_command "cat >> $TMPD/labels.zpl" >/dev/null || exit 99
LOTLINE_KEYMAP=rf steps 20x16 --user olga <<EOF
4444<Enter>
2
:scan NOPE
:save-screen compact-receiving-refused.screen
:scan PO-77
:scan COLD
:scan (01)05099999000028(10)CD-20(17)271201(3102)001000
:scan (01)15099999000018(10)OC-900(17)270701
:save-screen compact-receiving.screen
:scan (01)05099999000028(10)CD-22(3102)000500
:save-screen compact-receiving-form.screen
<Enter><Enter><Enter>
:scan (01)15099999000018(10)OC-900(17)270701
:save-screen compact-receiving-merge-over.screen
n
:save-screen compact-receiving-merge-back.screen
:scan (01)05099999000028(10)CD-21(17)271201(3102)001500
:save-screen compact-receiving-over.screen
y
p
b
:save-screen compact-receiving-booked.screen
EOF
expect_screen compact-receiving
expect_line compact-receiving-refused '^Scanned NOPE: not a~'
expect_line compact-receiving-form '^Expiry \*$'
expect_line compact-receiving-form '^\[2027-11-23 +\]$'
# one more case of a line would go over the order: n takes back that label only
expect_line compact-receiving-merge-over '^y: yes, n: no'
expect_line compact-receiving-merge-back '^Line 2: the last la~'
expect_line compact-receiving-merge-back '^ 2 OATS-C 1 pa~'
expect_line compact-receiving-over '^y: yes, n: no'
expect_line compact-receiving-booked '^Receipt booked, 4 l~'
[ "$(grep -c '^\^XA' "$TMPD/labels.zpl" 2>/dev/null)" = 4 ] || fail "four labels printed on booking"
grep -q '(01)05099999000028(17)271201(10)LOT-261123-DM' "$TMPD/labels.zpl" ||
	fail "a label with GS1 (01)(17)(10) of the new lot"
n=$(ll --user ana ledger --location COLD --format tsv | awk -F'\t' '$1=="OATS-C" || $1=="CHOC-G"' | wc -l)
[ "$n" -eq 4 ] || fail "four lots booked in COLD, not $n"
finish
