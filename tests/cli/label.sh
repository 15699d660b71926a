# Lot labels: GS1-128 with 01, 17 and 10 for items with a GTIN, Code 128 of the
# lot code otherwise; text; sending to the configured print command.
. "$TESTDIR/cli/lib.sh"
small_store
ll item add JAR --name "Jar ^250~ ml" --kind packaging --unit each --gtin 5012345678900 >/dev/null
jar=$(ll receive JAR 1200 --location DRY --expiry 2027-12-31)
flour=$(ll receive FLOUR 25 --location DRY --supplier-lot A-17)

ll label "$jar" > "$TMPD/jar.zpl"
grep -q '^\^XA$' "$TMPD/jar.zpl" || fail "zpl starts with ^XA"
grep -q "\^BCN,150,Y,N,N,D\^FD(01)05012345678900(17)271231(10)$jar\^FS" "$TMPD/jar.zpl" || fail "GS1-128 with 01, 17, 10"
grep -q '\^FDJar  250  ml\^FS' "$TMPD/jar.zpl" || fail "carets and tildes in text are not ZPL commands"
ll label "$flour" | grep -q "\^BCN,150,Y,N,N\^FD$flour\^FS" || fail "Code 128 of the lot code without a GTIN"
expect_eq "text label" "Wheat flour
Item FLOUR   Lot $flour
Expiry 2027-07-21   Qty 25 kg
Supplier lot A-17
$flour" "$(ll label "$flour" --format text)"
expect_fail "bad format" "label format: 'pdf' is not zpl or text" ll label "$flour" --format pdf
expect_fail "unknown lot" "lot NOPE not found" ll label NOPE
expect_fail "no printer" "no label printer: set label_print_command" ll label "$flour" --print
expect_ok "set printer" ll settings label_print_command "cat > $TMPD/printed"
expect_ok "print" ll label "$jar" --print
cmp -s "$TMPD/printed" "$TMPD/jar.zpl" || fail "the print command received the label"
ll settings label_format text >/dev/null
ll label "$jar" | grep -q "^(01)05012345678900(17)271231(10)$jar$" || fail "label_format setting"
finish
