# A terminal's disk is replaced: a new store made with 'peer restore' for the
# same site, its new key enrolled on the central peer (the old one revoked),
# gets its own site's chain back on the first sync and continues its sequence;
# nothing is re-sent or lost, and the old key is refused.
. "$TESTDIR/cli/sync_lib.sh"
mkstore central C
mkstore a A
start_central central
enroll central a
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
lot=$(st a receive FLOUR 10 --location DRY)
sync_ok a
st a adjust "$lot" -1 --reason sample >/dev/null
sync_ok a
read -r key_a site_a code_a <<EOT
$(st a peer key)
EOT
head_a=$("$SQLITE3" "$TMPD/a.db" "SELECT max(seq) FROM journal j JOIN sites s ON s.id = j.site WHERE s.site_id = '$site_a'")

# the disk dies; the old one is kept aside to show its key is refused later
mv "$TMPD/a.db" "$TMPD/old-a.db"
rm -f "$TMPD/a.db-wal" "$TMPD/a.db-shm"
out=$(st a peer restore "$site_a" "$code_a") || fail "restore: $out"
new_key=$(printf '%s\n' "$out" | awk '/peer enroll/ {print $4}')
[ -n "$new_key" ] && [ "$new_key" != "$key_a" ] || fail "no new key in: $out"
# a new disk has no users yet: nobody can record before the chain is back
LOTLINE_USER=
expect_fail "a restoring store does not record" "" st a receive FLOUR 1 --location DRY
expect_ok "re-enrol the site with its new key" st central --user ana peer enroll "$new_key" "$site_a" "$code_a"
expect_eq "the old key is revoked" "revoked" \
	"$(st central peer list --all | awk -v k="$key_a" '$3 == k {print $6}')"
expect_ok "the restoring store names its central" st a peer enroll $(st central peer key) --address "$ADDR"
out=$(st a sync --timeout 20) || fail "restoring sync: $out"
echo "$out"
case "$out" in *"sent 0,"*) ;; *) fail "the restore sent something: $out" ;; esac

# the site is back, its users with it: it records again, continuing its sequence
LOTLINE_USER=ana
expect_ok "record after the restore" st a adjust "$lot" -1 --reason sample
lot2=$(st a receive FLOUR 5 --location DRY)
expect_eq "lot codes continue" "LOT-261123-A002" "$lot2"
expect_eq "the sequence continues" "$((head_a + 2))" \
	"$("$SQLITE3" "$TMPD/a.db" "SELECT max(seq) FROM journal j JOIN sites s ON s.id = j.site WHERE s.site_id = '$site_a'")"
sync_ok a
same_everywhere "after the restore" central a
verify_all central a
expect_eq "balance" "8" "$(st central ledger --format csv | awk -F, -v l="$lot" '$2 == l {print $3}')"
expect_fail "the old disk's key is refused" "refused this store's key" st old-a sync --timeout 5
finish
