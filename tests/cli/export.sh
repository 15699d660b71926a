# lotline export: round trips through a fresh store (also by way of
# Windows-1252 and UTF-16LE), the ledger read back as opening lots, movements of
# a period, encodings, delimiters and refusals.
. "$TESTDIR/cli/lib.sh"
. "$TESTDIR/cli/csv_lib.sh"
small_store
cd "$TMPD" || exit 99
FRESH="$TMPD/fresh.db"
fresh() {
	rm -f "$FRESH" "$FRESH"-*
	ll --db "$FRESH" init --owner ana --site-code F >/dev/null || exit 99
}
llf() { ll --db "$FRESH" "$@"; }

# master data with what spreadsheets find hard: accents, quotes, delimiters,
# line-edge spaces, decimals, GTINs with leading zeros
ll item add CREME --name 'Crème "fraîche", 30%' --kind ingredient --unit l --density 1.02 \
	--gtin 00012345678905 --category dairy --allergens milk --shelf-life 21 >/dev/null
ll item add JAR --name ' Jar; 250 ml ' --kind packaging --unit each --pack-size 12 \
	--pack-gtin 10012345678902 >/dev/null
ll supplier add DAIRY --name 'Laiterie Müller & Söhne' --contact 'Jörg' --email j@example.de \
	--phone '+49 30 1234' --address 'Hauptstraße 5, Hof 2' --city 'München' --postcode 80331 --country DE >/dev/null
ll customer add C-1 --name 'Bakery "Le Pain"' --address '12, rue de la Paix' --city Paris --country FR >/dev/null

for kind in items locations suppliers customers; do
	ll export "$kind" > "$kind.csv" || fail "export $kind"
	fresh
	expect_ok "import $kind" llf import "$kind" "$kind.csv"
	llf export "$kind" > "$kind.again.csv"
	cmp -s "$kind.csv" "$kind.again.csv" || fail "$kind: round trip differs: $(diff "$kind.csv" "$kind.again.csv")"
	for enc in WINDOWS-1252 UTF-16LE; do
		fresh
		ll export "$kind" --encoding "$enc" > "$kind.$enc.csv"
		expect_ok "import $kind in $enc" llf import "$kind" "$kind.$enc.csv" --encoding "$enc"
		llf export "$kind" > "$kind.again.csv"
		cmp -s "$kind.csv" "$kind.again.csv" || fail "$kind via $enc differs"
	done
	# UTF-16LE with a byte order mark, made by iconv, needs no --encoding
	fresh
	{ printf '\357\273\277'; cat "$kind.csv"; } | iconv -f UTF-8 -t UTF-16LE > "$kind.bom.csv"
	expect_ok "import $kind with a mark" llf import "$kind" "$kind.bom.csv"
	llf export "$kind" > "$kind.again.csv"
	cmp -s "$kind.csv" "$kind.again.csv" || fail "$kind via a UTF-16LE mark differs"
done
expect_eq "item columns are the record's keys" \
	"code,name,kind,category,base_unit,gtin,pack_gtin,shelf_life_days,density,pack_size,allergens" \
	"$(head -1 items.csv | tr -d '\r')"
expect_eq "quoted as needed" "CREME,\"Crème \"\"fraîche\"\", 30%\",ingredient,dairy,l,00012345678905,,21,1.02,,milk" \
	"$(grep '^CREME' items.csv | tr -d '\r')"
expect_eq "edge spaces quoted" 'JAR," Jar; 250 ml ",packaging,,each,,10012345678902,,,12,' \
	"$(grep '^JAR' items.csv | tr -d '\r')"

# the ledger, read back as opening lots, gives the same lots
ll receive FLOUR 2 pack --location DRY --supplier MILL --supplier-lot A-17 --cost 30 --lot F-1 >/dev/null
ll receive FLOUR 10 --location DRY --lot F-2 >/dev/null
ll receive HONEY 3.5 --location COLD --expiry 2027-03-01 --lot H-1 >/dev/null
ll receive HONEY 1 --location COLD --lot H-2 >/dev/null
ll receive CREME 2 --location COLD --lot C-1 --cost 4.5 >/dev/null
ll adjust F-1 47.5 --reason count >/dev/null
ll move F-2 COLD >/dev/null
ll hold H-1 --reason inspection >/dev/null
ll --user quinn quarantine C-1 --reason complaint >/dev/null
ll scrap H-2 --reason damaged >/dev/null
ll export ledger > ledger.csv
expect_eq "empty lots left out" "" "$(grep ',H-2,' ledger.csv)"
fresh
for kind in items locations suppliers; do ll export "$kind" > "$kind.csv"; llf import "$kind" "$kind.csv" >/dev/null; done
expect_eq "ledger as lots" "4 rows imported" "$(llf import lots ledger.csv)"
same() { awk -F'\t' 'NR > 1 {print $1, $2, $3, $4, $5, $6, $10, $12, $13, $14, $15}' | sort; }
expect_eq "same lots" "$(ll ledger --format tsv | same)" "$(llf ledger --format tsv | same)"
expect_eq "lot codes kept" "C-1 F-1 F-2 H-1" "$(llf ledger --format tsv | awk -F'\t' 'NR > 1 {print $2}' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "ledger export is ledger csv" "$(ll ledger --format csv)" "$(ll export ledger)"
expect_eq "filters" "2" "$(ll export ledger --location COLD --status hold --all | wc -l)"
expect_eq "lots export keeps empty lots" "H-2" "$(ll export lots | awk -F, '$2 ~ /^H-/ && $3 == "0" {print $2}')"

# movements of a period, with the balance each left
ll receive FLOUR 1 --location DRY --lot P-1 >/dev/null
LOTLINE_NOW=2026-11-24T09:00:00Z ll adjust P-1 4 --reason count >/dev/null
LOTLINE_NOW=2026-11-25T10:00:00Z ll move P-1 COLD --note "to the cold room" >/dev/null
expect_eq "movements header" "lot,item,time,kind,qty,unit,balance,user,terminal,reason,note,from,to" \
	"$(ll export movements | head -1 | tr -d '\r')"
expect_eq "one day" "P-1,FLOUR,2026-11-24T09:00:00+0000,adjust,3,kg,4,ana,$(ll export movements | awk -F, 'NR==2 {print $9}'),count,,," \
	"$(ll export movements --from 2026-11-24 --to 2026-11-24 | sed -n 2p | tr -d '\r')"
expect_eq "from a day on" "adjust transfer" \
	"$(ll export movements --from 2026-11-24 | awk -F, 'NR > 1 {printf "%s%s", s, $4; s=" "}')"
expect_eq "every movement" "$("$SQLITE3" "$LOTLINE_DB" "SELECT count(*) + 1 FROM movements")" \
	"$(ll export movements | wc -l)"
expect_eq "move row" "COLD" "$(ll export movements --from 2026-11-25 | awk -F, 'NR==2 {print $13}' | tr -d '\r')"

# encodings, marks, delimiters and files
expect_eq "UTF-8 mark" "efbbbf636f6465" "$(ll export locations --bom | head -c 7 | od -An -tx1 | tr -d ' \n')"
expect_eq "UTF-16LE mark" "fffe63006f00" "$(ll export locations --bom --encoding UTF-16LE | head -c 6 | od -An -tx1 | tr -d ' \n')"
expect_eq "semicolons" "code;name;kind" "$(ll export locations --delimiter ';' | head -1 | tr -d '\r')"
expect_eq "tabs" "$(printf 'code\tname\tkind')" "$(ll export locations --delimiter tab | head -1 | tr -d '\r')"
expect_eq "to a file" "2 rows exported to loc.csv" "$(ll export locations --output loc.csv)"
expect_eq "the file" "3" "$(wc -l < loc.csv)"
ll item add LODZ --name 'Łódź rye' --kind ingredient --unit kg >/dev/null
expect_fail "a character the encoding lacks" "line 6, column 2 (name): 'Ł' cannot be written in ISO-8859-1; choose another --encoding, such as UTF-8" \
	ll export items --encoding ISO-8859-1 --output latin1.csv
[ -e latin1.csv ] && fail "a failed export left a file"
expect_fail "no byte order mark" "--bom: WINDOWS-1252 has no byte order mark" ll export items --bom --encoding WINDOWS-1252
expect_fail "unknown kind" "'recipes' is not a kind of export (ledger lots movements items locations suppliers customers)" ll export recipes
expect_fail "filters only for lots" "--location: only the ledger and lots exports take filters" ll export items --location DRY
expect_fail "dates only for movements" "--from: only the movements export takes dates" ll export ledger --from 2026-01-01
expect_fail "bad date" "--from: '2026-13-01' is not a real date" ll export movements --from 2026-13-01
expect_fail "unknown location" "location 'ATTIC' not found" ll export ledger --location ATTIC
ls ./*.tmp* >/dev/null 2>&1 && fail "temporary files left"
finish
