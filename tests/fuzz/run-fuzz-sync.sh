# make check: run the sync decoder's fuzz target for a few seconds from its
# seed corpus (one valid message of each shape). Skipped (77) when configure
# found no clang with libFuzzer to build it.
fuzz=${FUZZ_SYNC:-./tests/fuzz/fuzz_sync}
if [ ! -x "$fuzz" ]; then
	echo "no $fuzz (needs clang with -fsanitize=fuzzer at configure time)"
	exit 77
fi
: "${TESTDIR:?TESTDIR must name the tests directory}"
work=$(mktemp -d "${TMPDIR:-/tmp}/lotline-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
# new inputs go to the scratch directory; crashes stay in the build tree
"$fuzz" -max_total_time="${FUZZ_SECONDS:-10}" -timeout=5 -rss_limit_mb=1024 -max_len=65536 \
	-artifact_prefix=./fuzz-sync- "$work" "$TESTDIR/fuzz/corpus_sync"
