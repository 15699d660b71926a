#!/bin/sh
# Figures for the screens on a given store (make bench runs it on the generated
# million-lot store): time from a keystroke to the finished screen, bytes sent
# to the terminal, and peak memory. Prints; asserts nothing.
#
#   sh tests/bench/ui_bench.sh STORE [LOTLINE]
#
# How it measures: the headless test mode (LOTLINE_SCRIPT) drives the screens
# at 80x24; LOTLINE_TRACE_TIMING=FILE makes lotline write one line per input,
#   WHAT <tab> MILLISECONDS <tab> BYTES
# the time from reading the input to the frame sent (queries, drawing and
# curses' output included) and the bytes curses wrote for it. The output goes
# to LOTLINE_TERM_OUTPUT (a file, TERM=xterm), so the bytes are what a real
# xterm would receive. Peak memory is /usr/bin/time -v's maximum resident set
# (the PIN check at login alone takes 64 MiB: libsodium's interactive Argon2).
#
# A user uibench (viewer, PIN 9999) is added to the store when missing; set
# BENCH_USER and BENCH_PIN to log in as someone else. BENCH_REPS (5) repeats
# each step; the median is shown.
set -eu
store=${1:?usage: ui_bench.sh STORE [LOTLINE]}
LOTLINE=${2:-${LOTLINE:-lotline}}
REPS=${BENCH_REPS:-5}
user=${BENCH_USER:-uibench}
pin=${BENCH_PIN:-9999}
work=$(mktemp -d "${TMPDIR:-/tmp}/ui-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset LOTLINE_NOW LOTLINE_USER LOTLINE_KEYMAP LOTLINE_DB
export TZ=UTC LC_ALL=C.UTF-8 TERM=xterm LINES=24 COLUMNS=80
export XDG_CONFIG_HOME="$work"

if [ -z "${BENCH_USER:-}" ] && ! "$LOTLINE" --db "$store" user list --format tsv | cut -f1 | grep -qx uibench; then
	owner=$("$LOTLINE" --db "$store" user list --format tsv | awk -F'\t' '$3 == "owner" {print $1; exit}')
	"$LOTLINE" --db "$store" --user "$owner" user add uibench --role viewer --pin 9999 >/dev/null
fi

# The script: log in, open the ledger, then each step REPS times.
{
	printf '%s<Tab>%s<Enter>\n' "$user" "$pin"
	printf '1\n'
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<PgDn>\n'; i=$((i + 1)); done
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<Down>\n'; i=$((i + 1)); done
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<C-l>\n'; i=$((i + 1)); done
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<Home>/7<Esc>\n'; i=$((i + 1)); done
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<Enter>\n<Esc>\n'; i=$((i + 1)); done
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<Esc>1\n'; i=$((i + 1)); done
	printf '/G00050\n<Esc>\n'
	# the generator's lot with 1000+ movements, found and opened
	printf '<Esc>\n<Esc>1\n/G0000001\n<Enter>\n<Enter>\n'
	# the Documents screen: its COA queue opened from the menu, every row marked
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '<F9>\n6\n<F8>\n'; i=$((i + 1)); done
} > "$work/script"

LOTLINE_SCRIPT="$work/script" LOTLINE_TRACE_TIMING="$work/trace" \
	LOTLINE_TERM_OUTPUT="$work/out" /usr/bin/time -v "$LOTLINE" --db "$store" \
	2> "$work/time" || { cat "$work/time" >&2; exit 1; }

# median FIELD PATTERN: the median of a trace field over the lines matching
median() {
	awk -F'\t' -v f="$1" -v p="$2" '$1 == p {print $f}' "$work/trace" | sort -n |
		awk '{a[NR]=$1} END {if (NR) printf "%s", a[int((NR+1)/2)]; else printf "-"}'
}

lots=$("$LOTLINE" --db "$store" ledger --format tsv 2>/dev/null | head -2 | wc -l)
echo "lotline screens on $store (80x24, TERM=xterm, median of $REPS)"
printf '%-44s %12s %12s\n' "step" "ms" "bytes"
printf '%-44s %12s %12s\n' "open the ledger (1 on the menu)" "$(median 2 'key 1')" "$(median 3 'key 1')"
printf '%-44s %12s %12s\n' "page down" "$(median 2 'key <PgDn>')" "$(median 3 'key <PgDn>')"
printf '%-44s %12s %12s\n' "one row down" "$(median 2 'key <Down>')" "$(median 3 'key <Down>')"
printf '%-44s %12s %12s\n' "full redraw (C-l)" "$(median 2 'key <C-l>')" "$(median 3 'key <C-l>')"
printf '%-44s %12s %12s\n' "type one search character (7)" "$(median 2 'key 7')" "$(median 3 'key 7')"
printf '%-44s %12s %12s\n' "open a lot (Enter)" "$(median 2 'key <Enter>')" "$(median 3 'key <Enter>')"
printf '%-44s %12s %12s\n' "search down to 100 lots (5th key of G00050)" \
	"$(awk -F'\t' '$1 == "key 5" {print $2}' "$work/trace" | tail -1)" \
	"$(awk -F'\t' '$1 == "key 5" {print $3}' "$work/trace" | tail -1)"
printf '%-44s %12s %12s\n' "open the lot with 1000+ movements (G0000001)" \
	"$(awk -F'\t' '$1 == "key <Enter>" {t = $2; b = $3} END {print t}' "$work/trace")" \
	"$(awk -F'\t' '$1 == "key <Enter>" {t = $2; b = $3} END {print b}' "$work/trace")"
printf '%-44s %12s %12s\n' "open the COA queue (6 on the menu)" "$(median 2 'key 6')" "$(median 3 'key 6')"
printf '%-44s %12s %12s\n' "mark every row of the queue (F8)" "$(median 2 'key <F8>')" "$(median 3 'key <F8>')"
printf '%-44s %12s\n' "log in (the PIN's Argon2 check)" \
	"$(awk -F'\t' '$1 == "key <Enter>" {print $2; exit}' "$work/trace")"
printf '%-44s %12s kB\n' "peak memory (max RSS)" \
	"$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$work/time")"
[ "$lots" -gt 0 ] || echo "(the store shows no lots)"

# A second session: each sort order's first page, Today's counts, and a search
# typed a key at a time (the slowest key: three characters and more come from
# the trigram index, one and two from the order's index or a table scan).
{
	printf '%s<Tab>%s<Enter>\n1\n' "$user" "$pin"
	for i in 1 2 3 4 5 6 7 8 9; do printf 'o\n'; done
	printf '<Esc>\n'
	i=0
	while [ "$i" -lt "$REPS" ]; do printf '8\n<Esc>\n'; i=$((i + 1)); done
	printf '1\n/SL1234567\n<Esc>\n<Esc>\n1\n/XQ\n'
} > "$work/script2"
LOTLINE_SCRIPT="$work/script2" LOTLINE_TRACE_TIMING="$work/trace2" \
	LOTLINE_TERM_OUTPUT="$work/out2" "$LOTLINE" --db "$store"
# slowest FIELD LINES...: the largest value of a trace field over those lines
slowest() {
	f=$1
	shift
	printf '%s\n' "$@" | awk -F'\t' -v f="$f" 'NR == FNR {want[$0] = 1; next}
		($1 in want) && $f + 0 > m {m = $f + 0; v = $f} END {printf "%s", v}' - "$work/trace2"
}
printf '%-44s %12s %12s\n' "first page in each sort order (slowest of 9)" \
	"$(slowest 2 'key o')" "$(slowest 3 'key o')"
printf '%-44s %12s %12s\n' "Today with its counts (8 on the menu)" \
	"$(awk -F'\t' '$1 == "key 8" {print $2}' "$work/trace2" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
	"$(awk -F'\t' '$1 == "key 8" {print $3}' "$work/trace2" | tail -1)"
printf '%-44s %12s\n' "search SL1234567, slowest of keys 3 to 9" \
	"$(slowest 2 'key 1' 'key 2' 'key 3' 'key 4' 'key 5' 'key 6' 'key 7')"
printf '%-44s %12s\n' "search XQ (matches nothing), slowest key" "$(slowest 2 'key X' 'key Q')"

# The same movements in less, paging the ledger exported as text, on a real
# terminal (tmux, TERM=xterm, 80x24): the bytes less writes for each.
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
if [ -n "$TMUX_BIN" ] && command -v less >/dev/null 2>&1; then
	"$LOTLINE" --db "$store" ledger 2>/dev/null | head -200000 > "$work/ledger.txt"
	sock="$work/tmux"
	tm() { "$TMUX_BIN" -S "$sock" -f /dev/null "$@"; }
	tm new-session -d -s keep "sleep 600"
	tm new-session -d -s less -x 80 -y 24 "TERM=xterm LESS= less -S '$work/ledger.txt'"
	sleep 1
	# bytes KEY: what less writes to the terminal for one key
	bytes() {
		: > "$work/pipe"
		tm pipe-pane -o -t less "cat >> '$work/pipe'"
		tm send-keys -t less "$1"
		sleep 0.5
		tm pipe-pane -t less
		wc -c < "$work/pipe" | tr -d ' '
	}
	down=$(bytes Down)
	page=$(bytes PageDown)
	redraw=$(bytes C-l)
	tm kill-server 2>/dev/null || true
	echo
	echo "the same in less (bytes to the terminal, 80x24, TERM=xterm)"
	printf '%-44s %12s\n' "one row down" "$down"
	printf '%-44s %12s\n' "page down" "$page"
	printf '%-44s %12s\n' "full redraw (C-l)" "$redraw"
fi
