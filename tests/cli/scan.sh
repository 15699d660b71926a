# What a scan names: lot codes, our own GS1 labels, a supplier's label (GTIN and
# batch), items by code or GTIN, locations; broken labels name the AI.
. "$TESTDIR/cli/lib.sh"
small_store
ll item add JAR --name "Jar" --kind packaging --unit each --gtin 5012345678900 --pack-gtin 15012345678907 >/dev/null
jar=$(ll receive JAR 1200 --location DRY --supplier MILL --supplier-lot SUP-77 --expiry 2027-12-31)
expect_eq "lot code" "lot	$jar" "$(ll scan "$jar")"
label=$(ll label "$jar" --format text | tail -1)
expect_eq "our GS1 label" "lot	$jar" "$(ll scan "$label")"
expect_eq "a scanner's GS-separated label" "lot	$jar" "$(ll scan "]C10105012345678900<GS>17271231<GS>10$jar")"
expect_eq "supplier's label: GTIN and batch" "lot	$jar" "$(ll scan "(01)05012345678900(10)SUP-77")"
expect_eq "case GTIN and batch" "lot	$jar" "$(ll scan "(01)15012345678907(10)SUP-77")"
expect_eq "bare GTIN" "item	JAR" "$(ll scan 5012345678900)"
expect_eq "item code" "item	FLOUR" "$(ll scan FLOUR)"
expect_eq "location" "location	COLD" "$(ll scan COLD)"
# a scanner that sends its AIM symbology identifier first: Code 128, Code 39, QR
expect_eq "location behind ]C0" "location	COLD" "$(ll scan ']C0COLD')"
expect_eq "item behind ]A0" "item	FLOUR" "$(ll scan ']A0FLOUR')"
expect_eq "lot behind ]Q1" "lot	$jar" "$(ll scan "]Q1$jar")"
expect_fail "unknown supplier lot" "no lot of JAR has supplier lot NOPE" ll scan "(01)05012345678900(10)NOPE"
expect_fail "unknown GTIN" "no item has GTIN 09501101530003" ll scan "(01)09501101530003"
expect_fail "broken label" "Scanned (01)05012345678901: AI (01): check digit" ll scan "(01)05012345678901"
expect_fail "nothing" "Scanned WHAT-IS-THIS: no lot, item or location has that code" ll scan WHAT-IS-THIS
finish
