# Recipes and production runs: FEFO/FIFO suggestions skip expired and held lots,
# shortages, refusals while consuming, cancel and fail, sign-off, a three-level
# genealogy and costs to the cent.
. "$TESTDIR/cli/lib.sh"
small_store
ll item add SALT --name Salt --kind ingredient --unit kg >/dev/null
ll item add DOUGH --name "Bread dough" --kind intermediate --unit kg --shelf-life 3 >/dev/null
ll item add BREAD --name "Loaf" --kind finished --unit each --shelf-life 5 >/dev/null
ll item add BAG --name "Bread bag" --kind packaging --unit each >/dev/null
ll receive FLOUR 50 --location DRY --lot F1 --received 2026-11-01 --expiry 2027-01-10 --cost 1 >/dev/null
ll receive FLOUR 30 --location DRY --lot F2 --received 2026-11-10 --expiry 2026-12-20 --cost 1.20 >/dev/null
LOTLINE_NOW=2026-10-01T08:00:00Z ll receive FLOUR 10 --location DRY --lot F3 --expiry 2026-11-01 >/dev/null
ll receive FLOUR 40 --location DRY --lot F4 --received 2026-10-15 --expiry 2026-12-01 >/dev/null
ll hold F4 --reason inspection >/dev/null
ll receive SALT 10 --location DRY --lot S1 --cost 0.5 >/dev/null
ll receive BAG 20 --location DRY --lot B1 --cost 0.10 >/dev/null

# recipes
expect_ok "recipe" ll recipe add DOUGHR --item DOUGH --yield 10 --line FLOUR:9.8 --line SALT:200:g
expect_fail "draft cannot be scheduled" "recipe DOUGHR version 1 is draft: only an active recipe can be scheduled" ll run plan DOUGHR
expect_fail "operator cannot edit recipes" "may not change recipes" ll --user olga recipe add X --item DOUGH --yield 1 --line SALT:1
expect_fail "recipe of itself" "line 1: DOUGH cannot go into itself" ll recipe add X --item DOUGH --yield 1 --line DOUGH:1
expect_fail "recipe unit" "line 1: unit: 'each' does not convert" ll recipe add X --item DOUGH --yield 1 --line SALT:1:each
expect_ok "activate" ll recipe activate DOUGHR
expect_eq "salt in kg" "2	SALT	Salt	0.2	kg	200 g	ingredient" "$(ll recipe show DOUGHR --format tsv | sed -n 3p)"
expect_ok "version 2" ll recipe add DOUGHR --item DOUGH --yield 10 --line FLOUR:9.7 --line SALT:0.3
expect_eq "v1 still active" "DOUGHR	1	active" "$(ll recipe list --format tsv | sed -n 2p | cut -f1-3)"
expect_ok "activate v2" ll recipe activate DOUGHR --version 2
expect_eq "v1 archived" "archived" "$(ll recipe show DOUGHR --version 1 | head -1 | sed 's/.*(\(.*\)).*/\1/')"
expect_ok "back to v1" ll recipe activate DOUGHR --version 1
expect_ok "clone" ll recipe clone DOUGHR --as DOUGHR-SALTY
expect_eq "clone is a draft" "DOUGHR-SALTY	1	draft" "$(ll recipe list --format tsv | sed -n 3p | cut -f1-3)"
ll recipe add BREADR --item BREAD --yield 20 --line DOUGH:10 --line BAG:20 >/dev/null
ll recipe activate BREADR >/dev/null

# FEFO suggests F2 (earliest expiry), never F3 (expired) or F4 (on hold)
run1=$(ll run plan DOUGHR --scale 2 | sed -n 's/^run \(.*\) planned$/\1/p')
expect_eq "run code" "RUN-261123-T001" "$run1"
expect_eq "FEFO suggestion" "F2 19.6" "$(ll run show "$run1" | awk '$1=="F2" {print $1, $2}')"
ll run show "$run1" | grep -Eq '^ +F[134] ' && fail "FEFO suggested an expired, held or later lot"
# FIFO suggests F1 (first received that can be used)
ll settings consumption_order fifo >/dev/null
run_fifo=$(ll run plan DOUGHR --scale 2 | sed -n 's/^run \(.*\) planned$/\1/p')
expect_eq "FIFO suggestion" "F1 19.6" "$(ll run show "$run_fifo" | awk '$1~/^F/ {print $1, $2}')"
ll settings consumption_order fefo >/dev/null
ll run cancel "$run_fifo" --reason "planned twice" >/dev/null

# a shortage blocks the start; only a manager bypasses it, with a reason
short=$(ll run plan DOUGHR --scale 10 | sed -n 's/^run \(.*\) planned$/\1/p')
expect_fail "shortage blocks start" "has a shortage" ll --user olga run start "$short"
expect_fail "operator cannot bypass" "may not start a run with a shortage" ll --user olga run start "$short" --bypass "need it"
expect_ok "manager bypasses" ll run start "$short" --bypass "flour arriving at noon"
ll run record "$short" | grep -q "started by bypass: flour arriving at noon" || fail "bypass recorded"
ll run cancel "$short" --reason "not today" >/dev/null

# consuming: the suggested lot, refusals with reasons
expect_fail "not started" "only a started run can be given lots" ll run consume "$run1" F2
ll --user olga run start "$run1" >/dev/null
expect_fail "not suggested" "lot F1 was not suggested for line 1 (suggested: F2); confirm" ll run consume "$run1" F1
expect_fail "expired" "lot F3 expired on 2026-11-01" ll run consume "$run1" F3
expect_fail "held" "lot F4 is hold: it cannot be used" ll run consume "$run1" F4
expect_fail "wrong item" "lot B1 is BAG, which is not in the plan" ll run consume "$run1" B1
expect_fail "more than the line" "line 2 needs 0.4 kg more" ll run consume "$run1" S1 1
expect_eq "consume F2" "19.6 kg of F2 into $run1" "$(ll --user olga run consume "$run1" F2)"
expect_ok "consume salt" ll --user olga run consume "$run1" S1
expect_eq "F2 left" "10.4" "$(ll ledger --format tsv | awk -F'\t' '$2=="F2" {print $3}')"
expect_fail "extra needs a reason" "a quantity and --reason are required" ll run extra "$run1" S1 0.1
expect_fail "finish without location" "output 1: location: required" ll run finish "$run1" --yield 19.8
expect_ok "finish" ll run finish "$run1" --yield 19.8 --location COLD --lot D1
expect_eq "dough lot" "D1	19.8	kg	2026-11-26	COLD" "$(ll ledger --format tsv | awk -F'\t' -v OFS='\t' '$2=="D1" {print $2, $3, $4, $5, $6}')"
# 19.6 kg at 1.20 + 0.4 kg at 0.50 = 23.72 over 19.8 kg
expect_eq "dough unit cost" "1.19798" "$(ll ledger --format tsv | awk -F'\t' '$2=="D1" {print $15}')"

# three levels: flour and salt -> dough -> bread
run2=$(ll run plan BREADR | sed -n 's/^run \(.*\) planned$/\1/p')
ll run start "$run2" >/dev/null
ll run consume "$run2" D1 >/dev/null
ll run consume "$run2" B1 >/dev/null
expect_ok "finish bread" ll run finish "$run2" --yield 20 --location DRY --lot BR1
expect_eq "genealogy" "BR1<B1:20 BR1<D1:10 D1<F2:19.6 D1<S1:0.4" "$("$SQLITE3" "$LOTLINE_DB" \
	"SELECT group_concat(o.code || '<' || i.code || ':' || (k.qty / 1e6), ' ') FROM (SELECT * FROM lot_links ORDER BY 1) k JOIN lots o ON o.id = k.output_lot_id JOIN lots i ON i.id = k.input_lot_id" |
	tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/\.0:/:/g; s/:\([0-9]*\)\.0\b/:\1/g; s/ $//')"
# 10 kg of dough at 1.19798 + 20 bags at 0.10 = 13.9798
ll run record "$run2" | grep -q "Cost: planned 13.98, actual 13.98" || fail "bread cost to the cent: $(ll run record "$run2" | grep Cost)"
expect_eq "bread unit cost" "0.69899" "$(ll ledger --format tsv | awk -F'\t' '$2=="BR1" {print $15}')"
expect_eq "dough left" "9.8" "$(ll ledger --format tsv | awk -F'\t' '$2=="D1" {print $3}')"
expect_eq "bags used up" "0 consumed" "$(ll ledger --all --format tsv | awk -F'\t' '$2=="B1" {print $3, $10}')"

# cancel puts every input back, with movements that show it
run3=$(ll run plan DOUGHR | sed -n 's/^run \(.*\) planned$/\1/p')
ll run start "$run3" >/dev/null
ll run consume "$run3" F2 >/dev/null
ll run consume "$run3" S1 >/dev/null
expect_eq "F2 during run3" "0.6" "$(ll ledger --format tsv | awk -F'\t' '$2=="F2" {print $3}')"
expect_fail "cancel needs a reason" "say why" ll run cancel "$run3"
expect_ok "cancel" ll run cancel "$run3" --reason "mixer broke"
expect_eq "F2 back" "10.4" "$(ll ledger --format tsv | awk -F'\t' '$2=="F2" {print $3}')"
expect_eq "S1 back" "9.6" "$(ll ledger --format tsv | awk -F'\t' '$2=="S1" {print $3}')"
expect_eq "F2 history" "receive consume consume cancel" "$(ll history F2 --format tsv | awk -F'\t' 'NR>1 {printf "%s%s", s, $3; s=" "}')"
expect_fail "cancel twice" "only a planned or started run can be cancelled" ll run cancel "$run3" --reason again

# fail keeps the consumption as waste and needs a note
run4=$(ll run plan DOUGHR | sed -n 's/^run \(.*\) planned$/\1/p')
ll run start "$run4" >/dev/null
ll run consume "$run4" S1 >/dev/null
expect_fail "fail needs a note" "a failed run needs a note" ll run fail "$run4"
expect_ok "fail" ll run fail "$run4" --note "dough overproofed"
expect_eq "S1 stays used" "9.4" "$(ll ledger --format tsv | awk -F'\t' '$2=="S1" {print $3}')"

# sign-off: the policy's role signs; a signed run is immutable
expect_fail "operator cannot sign" "may not sign batch records: the policy (run_sign_role) says qa" ll --user olga run sign "$run1"
expect_fail "sign a cancelled run" "only a finished or failed run is signed" ll --user quinn run sign "$run3"
expect_ok "qa signs" ll --user quinn run sign "$run1"
expect_fail "signed refuses notes" "signed by quinn: it cannot be changed" ll run note "$run1" "late note"
expect_fail "signed refuses cancel" "signed by quinn" ll run cancel "$run1" --reason x
expect_fail "sign twice" "signed by quinn" ll --user quinn run sign "$run1"
ll run record "$run1" > "$TMPD/record"
grep -q "^Signed by quinn on 2026-11-23 08:00$" "$TMPD/record" || fail "record shows the sign-off"
grep -q "olga     consume  19.6 kg F2" "$TMPD/record" || fail "record shows who consumed what"
grep -q "Cost: planned 23.72, actual 23.72; yield 19.8 kg of 20 planned" "$TMPD/record" || fail "record costs: $(grep Cost "$TMPD/record")"
expect_ok "verify" ll verify
finish
