# What the ledger costs a terminal over a slow link: moving the selection one
# row rewrites only the bar (the marker, item and lot), not two whole rows, so
# it writes fewer bytes than less does to scroll one line (128, TERM=xterm
# 80x24), and a page down fewer than less's page (2136; README "Benchmark
# figures" has both measured side by side).
. "$TESTDIR/screen/lib.sh"
export LOTLINE_TRACE_TIMING="$TMPD/trace" LOTLINE_TERM_OUTPUT="$TMPD/out"
steps 80x24 --user ana <<'EOF2'
1111<Enter>
1
<Down>
<PgDn>
EOF2
bytes() { awk -F'\t' -v k="key $1" '$1 == k {print $3}' "$TMPD/trace"; }
down=$(bytes '<Down>')
[ -n "$down" ] && [ "$down" -lt 128 ] || fail "one row down wrote ${down:-no} bytes, not fewer than 128"
page=$(bytes '<PgDn>')
[ -n "$page" ] && [ "$page" -lt 2136 ] || fail "a page down wrote ${page:-no} bytes, not fewer than 2136"
finish
