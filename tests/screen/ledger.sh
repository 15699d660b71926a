# The Ledger screen: the first page, paging, sorting by any column and in
# reverse, search as you type, the filter form, clearing, and scans (a lot code
# opens the lot, an item's or a location's code filters, anything else is
# refused naming what was scanned).
. "$TESTDIR/screen/lib.sh"

steps 80x24 --user ana <<'EOF2'
1111<Enter>
1
:save-screen ledger.screen
<PgDn>
:save-screen ledger-pgdn.screen
<End>
:save-screen ledger-end.screen
<Home><F6>
:save-screen ledger-sort-location.screen
r
:save-screen ledger-sort-reverse.screen
<lt><F8>/hon
:save-screen ledger-search.screen
<BS><BS><BS>261113-dm004
:save-screen ledger-search-lot.screen
<Esc>
:save-screen ledger-search-cleared.screen
9
:save-screen ledger-type-to-filter.screen
<Esc>
<F7>
COLD<Tab><Tab><Tab>avail<F2>
:save-screen ledger-filtered.screen
<F7>
<C-u><Tab><Tab><Tab><C-u><Tab><Tab>expired<F2>
:save-screen ledger-expired.screen
<F8>
:scan NOPE-123
:save-screen ledger-scan-refused.screen
:scan HONEY
:save-screen ledger-scan-item.screen
<F8>
:scan FRZ
:save-screen ledger-scan-location.screen
:scan LOT-261016-DM002
:save-screen ledger-scan-lot.screen
EOF2
for s in ledger ledger-pgdn ledger-end ledger-sort-location ledger-sort-reverse ledger-search \
	ledger-filtered; do
	expect_screen "$s"
done
expect_line ledger '^100 lots: 3604.5 kg, 27148 each, 865 l$'
expect_line ledger-search-lot '^Search: 261113-dm004'
expect_line ledger-search-lot '^1 lot: 45 l$'
expect_no_line ledger-search-cleared 'Search:'
expect_line ledger-search-cleared '^100 lots'
# a character no key is bound to starts the search
expect_line ledger-type-to-filter '^Search: 9'
n=$(ll ledger --search 9 --format tsv | tail -n +2 | wc -l)
expect_line ledger-type-to-filter "^$n lots: "
expect_line ledger-expired 'Filter: expired before 2026-11-23'
expect_line ledger-expired '^! TOMATO +LOT-261016-DM002'
expect_line ledger-expired '^1 lot: 80 kg$'
expect_line ledger-scan-refused 'Scanned NOPE-123: no lot, item or location has that code'
expect_line ledger-scan-item 'Filter: item HONEY'
expect_line ledger-scan-item '^4 lots: 215.5 kg$'
expect_line ledger-scan-location 'Filter: location FRZ'
n=$(ll ledger --location FRZ --format tsv | tail -n +2 | wc -l)
expect_line ledger-scan-location "^$n lots: "
n=$(ll ledger --search hon --format tsv | tail -n +2 | wc -l)
expect_line ledger-search "^$n lots: "
expect_line ledger-search 'Search: hon'
expect_line ledger-scan-lot 'Lot LOT-261016-DM002'

# the same counts as the command line
n=$(ll ledger --format tsv | tail -n +2 | wc -l)
expect_line ledger "^$n lots"
finish
