/* The memo of master data (db/memo.c): while on, a code read once is answered
 * from memory, also "no such setting"; a write to master data, the end of a
 * transaction or turning it off makes the store be asked again. Another
 * connection changes the rows behind the memo's back to show which answer
 * came from where. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/master.h"
#include "db/store.h"
#include "src/error.h"
#include "src/setup.h"
#include "src/util.h"

static char path[64];
static struct session sess;
static struct store *other; /* a second connection to the same file */
static hlc_t stamp = (hlc_t)1 << 60;

static void rename_item(struct store *s, const char *name)
{
	struct item it;
	assert_int_equal(db_item_get(s, "FLOUR", &it), OK);
	strlcpy_(it.name, name, sizeof(it.name));
	assert_int_equal(db_item_put(s, &it, ++stamp), OK);
}

static const char *item_name(struct store *s)
{
	static struct item it;
	assert_int_equal(db_item_get(s, "FLOUR", &it), OK);
	return it.name;
}

static int setup(void **state)
{
	struct init_req r = {.owner = "ana", .site_code = "T"};
	struct item it = {
	    .code = "FLOUR", .name = "Flour", .kind = "ingredient", .base_unit = "kg"};
	(void)state;
	snprintf(path, sizeof(path), "/tmp/lotline-test-memo-%d.db", (int)getpid());
	unlink(path);
	setenv("TZ", "UTC", 1);
	assert_int_equal(setup_init(path, &r, &sess), OK);
	assert_int_equal(db_item_put(sess.store, &it, ++stamp), OK);
	assert_int_equal(store_open(path, STORE_EXISTING, &other), OK);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_memo(sess.store, 0);
	store_close(other);
	session_close(&sess);
	unlink(path);
	return 0;
}

static void test_off_reads_the_store(void **state)
{
	(void)state;
	rename_item(other, "Flour A");
	assert_string_equal(item_name(sess.store), "Flour A");
	rename_item(other, "Flour B");
	assert_string_equal(item_name(sess.store), "Flour B");
}

static void test_on_remembers_until_the_transaction_ends(void **state)
{
	(void)state;
	store_memo(sess.store, 1);
	rename_item(other, "Before");
	assert_string_equal(item_name(sess.store), "Before");
	rename_item(other, "Behind the memo");
	assert_string_equal(item_name(sess.store), "Before"); /* the memo answered */
	assert_int_equal(store_begin(sess.store), OK);
	assert_int_equal(store_commit(sess.store), OK);
	assert_string_equal(item_name(sess.store), "Behind the memo");
	store_memo(sess.store, 0);
}

static void test_a_write_forgets(void **state)
{
	(void)state;
	store_memo(sess.store, 1);
	assert_int_equal(store_begin(sess.store), OK);
	assert_string_equal(item_name(sess.store), "Behind the memo");
	rename_item(sess.store, "Written here");
	assert_string_equal(item_name(sess.store), "Written here");
	assert_int_equal(store_commit(sess.store), OK);
	store_memo(sess.store, 0);
}

static void test_a_missing_setting_is_remembered_too(void **state)
{
	char buf[32];
	(void)state;
	store_memo(sess.store, 1);
	assert_int_equal(db_setting_get(sess.store, "memo_test", buf, sizeof(buf)), ERR_NOT_FOUND);
	assert_int_equal(db_setting_put(other, "memo_test", "on", ++stamp), OK);
	assert_int_equal(db_setting_get(sess.store, "memo_test", buf, sizeof(buf)), ERR_NOT_FOUND);
	store_memo(sess.store, 0); /* off: the store is asked again */
	assert_int_equal(db_setting_get(sess.store, "memo_test", buf, sizeof(buf)), OK);
	assert_string_equal(buf, "on");
}

static void test_many_codes(void **state)
{
	(void)state;
	/* past the first table size, so that it grows with entries in it */
	for (int i = 0; i < 200; i++) {
		struct location l = {.kind = "dry"};
		snprintf(l.code, sizeof(l.code), "BIN%03d", i);
		snprintf(l.name, sizeof(l.name), "Bin %d", i);
		assert_int_equal(db_location_put(sess.store, &l, ++stamp), OK);
	}
	store_memo(sess.store, 1);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 200; i++) {
			struct location l;
			char code[16], name[16];
			snprintf(code, sizeof(code), "BIN%03d", i);
			snprintf(name, sizeof(name), "Bin %d", i);
			assert_int_equal(db_location_get(sess.store, code, &l), OK);
			assert_string_equal(l.name, name);
		}
	assert_int_equal(db_location_get(sess.store, "NOWHERE", &(struct location){0}),
	                 ERR_NOT_FOUND);
	store_memo(sess.store, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_off_reads_the_store),
	    cmocka_unit_test(test_on_remembers_until_the_transaction_ends),
	    cmocka_unit_test(test_a_write_forgets),
	    cmocka_unit_test(test_a_missing_setting_is_remembered_too),
	    cmocka_unit_test(test_many_codes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
