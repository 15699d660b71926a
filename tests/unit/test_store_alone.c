/* A bulk load takes the store alone (db/store.c store_alone): with no other
 * connection open it writes without the WAL and holds the store until it gives
 * it back in WAL; beside another connection it changes nothing and both go on.
 * The other connection is plain SQLite with no busy wait, to see the locks as
 * they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "db/store.h"
#include "src/error.h"

static char path[64], wal[72];

static int setup(void **state)
{
	struct store *s;
	(void)state;
	snprintf(path, sizeof(path), "/tmp/lotline-test-alone-%d.db", (int)getpid());
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(path);
	assert_int_equal(store_open(path, STORE_CREATE, &s), OK);
	store_close(s);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	unlink(wal);
	return 0;
}

static sqlite3 *other_open(void)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	return db;
}

/* SQLITE_ROW with the meta value (or "") in buf, or what stepping said */
static int other_read(sqlite3 *db, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	buf[0] = '\0';
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

static void write_meta(struct store *s, const char *value)
{
	assert_int_equal(store_begin(s), OK);
	assert_int_equal(store_meta_set(s, "alone_test", value), OK);
	assert_int_equal(store_commit(s), OK);
}

static void test_alone_writes_no_log_and_holds_the_store(void **state)
{
	struct store *s;
	sqlite3 *other;
	char buf[32];
	int alone = -1;
	(void)state;
	assert_int_equal(store_open(path, STORE_EXISTING, &s), OK);
	assert_int_equal(store_alone(s, &alone), OK);
	assert_int_equal(alone, 1);
	write_meta(s, "alone");
	/* leaving WAL removed the log, and the commit did not make one */
	assert_int_equal(access(wal, F_OK), -1);
	other = other_open();
	assert_int_equal(
	    other_read(other, "SELECT value FROM meta WHERE key = 'alone_test'", buf, sizeof(buf)) &
	        0xff,
	    SQLITE_BUSY);
	assert_int_equal(store_alone_end(s), OK);
	assert_int_equal(
	    other_read(other, "SELECT value FROM meta WHERE key = 'alone_test'", buf, sizeof(buf)),
	    SQLITE_ROW);
	assert_string_equal(buf, "alone");
	assert_int_equal(other_read(other, "PRAGMA journal_mode", buf, sizeof(buf)), SQLITE_ROW);
	assert_string_equal(buf, "wal");
	/* given back: the other connection writes while this one is open */
	assert_int_equal(sqlite3_exec(other,
	                              "UPDATE meta SET value = 'other' WHERE key = 'alone_test'",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(store_meta_get(s, "alone_test", buf, sizeof(buf)), OK);
	assert_string_equal(buf, "other");
	store_close(s);
}

static void test_beside_another_connection_nothing_changes(void **state)
{
	struct store *s;
	sqlite3 *other = other_open();
	char buf[32];
	int alone = -1;
	(void)state;
	assert_int_equal(other_read(other, "PRAGMA journal_mode", buf, sizeof(buf)), SQLITE_ROW);
	assert_string_equal(buf, "wal");
	assert_int_equal(store_open(path, STORE_EXISTING, &s), OK);
	assert_int_equal(store_alone(s, &alone), OK);
	assert_int_equal(alone, 0);
	write_meta(s, "beside");
	assert_int_equal(access(wal, F_OK), 0); /* the commit went through the log */
	/* the other connection reads the commit: no lock held */
	assert_int_equal(
	    other_read(other, "SELECT value FROM meta WHERE key = 'alone_test'", buf, sizeof(buf)),
	    SQLITE_ROW);
	assert_string_equal(buf, "beside");
	sqlite3_close(other);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alone_writes_no_log_and_holds_the_store),
	    cmocka_unit_test(test_beside_another_connection_nothing_changes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
