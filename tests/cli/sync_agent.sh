# The screens' background agent (src/sync_agent.h), driven by a small program:
# two terminals follow the central peer in one process; each commit on one,
# notified as the screens do, is visible on the other at once, and the agents'
# status (online, last sync, entries waiting) adds up.
. "$TESTDIR/cli/sync_lib.sh"
LATENCY="$(dirname "$LOTLINE")/tests/tools/sync_latency"
central_and_two
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(st a receive FLOUR 10 --location DRY)
out=$("$LATENCY" "$TMPD/a.db" "$TMPD/b.db" ana "$lot" 30 2>&1) || fail "agents: $out"
echo "$out"
ms=$(printf '%s\n' "$out" | awk '/^commit-to-visible/ {print $3}')
[ "${ms%.*}" -lt 1000 ] || fail "median commit-to-visible $ms ms"
# a commit from the shell (no notify): the agents see it by the store's data version
out=$("$LATENCY" "$TMPD/a.db" "$TMPD/b.db" ana "$lot" 10 --no-notify 2>&1) || fail "agents: $out"
echo "$out" | head -1
# the agent of a store with no central peer says so in its status
mkstore lone L
out=$("$LATENCY" "$TMPD/lone.db" "$TMPD/b.db" ana "$lot" 1 2>&1) && fail "lone store synced"
printf '%s\n' "$out" | grep -q "which peer" || fail "no reason given: $out"
same_everywhere "after the agents" central a b
verify_all central a b
finish
