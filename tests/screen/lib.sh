# Shared by the screen tests: the demo store under a fixed clock, a runner for
# scripts of keys and scans on a virtual terminal (LOTLINE_SCRIPT), and the
# comparison of saved screens with the checked-in ones in tests/screen/*.screen.
# LOTLINE_UPDATE_SCREENS=1 writes the saved screens there instead of comparing.
set -u
: "${LOTLINE:?LOTLINE must name the lotline binary}"
: "${TESTDIR:?TESTDIR must name the tests directory}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/lotline-screen.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
export LOTLINE_DB="$TMPD/store.db"
export LOTLINE_NOW=2026-11-23T08:00:00Z TZ=UTC LC_ALL=C.UTF-8 TERM=xterm
# nobody's own keys or settings change what the tests see
export XDG_CONFIG_HOME="$TMPD/config" HOME="$TMPD"
unset LOTLINE_USER LOTLINE_KEYMAP LOTLINE_SCRIPT LOTLINE_TERM_OUTPUT LOTLINE_TRACE_TIMING
unset NO_COLOR LOTLINE_COLOR ESCDELAY
SCREENS="$TESTDIR/screen"
failures=0

"$LOTLINE" demo >/dev/null || exit 99

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# steps COLSxROWS [lotline options...] < script: run the screens on the script.
# Screens saved with ":save-screen NAME.screen" land in $TMPD.
steps() {
	size=$1
	shift
	cat > "$TMPD/script"
	(cd "$TMPD" && LOTLINE_SCRIPT="$TMPD/script" COLUMNS=${size%x*} LINES=${size#*x} \
		"$LOTLINE" "$@" 2> "$TMPD/stderr")
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "lotline exited $rc: $(cat "$TMPD/stderr")"
	fi
	return 0
}

# expect_screen NAME: the saved screen NAME.screen is the checked-in one.
expect_screen() {
	got="$TMPD/$1.screen"
	want="$SCREENS/$1.screen"
	if [ ! -f "$got" ]; then
		fail "$1: no screen was saved"
	elif [ "${LOTLINE_UPDATE_SCREENS:-}" = 1 ]; then
		cp "$got" "$want"
	elif [ ! -f "$want" ]; then
		fail "$1: no expected screen $want (LOTLINE_UPDATE_SCREENS=1 writes it)"
	elif ! diff -u "$want" "$got" >&2; then
		fail "$1: the screen differs"
	fi
}

# expect_line NAME PATTERN: a line of the saved screen matches (grep -E).
expect_line() {
	if ! grep -Eq -- "$2" "$TMPD/$1.screen" 2>/dev/null; then
		fail "$1: no line matches '$2'"
		sed 's/^/  | /' "$TMPD/$1.screen" >&2 2>/dev/null
	fi
}

# expect_no_line NAME PATTERN
expect_no_line() {
	if grep -Eq -- "$2" "$TMPD/$1.screen" 2>/dev/null; then
		fail "$1: a line matches '$2'"
	fi
}

ll() { "$LOTLINE" "$@"; }

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures failure(s)" >&2
		exit 1
	fi
	exit 0
}
