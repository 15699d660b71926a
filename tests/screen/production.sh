# The Production and Recipes screens: a run from plan to finish with scanned
# lots (a lot of the wrong item and a held lot refused with the service's
# reason, a lot that was not suggested used after a yes), an extra with a
# reason, a note, finish with the output lot, qa's signature and the batch
# record on screen; then the same run through the command line. The compact
# layout (20x16, RF keys) runs a second, smaller run.
. "$TESTDIR/screen/lib.sh"
ll --user ana recipe add GRANOLA --item GRAN-BASE --yield 10:kg --line OATS:6 --line HONEY:2 \
	--line ALMOND:1.5 --line RAISIN:0.5 --instructions "Mix, bake at 160 C for 25 min" >/dev/null
ll --user ana recipe activate GRANOLA >/dev/null
ll --user ana hold LOT-261024-DM002 --reason inspection >/dev/null

steps 80x24 --user olga <<'EOF'
4444<Enter>
3
<F2>
GRANOLA<Tab>2<Enter><Enter>
:save-screen production-plan.screen
<F4>
:save-screen prod-consume-form-empty.screen
<Esc>
:scan LOT-261001-DM001
:save-screen prod-consume-early.screen
<F3>
:scan LOT-261016-DM002
:save-screen prod-wrong-item.screen
:scan LOT-261024-DM002
:save-screen prod-held.screen
:scan NOSUCHCODE
:save-screen prod-unknown.screen
:scan LOT-261001-DM001
:save-screen prod-consume-form.screen
<Enter>
:scan LOT-261019-DM002
:save-screen prod-confirm.screen
no<Enter>
:save-screen prod-confirm-no.screen
<C-u>yes<Enter>
:scan LOT-261004-DM001
<Enter>
:scan LOT-261002-DM001
<C-u>0.5<Enter>
<F5>
:scan LOT-261002-DM001
0.7<Tab>spill<F4><Enter>
<F7>Oven ran hot<Enter>
:save-screen production-run.screen
<F6>
<C-u>19.5<Tab>COLD<Tab>GB-1<F2>
:save-screen prod-finished.screen
a
:save-screen prod-sign-refused.screen
<F11>
quinn<Tab>3333<Enter>
3
:save-screen prod-list.screen
<Enter>
a
:save-screen prod-signed.screen
<F8>
:save-screen production-record.screen
<Right><Right><Right>
:save-screen prod-record-right.screen
<Esc><Esc>e
:save-screen recipes.screen
<Enter>
:save-screen recipe.screen
EOF
for s in production-plan production-run production-record recipes recipe; do
	expect_screen "$s"
done
run=RUN-261123-DM001
expect_line production-plan "^ lotline: Run $run "
expect_line production-plan '^> +LOT-261001-DM001 +12 +kg +expires 2027-07-28'
expect_line prod-consume-form-empty '^Lot \* +\[ +\] scan or type'
expect_line prod-consume-early 'run RUN-261123-DM001 is planned: only a started run can be given lots'
expect_line prod-wrong-item 'lot LOT-261016-DM002 is TOMATO, which is not in the plan'
expect_line prod-held 'lot LOT-261024-DM002 is hold: it cannot be used'
expect_line prod-unknown 'Scanned NOSUCHCODE'
expect_line prod-consume-form '^Quantity +\[12 +\] kg'
expect_line prod-confirm 'was not suggested for line 3 \(suggested: LOT-261006-DM001\)'
expect_line prod-confirm '^Use it\? \* +\[ +\] yes no'
expect_line prod-confirm-no 'was not suggested for line 3'
expect_line prod-finished "Run $run finished: lot GB-1"
expect_line prod-sign-refused 'may not sign batch records'
expect_line prod-list "^ +$run +GRANOLA v1 +finished"
expect_line prod-signed "Run $run signed by quinn"
expect_line prod-signed '^finished; signed by quinn'
expect_line prod-record-right 'Unit cost +Cost$'
expect_line prod-record-right ' 4\.15 +49\.80$'

# the command line sees the same run, movement by movement
rec=$(ll --user ana run record $run)
echo "$rec" | grep -Eq '^ +4 RAISIN +Raisins +1 +1\.2 kg +\+0\.2$' || fail "record: raisin line: $rec"
echo "$rec" | grep -Eq '^ +LOT-261019-DM002 +ALMOND .* 3 kg ' || fail "record: the confirmed almond lot"
echo "$rec" | grep -Eq '^ +GB-1 +GRAN-BASE +19\.5 kg' || fail "record: output lot"
echo "$rec" | grep -q 'note .*Oven ran hot' || fail "record: the note"
echo "$rec" | grep -q '^Signed by quinn' || fail "record: signature"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261001-DM001" {print $3}')" = 88 ] ||
	fail "oats left after 12 kg went in"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261002-DM001" {print $3}')" = 88.8 ] ||
	fail "raisins left after 0.5 + 0.7 kg"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="GB-1" {print $3, $6}')" = "19.5 COLD" ] ||
	fail "the output lot"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261024-DM002" {print $3}')" = 40 ] ||
	fail "the held lot is untouched"
users=$(ll history LOT-261001-DM001 --format tsv | awk -F'\t' 'NR>2 {print $3, $6}')
[ "$users" = "consume olga" ] || fail "the oats' consumption is olga's: $users"

# 20x16 with the handheld keys: plan from the Recipes screen, start, a lot in
export LOTLINE_KEYMAP=rf
steps 20x16 --user olga <<'EOF'
4444<Enter>
3
e
p
<Enter><Enter>
:save-screen compact-production.screen
s
:scan LOT-261016-DM002
:save-screen compact-prod-refused.screen
:scan LOT-261006-DM001
<Enter>
:save-screen compact-prod-consumed.screen
w
Burnt<Enter>
:save-screen compact-prod-failed.screen
EOF
unset LOTLINE_KEYMAP
expect_screen compact-production
expect_line compact-prod-refused '^lot LOT-261016-DM00'
expect_line compact-prod-consumed '^\+ LOT-.*1\.5/1\.5$'
run2=RUN-261123-DM002
[ "$(ll run show $run2 | head -1 | awk '{print $NF}')" = failed ] || fail "run 2 failed on the handheld"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261006-DM001" {print $3}')" = 88.5 ] ||
	fail "the almonds of the failed run stay consumed"
# a shortage: the operator is told a manager starts it; the manager gives the
# reason, then cancels the run
steps 80x24 --user olga <<'EOF'
4444<Enter>
3
<F2>
GRANOLA<Tab>100<Enter><Enter>
:save-screen prod-shortage.screen
<F3>
:save-screen prod-shortage-refused.screen
EOF
run3=RUN-261123-DM003
expect_line prod-shortage '^planned; shortage in the plan$'
expect_line prod-shortage-refused "run $run3 has a shortage"
steps 80x24 --user mike <<'EOF'
2222<Enter>
3
<Enter>
<F3>
:save-screen prod-bypass-form.screen
<Enter>
:save-screen prod-bypass-empty.screen
Oats arrive at noon<Enter>
:save-screen prod-bypassed.screen
c
Oven broken<Enter>
:save-screen prod-cancelled.screen
EOF
expect_line prod-bypass-form 'The plan has a shortage: say why the run starts anyway'
expect_line prod-bypass-empty '^Reason \* +\[ +\] required'
expect_line prod-bypassed "Run $run3 started despite the shortage"
expect_line prod-bypassed 'started; shortage in the plan, started by bypass: Oats arrive at noon'
expect_line prod-cancelled "Run $run3 cancelled: every lot taken went back"
ll run record $run3 | grep -q 'started by bypass: Oats arrive at noon' || fail "bypass in the record"
ll run record $run3 | grep -q 'cancel .*Oven broken' || fail "cancel in the record"

# two output lots: quantities that do not add up to the yield are refused
steps 80x24 --user olga <<'EOF'
4444<Enter>
3
<F2>
GRANOLA<Tab>0.1<Enter><Enter>
<F3>
:scan LOT-261001-DM001
<Enter>
:scan LOT-261004-DM001
<Enter>
:scan LOT-261006-DM001
<Enter>
:scan LOT-261002-DM001
<Enter>
<F6>
:save-screen prod-finish-form.screen
<C-u>1<Tab>COLD<Tab>SPLIT-A<Tab><Tab>0.6<Tab>DRY<Tab>SPLIT-B<Tab><Tab>0.5<F2>
:save-screen prod-split-bad.screen
<C-u>0.4<F2>
:save-screen prod-split.screen
EOF
run4=RUN-261123-DM004
expect_line prod-finish-form '^2nd quantity +\[ +\] kg  \(optional: a second lot\)'
expect_line prod-split-bad 'outputs: they add up to 1.1 kg, not the yield 1 kg'
expect_line prod-split "Run $run4 finished: lots SPLIT-A and more"
[ "$(ll ledger --format tsv | awk -F'\t' '$2 ~ /^SPLIT-/ {printf "%s %s %s;", $2, $3, $6}')" = \
	"SPLIT-A 0.6 COLD;SPLIT-B 0.4 DRY;" ] || fail "two output lots: $(ll ledger --format tsv | grep SPLIT)"
ll run record $run4 | grep -Eq '^ +SPLIT-B +GRAN-BASE +0\.4 kg' || fail "record: second output lot"

# the Recipes screen's actions: an operator is refused, a manager clones,
# activates the clone and archives the original
steps 80x24 --user olga <<'EOF'
4444<Enter>
3
e
<F3>
:save-screen recipes-refused.screen
EOF
expect_line recipes-refused 'olga \(operator\) may not change recipes'
steps 80x24 --user mike <<'EOF'
2222<Enter>
3
e
<F5>
GRANOLA-NUT<Enter>
:save-screen recipes-cloned.screen
<Down><F3>
:save-screen recipes-activated.screen
<Up><F4>
:save-screen recipes-archived.screen
EOF
expect_line recipes-cloned 'Recipe GRANOLA cloned as GRANOLA-NUT \(draft\)'
expect_line recipes-cloned '^  GRANOLA-NUT +1 draft '
expect_line recipes-activated '^A GRANOLA-NUT +1 active '
expect_line recipes-archived 'Recipe GRANOLA is archived'
[ "$(ll recipe list --format tsv | cut -f1-3 | tr '\t\n' '  ')" = \
	"code version status GRANOLA 1 archived GRANOLA-NUT 1 active RCP-COOKIE 1 active " ] ||
	fail "recipes after the screen: $(ll recipe list --format tsv)"
finish
