# Only enrolled keys sync: an unenrolled key and a revoked key are refused (and
# logged), a wrong server key fails the handshake, enrolment refuses a site code
# in use, and the central peer goes on serving the others throughout.
. "$TESTDIR/cli/sync_lib.sh"
central_and_two
mkstore x X
st a location add DRY --name Dry --kind dry >/dev/null
st a item add FLOUR --name Flour --kind ingredient --unit kg >/dev/null
st a receive FLOUR 10 --location DRY >/dev/null
sync_ok a

# an unenrolled terminal: it knows the central's key, the central not its own
st x peer enroll $(st central peer key) --address "$ADDR" >/dev/null
expect_fail "unenrolled key" "refused this store's key" st x sync --timeout 5
st x sync --timeout 5 >/dev/null 2>&1
expect_eq "unenrolled: exit status" "4" "$?"
grep -q "is not enrolled" "$TMPD/serve.log" || fail "unenrolled key not logged"

# revoked
sync_ok b
expect_ok "revoke b" st central peer revoke B
expect_fail "revoked key" "refused this store's key" st b sync --timeout 5
grep -q "was revoked" "$TMPD/serve.log" || fail "revoked key not logged"
expect_fail "a revoked key is not enrolled again" "was revoked" \
	st central peer enroll $(st b peer key)
expect_eq "list shows the revocation" "revoked" \
	"$(st central peer list --all | awk '$1 == "B" {print $6}')"
expect_eq "list without --all hides it" "" "$(st central peer list | awk '$1 == "B"')"

# enrolment checks
expect_fail "code in use" "site code A is enrolled" \
	st central peer enroll "$(st x peer key | cut -d' ' -f1)" "$(st x peer key | cut -d' ' -f2)" A
expect_fail "the central's own code" "this store's own" \
	st central peer enroll "$(st x peer key | cut -d' ' -f1)" "$(st x peer key | cut -d' ' -f2)" C
expect_fail "a malformed key" "not a CURVE public key" \
	st central peer enroll "short" "$(st x peer key | cut -d' ' -f2)" X
expect_fail "a malformed site id" "not a site id" \
	st central peer enroll "$(st x peer key | cut -d' ' -f1)" "xyz" X
st central user add olga --role operator >/dev/null
expect_fail "enrolling needs a manager" "may not" \
	st central --user olga peer enroll $(st x peer key)
expect_fail "the store itself" "this store itself" st central peer enroll $(st central peer key)
# lot codes without the site code would collide between terminals offline
expect_fail "a pattern without {SITE} on a store that syncs" "needs {SITE} in its lot codes" \
	st central settings lot_code_pattern "LOT-{YYMMDD}-{NNN}"
mkstore z Z
st z settings lot_code_pattern "LOT-{YYMMDD}-{NNN}" >/dev/null || fail "a lone store's pattern"
expect_fail "a store whose codes lack {SITE} is not enrolled" "has no {SITE}" \
	st z peer enroll $(st central peer key) --address "$ADDR"
# a key may begin with "--" (a real one did): it is the key, not an unknown option
dash_key='--j$%4n#NQgO3C%oD0j5RD@Rj9vbo0>wjmk6@W-['
expect_ok "a key that begins with --" \
	st central peer enroll "$dash_key" 0123456789abcdef0123456789abcdef DK
expect_eq "enrolled under that key" "DK" \
	"$(st central peer list | awk -v k="$dash_key" '$3 == k {print $1}')"
expect_fail "a real unknown option is still one" "unknown option --frob" \
	st central peer list --frob

# a terminal holding a wrong key for the central: the handshake fails
mkstore y Y
st central peer enroll $(st y peer key) >/dev/null
st y peer enroll $(st b peer key | cut -d' ' -f1) "$(st central peer key | cut -d' ' -f2)" C --address "$ADDR" >/dev/null
expect_fail "wrong server key" "" st y sync --timeout 3
# plain TCP against a CURVE server
expect_fail "insecure client, secure server" "" st a sync --insecure --timeout 3

# the central still serves the enrolled ones
st a adjust "$(st a ledger --format csv | awk -F, 'NR==2 {print $2}')" -1 --reason sample >/dev/null
sync_ok a
site_a=$(st a peer key | cut -d' ' -f2)
expect_eq "a's entries reached the central" "$(journal_dump a | grep -c "^$site_a")" \
	"$(journal_dump central | grep -c "^$site_a")"
verify_all central a b x

# --insecure, explicitly, on both sides (tests only)
mkstore c2 D
mkstore t2 T
PORT2=$((PORT + 1))
bg "$LOTLINE" --db "$TMPD/c2.db" serve --listen "tcp://127.0.0.1:$PORT2" --insecure \
	> "$TMPD/serve2.out" 2> "$TMPD/serve2.err"
S2=$BG
if wait_until 10 grep -q listening "$TMPD/serve2.out"; then
	grep -q "WITHOUT encryption" "$TMPD/serve2.err" || fail "insecure mode not logged"
	expect_ok "insecure sync" st t2 sync --insecure --peer "tcp://127.0.0.1:$PORT2" --timeout 10
	same_everywhere "insecure" c2 t2
	kill -TERM $S2
	wait $S2 2>/dev/null
else
	echo "port $PORT2 busy: insecure part skipped"
fi
verify_all c2 t2
finish
