# Hostile and unusual input to the central peer (tests/tools/sync_probe): garbage,
# unknown versions, several frames, an oversized frame, a message before HELLO, a
# false site, a batch out of order, the same batch twice, a forged entry and one
# of another site. Each is refused or handled and logged, and the peer goes on
# serving a terminal that follows all along.
. "$TESTDIR/cli/sync_lib.sh"
central_and_two
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(st a receive FLOUR 10 --location DRY)
sync_ok a
sync_ok b
bg "$LOTLINE" --db "$TMPD/b.db" sync --follow 2> "$TMPD/follow-b.err"
FB=$BG
wait_until 10 grep -q connected "$TMPD/follow-b.err" || fail "b did not connect"
for i in 1 2 3 4 5; do
	st a adjust "$lot" -1 --reason sample >/dev/null
done

"$PROBE" attack "$ADDR" "$TMPD/a.db" > "$TMPD/probe.out" 2>&1 || fail "probe: $(cat "$TMPD/probe.out")"
cat "$TMPD/probe.out"
for what in "malformed" "protocol version" "several frames" "claims site" "larger than" \
	"hash does not match" "another site"; do
	grep -q "$what" "$TMPD/serve.log" || fail "not logged: $what"
done
kill -0 "$SERVE_PID" 2>/dev/null || fail "the central peer died"

# the probe delivered 4 of a's 5 adjustments (each once); a sends the last
sync_ok a
expect_eq "applied once each" "5" \
	"$(st central ledger --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"
wait_until 5 sh -c "\"$LOTLINE\" --db \"$TMPD/b.db\" ledger --format csv | grep -q \"$lot,5,\"" ||
	fail "b, following throughout, did not get a's entries"
kill -TERM $FB
wait $FB 2>/dev/null
same_everywhere "after the probe" central a b
verify_all central a b
finish
