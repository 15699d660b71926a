# lotline import recipes: one row per recipe line, the recipe's own columns on
# its first row; each recipe becomes a new draft version through the recipe
# service. Every problem is said as FILE:LINE:COLUMN, a dry run writes nothing,
# and one problem anywhere means nothing is imported.
. "$TESTDIR/cli/lib.sh"
small_store
ll item add GRAN --name "Granola base" --kind intermediate --unit kg >/dev/null
ll item add OATS --name "Oats" --kind ingredient --unit kg >/dev/null
ll item add BAG --name "Bag" --kind packaging --unit each >/dev/null
ll item add DOUGH --name "Dough" --kind intermediate --unit kg >/dev/null
cd "$TMPD" || exit 99

# a spreadsheet's own headers, rows of two recipes interleaved, grams, a
# quoted comma, the first row's columns repeated (the same) on a later row
cat > recipes.csv <<'EOF'
Recipe,Makes,Batch size,Yield unit,Method,Ingredient,Quantity,UOM,Role,Recipe name
GRANOLA,GRAN,10,kg,"Mix, then bake",OATS,6,kg,,Granola
BREAD,DOUGH,20,kg,,FLOUR,19.5,,,Dough
GRANOLA,,,,,HONEY,2000,g,,
GRANOLA,GRAN,10,,,BAG,1,,packaging,
EOF
n=$(journal_count)
expect_eq "dry run" "dry run: would import 4 rows; nothing was written" \
	"$(ll import recipes recipes.csv --dry-run)"
expect_eq "dry run wrote nothing" "$n" "$(journal_count)"
expect_fail "an operator may not import recipes" "may not change recipes" \
	ll --user olga import recipes recipes.csv
expect_eq "import" "4 rows imported" "$(ll import recipes recipes.csv)"
expect_eq "one journal entry per recipe" "$((n + 2))" "$(journal_count)"
expect_eq "granola" "GRANOLA version 1 (draft): makes 10 kg GRAN Granola base" \
	"$(ll recipe show GRANOLA | head -1)"
expect_eq "instructions" "Mix, then bake" "$(ll recipe show GRANOLA | sed -n 2p)"
expect_eq "grams of honey" "2	HONEY	Honey	2	kg	2000 g	ingredient" \
	"$(ll recipe show GRANOLA --format tsv | sed -n 3p)"
expect_eq "packaging line" "3	BAG	Bag	1	each	1 each	packaging" \
	"$(ll recipe show GRANOLA --format tsv | sed -n 4p)"
expect_ok "an imported recipe can be activated" ll recipe activate GRANOLA
# importing again adds the next version, as editing does
expect_eq "again" "4 rows imported" "$(ll import recipes recipes.csv)"
expect_eq "version 2 is a draft, 1 stays active" "GRANOLA	1	active" \
	"$(ll recipe list --format tsv | grep '^GRANOLA' | cut -f1-3)"
expect_eq "version 2" "GRANOLA version 2 (draft): makes 10 kg GRAN Granola base" \
	"$(ll recipe show GRANOLA --version 2 | head -1)"

# every problem at its line and column, and nothing written
cat > bad.csv <<'EOF'
recipe;makes;yield;item;qty;unit;role
NEW1;GRAN;10;OATS;6;kg;
NEW1;OATS;;HONEY;2;kg;
NEW2;NOPE;5;OATS;1;;
NEW3;GRAN;5;SALTX;1;;
NEW3;;;OATS;1;each;
NEW3;;;OATS;x;;
;GRAN;5;OATS;1;;
NEW4;GRAN;5;OATS;1;;mixer
NEW5;GRAN;0;OATS;1;;
EOF
n=$(journal_count)
ll import recipes bad.csv >out 2>err && fail "bad file imported"
cat > want <<'EOF'
bad.csv:3:2: makes: 'OATS' differs from 'GRAN' on line 2, the first row of recipe NEW1
bad.csv:8:1: recipe: the recipe's code is required
bad.csv:4:2: recipe NEW2: makes: item 'NOPE' not found
bad.csv:5:4: recipe NEW3: item 'SALTX' not found
bad.csv:6:6: recipe NEW3: unit: 'each' does not convert to 'kg'
bad.csv:7:5: recipe NEW3: quantity 'x' must be a number more than zero
bad.csv:9:7: recipe NEW4: role 'mixer' is not ingredient or packaging
bad.csv:10:3: recipe NEW5: yield: quantity '0' must be a number more than zero
lotline: 8 problems in bad.csv: nothing was imported
EOF
diff -u want err >&2 || fail "problems of bad.csv"
expect_eq "nothing written" "$n" "$(journal_count)"
expect_eq "no NEW recipe" "" "$(ll recipe list --format tsv | grep '^NEW')"

# a missing column names the headers it may have
printf 'recipe,makes,item\nA,GRAN,OATS\n' > nocol.csv
ll import recipes nocol.csv 2>err >/dev/null && fail "file without yield or quantity imported"
grep -q '^nocol.csv:1: yield: required column missing (its header may be: yield, batch size' err ||
	fail "missing yield column: $(cat err)"
grep -q '^nocol.csv:1: quantity: required column missing' err || fail "missing quantity column"
finish
