# The Documents and QA screen: the COA queue with filters, rows marked and
# reviewed in one go, a rejection that shows on Today (whose Enter opens the
# rejected documents), a test result, a bulk change refused whole, reviewer
# assignment, a release refused by the policy, a bad scan, a bad date, a COA
# attached (and a file that is not there), the audit export, a document
# retired and restored (from help: no key is bound to restore); then the
# store as the command line sees it. The same at 20x16 with the rf keys.
. "$TESTDIR/screen/lib.sh"
export LOTLINE_USER=ana
printf '%%PDF-1.4 certificate\n' > "$TMPD/coa.pdf"
# MILLCO's oats, oil and flour; BEEHIVE's honey; the berries on hold
for lot in LOT-261001-DM001 LOT-261001-DM002 LOT-261001-DM003 LOT-261004-DM001 \
	LOT-261018-DM002; do
	ll doc attach "$lot" "$TMPD/coa.pdf" --kind coa > /dev/null || fail "attach to $lot"
done
# a supplier's certificate, rejected: Today counts it and lists it too
sdoc=$(ll doc attach supplier:MILLCO "$TMPD/coa.pdf" --kind supplier)
ll doc reject "$sdoc" --reason "out of date" > /dev/null || fail "reject $sdoc"
ll settings release_needs_coa on > /dev/null
unset LOTLINE_USER

steps 80x24 --user quinn <<'EOF2'
3333<Enter>
6
:save-screen documents.screen
<F7><Tab>MILLCO<Enter><Enter><Enter><Enter><Enter>
:save-screen documents-filtered.screen
<Space><Space>
:save-screen documents-marked.screen
<End><Space>
:save-screen documents-nodoc.screen
<F2>
:save-screen documents-review-form.screen
<F2>
:save-screen documents-review-empty.screen
Matches the spec sheet<Enter>
:save-screen documents-reviewed.screen
<Home><F4>wrong lot number<Enter>
:save-screen documents-rejected-one.screen
<F5>moisture<Tab><lt>= 14%<Tab>12.1%<Tab>pass<Enter>
:save-screen documents-result.screen
<F7><C-u>uploaded<Tab><C-u><F2>
:save-screen documents-uploaded.screen
<F8><F3><Enter>
:save-screen documents-link-refused.screen
<Esc><F8>uquinn<Enter>
:save-screen documents-assigned.screen
<F7><C-u>reviewed<F2><F8><F3><Enter>
:save-screen documents-linked.screen
a
:scan LOT-261018-DM002
<F6>
:save-screen documents-release-refused.screen
:scan NOWHERE
:save-screen documents-badscan.screen
<F7><Tab><Tab><Tab><Tab>2026-11-01<Tab>2026-10-01<F2>
:save-screen documents-filter-bad.screen
<Esc><Home>nnope.pdf<Enter><Enter>
:save-screen documents-attach-bad.screen
<Esc>ncoa.pdf<Enter><Enter>
:save-screen documents-attached.screen
e<Tab>MILLCO<F2>
:save-screen documents-export.screen
<F9>8
:save-screen documents-today.screen
<End><Enter>
:save-screen documents-rejected.screen
<Home><Enter>
:save-screen documents-rejected-supplier.screen
<Down>w<Enter>
:save-screen documents-retired.screen
<F7><C-u>retired<F2><F1>
:save-screen documents-help.screen
7<Enter><Enter>
:save-screen documents-restored.screen
EOF2
expect_screen documents
expect_screen documents-marked
expect_screen documents-review-form
# the filter: MILLCO's lots only, the documents first in received order
expect_line documents-filtered 'Filter: supplier MILLCO'
expect_no_line documents-filtered 'HONEY|BEEHIVE'
expect_line documents-marked ', 2 marked$'
expect_line documents-nodoc 'has no document to mark: its COA is missing'
expect_line documents-review-empty 'Note \* +\[ +\] required'
expect_line documents-reviewed '^2 documents reviewed'
expect_no_line documents-reviewed 'LOT-261001-DM00[12]'
expect_line documents-rejected-one '^1 document rejected'
expect_line documents-rejected-one '^R LOT-261001-DM003 FLOUR-W .*DOC-261123-DM003 rejected'
expect_line documents-rejected-one 'DOC-261123-DM003 coa.pdf: wrong lot number'
expect_line documents-result 'Result recorded for LOT-261001-DM003'
expect_line documents-uploaded 'lotline: Documents: uploaded'
# one transaction: linking uploaded documents is refused and nothing changes
expect_line documents-link-refused 'document DOC-261123-DM004 is uploaded: it cannot be linked'
expect_line documents-assigned '^1 document assigned'
expect_line documents-assigned 'HONEY .*DOC-261123-DM004 uploaded quinn'
expect_line documents-linked '^2 documents linked'
expect_line documents-release-refused \
	'^lot LOT-261018-DM002 cannot be released: its COA is uploaded, and the policy'
expect_line documents-badscan 'NOWHERE'
expect_line documents-filter-bad 'to: 2026-10-01 is before the from date 2026-11-01'
expect_line documents-attach-bad 'cannot read nope.pdf'
expect_line documents-attached '^DOC-261123-DM007 attached to LOT-260929-DM001'
expect_line documents-attached '^U LOT-260929-DM001 .*DOC-261123-DM007 uploaded'
expect_line documents-export '^[0-9]+ files and an index of [0-9]+ rows in audit'
expect_line documents-today '^R +2 Documents rejected'
expect_line documents-rejected 'lotline: Documents: rejected'
expect_line documents-rejected '^R LOT-261001-DM003 .*DOC-261123-DM003'
expect_line documents-rejected '^R supplier:MILLCO .*DOC-261123-DM006 rejected'
expect_line documents-rejected '^2 documents$'
expect_line documents-rejected 'DOC-261123-DM006 coa.pdf: out of date'
expect_line documents-rejected-supplier 'DOC-261123-DM006 belongs to supplier:MILLCO, not to a lot'
# retired, then restored from help (its own line: no key is bound to it)
expect_line documents-retired '^1 document retired'
expect_no_line documents-retired 'DOC-261123-DM003'
expect_line documents-help ' 7 +- +docs-restore +Restore the marked retired documents'
expect_line documents-restored '^1 document restored'
expect_line documents-restored 'lotline: Documents: retired'
expect_line documents-restored 'No documents to show'

# the store, as the command line sees it
export LOTLINE_USER=ana
coa() { ll ledger --format tsv | awk -F'\t' -v l="$1" '$2==l {print $7}'; }
[ "$(coa LOT-261001-DM001)" = linked ] || fail "oats COA linked: $(coa LOT-261001-DM001)"
[ "$(coa LOT-261001-DM002)" = linked ] || fail "oil COA linked: $(coa LOT-261001-DM002)"
[ "$(coa LOT-261001-DM003)" = uploaded ] || fail "flour COA rejected, retired, restored: uploaded"
[ "$(coa LOT-261004-DM001)" = uploaded ] || fail "honey COA still uploaded"
[ "$(coa LOT-260929-DM001)" = uploaded ] || fail "berries COA attached on the screen"
ll doc get DOC-261123-DM007 "$TMPD/back.pdf" && cmp -s "$TMPD/coa.pdf" "$TMPD/back.pdf" ||
	fail "the attached file comes back byte for byte"
st=$(ll doc show DOC-261123-DM001 --format tsv | awk -F'\t' 'NR==2 {print $5, $7, $11}')
[ "$st" = "linked quinn Matches the spec sheet" ] || [ "$st" = "linked quinn " ] ||
	fail "oats document: $st"
[ "$(ll doc show DOC-261123-DM004 --format tsv | awk -F'\t' 'NR==2 {print $5, $6}')" = \
	"uploaded quinn" ] || fail "honey document assigned to quinn, still uploaded"
[ "$(ll qc list LOT-261001-DM003 --format tsv | sed -n 2p | cut -f1-5)" = \
	"moisture	<= 14%	12.1%	pass	quinn" ] || fail "test result stored"
[ "$(ll ledger --format tsv | awk -F'\t' '$2=="LOT-261018-DM002" {print $10}')" = hold ] ||
	fail "the berries stay on hold"
[ "$(ll doc queue --status rejected --format tsv | tail -n +2 | cut -f1,6)" = \
	"supplier:MILLCO	DOC-261123-DM006" ] || fail "the rejected documents"
[ "$(ll doc show DOC-261123-DM003 --format tsv | awk -F'\t' 'NR==2 {print $5}')" = uploaded ] ||
	fail "the flour COA is uploaded again after its restore"
[ -f "$TMPD/audit/index.csv" ] || fail "the audit export wrote no index"
[ "$(tail -n +2 "$TMPD/audit/index.csv" | cut -d, -f3 | sort -u)" = MILLCO ] ||
	fail "the audit export holds MILLCO's lots only"
unset LOTLINE_USER

# a handheld: 20x16, the rf keys (f filters, m marks, v reviews)
LOTLINE_KEYMAP=rf steps 20x16 --user quinn <<'EOF2'
3333<Enter>
6
:save-screen compact-documents.screen
f<Tab>BEEHIVE<Enter><Enter><Enter><Enter><Enter>
:save-screen compact-documents-filtered.screen
:scan LOT-261004-DM001
m
v
:save-screen compact-documents-form.screen
ok<Enter>
:save-screen compact-documents-done.screen
EOF2
expect_screen compact-documents
expect_line compact-documents-filtered '^Filter: supplier'
expect_line compact-documents-filtered '^U LOT-261004-DM001'
expect_no_line compact-documents-filtered 'LOT-261001-DM003'
expect_line compact-documents-form '^DOC-261123-DM004'
expect_line compact-documents-done '^1 document revie'
[ "$(LOTLINE_USER=ana ll doc show DOC-261123-DM004 --format tsv | awk -F'\t' 'NR==2 {print $5}')" = \
	reviewed ] || fail "honey document reviewed on the handheld"
finish
