# Export from the Ledger writes what is shown, in the format of
# 'lotline ledger --format csv', to the file named in the form.
. "$TESTDIR/screen/lib.sh"

steps 80x24 --user ana <<'EOF2'
1111<Enter>
1
<F5>
:save-screen export-form.screen
<Enter>
:save-screen export-done.screen
<F7>
<Tab><Tab><Tab>hold<F2>
x<C-u>held.csv<Enter>
<F5><C-u>/nonexistent/dir/x.csv<Enter>
:save-screen export-refused.screen
EOF2
expect_screen export-form
expect_line export-done 'Wrote 100 lots to ledger.csv'
ll ledger --format csv > "$TMPD/cli.csv"
if ! cmp -s "$TMPD/cli.csv" "$TMPD/ledger.csv"; then
	fail "the export differs from lotline ledger --format csv"
	diff "$TMPD/cli.csv" "$TMPD/ledger.csv" | head >&2
fi
ll ledger --status hold --format csv > "$TMPD/cli-held.csv"
cmp -s "$TMPD/cli-held.csv" "$TMPD/held.csv" || fail "the filtered export differs from the command line's"
expect_line export-refused 'file: cannot write /nonexistent/dir/x.csv'
expect_line export-refused 'File \* +\[/nonexistent/dir/x.csv'
finish
