#!/bin/sh
# The Receiving screen on a large store: receipts of three scanned supplier
# labels, each booked with Enter, timed per input by LOTLINE_TRACE_TIMING
# (reading the label, the dry run of the receipt so far, drawing; then the
# booking and its commit). Needs the GTINs 'lotline-bench scan' gives item I007.
#   receiving_bench.sh STORE [LOTLINE]     (BENCH_REPS receipts, default 50)
set -eu
store=${1:?usage: receiving_bench.sh STORE [LOTLINE]}
LOTLINE=${2:-${LOTLINE:-lotline}}
REPS=${BENCH_REPS:-50}
work=$(mktemp -d "${TMPDIR:-/tmp}/recv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset LOTLINE_NOW LOTLINE_USER LOTLINE_KEYMAP LOTLINE_DB
export TZ=UTC LC_ALL=C.UTF-8 TERM=xterm LINES=24 COLUMNS=80
export XDG_CONFIG_HOME="$work"

if ! "$LOTLINE" --db "$store" user list --format tsv | cut -f1 | grep -qx recvbench; then
	owner=$("$LOTLINE" --db "$store" user list --format tsv | awk -F'\t' '$3 == "owner" {print $1; exit}')
	"$LOTLINE" --db "$store" --user "$owner" user add recvbench --role operator --pin 9999 >/dev/null
fi
gs=$(printf '\035')
tag=$(date +%s%N | cut -c6-16)
{
	printf 'recvbench<Tab>9999<Enter>\n2\n:scan L03\n'
	i=0
	while [ "$i" -lt "$REPS" ]; do
		for k in 1 2 3; do
			printf ':scan ]C10115099999000032%s10S%s-%s-%s%s17271231\n' "$gs" "$tag" "$i" "$k" "$gs"
		done
		printf '<End><Enter>\n'
		i=$((i + 1))
	done
	printf ':save-screen %s/last.screen\n' "$work"
} > "$work/script"
LOTLINE_SCRIPT="$work/script" LOTLINE_TRACE_TIMING="$work/trace" \
	LOTLINE_TERM_OUTPUT="$work/out" "$LOTLINE" --db "$store"
grep -q '^Receipt booked' "$work/last.screen" || {
	echo "receiving_bench.sh: the last receipt was not booked:" >&2
	cat "$work/last.screen" >&2
	exit 1
}

# per receipt: the three scans, and the Enter that books (End only selects)
awk -F'\t' -v reps="$REPS" '
	# the first scan is the location; Enter before it logged in
	$1 ~ /scan/ { if (!loc) { loc = 1; next } s[int(n / 3)] += $2; n++ }
	$1 == "key <Enter>" && loc { b[m++] = $2 }
	END {
		for (i = 0; i < m; i++) t[i] = s[i] + b[i]
		printf "%s\t%s\t%s\n", med(s, m), med(b, m), med(t, m)
	}
	function med(a, k,   c, i, j, x) {
		for (i = 0; i < k; i++) c[i] = a[i]
		for (i = 1; i < k; i++) { x = c[i]; for (j = i - 1; j >= 0 && c[j] > x; j--) c[j + 1] = c[j]; c[j + 1] = x }
		return c[int(k / 2)]
	}' "$work/trace" > "$work/sum"
printf '%-44s %11s ms\n' "  on the screen: 3 scans (read, check, draw)" "$(cut -f1 "$work/sum")"
printf '%-44s %11s ms\n' "  on the screen: Enter books (commit, draw)" "$(cut -f2 "$work/sum")"
printf '%-44s %11s ms\n' "  on the screen: scan to booked" "$(cut -f3 "$work/sum")"
