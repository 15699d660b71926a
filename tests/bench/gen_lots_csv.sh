#!/bin/sh
# Files for timing 'lotline import': N opening lots (default 1000000) and the
# items, locations and suppliers they need, written to DIR (default .):
#   sh tests/bench/gen_lots_csv.sh 1000000 /tmp/lots
#   lotline import items /tmp/lots/items.csv; lotline import locations ...;
#   lotline import suppliers ...; time lotline import lots /tmp/lots/lots.csv
# The lots use the ledger export's columns, with dates in day/month/year (so the
# date pass has work to do), a decimal point, and every status an import may give.
set -eu
N=${1:-1000000}
DIR=${2:-.}
ITEMS=${ITEMS:-1000}
LOCATIONS=${LOCATIONS:-50}
SUPPLIERS=${SUPPLIERS:-20}
mkdir -p "$DIR"
awk -v n="$ITEMS" 'BEGIN {
	print "code,name,kind,category,base_unit,gtin,pack_gtin,shelf_life_days,density,pack_size,allergens"
	for (i = 1; i <= n; i++)
		printf "I%05d,Ingredient %d,ingredient,cat%d,kg,,,%d,,25,\n", i, i, i % 20, 90 + i % 300
}' > "$DIR/items.csv"
awk -v n="$LOCATIONS" 'BEGIN {
	print "code,name,kind"
	for (i = 1; i <= n; i++)
		printf "B%03d,Bin %d,%s\n", i, i, (i % 5 ? "dry" : "cold")
}' > "$DIR/locations.csv"
awk -v n="$SUPPLIERS" 'BEGIN {
	print "code,name,contact,email,phone,address,city,postcode,country"
	for (i = 1; i <= n; i++)
		printf "S%03d,Supplier %d,,,,,,,\n", i, i
}' > "$DIR/suppliers.csv"
awk -v n="$N" -v items="$ITEMS" -v locs="$LOCATIONS" -v sups="$SUPPLIERS" 'BEGIN {
	print "item,lot,qty,unit,expiry,location,status,supplier,supplier_lot,received,unit_cost"
	split("available available available available available available hold quarantine", st, " ")
	for (i = 1; i <= n; i++) {
		d = 1 + i % 28; m = 1 + i % 12; rd = 1 + (i * 7) % 28; rm = 1 + (i * 5) % 10
		printf "I%05d,LOT%08d,%d.%03d,kg,%02d/%02d/%d,B%03d,%s,S%03d,SL-%d,%02d/%02d/2026,%d.%02d\n",
			1 + i % items, i, 1 + i % 500, i % 1000, d, m, 2027 + i % 3,
			1 + i % locs, st[1 + i % 8], 1 + i % sups, i, rd, rm, i % 20, i % 100
	}
}' > "$DIR/lots.csv"
echo "wrote $N lots, $ITEMS items, $LOCATIONS locations, $SUPPLIERS suppliers to $DIR"
