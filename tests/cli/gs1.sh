# lotline gs1 parse: one AI and value a line; each problem class named on
# stderr with exit status 1; no store needed.
. "$TESTDIR/cli/lib.sh"
TAB=$(printf '\t')
GS=$(printf '\035')

expect_eq "bracketed form" "01${TAB}09501101530003
17${TAB}2026-12-31
10${TAB}AB-123" "$(ll gs1 parse '(01)09501101530003(17)261231(10)AB-123')"
expect_eq "scanner data with a real GS" "01${TAB}09501101530003
10${TAB}L-7
17${TAB}2024-02-29
3103${TAB}0.750 kg" "$(ll gs1 parse "]C10109501101530003""10L-7${GS}17240200""3103000750")"
expect_eq "\\x1d for GS" "10${TAB}L-7
21${TAB}S1" "$(ll gs1 parse ']d210L-7\x1d21S1')"
expect_eq "<GS> for GS" "10${TAB}L-7
21${TAB}S1" "$(ll gs1 parse ']Q310L-7<GS>21S1<GS>')"
expect_eq "standard input" "01${TAB}09501101530003
10${TAB}L-7" "$(printf ']C10109501101530003\03510L-7\r\n' | ll gs1 parse -)"
expect_eq "bare GTIN-13" "01${TAB}04006381333931" "$(ll gs1 parse 4006381333931)"
expect_eq "bare GTIN-8" "01${TAB}00000096385074" "$(ll gs1 parse 96385074)"
expect_eq "measures" "3100${TAB}750 kg
3302${TAB}7.50 kg
3155${TAB}0.00750 l
3201${TAB}75.0 lb" "$(ll gs1 parse '(3100)000750(3302)000750(3155)000750(3201)000750')"
expect_eq "DD 00" "17${TAB}2023-02-28" "$(ll gs1 parse '(17)230200')"
expect_eq "date and time" "7003${TAB}2026-12-31T14:30" "$(ll gs1 parse '(7003)2612311430')"
expect_eq "counts and SSCC" "00${TAB}106141411234567897
37${TAB}24" "$(ll gs1 parse '(00)106141411234567897(37)24')"

# each problem class: the exact message, and status 1
expect_msg() {
	d=$1 want=$2
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	expect_eq "$d: status" 1 "$rc"
	expect_eq "$d: message" "$want" "$out"
}
expect_msg "check digit" "lotline: AI (01): check digit: '09501101530008' should end in 3" \
	ll gs1 parse '(01)09501101530008(17)261231'
expect_msg "bare GTIN check digit" \
	"lotline: AI (01): check digit: GTIN-13 '4006381333932' should end in 1" \
	ll gs1 parse 4006381333932
expect_msg "bad date" "lotline: AI (17): bad date: month 13 in '261301'" \
	ll gs1 parse '(17)261301'
expect_msg "leap day" "lotline: AI (17): bad date: day 29 in '230229' (2023-02 has 28 days)" \
	ll gs1 parse '(17)230229'
expect_msg "unknown AI" "lotline: unknown AI (3106) at position 19" \
	ll gs1 parse '(01)09501101530003(3106)000750'
expect_msg "not GS1 at all" \
	"lotline: unknown AI: no application identifier at position 1 ('LOT-123')" \
	ll gs1 parse LOT-123
expect_msg "too long" "lotline: AI (10): too long: 21 characters, at most 20" \
	ll gs1 parse '(10)ABCDEFGHIJKLMNOPQRSTU'
expect_msg "too long in scanner data" \
	"lotline: AI (10): too long: 21 characters, at most 20 (is a GS missing?)" \
	ll gs1 parse ']C110ABCDEFGHIJKLMNOPQRSTU'
expect_msg "too short" "lotline: AI (01): too short: 13 characters, 14 expected" \
	ll gs1 parse '(01)0950110153000'
expect_msg "missing separator" \
	"lotline: AI (422): missing separator: 3 characters, then GS or the end, but '10ABC' follows" \
	ll gs1 parse ']C142225010ABC'
expect_msg "bad character" "lotline: AI (10): bad character '#' in 'AB#1'" \
	ll gs1 parse '(10)AB#1'
expect_msg "digits only" "lotline: AI (30): bad character 'A' in '12A' (digits only)" \
	ll gs1 parse '(30)12A'
expect_msg "GS shown" "lotline: bad character: a second GS after AI (10) at position 8" \
	ll gs1 parse ']C110A<GS><GS>17261231'
expect_msg "duplicate" "lotline: AI (10): duplicate: 'B' after (10) 'A'" \
	ll gs1 parse '(10)A(10)B'
expect_msg "empty" "lotline: too short: the code is empty" ll gs1 parse ''
expect_fail "unknown verb" "not one of parse" ll gs1 check 123
expect_fail "no code" "missing arguments" ll gs1 parse
ll gs1 --help | grep -q '<GS>' || fail "gs1 --help documents <GS>"
[ ! -e "$LOTLINE_DB" ] || fail "gs1 made a store"

# the century rule follows LOTLINE_NOW
expect_eq "century, 2026" "17${TAB}1977-01-01" "$(ll gs1 parse '(17)770101')"
expect_eq "century, 2060" "17${TAB}2110-12-31" "$(LOTLINE_NOW=2060-06-01 ll gs1 parse '(17)101231')"
finish
