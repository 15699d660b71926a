# lotline import of master data: header names, encodings, delimiters, quoting;
# every problem with its FILE:LINE:COLUMN; dry runs and all-or-nothing.
. "$TESTDIR/cli/lib.sh"
. "$TESTDIR/cli/csv_lib.sh"
ll init --owner ana --site-code T >/dev/null || exit 99
export LOTLINE_USER=ana
ll user add olga --role operator >/dev/null
cd "$TMPD" || exit 99

# A European spreadsheet's file: a UTF-8 byte order mark, semicolons, CRLF,
# headers in another order, case and accents, a quoted delimiter, a decimal
# comma, a blank line, trailing delimiters and a column lotline does not know.
printf '\357\273\277Description;Item Code;TYPE;UoM;EAN;Shelf life;Densit\303\251;Allerg\303\250nes;Colour;\r\n' > items.csv
printf '"Honey; raw";HONEY;Ingredient;kg;4006381333931;;1,42;;gold;\r\n\r\n' >> items.csv
printf 'Wheat flour;FLOUR;ingredient;kg;;240;;gluten;;\r\n' >> items.csv
n=$(journal_count)
expect_eq "dry run" "dry run: would import 2 rows; nothing was written, 1 warning" \
	"$(ll import items items.csv --dry-run 2>/dev/null)"
expect_eq "dry run warns" "items.csv:1:9: warning: Colour: not a column lotline knows; it is not imported" \
	"$(ll import items items.csv --dry-run 2>&1 >/dev/null)"
expect_eq "dry run wrote nothing" "$n" "$(journal_count)"
expect_eq "import" "2 rows imported, 1 warning" "$(ll import items items.csv 2>/dev/null)"
expect_eq "journal" "$((n + 2))" "$(journal_count)"
expect_eq "honey" "HONEY	Honey; raw	ingredient		kg	4006381333931			1.42		" \
	"$(ll item list --format tsv | grep '^HONEY')"
expect_eq "flour" "FLOUR	Wheat flour	ingredient		kg			240			gluten" \
	"$(ll item list --format tsv | grep '^FLOUR')"

# importing again updates by code and adds nothing
sed 's/Wheat flour/Flour, type 550/' items.csv > items2.csv
expect_ok "re-import" ll import items items2.csv
expect_eq "still two items" "2" "$(count items)"
expect_eq "updated" "Flour, type 550" "$(ll item show FLOUR | awk '/^Name/ {sub(/^Name +/, ""); print}')"

# the same file in every encoding a spreadsheet might write
printf 'code,name,kind\r\nDRY,Caf\303\251 store \342\202\254,dry\r\nCOLD,K\303\274hlraum,cold\r\n' > loc-utf8.csv
for enc in WINDOWS-1252 ISO-8859-15 UTF-16LE UTF-16BE; do
	iconv -f UTF-8 -t "$enc" loc-utf8.csv > "loc-$enc.csv" || exit 99
	expect_ok "$enc with --encoding" ll import locations "loc-$enc.csv" --encoding "$enc"
	expect_eq "$enc read right" "$(printf 'Caf\303\251 store \342\202\254')" \
		"$(ll location list --format tsv | awk -F'\t' '$1=="DRY" {print $2}')"
done
printf 'code,name,kind\nDRY,Caf\303\251,dry\n' | iconv -f UTF-8 -t ISO-8859-1 > loc-latin1.csv
expect_ok "ISO-8859-1" ll import locations loc-latin1.csv --encoding ISO-8859-1
expect_eq "latin1 read right" "$(printf 'Caf\303\251')" "$(ll location list --format tsv | awk -F'\t' '$1=="DRY" {print $2}')"
for bom in UTF-16LE UTF-16BE; do
	{ printf '\357\273\277'; cat loc-utf8.csv; } | iconv -f UTF-8 -t "$bom" > "loc-bom-$bom.csv"
	expect_ok "$bom found by its byte order mark" ll import locations "loc-bom-$bom.csv"
done
expect_eq "two locations" "2" "$(count locations)"

# tabs, sniffed or given
printf 'code\tname\tkind\nSTAGE\tStaging, east\tstaging\n' > loc.tsv
expect_ok "tab sniffed" ll import locations loc.tsv
expect_ok "tab given" ll import locations loc.tsv --delimiter tab
expect_eq "tab fields" "Staging, east" "$(ll location list --format tsv | awk -F'\t' '$1=="STAGE" {print $2}')"

# every problem at once, each where it is: a quoted line break counts as a line
n=$(journal_count)
cat > bad.csv <<'EOF'
code,name,kind,base_unit,gtin,density,shelf_life_days
GOOD,Good,ingredient,kg,,,
NL,"two
lines",ingredient,kg,,,
UNIT,Unit,ingredient,kgs2,,,
KIND,Kind,veg,kg,,,
GTIN,Gtin,ingredient,kg,4006381333932,,
SCI,Sci,ingredient,kg,4.00638E+12,,
NUM,Num,ingredient,kg,,abc,
NEG,Neg,ingredient,kg,,-1,
LIFE,Life,ingredient,kg,,,two
A B,Space,ingredient,kg,,,
NONAME,,ingredient,kg,,,
SHORT,Short,ingredient,kg
LONG,Long,ingredient,kg,,,,extra
GOOD2,Trailing delimiters are fine,ingredient,kg,,,,,
EOF
expect_report "every problem" "bad.csv:3:2: name: has a control character
bad.csv:5:4: unit: unknown unit 'kgs2' (known: kg g mg lb oz l ml gal \"fl oz\" each)
bad.csv:6:3: kind: 'veg' is not one of ingredient|packaging|intermediate|finished
bad.csv:7:5: GTIN: '4006381333932' is not a GTIN (8, 12, 13 or 14 digits with a correct check digit)
bad.csv:8:5: GTIN: '4.00638E+12' is not a GTIN (8, 12, 13 or 14 digits with a correct check digit) (a spreadsheet wrote it as a number: format the column as text)
bad.csv:9:6: density (kg/l): 'abc' is not a number
bad.csv:10:6: density (kg/l): '-1' is negative
bad.csv:11:7: shelf life (days): 'two' is not a whole number
bad.csv:12:1: code: 'A B' may only have letters, digits and - _ . /
bad.csv:13:2: name: required
bad.csv:14:5: wrong column count: the row has 4 fields and the header 7
bad.csv:15:8: wrong column count: the row has 8 fields and the header 7
lotline: 12 problems in bad.csv: nothing was imported" ll import items bad.csv
expect_eq "a failed import writes nothing" "$n" "$(journal_count)"
expect_report "dry run reports the same" "$(ll import items bad.csv 2>&1)" ll import items bad.csv --dry-run

# the header: missing and repeated columns
printf 'Item,Description,UoM,SKU\nX,Ex,kg,Y\n' > nokind.csv
expect_report "missing column" "nokind.csv:1:4: warning: SKU: a second column for code (the first is column 1); it is not imported
nokind.csv:1: kind: required column missing (its header may be: kind, type, item type, item kind)
lotline: 1 problem in nokind.csv: nothing was imported" ll import items nokind.csv
: > empty.csv
expect_report "empty file" "empty.csv: the file is empty: a header line names the columns
lotline: 1 problem in empty.csv: nothing was imported" ll import items empty.csv

# bytes that are not the file's encoding, named where they are
printf 'code,name,kind\nA1,Fine,dry\nA2,Caf\351,dry\n' > latin1.csv
expect_report "not UTF-8" "latin1.csv:3:2: name: has bytes that are not valid UTF-8: give the file's encoding with --encoding (such as WINDOWS-1252)
lotline: 1 problem in latin1.csv: nothing was imported" ll import locations latin1.csv
printf 'code,name,kind\nA1,Bad \201 byte,dry\n' > cp1252.csv
expect_report "not Windows-1252" "cp1252.csv:2:2: name: has bytes that are not valid WINDOWS-1252: give the file's encoding with --encoding (such as WINDOWS-1252)
lotline: 1 problem in cp1252.csv: nothing was imported" ll import locations cp1252.csv --encoding WINDOWS-1252
iconv -f UTF-8 -t UTF-16LE loc-utf8.csv > utf16-nobom.csv
expect_report "UTF-16 without a mark" "utf16-nobom.csv:1:1: has a NUL byte: is the file UTF-16? Say so with --encoding UTF-16LE
lotline: 1 problem in utf16-nobom.csv: nothing was imported" ll import locations utf16-nobom.csv
expect_fail "mark and --encoding disagree" "the file starts with a UTF-16LE byte order mark, but --encoding says WINDOWS-1252" \
	ll import locations loc-bom-UTF-16LE.csv --encoding WINDOWS-1252
expect_fail "unknown encoding" "iconv does not know 'KLINGON'" ll import locations loc.tsv --encoding KLINGON
printf 'code,name,kind\nQ1,"Open quote,dry\nQ2,Fine,dry\n' > quote.csv
expect_report "unterminated quote" "quote.csv:2:2: name: unterminated quote: the field's quoted text runs to the end of the file
lotline: 1 problem in quote.csv: nothing was imported" ll import locations quote.csv
printf 'code,name,kind\nQ1,5" pipe,dry\nQ2,"Fine" really,dry\nQ3,Fine,dry\n' > stray.csv
expect_fail "stray quotes" "stray.csv:3:2: name: a quote inside a field" ll import locations stray.csv
expect_eq "both stray quotes" "2" "$(ll import locations stray.csv 2>&1 | grep -c 'a quote inside')"

# options and refusals
expect_fail "unknown kind" "'widgets' is not a kind of import (items locations suppliers customers lots results recipes orders purchases)" \
	ll import widgets items.csv
expect_fail "no such file" "nope.csv: No such file or directory" ll import items nope.csv
expect_fail "bad delimiter" "--delimiter: 'xy' is not" ll import items items.csv --delimiter xy
expect_fail "bad date format" "--date-format: 'ydm' is not dmy, mdy or ymd" ll import lots items.csv --date-format ydm
expect_fail "operator may not" "olga (operator) may not change items, locations, suppliers and customers" \
	ll --user olga import items items.csv

# suppliers and customers with addresses
cat > customers.csv <<'EOF'
Customer No,Company,Contact,E-mail,Phone,Street,Town,ZIP,Country
C-1,"Bakery ""Le Pain""","Marie Dubois",marie@example.com,+33 1 23,"12, rue de la Paix",Paris,75002,FR
EOF
expect_ok "customers" ll import customers customers.csv
expect_eq "customer" "C-1	Bakery \"Le Pain\"	Marie Dubois	marie@example.com	+33 1 23	12, rue de la Paix	Paris	75002	FR" \
	"$(ll customer list --format tsv | sed -n 2p)"

# no progress bar on a pipe; one on a terminal for a large file
awk 'BEGIN {print "code,name,kind"; for (i = 0; i < 12000; i++) printf "B%05d,Bin number %d in the long aisle,dry\n", i, i}' > many.csv
ll import locations many.csv --dry-run 2> pipe.err >/dev/null
expect_eq "no bar on a pipe" "" "$(cat pipe.err)"
if command -v script >/dev/null 2>&1; then
	script -qec "'$LOTLINE' import locations many.csv --dry-run" /dev/null > tty.out 2>&1
	grep -q 'importing \[#' tty.out || fail "no progress bar on a terminal: $(cat tty.out)"
fi
finish
