# The Lot screen and its forms: adjust, move, hold, quarantine, release, scrap
# and correct, each saved through its service, with errors next to the fields
# (the form's own checks and the service's) and the history growing by one
# movement each time.
. "$TESTDIR/screen/lib.sh"
lot=LOT-261016-DM002

steps 80x24 --user ana <<EOF2
1111<Enter>
:scan $lot
:save-screen lot.screen
<F2>
:save-screen lot-adjust-form.screen
abc<Tab>whim<Enter><Enter>
:save-screen lot-adjust-bad.screen
<S-Tab><S-Tab><C-u>-999<Tab><C-u>count<Enter><Enter>
:save-screen lot-adjust-refused.screen
<S-Tab><S-Tab><C-u>+5<Enter><Enter>Recount<Enter>
:save-screen lot-adjusted.screen
<F3>
:scan NOWHERE
:save-screen lot-move-badscan.screen
:scan FRZ
:save-screen lot-move-scan.screen
<S-Tab><C-u>C<F4>
:save-screen lot-move-form.screen
<Enter>Cool it<Enter>
<F4>insp<Enter>Seams split<Enter>
:save-screen lot-held.screen
<F6>complaint<Enter><Enter>
<F5><Enter>
<F7>2<Tab>damaged<Enter><Enter>
<F8>
:save-screen lot-correct-form.screen
wrong lot<Enter><Enter>
:save-screen lot-final.screen
EOF2
for s in lot lot-adjust-form lot-adjust-bad lot-adjust-refused lot-held lot-final; do
	expect_screen "$s"
done
expect_line lot-adjusted 'Lot LOT-261016-DM002 adjusted'
expect_line lot-adjusted 'Quantity +85 kg'
expect_line lot-move-form 'To location \* +\[COLD'
# a scan goes into the field with the cursor, or is refused naming what came
expect_line lot-move-badscan 'Scanned NOWHERE: it does not fit To location \(one of: '
expect_line lot-move-scan 'To location \* +\[FRZ '
expect_line lot-move-scan '^Note +\[ +\]$'
expect_line lot-correct-form 'Movement # \* +\[7 '

# the same history through the command line
expect_line lot-final 'Movement #7 of lot LOT-261016-DM002 corrected'
kinds=$(ll history $lot --format tsv | awk -F'\t' 'NR>1 {printf "%s%s", s, $3; s=" "}')
[ "$kinds" = "receive adjust transfer hold quarantine release scrap correct" ] ||
	fail "history kinds: $kinds"
users=$(ll history $lot --format tsv | awk -F'\t' 'NR>2 {print $6}' | sort -u)
[ "$users" = ana ] || fail "every movement made on the screens is ana's, not: $users"
finish
