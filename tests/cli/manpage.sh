# The man page keeps in step with the commands: each one 'lotline --help' lists
# has an entry in lotline(1), and each has its own --help.
. "$TESTDIR/cli/lib.sh"
page="$TESTDIR/../src/lotline.1"
for cmd in $(ll --help | awk '/^  [a-z]/ {print $1}'); do
	grep -Eq "^\.(B|BI|RI|TQ) \"?$cmd( |\"|$)" "$page" || fail "lotline(1) has no entry for '$cmd'"
	ll "$cmd" --help | grep -q "^usage: lotline $cmd" || fail "'lotline $cmd --help'"
done
finish
