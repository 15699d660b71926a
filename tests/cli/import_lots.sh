# lotline import lots: opening lots through the receive service, marked as
# imports; dates in the forms spreadsheets write; every bad row named.
. "$TESTDIR/cli/lib.sh"
. "$TESTDIR/cli/csv_lib.sh"
small_store
ll user add vic --role viewer >/dev/null
cd "$TMPD" || exit 99
ledger() { ll ledger --all --format tsv | awk -F'\t' -v l="$1" '$2==l'; }

# day/month/year, told by 31/12/2026; 03/04/2027 is then the 3rd of April
crlf lots.csv <<'EOF'
Lot Number,Item Code,Quantity,UoM,Best before,Bin,Status,Vendor,Vendor lot,Received,Unit cost,Notes,COA
L-1,FLOUR,2,pack,31/12/2026,DRY,Available,MILL,M-77,01/11/2026,30,first pallet,missing
L-2,HONEY,12.5,kg,03/04/2027,COLD,On Hold,,,2026-10-05,,,
L-3,HONEY,500,ml,,COLD,quarantine,,,,,"a note
on two lines",
,FLOUR,10,,2025-01-31,DRY,,,,,,expired long ago,
,FLOUR,x,,,DRY,,,,,,,
EOF
expect_report "a quoted line break is a line" "lots.csv:7:3: quantity: 'x' is not a number
lotline: 1 problem in lots.csv: nothing was imported" ll import lots lots.csv
sed -i '$d' lots.csv
n=$(journal_count)
expect_eq "import" "4 rows imported" "$(ll import lots lots.csv)"
expect_eq "one entry per row" "$((n + 4))" "$(journal_count)"
expect_eq "L-1" "FLOUR	L-1	50	kg	2026-12-31	DRY	missing	2026-11-23	receive	available	Wheat flour	MILL	M-77	2026-11-01	1.2	0" "$(ledger L-1)"
expect_eq "L-2" "HONEY	L-2	12.5	kg	2027-04-03	COLD	missing	2026-11-23	receive	hold	Honey			2026-10-05	0	0" "$(ledger L-2)"
expect_eq "L-3 ml to kg" "0.71	quarantine" "$(ledger L-3 | awk -F'\t' '{print $3 "\t" $10}')"
expect_eq "the note's line break" "$(printf 'a note\r\non two lines')" \
	"$("$SQLITE3" "$LOTLINE_DB" "SELECT note FROM movements m JOIN lots l ON l.id = m.lot_id WHERE l.code = 'L-3'")"
expect_eq "generated code, expired lot kept" "LOT-261123-T001	10	2025-01-31" \
	"$(ll ledger --all --format tsv | awk -F'\t' '$2 ~ /^LOT-/ {print $2 "\t" $3 "\t" $5}')"
expect_eq "marked as import" "import" "$("$SQLITE3" "$LOTLINE_DB" "SELECT group_concat(DISTINCT origin) FROM lots")"
expect_eq "movement says import" "receive	import	first pallet" \
	"$(ll history L-1 --format tsv | awk -F'\t' 'NR==2 {print $3 "\t" $8 "\t" $10}')"

# month/day/year, told by 12/31/2026; semicolons bring decimal commas
printf 'lot;item;qty;unit;expiry;location;unit_cost\n' > us.csv
printf 'U-1;FLOUR;1,5;kg;12/31/2026;DRY;0,95\nU-2;FLOUR;2;kg;04/03/27;DRY;\nU-3;FLOUR;3;kg;Jan 5, 2027;DRY;\n' >> us.csv
expect_ok "month first" ll import lots us.csv
expect_eq "U-1" "1.5	2026-12-31	0.95" "$(ledger U-1 | awk -F'\t' '{print $3 "\t" $5 "\t" $15}')"
expect_eq "U-2" "2027-04-03" "$(ledger U-2 | cut -f5)"
expect_eq "U-3" "2027-01-05" "$(ledger U-3 | cut -f5)"

# an ambiguous file needs --date-format; a mixed one is refused
printf 'lot,item,qty,expiry,location\nA-1,FLOUR,1,03/04/2027,DRY\nA-2,FLOUR,1,05/06/2027,DRY\n' > amb.csv
expect_report "ambiguous" "amb.csv:2:4: expiry: '03/04/2027' could be day/month or month/day, and no date in the file tells which: give --date-format dmy or mdy
lotline: 1 problem in amb.csv: nothing was imported" ll import lots amb.csv
expect_ok "ambiguous with --date-format" ll import lots amb.csv --date-format mdy
expect_eq "read as month/day" "2027-03-04" "$(ledger A-1 | cut -f5)"
printf 'lot,item,qty,expiry,location\nM-1,FLOUR,1,31/12/2026,DRY\nM-2,FLOUR,1,12/31/2026,DRY\n' > mixed.csv
expect_report "mixed orders" "mixed.csv:3:4: expiry: '12/31/2026' reads only as month/day/year, but '31/12/2026' on line 2 reads only as day/month/year: the file mixes date orders
lotline: 1 problem in mixed.csv: nothing was imported" ll import lots mixed.csv
expect_report "a given order is kept" "mixed.csv:3:4: expiry: '12/31/2026' is not a real date (read as day/month/year)
lotline: 1 problem in mixed.csv: nothing was imported" ll import lots mixed.csv --date-format dmy

# every bad row at once, with the column of what is wrong
n=$(journal_count)
cat > bad.csv <<'EOF'
item,lot,qty,unit,expiry,location,status,supplier,received
FLOUR,B-1,1x,kg,,DRY,,,
FLOUR,B-2,-5,kg,,DRY,,,
FLOUR,B-3,1,crate,,DRY,,,
FLOUR,B-4,1,each,,DRY,,,
SUGAR,B-5,1,kg,,DRY,,,
FLOUR,B-6,1,kg,,ATTIC,,,
FLOUR,L-1,1,kg,,DRY,,,
FLOUR,B-8,1,kg,2027-02-30,DRY,,,
FLOUR,B-9,1,kg,,DRY,consumed,,
FLOUR,B-10,1,kg,,DRY,,NOPE,
FLOUR,B-11,1,kg,,DRY,,,2026-12-01
FLOUR,B-12,1,kg,soon,DRY,,,
,B-13,1,kg,,DRY,,,
FLOUR,B-14,1,kg,,DRY,,,
FLOUR,B-14,2,kg,,DRY,,,
FLOUR,B-16,1,kg,31/02/2027,NOWHERE,,,
EOF
expect_report "every problem" "bad.csv:2:3: quantity: '1x' is not a number
bad.csv:3:3: quantity: must be more than zero, not -5
bad.csv:4:4: unit: unknown unit 'crate' (known: kg g mg lb oz l ml gal \"fl oz\" each pack)
bad.csv:5:4: unit: 'each' does not convert to 'kg'
bad.csv:6:1: item: 'SUGAR' not found
bad.csv:7:6: location: 'ATTIC' not found
bad.csv:8:2: lot: L-1 already exists
bad.csv:9:5: expiry: '2027-02-30' is not a real date
bad.csv:10:7: status: 'consumed' is not available, hold or quarantine
bad.csv:11:8: supplier: 'NOPE' not found
bad.csv:12:9: received: 2026-12-01 is in the future
bad.csv:13:5: expiry: 'soon' is not a date (write YYYY-MM-DD)
bad.csv:14:1: item: required
bad.csv:16:2: lot: 'B-14' is on line 15 too; a file gives each lot once
bad.csv:17:5: expiry: '31/02/2027' is not a real date (read as day/month/year)
bad.csv:17:6: location: 'NOWHERE' not found
lotline: 16 problems in bad.csv: nothing was imported" ll import lots bad.csv
expect_eq "nothing written" "$n" "$(journal_count)"
expect_eq "dry run too" "$n" "$(ll import lots bad.csv --dry-run 2>/dev/null; journal_count)"
printf 'lot,item,qty,location\nD-1,FLOUR,1,DRY\n' > one.csv
expect_eq "dry run of a good file" "dry run: would import 1 row; nothing was written" "$(ll import lots one.csv --dry-run)"
expect_eq "dry run wrote nothing" "$n" "$(journal_count)"
expect_fail "no such lot yet" "lot D-1 not found" ll history D-1
expect_report "missing columns" "one.csv:1: location: required column missing (its header may be: location, bin, warehouse, location code, store, emplacement, lagerort, ubicacion, almacen)
lotline: 1 problem in one.csv: nothing was imported" ll import lots "$(printf 'item,qty\nFLOUR,1\n' > one.csv; echo one.csv)"
expect_fail "viewer may not" "vic (viewer) may not receive lots" ll --user vic import lots lots.csv
expect_ok "verify" ll verify
finish
