# A writer killed with SIGKILL at random moments: every receipt it reported as
# committed is in the store, and the store verifies.
. "$TESTDIR/cli/lib.sh"
small_store
W="$(dirname "$LOTLINE")/tests/tools/stress_writer"
: > "$TMPD/reported"
rounds=${CRASH_ROUNDS:-8}
r=0
while [ $r -lt $rounds ]; do
	"$W" "$LOTLINE_DB" ana receive 100000 > "$TMPD/out.$r" 2>/dev/null &
	pid=$!
	# a random moment between 0.2 and 1.2 s
	sleep "0.$(( (r * 37 + $$) % 10 + 2 ))"
	[ $r -ge 4 ] && sleep 0.5
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	cat "$TMPD/out.$r" >> "$TMPD/reported"
	r=$((r + 1))
done
n=$(wc -l < "$TMPD/reported" | tr -d ' ')
[ "$n" -gt 200 ] || fail "only $n receipts were made before the kills"
ll ledger --item FLOUR --format tsv | awk -F'\t' 'NR>1 {print $2}' | sort > "$TMPD/present"
sort -u "$TMPD/reported" > "$TMPD/reported.sorted"
missing=$(comm -23 "$TMPD/reported.sorted" "$TMPD/present" | head -5)
expect_eq "every reported receipt is in the store" "" "$missing"
expect_ok "verify after kills" ll verify
echo "$n receipts reported committed across $rounds kills"
finish
