# The screens sync in the background: with a central peer enrolled, the status
# line says online, when the terminal last synced and how many entries wait; a
# receipt made on the terminal reaches the central; when the central goes away
# the screens say offline and keep working.
. "$TESTDIR/tmux/lib.sh"
C="$TMPD/central.db"
"$LOTLINE" --db "$C" init --owner boss --site-code C >/dev/null || exit 99
set -- $("$LOTLINE" --db "$C" --user boss peer key)
kc=$1 sc=$2 cc=$3
set -- $("$LOTLINE" --db "$DB" --user ana peer key)
"$LOTLINE" --db "$C" --user boss peer enroll "$1" "$2" "$3" >/dev/null || exit 99
port=$((20000 + ($$ * 13) % 40000))
"$LOTLINE" --db "$DB" --user ana peer enroll "$kc" "$sc" "$cc" --address "tcp://127.0.0.1:$port" >/dev/null || exit 99
"$LOTLINE" --db "$C" serve --listen "tcp://127.0.0.1:$port" > "$TMPD/serve.out" 2>&1 &
serve=$!
trap 'kill -KILL $serve 2>/dev/null; "$TMUX_BIN" -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
n=0
until grep -q listening "$TMPD/serve.out" || [ $n -gt 100 ]; do sleep 0.05; n=$((n + 1)); done

start xterm 90x24 || exit 1
wait_for 'Your user name'
keys ana Tab 1111 Enter
wait_for 'Main menu +ana \(owner\)'
keys 1
wait_for '^100 lots: '
keys Down
wait_for 'online +synced [0-9:]+ +0 waiting'
lot=$("$LOTLINE" --db "$DB" --user olga receive SALT 5 --location DRY)
n=0
until "$LOTLINE" --db "$C" ledger --format tsv | grep -q "$lot" || [ $n -gt 100 ]; do
	sleep 0.05
	n=$((n + 1))
done
"$LOTLINE" --db "$C" ledger --format tsv | grep -q "$lot" || fail "the receipt did not reach the central peer"
kill -KILL $serve
# no key needed: the status line follows the connection by itself (the peer is
# noticed dead within seconds; slower under sanitizers)
wait_for 'offline +synced' 200
keys Up
wait_for '^100 lots: '
keys F10
exited
finish
