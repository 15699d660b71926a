# Translations: every source file with user-visible strings is in po/POTFILES.in,
# and LANG=es_ES.UTF-8 gives Spanish commands and screens.
. "$TESTDIR/cli/lib.sh"
top="$TESTDIR/.."
for f in $(cd "$top" && ls src/*.c ui/*.c db/*.c); do
	if grep -q '_(' "$top/$f" && ! grep -qx "$f" "$top/po/POTFILES.in"; then
		fail "$f has translatable strings but is not in po/POTFILES.in"
	fi
done
gmo="$top/po/es.gmo" # gettext's po/Makefile writes catalogs beside the sources
[ -f "$gmo" ] || gmo="$(dirname "$LOTLINE")/po/es.gmo"
if [ ! -f "$gmo" ] || ! locale -a 2>/dev/null | grep -qi '^es_ES\.utf-\?8$'; then
	echo "no Spanish catalog or locale here: the Spanish checks are skipped"
	finish
fi
mkdir -p "$TMPD/locale/es/LC_MESSAGES"
cp "$gmo" "$TMPD/locale/es/LC_MESSAGES/lotline.mo"
export LOTLINE_LOCALEDIR="$TMPD/locale"
es() { LC_ALL=es_ES.UTF-8 LANGUAGE=es "$@"; }
es "$LOTLINE" --help | grep -q "Con ningún orden\|sin orden\|Órdenes\|órdenes" || \
	es "$LOTLINE" --help | grep -qi "uso:" || fail "lotline --help is not in Spanish"
small_store
expect_fail "a refusal in Spanish" "artículo 'SUGAR': no existe" es "$LOTLINE" receive SUGAR 1 --location DRY
"$LOTLINE" demo --db "$TMPD/demo.db" >/dev/null
printf 'ana<Tab>1111<Enter>\n1\n:save-screen %s\n' "$TMPD/es.screen" > "$TMPD/script"
LINES=24 COLUMNS=80 LOTLINE_SCRIPT="$TMPD/script" es "$LOTLINE" --db "$TMPD/demo.db" || fail "screens in Spanish"
grep -q "Existencias\|Caduc\|Ubic" "$TMPD/es.screen" || fail "the ledger screen is not in Spanish: $(head -3 "$TMPD/es.screen")"
finish
