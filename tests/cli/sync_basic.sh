# Two terminals and a central peer: both record while the peer is down, then
# sync, and all three hold the same journal and ledger; then live: an entry
# committed on one terminal reaches the other while both follow.
. "$TESTDIR/cli/sync_lib.sh"
central_and_two
stop_central

# offline: each terminal keeps working
st a location add DRY --name "Dry store" --kind dry >/dev/null
st a item add FLOUR --name "Wheat flour" --kind ingredient --unit kg >/dev/null
lot_a=$(st a receive FLOUR 100 --location DRY)
st a adjust "$lot_a" -2.5 --reason sample >/dev/null
st b location add COLD --name "Cold room" --kind cold >/dev/null
st b item add MILK --name "Milk" --kind ingredient --unit l >/dev/null
lot_b=$(st b receive MILK 40 --location COLD)
st b hold "$lot_b" --reason inspection >/dev/null
expect_fail "sync while the peer is down" "did not answer" st a sync --timeout 1
expect_eq "terminals make distinct lot codes" "LOT-261123-A001 LOT-261123-B001" "$lot_a $lot_b"

start_central central
sync_ok a
sync_ok b
sync_ok a
same_everywhere "after sync" central a b
verify_all central a b
expect_eq "a sees b's lot" "on hold" "$(st a ledger --all --format csv | grep -q "$lot_b,40,l,,COLD,missing,2026-11-23,hold,hold" && echo "on hold")"

# a second sync has nothing to do
out=$(st a sync)
expect_eq "nothing left" "$ADDR: sent 0, received 0, exceptions 0 raised (0 open)" "$out"

# live: both follow; a commit on a shows on b without anyone asking
bg "$LOTLINE" --db "$TMPD/a.db" sync --follow 2> "$TMPD/follow-a.err"
FA=$BG
bg "$LOTLINE" --db "$TMPD/b.db" sync --follow 2> "$TMPD/follow-b.err"
FB=$BG
wait_until 10 grep -q "connected" "$TMPD/follow-a.err" || fail "a did not connect"
wait_until 10 grep -q "connected" "$TMPD/follow-b.err" || fail "b did not connect"
for i in 1 2 3; do
	t0=$(date +%s%N)
	st a adjust "$lot_a" -1 --reason sample >/dev/null
	want=$(echo "97.5 - $i" | bc)
	wait_until 5 sh -c "\"$LOTLINE\" --db \"$TMPD/b.db\" ledger --format csv | grep -q \"$lot_a,$want,\"" ||
		fail "live entry $i did not reach b"
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	echo "live entry $i: visible on b after $ms ms (polled by a shell loop)"
	[ $ms -lt 1500 ] || fail "live entry $i took $ms ms"
done
kill -TERM $FA $FB
wait $FA 2>/dev/null
wait $FB 2>/dev/null
grep -q "sent" "$TMPD/follow-a.err" && : # the summary goes to stdout
same_everywhere "after following" central a b
verify_all central a b

# a dead peer is noticed within seconds and followed by reconnects
bg "$LOTLINE" --db "$TMPD/a.db" sync --follow 2> "$TMPD/follow-a2.err"
FA=$BG
wait_until 10 grep -q "connected" "$TMPD/follow-a2.err" || fail "a did not connect again"
kill_central
t0=$(date +%s)
wait_until 10 grep -q "offline" "$TMPD/follow-a2.err" || fail "a did not notice the dead peer"
echo "dead peer noticed after $(( $(date +%s) - t0 )) s"
st a adjust "$lot_a" -1 --reason sample >/dev/null
start_central central
wait_until 20 sh -c "[ \"\$(\"$SQLITE3\" \"$TMPD/central.db\" 'SELECT count(*) FROM journal')\" = \"\$(\"$SQLITE3\" \"$TMPD/a.db\" 'SELECT count(*) FROM journal')\" ]" ||
	fail "a did not reconnect and send"
kill -TERM $FA
wait $FA 2>/dev/null
sync_ok b
same_everywhere "after reconnecting" central a b
verify_all central a b
finish
