# The Import screen (menu key 0): the form names the file and how to read it,
# the screen shows the columns matched to fields, the first rows as parsed and
# every problem a dry run finds (FILE:LINE:COLUMN: field: problem); a file with
# problems cannot be imported, a clean one is imported after a confirmation, in
# one transaction, and the command line sees the result. 80x24 and 20x16 (with
# the RF keymap: no F-keys).
. "$TESTDIR/screen/lib.sh"

# opening lots as a European spreadsheet saves them: Windows-1252, semicolons,
# decimal commas, day/month/year, the names people give the columns
printf 'Article;Batch;Qty;UoM;Best before;Bin;Remarks;Colour\r\nALMOND;OPEN-001;12,5;kg;31/12/2027;DRY;Crème brûlée;red\r\nBERRY-F;OPEN-002;40;kg;15/06/2027;FRZ;;\r\nALMOND;OPEN-003;3;kg;01/02/2028;DRY;'"'"'=1+1;\r\n' |
	iconv -f UTF-8 -t WINDOWS-1252 > "$TMPD/stock.csv"
# items with a bad number, the same code twice and an unknown kind
printf 'code,name,kind,base_unit,density\nOIL,Oil,ingredient,l,abc\nOIL,Oil again,ingredient,l,0.92\nVIN,Vinegar,liquid,l,1.01\n' > "$TMPD/bad.csv"
printf 'code,name,kind\nRACK-A,Rack A,dry\nRACK-B,Rack B,cold\n' > "$TMPD/racks.csv"

steps 80x24 --user ana <<'EOF2'
1111<Enter>
0
:save-screen import-form.screen
nosuch.csv<Tab>items<F2>
:save-screen import-nofile.screen
<C-u>bad.csv<Tab><C-u>stuff<F2>
:save-screen import-badkind.screen
<C-u>items<Tab>KLINGON<F2>
:save-screen import-badenc.screen
<C-u><F2>
:save-screen import-errors.screen
<F2>
:save-screen import-refused.screen
<F3><C-u>stock.csv<Tab><C-u>lots<Tab>WINDOWS-1252<F2>
:save-screen import-preview.screen
<F2>
:save-screen import-confirm.screen
<Esc>
:save-screen import-cancel.screen
<F2><Enter>
:save-screen import-done.screen
i
:save-screen import-again.screen
<F1>
:save-screen import-help.screen
EOF2
expect_line import-form '^File \* +\[ +\]'
expect_line import-form '^Kind \* +\[ +\]'
expect_line import-nofile '^File \* +\[nosuch.csv +\] No such file or directory'
expect_line import-badkind '^Kind \* +\[stuff +\] one of: items locations suppliers'
expect_line import-badenc "^Encoding +\[KLINGON +\] iconv does not know 'KLINGON'"
expect_screen import-errors
expect_line import-refused '^3 problems in the file: correct them and check again \(F5\)'
expect_screen import-preview
expect_line import-confirm '^Import 3 rows of lots from stock.csv in one transaction\? Enter imports,'
expect_line import-cancel '^Nothing was imported$'
expect_line import-cancel '^3 rows ready to import \(F2\)$'
expect_line import-done '^3 rows imported$'
expect_line import-done '3 rows imported from stock.csv'
expect_line import-again 'Check a file first \(F5\)'
expect_line import-help 'import-run|Import every row of the checked file'

# the bad file wrote nothing; the good one is three opening lots
ll item list | grep -q '^OIL ' && fail "the file with problems was imported"
ll ledger --format csv > "$TMPD/ledger.csv"
grep -q '^ALMOND,OPEN-001,12.5,kg,2027-12-31,DRY,' "$TMPD/ledger.csv" || fail "OPEN-001: $(grep OPEN-001 "$TMPD/ledger.csv")"
grep -q '^BERRY-F,OPEN-002,40,kg,2027-06-15,FRZ,' "$TMPD/ledger.csv" || fail "OPEN-002: $(grep OPEN-002 "$TMPD/ledger.csv")"
grep -q '^ALMOND,OPEN-003,3,kg,2028-02-01,DRY,' "$TMPD/ledger.csv" || fail "OPEN-003: $(grep OPEN-003 "$TMPD/ledger.csv")"
ll history OPEN-001 --format csv | tr -d '\r' | grep -q ',Crème brûlée$' || fail "the note was not read from Windows-1252: $(ll history OPEN-001 --format csv)"
ll history OPEN-003 --format csv | tr -d '\r' | grep -q ',=1+1$' || fail "the formula guard stayed on the note"
ll history OPEN-002 --format csv | grep -q ',ana,' || fail "the import is not ana's"

# an operator may not import master data: the service says so in the form
steps 80x24 --user olga <<'EOF2'
4444<Enter>
0
racks.csv<Tab>locations<F2>
:save-screen import-denied.screen
EOF2
expect_line import-denied 'operator'
ll location list | grep -q '^RACK-A ' && fail "the operator's import was written"

# a handheld: 20x16, RF keys (Enter goes field by field and saves on the last);
# the problems leave out the file name (the form named it) to save the width
LOTLINE_KEYMAP=rf steps 20x16 --user mike <<'EOF2'
2222<Enter>
0
:save-screen compact-import-form.screen
bad.csv<Enter>items<Enter><Enter><Enter><Enter><Enter>
:save-screen compact-import-errors.screen
i
:save-screen compact-import-refused.screen
f<C-u>racks.csv<Enter><C-u>loc<Enter><Enter><Enter><Enter><Enter>
:save-screen compact-import.screen
i
:save-screen compact-import-confirm.screen
<Enter>
:save-screen compact-import-done.screen
EOF2
expect_line compact-import-form '^File \*$'
expect_line compact-import-errors '^3 problems: nothing'
expect_line compact-import-errors '^2:5: density'
expect_line compact-import-errors "^3:1: code: 'OIL' is"
expect_line compact-import-refused '^3 problems in the'
expect_screen compact-import
expect_line compact-import-confirm '^Import 2 rows of'
expect_line compact-import-done '^2 rows imported'
ll location list | grep -q '^RACK-B  *Rack B  *cold' || fail "the racks were not imported: $(ll location list)"
finish
