# The same code twice in one master-data file is an error naming both lines; a
# text a spreadsheet would run as a formula is exported behind a quote, and the
# quote comes off again on import (the round trip stays byte for byte); the
# progress bar shows on a terminal and nowhere else.
. "$TESTDIR/cli/lib.sh"
small_store
cd "$TMPD" || exit 99
FRESH="$TMPD/fresh.db"
fresh() {
	rm -f "$FRESH" "$FRESH"-*
	ll --db "$FRESH" init --owner ana --site-code F >/dev/null || exit 99
}
llf() { ll --db "$FRESH" "$@"; }

# ---- duplicate codes ----
printf 'code,name,kind,base_unit\r\nSUGAR,Sugar,ingredient,kg\r\nSALT,Salt,ingredient,kg\r\n"SUGAR",Sugar 2,ingredient,kg\r\nSALT,Salt 2,ingredient,kg\r\n' > dup.csv
before=$(journal_count)
expect_fail "duplicate item codes" "dup.csv:4:1: code: 'SUGAR' is on line 2 too; a file gives each item once" \
	ll import items dup.csv
expect_fail "every duplicate" "dup.csv:5:1: code: 'SALT' is on line 3 too" ll import items dup.csv
expect_fail "dry run finds them too" "2 problems in dup.csv" ll import items dup.csv --dry-run
expect_eq "nothing written" "$before" "$(journal_count)"
# the code column under another name and place; the lines are physical lines
printf 'Name;Location Code;Type\nA;B-1;dry\n\nB;"B-2";dry\n"multi\nline";B-1;cold\n' > locs.csv
expect_fail "duplicate location" "locs.csv:5:2: code: 'B-1' is on line 2 too; a file gives each location once" \
	ll import locations locs.csv
printf 'code,name\nMILL,Northfield Mills\nACME,Acme\nacme,Acme lower case\n' > sup.csv
expect_ok "codes differing in case are different codes" ll import suppliers sup.csv
# re-importing updates by code (a second file, not a second line)
printf 'code,name\nACME,Acme Ltd\n' > sup2.csv
expect_ok "a second file updates" ll import suppliers sup2.csv
expect_eq "updated" "Acme Ltd" "$(ll export suppliers | grep '^ACME,' | cut -d, -f2)"

# ---- the formula guard ----
ll item add EQ --name '=HYPERLINK("http://x.example","click")' --kind ingredient --unit kg >/dev/null
ll item add PLUS --name '+cmd' --kind ingredient --unit kg --category '@risk' --allergens "'plain" >/dev/null
ll item add DASH --name '-- broken pallet --' --kind ingredient --unit kg --allergens "'=already quoted" >/dev/null
ll customer add C1 --name 'Shop' --phone '+49 30 1234' --address '-12.5' >/dev/null
ll export items > items.csv
grep -q '^EQ,"'"'"'=HYPERLINK(""http://x.example"",""click"")",' items.csv ||
	fail "=HYPERLINK not guarded: $(grep '^EQ' items.csv)"
grep -q "^PLUS,'+cmd,ingredient,'@risk,.*,'plain" items.csv ||
	fail "+ and @ not guarded, or a plain quote changed: $(grep '^PLUS' items.csv)"
grep -q "^DASH,'-- broken pallet --,.*,''=already quoted" items.csv ||
	fail "- or an existing quote not guarded: $(grep '^DASH' items.csv)"
grep -q '^FLOUR,Wheat flour,' items.csv || fail "plain text changed: $(grep '^FLOUR' items.csv)"
ll export customers > customers.csv
grep -q "^C1,Shop,,,'+49 30 1234,-12.5," customers.csv ||
	fail "phone not guarded or a number guarded: $(grep '^C1' customers.csv)"
# numbers stay numbers: negative quantities in the movements
ll receive FLOUR 10 --lot L1 --location DRY >/dev/null
ll adjust L1 7.5 --reason count >/dev/null
ll export movements | grep -q ',adjust,-2.5,kg,7.5,' || fail "a negative quantity was guarded"
# the round trip: import takes the quote off, export puts it back, byte for byte
for kind in items customers; do
	fresh
	expect_ok "import guarded $kind" llf import "$kind" "$kind.csv"
	llf export "$kind" > "$kind.again.csv"
	cmp -s "$kind.csv" "$kind.again.csv" || fail "$kind: round trip differs: $(diff "$kind.csv" "$kind.again.csv")"
	if [ "$kind" = items ]; then
		expect_eq "the name is back as it was" '=HYPERLINK("http://x.example","click")' \
			"$(llf item show EQ | sed -n 's/^Name  *//p')"
		expect_eq "a quote that was there stays" "'=already quoted" \
			"$(llf item show DASH | sed -n 's/^Allergens  *//p')"
	else
		expect_eq "a phone number is back" "+49 30 1234" \
			"$(llf customer list --format csv | grep '^C1,' | cut -d, -f5)"
	fi
done
# a spreadsheet saving the guarded cell writes the same quote: it comes off too
printf 'item,lot,qty,location,note\nFLOUR,L2,5,DRY,"'"'"'=1+2"\n' > lots.csv
expect_ok "import a guarded note" ll import lots lots.csv
ll history L2 --format csv | grep -q ',=1+2' || fail "the note's guard stayed: $(ll history L2 --format csv)"

# ---- the progress bar: only on a terminal ----
awk 'BEGIN { print "code,name,kind"; for (i = 0; i < 20000; i++) printf "B%05d,Bin %d,dry\n", i, i }' > bins.csv
ll import locations bins.csv --dry-run > out.txt 2> err.txt || fail "dry run of bins: $(cat err.txt)"
if grep -q 'importing' err.txt; then fail "a progress bar on a pipe"; fi
if command -v script >/dev/null 2>&1; then
	script -qec "'$LOTLINE' import locations '$TMPD/bins.csv' --dry-run" /dev/null > tty.txt 2>&1 </dev/null
	grep -q 'importing \[#*\.*\] *[0-9]*%' tty.txt || fail "no progress bar on a terminal: $(head -c 300 tty.txt)"
	grep -q 'would import 20000 rows' tty.txt || fail "no summary after the bar"
fi
finish
