/* A realistic genealogy for the benchmark store, written through journal_append
 * like the rest of the generator: three levels of runs with 5 to 20 inputs each
 * (the salt-like lot in every first-level run), one output lot per run, and
 * orders shipped from the outputs to thousands of customers. Then the timings. */
#include "bench_trace.h"
#include "db/lots.h"
#include "db/trace.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/journal.h"
#include "src/master.h"
#include "src/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEVELS 3

static double ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void ok(int rc, const char *what)
{
	if (rc) {
		fprintf(stderr, "lotline-bench: %s: %s\n", what, error_msg());
		exit(1);
	}
}

static uint64_t seed = 0x9e3779b97f4a7c15ull;
static uint64_t pick(uint64_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed % n;
}

struct gen {
	struct session *s;
	long *entries, batch;
};

static void append(struct gen *g, const char *kind, struct fields *f)
{
	ok(journal_append(g->s, kind, f, NULL), kind);
	fields_free(f);
	if (++*g->entries % g->batch == 0) {
		ok(session_end(g->s, OK), "commit");
		ok(session_begin(g->s), "begin");
	}
}

static void key(struct fields *f, int i, const char *name, const char *v)
{
	char k[32];
	snprintf(k, sizeof(k), "%d.%s", i, name);
	fields_set(f, k, v);
}

static void key_int(struct fields *f, int i, const char *name, int64_t v)
{
	char k[32];
	snprintf(k, sizeof(k), "%d.%s", i, name);
	fields_set_int(f, k, v);
}

/* One run: plan, start, consume each input (a thousandth of a kg), finish. */
static void run(struct gen *g, long no, char inputs[][16], int n, const char *out)
{
	struct fields f = FIELDS_INIT;
	char code[32], today[11];
	date_format(clock_today(), today);
	snprintf(code, sizeof(code), "BR%07ld", no);
	fields_set(&f, "run", code);
	fields_set(&f, "recipe", "MIX");
	fields_set_int(&f, "version", 1);
	fields_set_int(&f, "target", FIXED_ONE);
	fields_set_int(&f, "lines", 1);
	fields_set_int(&f, "plan_cost", 0);
	key(&f, 1, "item", "I000");
	key_int(&f, 1, "required", FIXED_ONE);
	key(&f, 1, "role", "ingredient");
	key(&f, 1, "lots", "");
	append(g, "run.plan", &f);
	fields_set(&f, "run", code);
	append(g, "run.start", &f);
	for (int i = 0; i < n; i++) {
		fields_set(&f, "run", code);
		fields_set_int(&f, "line", 1);
		fields_set(&f, "lot", inputs[i]);
		fields_set_int(&f, "qty", FIXED_ONE / 1000);
		fields_set(&f, "extra", "");
		fields_set(&f, "status", "available");
		append(g, "run.consume", &f);
	}
	fields_set(&f, "run", code);
	fields_set_int(&f, "yield", (int64_t)n * FIXED_ONE);
	fields_set_int(&f, "labour", 0);
	fields_set_int(&f, "cost", 0);
	fields_set_int(&f, "unit_cost", 0);
	fields_set(&f, "received", today);
	fields_set_int(&f, "outputs", 1);
	key(&f, 1, "lot", out);
	key_int(&f, 1, "qty", (int64_t)n * FIXED_ONE);
	key(&f, 1, "location", "L00");
	key(&f, 1, "expiry", "");
	append(g, "run.finish", &f);
}

static void order(struct gen *g, long no, const char *customer, const char *lot)
{
	struct fields f = FIELDS_INIT;
	char ref[32], lots[48], today[11];
	date_format(clock_today(), today);
	snprintf(ref, sizeof(ref), "SO%07ld", no);
	snprintf(lots, sizeof(lots), "%s=%lld", lot, (long long)(FIXED_ONE / 100));
	fields_set(&f, "ref", ref);
	fields_set(&f, "customer", customer);
	fields_set(&f, "ship_date", "");
	fields_set(&f, "note", "");
	fields_set_int(&f, "lines", 1);
	key(&f, 1, "item", "PROD");
	key_int(&f, 1, "qty", FIXED_ONE / 100);
	key(&f, 1, "entered", "0.01 kg");
	key(&f, 1, "lot", "");
	append(g, "order.put", &f);
	fields_set(&f, "ref", ref);
	fields_set_int(&f, "lines", 1);
	key_int(&f, 1, "line", 1);
	key(&f, 1, "lots", lots);
	append(g, "order.confirm", &f);
	fields_set(&f, "ref", ref);
	fields_set_int(&f, "line", 1);
	fields_set(&f, "lot", lot);
	fields_set(&f, "location", "L00");
	fields_set_int(&f, "qty", FIXED_ONE / 100);
	append(g, "order.pick", &f);
	fields_set(&f, "ref", ref);
	fields_set(&f, "shipped", today);
	fields_set_int(&f, "n", 1);
	key_int(&f, 1, "line", 1);
	key(&f, 1, "lot", lot);
	key_int(&f, 1, "qty", FIXED_ONE / 100);
	key(&f, 1, "status", "available");
	append(g, "order.ship", &f);
}

void bench_genealogy(struct session *s, long lots, long *entries, long batch)
{
	struct gen g = {s, entries, batch};
	struct fields f = FIELDS_INIT;
	/* proportionate: a run per 100 lots, an order per 20, a customer per 40 */
	long runs = lots / 100 < 30 ? 30 : lots / 100, orders = lots / 20, customers = lots / 40;
	long per_level = runs / LEVELS, no = 0;
	char(*inputs)[16] = calloc(20, 16), code[32];
	if (customers < 10)
		customers = 10;
	fields_set(&f, "code", "PROD");
	fields_set(&f, "name", "Product");
	fields_set(&f, "kind", "intermediate");
	fields_set(&f, "base_unit", "kg");
	ok(master_save_in_tx(s, &record_item, &f, SAVE_UPSERT, NULL), "item");
	fields_free(&f);
	for (long i = 0; i < customers; i++) {
		snprintf(code, sizeof(code), "C%06ld", i);
		fields_set(&f, "code", code);
		fields_set(&f, "name", "Customer");
		fields_set(&f, "contact", "Buyer");
		fields_set(&f, "address", "1 Market Street");
		ok(master_save_in_tx(s, &record_customer, &f, SAVE_UPSERT, NULL), "customer");
		fields_free(&f);
	}
	fields_set(&f, "code", "MIX");
	fields_set_int(&f, "version", 1);
	fields_set(&f, "item", "PROD");
	fields_set_int(&f, "yield", FIXED_ONE);
	fields_set(&f, "yield_entered", "1 kg");
	fields_set(&f, "instructions", "");
	fields_set_int(&f, "lines", 1);
	key(&f, 1, "item", "I000");
	key_int(&f, 1, "qty", FIXED_ONE);
	key(&f, 1, "entered", "1 kg");
	key(&f, 1, "role", "ingredient");
	append(&g, "recipe.put", &f);
	for (int level = 1; level <= LEVELS; level++) {
		for (long r = 0; r < per_level; r++) {
			int n = 5 + (int)pick(16);
			char out[32];
			for (int i = 0; i < n; i++) {
				/* level 1: raw lots (salt in every run, the ordinary lot once);
				 * above: mostly the level below, some raw lots */
				if (level == 1 && i == 0)
					strcpy(inputs[i], SALT_LOT);
				else if (level == 1 && i == 1 && r == 0)
					strcpy(inputs[i], ORDINARY_LOT);
				else if (level > 1 && i < n / 2 + 1)
					snprintf(inputs[i], 16, "P%d%06ld", level - 1,
					         (long)pick((uint64_t)per_level));
				else
					snprintf(inputs[i], 16, "G%07ld",
					         10 + (long)pick((uint64_t)lots - 10));
			}
			snprintf(out, sizeof(out), "P%d%06ld", level, r);
			run(&g, ++no, inputs, n, out);
		}
	}
	for (long o = 0; o < orders; o++) {
		char lot[16], cust[16];
		snprintf(lot, sizeof(lot), "P%d%06ld", 2 + (int)pick(2),
		         (long)pick((uint64_t)per_level));
		snprintf(cust, sizeof(cust), "C%06ld", (long)pick((uint64_t)customers));
		order(&g, o + 1, cust, lot);
	}
	free(inputs);
}

struct count {
	long lots, ships;
};

static int count(void *ctx, const struct trace_row *r)
{
	struct count *c = ctx;
	if (!strcmp(r->kind, "ship"))
		c->ships++;
	else
		c->lots++;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void time_trace(struct session *s, const char *what, const char *code, int backward)
{
	int64_t id;
	double t[11];
	struct count c = {0, 0};
	ok(db_lot_id(s->store, code, &id), code);
	for (int i = 0; i < 11; i++) {
		double t0 = ms_now();
		c = (struct count){0, 0};
		ok(backward ? db_trace_backward(s->store, &id, 1, TRACE_DEPTH_MAX, count, &c)
		            : db_trace_forward(s->store, &id, 1, TRACE_DEPTH_MAX, count, &c),
		   what);
		t[i] = ms_now() - t0;
	}
	qsort(t, 11, sizeof(double), cmp);
	printf("%s\tmedian %.3f ms\t%ld lot rows, %ld shipments\n", what, t[5], c.lots, c.ships);
}

void bench_trace(const char *path)
{
	struct session s;
	ok(session_open(path, STORE_EXISTING, &s), "open");
	time_trace(&s, "trace forward, ordinary lot", ORDINARY_LOT, 0);
	time_trace(&s, "trace forward, salt-like lot", SALT_LOT, 0);
	time_trace(&s, "trace backward, finished lot", "P3000000", 1);
	session_close(&s);
}
