# Cuts in the middle of a sync: the central peer killed (SIGKILL) during a batch
# and restarted, a terminal killed while receiving. Each side resumes from what
# it committed; nothing is applied twice or lost, and every store verifies.
. "$TESTDIR/cli/sync_lib.sh"
N=${SYNC_CRASH_ENTRIES:-40000}
central_and_two
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(st a receive FLOUR 10 --location DRY)
"$PROBE" fill "$TMPD/a.db" ana "$lot" "$N" || exit 99
count() { "$SQLITE3" "$TMPD/$1.db" "SELECT count(*) FROM journal"; }
total=$(count a)

# the central killed twice while a sends, each time after some batches arrived
bg "$LOTLINE" --db "$TMPD/a.db" sync --timeout 120 > "$TMPD/sync-a.out" 2>&1
SA=$BG
for cut in $((N / 4)) $((N / 2)); do
	wait_until 60 sh -c "[ \$(\"$SQLITE3\" \"$TMPD/central.db\" 'SELECT count(*) FROM journal') -ge $cut ]" ||
		fail "the central never reached $cut entries"
	kill_central
	got=$(count central)
	echo "central killed with $got of $total entries"
	[ "$got" -lt "$total" ] || echo "(the sync had finished already: raise SYNC_CRASH_ENTRIES)"
	verify_all central
	start_central central
done
wait $SA || fail "a's sync did not finish after the cuts: $(cat "$TMPD/sync-a.out")"
site_a=$(st a peer key | cut -d' ' -f2)
expect_eq "every entry arrived once" "$total" "$(journal_dump central | grep -c "^$site_a")"

# b killed while it receives, then synced again
bg "$LOTLINE" --db "$TMPD/b.db" sync --timeout 120 > "$TMPD/sync-b.out" 2>&1
SB=$BG
wait_until 60 sh -c "[ \$(\"$SQLITE3\" \"$TMPD/b.db\" 'SELECT count(*) FROM journal') -ge $((N / 3)) ]" ||
	fail "b never received a third"
kill -KILL $SB
wait $SB 2>/dev/null
echo "b killed with $(count b) entries"
verify_all b
sync_ok b
sync_ok a
same_everywhere "after the cuts" central a b
verify_all central a b
expect_eq "the balance counts each adjustment once" "$(echo "10 + $N * 0.001" | bc | sed 's/\.*0*$//')" \
	"$(st b ledger --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"
grep -q "connected" "$TMPD/serve.log" || fail "nothing logged"
finish
