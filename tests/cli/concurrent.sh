# Two processes writing 1000 movements each at once: nothing lost, nothing locked.
. "$TESTDIR/cli/lib.sh"
small_store
lot=$(ll receive FLOUR 100 --location DRY)
W="$(dirname "$LOTLINE")/tests/tools/stress_writer"
"$W" "$LOTLINE_DB" ana receive 1000 > "$TMPD/a.out" 2> "$TMPD/a.err" &
pa=$!
"$W" "$LOTLINE_DB" olga adjust 1000 "$lot" > "$TMPD/b.out" 2> "$TMPD/b.err" &
pb=$!
wait $pa || fail "writer a: $(cat "$TMPD/a.err")"
wait $pb || fail "writer b: $(cat "$TMPD/b.err")"
expect_eq "a reported" "1000" "$(wc -l < "$TMPD/a.out" | tr -d ' ')"
expect_eq "b reported" "1000" "$(wc -l < "$TMPD/b.out" | tr -d ' ')"
expect_eq "1000 new lots" "1001" "$(ll ledger --item FLOUR --format tsv | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "1000 adjustments" "101" "$(ll ledger --format tsv | awk -F'\t' -v l="$lot" '$2==l {print $3}')"
expect_eq "distinct lot codes" "1000" "$(sort -u "$TMPD/a.out" | wc -l | tr -d ' ')"
expect_ok "verify" ll verify
finish
