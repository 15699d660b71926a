# Monochrome terminals and the plain C locale: expired, expiring and held lots
# stand out by their markers (! * H Q), not by colour alone; the text is the
# same on a VT100, a VT220, the Linux console, xterm, screen and tmux, with
# NO_COLOR, and in the C locale.
. "$TESTDIR/screen/lib.sh"
script='4444<Enter>
1
:save-screen mono.screen'

printf '%s\n' "$script" | TERM=vt100 steps 80x24 --user olga
expect_screen mono
for term in vt220 linux xterm screen tmux; do
	printf '%s\n' "$script" | TERM=$term steps 80x24 --user olga
	expect_screen mono
done
printf '%s\n' "$script" | NO_COLOR=1 steps 80x24 --user olga
expect_screen mono
printf '%s\n' "$script" | LC_ALL=C steps 80x24 --user olga
expect_screen mono
expect_line mono '^! TOMATO +LOT-261016-DM002 .* available$'
expect_line mono '^\* BUTTER +LOT-261105-DM001 '

# held and quarantined lots carry H and Q
ll --user quinn quarantine LOT-261105-DM001 --reason complaint >/dev/null
ll --user quinn hold LOT-261113-DM002 --reason inspection >/dev/null
printf '%s\n' "$script" | TERM=vt100 steps 80x24 --user olga
expect_line mono '^Q BUTTER +LOT-261105-DM001 .* quarantine$'
expect_line mono '^H EGG-L +LOT-261113-DM002 .* hold$'
finish
