# Shared by the tmux tests: the real binary on a real (tmux) terminal, on a
# private tmux server, with the demo store and a fixed clock. They poll the
# pane for the text they expect instead of sleeping, and skip (77) without tmux.
set -u
: "${LOTLINE:?LOTLINE must name the lotline binary}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipped"
	exit 77
fi
unset TMUX TMUX_PANE
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/ll-tmux.XXXXXX")
SOCK="$TMPD/s"
trap '"$TMUX_BIN" -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
export LOTLINE_NOW=2026-11-23T08:00:00Z TZ=UTC LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$TMPD/config" HOME="$TMPD"
unset LOTLINE_USER LOTLINE_KEYMAP LOTLINE_SCRIPT LOTLINE_TRACE_TIMING ESCDELAY
DB="$TMPD/store.db"
"$LOTLINE" --db "$DB" demo >/dev/null || exit 99
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

t() { "$TMUX_BIN" -S "$SOCK" -f /dev/null "$@"; }

# A session that outlives the tests' own: killing the last session stops the
# server, and a new-session racing that exit fails ("server exited unexpectedly").
t new-session -d -s keep "sleep 600" || exit 99

# start TERM COLSxROWS [lotline options]: lotline in a fresh session "ll"; its
# exit status lands in $TMPD/exit
start() {
	term=$1 size=$2
	shift 2
	t kill-session -t ll 2>/dev/null
	rm -f "$TMPD/exit"
	t new-session -d -s ll -x "${size%x*}" -y "${size#*x}" \
		"TERM=$term '$LOTLINE' --db '$DB' $*; echo \$? > '$TMPD/exit'; sleep 30" || {
		fail "tmux could not start lotline"
		return 1
	}
}

screen() { t capture-pane -p -t ll; }

# wait_for PATTERN [TENTHS]: poll the pane until a line matches (default 5 s)
wait_for() {
	n=${2:-50}
	while [ "$n" -gt 0 ]; do
		if screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	fail "waited in vain for '$1'"
	screen | sed 's/^/  | /' >&2
	return 1
}

# keys KEY...: each argument as a person would press it, 60 ms apart; a whole
# argument still arrives at once, so "1111" followed by Enter in one call would
# be a scanner's burst (see tests/tmux/scan.sh for those)
keys() {
	for k in "$@"; do
		case "$k" in
		-l) lit=1; continue ;;
		esac
		if [ "${lit:-}" = 1 ]; then
			t send-keys -t ll -l "$k"
			lit=
		else
			t send-keys -t ll "$k"
		fi
		sleep 0.06
	done
}

# exited: lotline ended, with status 0
exited() {
	n=50
	while [ "$n" -gt 0 ]; do
		if [ -s "$TMPD/exit" ]; then
			st=$(cat "$TMPD/exit")
			[ "$st" = 0 ] || fail "lotline exited with $st"
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	fail "lotline did not exit"
}

ms() { date +%s%3N; }

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures failure(s)" >&2
		exit 1
	fi
	exit 0
}
