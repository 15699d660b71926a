/* Ledger pages: every plan (the sort's index, a table scan, the trigram index,
 * and the one chosen for each query) gives exactly the same lots and counts, in
 * every sort order and both directions, for texts with quotes, wildcards and
 * non-ASCII letters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/ledger_page.h"
#include "src/error.h"
#include "src/ledger.h"
#include "src/master.h"
#include "src/setup.h"

static char path[64];
static struct session sess;

static void add(const struct record_spec *kind, const char *const *kv)
{
	struct fields f = FIELDS_INIT;
	for (; *kv; kv += 2)
		fields_set(&f, kv[0], kv[1]);
	if (master_save(&sess, kind, &f, SAVE_ADD) != OK)
		fail_msg("%s", error_msg());
	fields_free(&f);
}

static int setup(void **state)
{
	struct init_req r = {.owner = "ana", .site_code = "T"};
	snprintf(path, sizeof(path), "/tmp/lotline-test-ledger-page-%d.db", (int)getpid());
	unlink(path);
	setenv("TZ", "UTC", 1);
	setenv("LOTLINE_NOW", "2026-11-23T08:00:00Z", 1);
	assert_int_equal(setup_init(path, &r, &sess), OK);
	add(&record_location,
	    (const char *const[]){"code", "DRY", "name", "Dry", "kind", "dry", NULL});
	add(&record_location,
	    (const char *const[]){"code", "COLD", "name", "Cold", "kind", "cold", NULL});
	add(&record_item, (const char *const[]){"code", "FLOUR", "name", "Flour", "kind",
	                                        "ingredient", "base_unit", "kg", NULL});
	add(&record_item, (const char *const[]){"code", "CREME", "name", "Crème fraîche", "kind",
	                                        "ingredient", "base_unit", "l", NULL});
	add(&record_supplier, (const char *const[]){"code", "ACME", "name", "Acme", NULL});
	/* supplier lots that the searches below find in a few lots among many */
	static const char *const rare[] = {"AB\"C-7", "50%_OFF", "ÉTÉ-2026", "xyzzy",
	                                   "back\\slash"};
	char lot[LOT_MAX + 1], slot[64], qty[16], expiry[16];
	for (int i = 0; i < 240; i++) {
		snprintf(slot, sizeof(slot), "%s%d", i % 40 == 7 ? rare[(i / 40) % 5] : "SL", i);
		snprintf(qty, sizeof(qty), "%d", 1 + (i * 37) % 90);
		snprintf(expiry, sizeof(expiry), "2027-%02d-%02d", 1 + i % 12, 1 + i % 28);
		struct receive_req rr = {.item = i % 3 ? "FLOUR" : "CREME",
		                         .qty = qty,
		                         .supplier = "ACME",
		                         .supplier_lot = slot,
		                         .expiry = expiry,
		                         .location = i % 2 ? "DRY" : "COLD"};
		assert_int_equal(ledger_receive(&sess, &rr, lot), OK);
	}
	*state = &sess;
	return 0;
}

static int teardown(void **state)
{
	char f[80];
	(void)state;
	session_close(&sess);
	unlink(path);
	snprintf(f, sizeof(f), "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof(f), "%s-shm", path);
	unlink(f);
	return 0;
}

#define PAGE 7

/* Every lot of the query, page by page from the start in direction dir; the
 * codes joined with spaces. */
static void walk(const struct ledger_query *q, int dir, char *out, size_t n)
{
	struct lot rows[PAGE], last;
	int got, have = 0;
	out[0] = 0;
	while ((got = db_ledger_page(sess.store, q, have ? &last : NULL, 0, dir, rows, PAGE)) > 0) {
		for (int i = 0; i < got; i++) {
			strncat(out, rows[i].code, n - strlen(out) - 2);
			strncat(out, " ", n - strlen(out) - 1);
		}
		last = rows[got - 1];
		have = 1;
		if (got < PAGE)
			break;
	}
	assert_true(got >= 0);
}

static void same_either_way(const char *text, int expect_lots)
{
	static char want[16384], got[16384];
	const enum ledger_plan plans[] = {LP_SCAN, LP_AUTO, LP_TEXT};
	int nplans = 3;
	for (int sort = 0; sort < LS_COUNT; sort++)
		for (int desc = 0; desc < 2; desc++)
			for (int dir = -1; dir <= 1; dir += 2) {
				struct ledger_query q = {
				    .f = {.text = text}, .sort = sort, .desc = desc};
				db_ledger_force_plan(sess.store, LP_ORDER);
				walk(&q, dir, want, sizeof(want));
				for (int p = 0; p < nplans; p++) {
					db_ledger_force_plan(sess.store, plans[p]);
					walk(&q, dir, got, sizeof(got));
					assert_string_equal(want, got);
				}
			}
	struct ledger_query q = {.f = {.text = text}};
	struct ledger_totals t1, t2;
	db_ledger_force_plan(sess.store, LP_ORDER);
	assert_int_equal(db_ledger_totals(sess.store, &q, 1000, &t1), OK);
	if (expect_lots >= 0)
		assert_int_equal(t1.lots, expect_lots);
	for (int p = 0; p < nplans; p++) {
		db_ledger_force_plan(sess.store, plans[p]);
		assert_int_equal(db_ledger_totals(sess.store, &q, 1000, &t2), OK);
		assert_int_equal(t2.lots, t1.lots);
		assert_int_equal(t1.nunits, t2.nunits);
		for (int u = 0; u < t1.nunits; u++) {
			assert_string_equal(t1.units[u].unit, t2.units[u].unit);
			assert_int_equal(t1.units[u].qty, t2.units[u].qty);
		}
	}
	db_ledger_force_plan(sess.store, LP_AUTO);
}

/* 240 lots; supplier lot i%40 == 7 is rare[(i/40)%5] followed by i: 7, 47, 87,
 * 127, 167, 207 (the sixth group starts the list again). */
static void rare_supplier_lots(void **state)
{
	(void)state;
	same_either_way("xyzzy", 1);
	same_either_way("XYZZY", 1); /* the case of ASCII letters does not matter */
	same_either_way("AB\"C", 2); /* 7 and 207 */
	same_either_way("50%_", 1);  /* % and _ are letters here, not wildcards */
	same_either_way("ÉTÉ-", 1);  /* three characters of two bytes and one */
	same_either_way("k\\sl", 1); /* a backslash */
	same_either_way("nothing", 0);
	same_either_way("SL", 240 - 6 + 1); /* and back\\slash167 */
	same_either_way("\"", 2);
}

/* A text that names an item finds its lots although no lot code has it. */
static void item_and_lot_codes(void **state)
{
	(void)state;
	same_either_way("Crème", 80);
	same_either_way("FLOUR", 160);
	same_either_way("LOT-261123-T00", 9);     /* lot codes T001..T009 */
	same_either_way("SL1", 1 + 10 + 100 - 2); /* SL1, SL10-19, SL100-199 less 127 and 167 */
}

/* One and two characters come from the trigrams that begin with them, also at
 * the very end of a value (the index pads each one). */
static void short_texts(void **state)
{
	(void)state;
	same_either_way("7", -1);
	same_either_way("67", -1); /* at the end of SL67, SL167 ... */
	same_either_way("z", 1);   /* xyzzy127 */
	same_either_way("zy", 1);
	same_either_way("q", 0); /* in no code, supplier lot or item */
	same_either_way("%", 1); /* 50%_OFF47 */
	same_either_way("_O", 1);
	same_either_way("é", -1);  /* not ASCII: the index cannot answer, the table does */
	same_either_way("T0", 99); /* lot codes LOT-261123-T001 .. T099 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rare_supplier_lots),
	    cmocka_unit_test(item_and_lot_codes),
	    cmocka_unit_test(short_texts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
