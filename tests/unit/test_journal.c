/* The journal: sequence, clock, hash chain, apply, verify. */
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
#include "src/journal.h"
#include "src/ledger.h"
#include "src/master.h"
#include "src/setup.h"

static char path[64];

static int setup(void **state)
{
	static struct session s;
	struct init_req r = {.owner = "ana", .site_code = "T"};
	struct fields f = FIELDS_INIT;
	snprintf(path, sizeof(path), "/tmp/lotline-test-journal-%d.db", (int)getpid());
	unlink(path);
	setenv("TZ", "UTC", 1);
	setenv("LOTLINE_NOW", "2026-11-23T08:00:00Z", 1);
	assert_int_equal(setup_init(path, &r, &s), OK);
	fields_set(&f, "code", "DRY");
	fields_set(&f, "name", "Dry store");
	fields_set(&f, "kind", "dry");
	assert_int_equal(master_save(&s, &record_location, &f, SAVE_ADD), OK);
	fields_free(&f);
	fields_set(&f, "code", "FLOUR");
	fields_set(&f, "name", "Flour");
	fields_set(&f, "kind", "ingredient");
	fields_set(&f, "base_unit", "kg");
	assert_int_equal(master_save(&s, &record_item, &f, SAVE_ADD), OK);
	fields_free(&f);
	*state = &s;
	return 0;
}

static int teardown(void **state)
{
	session_close(*state);
	char wal[80];
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
	return 0;
}

struct collect {
	int n;
	struct entry e[64];
};

static int collect(void *ctx, const struct entry *e)
{
	struct collect *c = ctx;
	if (c->n < 64) {
		c->e[c->n] = *e;
		c->e[c->n].payload = NULL;
		c->n++;
	}
	return 0;
}

static void chain(void **state)
{
	struct session *s = *state;
	struct collect c = {0};
	char lot[LOT_MAX + 1];
	struct receive_req r = {.item = "FLOUR", .qty = "0.1", .location = "DRY"};
	for (int i = 0; i < 3; i++)
		assert_int_equal(ledger_receive(s, &r, lot), OK);
	assert_int_equal(db_journal_each(s->store, 1, collect, &c), OK);
	/* site.init, owner, location, item, 3 receives */
	assert_int_equal(c.n, 7);
	for (int i = 0; i < c.n; i++) {
		assert_int_equal(c.e[i].seq, i + 1);
		if (i) {
			assert_memory_equal(c.e[i].prev_hash, c.e[i - 1].hash, 32);
			assert_true(c.e[i].hlc > c.e[i - 1].hlc);
		}
	}
	assert_string_equal(c.e[0].kind, "site.init");
	assert_string_equal(c.e[6].kind, "lot.receive");
	/* codes follow the default pattern with the site code */
	assert_string_equal(lot, "LOT-261123-T003");
}

static void hash_covers_content(void **state)
{
	struct entry e;
	unsigned char a[32], b[32];
	(void)state;
	memset(&e, 0, sizeof(e));
	strcpy(e.site_id, "00ff");
	e.seq = 1;
	e.hlc = 42;
	strcpy(e.user, "ana");
	strcpy(e.kind, "lot.adjust");
	e.payload = "{\"qty\":\"1\"}";
	journal_hash(&e, a);
	journal_hash(&e, b);
	assert_memory_equal(a, b, 32);
	e.payload = "{\"qty\":\"2\"}";
	journal_hash(&e, b);
	assert_memory_not_equal(a, b, 32);
	e.payload = "{\"qty\":\"1\"}";
	e.prev_hash[0] = 1;
	journal_hash(&e, b);
	assert_memory_not_equal(a, b, 32);
}

static void verify_clean(void **state)
{
	struct session *s = *state;
	int64_t n = 0;
	assert_int_equal(journal_verify(s, NULL, NULL, &n), OK);
	assert_int_equal(n, 7);
}

/* A refused action writes nothing: no entry, no movement. */
static void refusal_writes_nothing(void **state)
{
	struct session *s = *state;
	int64_t before = db_journal_count(s->store);
	struct receive_req r = {.item = "FLOUR", .qty = "-1", .location = "DRY"};
	assert_int_equal(ledger_receive(s, &r, NULL), ERR_INVALID);
	assert_non_null(strstr(error_msg(), "more than zero"));
	r.qty = "1";
	r.location = "NOWHERE";
	assert_int_equal(ledger_receive(s, &r, NULL), ERR_NOT_FOUND);
	assert_non_null(strstr(error_msg(), "location 'NOWHERE' not found"));
	assert_int_equal(db_journal_count(s->store), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(chain),
	    cmocka_unit_test(hash_covers_content),
	    cmocka_unit_test(verify_clean),
	    cmocka_unit_test(refusal_writes_nothing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
