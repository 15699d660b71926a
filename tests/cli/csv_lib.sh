# Helpers for the CSV import and export tests, after lib.sh.

# expect_report DESCRIPTION EXPECTED COMMAND...: the command fails and what it
# writes to stderr is EXPECTED, line for line.
expect_report() {
	d=$1; exp=$2; shift 2
	if out=$("$@" 2>&1 >/dev/null); then
		fail "$d: succeeded but should have failed"
	elif [ "$out" != "$exp" ]; then
		fail "$d: stderr differs
--- expected
$exp
--- got
$out"
	fi
}

# crlf FILE: write standard input to FILE with CRLF line ends, as Excel does.
crlf() { sed 's/$/\r/' > "$1"; }

# count TABLE: rows in a table of the store.
count() { "$SQLITE3" "$LOTLINE_DB" "SELECT count(*) FROM $1"; }
