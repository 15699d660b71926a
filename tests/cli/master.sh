# Master data from the shell: items, locations, suppliers, customers, users, settings.
. "$TESTDIR/cli/lib.sh"
small_store

# items
expect_eq "item list" "FLOUR	Wheat flour	ingredient		kg			240		25	" \
	"$(ll item list --format tsv | grep '^FLOUR')"
expect_ok "item with gtin" ll item add JAR --name "Jar 250 ml" --kind packaging --unit each --gtin 05012345678900
ll item show JAR | grep -q "05012345678900" || fail "item show"
expect_fail "duplicate item" "item 'FLOUR' already exists" ll item add FLOUR --name X --kind ingredient --unit kg
expect_fail "bad gtin" "GTIN: '05012345678901' is not a GTIN" ll item add J2 --name J --kind packaging --unit each --gtin 05012345678901
expect_fail "unknown unit" "unit: unknown unit 'stone'" ll item add S --name S --kind ingredient --unit stone
expect_fail "pack is not a base unit" "unit: unknown unit 'pack'" ll item add S --name S --kind ingredient --unit pack
expect_fail "bad kind" "kind: 'spice' is not one of" ll item add S --name S --kind spice --unit kg
expect_fail "missing name" "name: required" ll item add S --kind ingredient --unit kg
expect_fail "bad code" "code: 'A B' may only have" ll item add "A B" --name S --kind ingredient --unit kg
expect_fail "negative density" "density (kg/l): '-1' is negative" ll item add S --name S --kind ingredient --unit kg --density -1
expect_fail "bad shelf life" "shelf life (days): 'x' is not a whole number" ll item add S --name S --kind ingredient --unit kg --shelf-life x
expect_fail "unknown item" "item 'NOPE' not found" ll item show NOPE
ll item list --format json | grep -q '"code":"FLOUR"' || fail "item list json"
ll item list --format csv | head -1 | grep -q '^code,name,kind' || fail "item list csv header"

# locations, suppliers, customers
expect_fail "bad location kind" "kind: 'attic' is not one of" ll location add ATTIC --name Attic --kind attic
expect_eq "locations" "COLD DRY" "$(ll location list --format tsv | awk -F'\t' 'NR>1 {printf "%s%s", s, $1; s=" "}')"
expect_ok "customer with address" ll customer add CAFE --name "Cafe Nine" --address "9 Station Rd" --city Bath --postcode "BA1 1AA" --country GB
expect_eq "customer row" "CAFE	Cafe Nine				9 Station Rd	Bath	BA1 1AA	GB" "$(ll customer list --format tsv | sed -n 2p)"
expect_ok "supplier list" ll supplier list

# users and roles
expect_fail "operator cannot add items" "olga (operator) may not change items" ll --user olga item add X --name X --kind ingredient --unit kg
expect_fail "operator cannot add users" "may not manage users" ll --user olga user add zed --role viewer
expect_fail "bad role" "role: 'boss' is not one of" ll user add zed --role boss
expect_fail "bad pin" "PIN: must be 4 to 12 digits" ll user add zed --role viewer --pin 12
expect_ok "manager adds operator" ll --user ana user add mike --role manager
expect_fail "manager cannot make managers" "only an owner may create a user with role manager" ll --user mike user add max --role manager
expect_ok "manager adds viewer" ll --user mike user add vic --role viewer --pin 5555
expect_eq "pin set" "set" "$(ll user list --format tsv | awk -F'\t' '$1=="vic" {print $5}')"
expect_fail "unknown acting user" "there is no lotline user 'ghost'" ll --user ghost item list
expect_fail "nobody acting" "who is acting" env -u LOTLINE_USER "$LOTLINE" item add Y --name Y --kind ingredient --unit kg

# settings
expect_eq "default order" "fefo" "$(ll settings consumption_order)"
expect_ok "set fifo" ll settings consumption_order fifo
expect_eq "fifo" "fifo" "$(ll settings consumption_order)"
expect_fail "bad order" "is not fefo or fifo" ll settings consumption_order lifo
expect_fail "bad pattern" "exactly one counter" ll settings lot_code_pattern "LOT-{YYMMDD}"
expect_fail "unknown setting" "unknown setting 'colour'" ll settings colour blue
expect_fail "operator cannot change settings" "may not change settings" ll --user olga settings expiry_warning_days 3
finish
