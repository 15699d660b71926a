/* Receiving by scan: what labels say (receipt_scan) and booking a receipt of
 * several lines (ledger_receive_many): all or nothing, dry runs, and the
 * refusals that need only a yes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/journal.h"
#include "db/lots.h"
#include "src/error.h"
#include "src/ledger.h"
#include "src/master.h"
#include "src/purchasing.h"
#include "src/receiving.h"
#include "src/setup.h"

static char path[64];

static void put(struct session *s, const struct record_spec *spec, const char *const *kv)
{
	struct fields f = FIELDS_INIT;
	for (; *kv; kv += 2)
		fields_set(&f, kv[0], kv[1]);
	assert_int_equal(master_save(s, spec, &f, SAVE_ADD), OK);
	fields_free(&f);
}

static int setup(void **state)
{
	static struct session s;
	struct init_req r = {.owner = "ana", .site_code = "T"};
	snprintf(path, sizeof(path), "/tmp/lotline-test-receiving-%d.db", (int)getpid());
	unlink(path);
	setenv("TZ", "UTC", 1);
	setenv("LOTLINE_NOW", "2026-11-23T08:00:00Z", 1);
	assert_int_equal(setup_init(path, &r, &s), OK);
	put(&s, &record_location,
	    (const char *const[]){"code", "DRY", "name", "Dry", "kind", "dry", NULL});
	put(&s, &record_supplier, (const char *const[]){"code", "MILL", "name", "Mill", NULL});
	put(&s, &record_item,
	    (const char *const[]){"code", "OATS", "name", "Oats", "kind", "ingredient", "base_unit",
	                          "kg", "shelf_life_days", "300", "gtin", "05099999000011",
	                          "pack_gtin", "15099999000018", "pack_size", "20", NULL});
	put(&s, &record_item,
	    (const char *const[]){"code", "JAR", "name", "Jar", "kind", "packaging", "base_unit",
	                          "each", "gtin", "05012345678900", NULL});
	*state = &s;
	return 0;
}

static int teardown(void **state)
{
	char wal[80];
	session_close(*state);
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
	return 0;
}

static void labels(void **state)
{
	struct session *s = *state;
	struct receipt_scan sc;
	/* a case GTIN is one pack; (17) is the expiry; GS-separated with AIM */
	assert_int_equal(receipt_scan(s,
	                              "]C10115099999000018\x1d"
	                              "10A1\x1d"
	                              "17270630",
	                              &sc),
	                 OK);
	assert_string_equal(sc.item, "OATS");
	assert_string_equal(sc.qty, "1");
	assert_string_equal(sc.unit, "pack");
	assert_string_equal(sc.supplier_lot, "A1");
	assert_string_equal(sc.expiry, "2027-06-30");
	assert_int_equal(sc.shelf_life_days, 300);
	/* a weight; (15) best before stands in for a missing (17) */
	assert_int_equal(receipt_scan(s, "(01)05099999000011(15)270500(3103)012500", &sc), OK);
	assert_string_equal(sc.qty, "12.5");
	assert_string_equal(sc.unit, "kg");
	assert_string_equal(sc.expiry, "2027-05-31");
	/* (02) and (37): how many the pallet holds; (30): items in a trade item */
	assert_int_equal(receipt_scan(s, "(02)15099999000018(37)4(10)P", &sc), OK);
	assert_string_equal(sc.qty, "4");
	assert_string_equal(sc.unit, "pack");
	assert_int_equal(receipt_scan(s, "(01)05012345678900(30)144", &sc), OK);
	assert_string_equal(sc.qty, "144");
	assert_string_equal(sc.unit, "each");
	/* an item GTIN alone, or the item's code, leaves the quantity to ask for */
	assert_int_equal(receipt_scan(s, "05099999000011", &sc), OK);
	assert_string_equal(sc.qty, "");
	assert_int_equal(receipt_scan(s, "JAR", &sc), OK);
	assert_string_equal(sc.item, "JAR");
	/* refusals say what was scanned and why */
	assert_int_equal(receipt_scan(s, "(01)05099999000012", &sc), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "Scanned (01)05099999000012: AI (01): check digit"));
	assert_int_equal(receipt_scan(s, "(01)09501101530003(10)X", &sc), ERR_NOT_FOUND);
	assert_non_null(strstr(error_msg(), "no item has GTIN 09501101530003"));
	assert_int_equal(receipt_scan(s, "(10)ABC(17)270101", &sc), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "no GTIN (01 or 02)"));
	assert_int_equal(receipt_scan(s, "HELLO", &sc), ERR_NOT_FOUND);
	assert_non_null(strstr(error_msg(), "Scanned HELLO: not an item, a GTIN or a GS1 label"));
}

static int64_t journal_rows(struct session *s)
{
	return db_journal_count(s->store);
}

static void receipts(void **state)
{
	struct session *s = *state;
	char lots[3][LOT_MAX + 1];
	int failed, asks = 0;
	struct lot l;
	assert_int_equal(session_set_user(s, "ana"), OK);
	struct receive_req r[3] = {
	    {.item = "OATS",
	     .qty = "1",
	     .unit = "pack",
	     .supplier_lot = "A1",
	     .location = "DRY",
	     .dup = RECEIVE_DUP_ASK,
	     .asks = &asks},
	    {.item = "JAR",
	     .qty = "100",
	     .supplier_lot = "J1",
	     .location = "DRY",
	     .dup = RECEIVE_DUP_ASK,
	     .asks = &asks},
	    {.item = "OATS",
	     .qty = "5",
	     .expiry = "2020-01-01",
	     .location = "DRY",
	     .dup = RECEIVE_DUP_ASK,
	     .asks = &asks},
	};
	int64_t before = journal_rows(s);
	/* the third line is expired: nothing is booked, and the message is its own */
	assert_int_equal(ledger_receive_many(s, r, 3, lots, &failed, 0), ERR_INVALID);
	assert_int_equal(failed, 2);
	assert_non_null(strstr(error_msg(), "expiry: 2020-01-01 has passed"));
	assert_int_equal(asks, RECEIVE_ASK_NONE);
	assert_int_equal(journal_rows(s), before);
	/* a dry run of the good lines books nothing either */
	assert_int_equal(ledger_receive_many(s, r, 2, lots, &failed, 1), OK);
	assert_int_equal(failed, -1);
	assert_int_equal(journal_rows(s), before);
	assert_int_equal(ledger_receive_many(s, r, 2, lots, &failed, 0), OK);
	assert_int_equal(journal_rows(s), before + 2);
	assert_int_equal(db_lot_get(s->store, lots[0], &l), OK);
	assert_int_equal(l.qty, 20 * FIXED_SCALE);
	/* the same supplier lot again: asked; then added to that lot */
	char first[LOT_MAX + 1];
	strcpy(first, lots[0]);
	assert_int_equal(ledger_receive_many(s, r, 1, lots, &failed, 0), ERR_CONFLICT);
	assert_int_equal(asks, RECEIVE_ASK_DUP);
	r[0].dup = RECEIVE_DUP_ADD;
	r[0].expiry = l.expiry;
	asks = 0;
	assert_int_equal(ledger_receive_many(s, r, 1, lots, &failed, 0), OK);
	assert_string_equal(lots[0], first);
	assert_int_equal(db_lot_get(s->store, first, &l), OK);
	assert_int_equal(l.qty, 40 * FIXED_SCALE);
	/* or a new lot anyway */
	r[0].dup = RECEIVE_DUP_NEW;
	assert_int_equal(ledger_receive_many(s, r, 1, lots, &failed, 0), OK);
	assert_string_not_equal(lots[0], first);
}

static void over_receipt(void **state)
{
	struct session *s = *state;
	char lots[2][LOT_MAX + 1];
	int failed, asks = 0;
	struct po_line_req line = {.item = "OATS", .qty = "30"};
	struct po_req po = {.ref = "PO-1", .supplier = "MILL", .lines = &line, .nlines = 1};
	assert_int_equal(session_set_user(s, "ana"), OK);
	assert_int_equal(po_add(s, &po), OK);
	struct receive_req r[2] = {
	    {.item = "OATS", .qty = "20", .location = "DRY", .po = "PO-1", .asks = &asks},
	    {.item = "OATS", .qty = "20", .location = "DRY", .po = "PO-1", .asks = &asks},
	};
	/* the second line goes over what the first left of the order line */
	assert_int_equal(ledger_receive_many(s, r, 2, lots, &failed, 1), ERR_CONFLICT);
	assert_int_equal(failed, 1);
	assert_int_equal(asks, RECEIVE_ASK_OVER);
	assert_non_null(strstr(error_msg(), "over-receipt: line 1 of PO-1 ordered 30 kg"));
	r[1].over = 1;
	asks = 0;
	assert_int_equal(ledger_receive_many(s, r, 2, lots, &failed, 0), OK);
	assert_int_equal(asks, RECEIVE_ASK_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(labels, setup, teardown),
	    cmocka_unit_test_setup_teardown(receipts, setup, teardown),
	    cmocka_unit_test_setup_teardown(over_receipt, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
