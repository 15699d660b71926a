/* lotline-bench: builds a large store through the real journal path and times
 * the operations issue #2 asks about. It prints figures; it asserts nothing.
 *
 *   lotline-bench gen DB LOTS MOVEMENTS   generate (prints entries/s and time)
 *   lotline-bench receive DB N            N receipts, one transaction each
 *   lotline-bench ledger DB               first ledger page, filtered two ways
 *   lotline-bench history DB LOT          history of one lot
 *   lotline-bench trace DB                forward and backward traces
 *   lotline-bench production DB           plan a 20-line recipe with its stock check;
 *                                         finish runs that consumed 50 lots each
 *   lotline-bench scan DB N               N receipts of 3 scanned labels
 *   lotline-bench gs1                     GS1 parses per second */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/lots.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/journal.h"
#include "src/ledger.h"
#include "src/master.h"
#include "src/production.h"
#include "src/recipe.h"
#include "src/setup.h"
#include "tests/bench/bench_scan.h"
#include "tests/bench/bench_trace.h"

#define BATCH         20000
#define NITEMS        50
#define NLOCATIONS    20
#define NSUPPLIERS    10
#define HOT_LOT       "G0000001"
#define HOT_MOVEMENTS 1000
#define PAGE          50

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void check(int rc, const char *what)
{
	if (rc) {
		fprintf(stderr, "lotline-bench: %s: %s\n", what, error_msg());
		exit(1);
	}
}

static uint64_t rnd_state = 88172645463325252ull;
static uint64_t rnd(uint64_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state % n;
}

static void master(struct session *s)
{
	char code[32], name[64];
	struct fields f = FIELDS_INIT;
	check(session_begin(s), "begin");
	for (int i = 0; i < NLOCATIONS; i++) {
		snprintf(code, sizeof(code), "L%02d", i);
		snprintf(name, sizeof(name), "Location %d", i);
		fields_set(&f, "code", code);
		fields_set(&f, "name", name);
		fields_set(&f, "kind", i % 3 ? "dry" : "cold");
		check(master_save_in_tx(s, &record_location, &f, SAVE_UPSERT, NULL), "location");
		fields_free(&f);
	}
	for (int i = 0; i < NSUPPLIERS; i++) {
		snprintf(code, sizeof(code), "S%02d", i);
		snprintf(name, sizeof(name), "Supplier %d", i);
		fields_set(&f, "code", code);
		fields_set(&f, "name", name);
		check(master_save_in_tx(s, &record_supplier, &f, SAVE_UPSERT, NULL), "supplier");
		fields_free(&f);
	}
	for (int i = 0; i < NITEMS; i++) {
		snprintf(code, sizeof(code), "I%03d", i);
		snprintf(name, sizeof(name), "Item %d", i);
		fields_set(&f, "code", code);
		fields_set(&f, "name", name);
		fields_set(&f, "kind", "ingredient");
		fields_set(&f, "category", i % 2 ? "dry" : "chilled");
		fields_set(&f, "base_unit", "kg");
		check(master_save_in_tx(s, &record_item, &f, SAVE_UPSERT, NULL), "item");
		fields_free(&f);
	}
	check(session_end(s, OK), "commit");
}

/* Entries go through journal_append, the path every local action and every
 * synced entry takes: sequence, clock, hash chain, apply. */
static void gen(const char *path, long lots, long moves)
{
	struct session s;
	struct init_req r = {.owner = "bench", .site_code = "BN"};
	struct fields f = FIELDS_INIT;
	char code[32], item[16], loc[16], sup[16], sl[32], rec[11], exp[11];
	int64_t today = clock_today();
	long entries = 0, adjusts = moves - lots;
	double t0 = now_ms();

	check(setup_init(path, &r, &s), "init");
	check(store_set_cache_mb(s.store, 512), "cache");
	check(store_bulk(s.store, 1), "bulk");
	master(&s);
	check(session_begin(&s), "begin");
	for (long i = 1; i <= lots; i++) {
		snprintf(code, sizeof(code), "G%07ld", i);
		snprintf(item, sizeof(item), "I%03d", (int)rnd(NITEMS));
		snprintf(loc, sizeof(loc), "L%02d", (int)rnd(NLOCATIONS));
		snprintf(sup, sizeof(sup), "S%02d", (int)rnd(NSUPPLIERS));
		snprintf(sl, sizeof(sl), "SL%ld", (long)rnd(10000000));
		int64_t received = today - (int64_t)rnd(730);
		date_format(received, rec);
		date_format(received + 30 + (int64_t)rnd(760), exp);
		fields_set(&f, "lot", code);
		fields_set(&f, "item", item);
		fields_set_int(&f, "qty", (int64_t)(1 + rnd(1000)) * FIXED_ONE);
		fields_set(&f, "unit", "kg");
		fields_set(&f, "entered", "");
		fields_set(&f, "supplier", sup);
		fields_set(&f, "supplier_lot", sl);
		fields_set(&f, "received", rec);
		fields_set(&f, "expiry", exp);
		fields_set(&f, "location", loc);
		fields_set_int(&f, "cost", (int64_t)rnd(5000000));
		fields_set(&f, "status", rnd(200) ? "available" : "hold");
		fields_set(&f, "origin", "receive");
		fields_set(&f, "note", "");
		check(journal_append(&s, "lot.receive", &f, NULL), "receive");
		fields_free(&f);
		if (++entries % BATCH == 0) {
			check(session_end(&s, OK), "commit");
			check(session_begin(&s), "begin");
		}
	}
	for (long i = 0; i < adjusts; i++) {
		long lot = i < HOT_MOVEMENTS - 1 ? 1 : 1 + (long)rnd((uint64_t)lots);
		snprintf(code, sizeof(code), "G%07ld", lot);
		fields_set(&f, "lot", code);
		fields_set_int(&f, "qty", (int64_t)(1 + rnd(100)) * 1000);
		fields_set(&f, "reason", "count");
		fields_set(&f, "note", "");
		check(journal_append(&s, "lot.adjust", &f, NULL), "adjust");
		fields_free(&f);
		if (++entries % BATCH == 0) {
			check(session_end(&s, OK), "commit");
			check(session_begin(&s), "begin");
		}
	}
	bench_genealogy(&s, lots, &entries, BATCH);
	check(session_end(&s, OK), "commit");
	check(store_bulk(s.store, 0), "bulk");
	double t = now_ms() - t0;
	printf("generate\t%ld lots, %ld movements\t%.1f s\t%.0f entries/s\n", lots, moves, t / 1e3,
	       entries / (t / 1e3));
	session_close(&s);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void stats(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof(double), cmp_double);
	printf("%s\tmedian %.3f ms\tp99 %.3f ms\t(n=%d)\n", what, v[n / 2],
	       v[(int)(n * 0.99) < n ? (int)(n * 0.99) : n - 1], n);
}

static void receive(const char *path, int n)
{
	struct session s;
	double *t = calloc((size_t)n, sizeof(double));
	check(session_open(path, STORE_EXISTING, &s), "open");
	check(session_set_user(&s, "bench"), "user");
	for (int i = 0; i < n; i++) {
		char lot[LOT_MAX + 1], loc[8];
		snprintf(loc, sizeof(loc), "L%02d", i % NLOCATIONS);
		struct receive_req r = {.item = "I007",
		                        .qty = "12.5",
		                        .location = loc,
		                        .supplier = "S03",
		                        .supplier_lot = "BENCH",
		                        .cost = "2.40"};
		double t0 = now_ms();
		check(ledger_receive(&s, &r, lot), "receive");
		t[i] = now_ms() - t0;
	}
	stats("receive (one committed transaction)", t, n);
	free(t);
	session_close(&s);
}

struct page {
	int rows;
};

static int page_row(void *ctx, const struct lot *l)
{
	struct page *p = ctx;
	(void)l;
	return ++p->rows >= PAGE;
}

static void page(struct session *s, const char *what, const struct ledger_filter *f)
{
	double t[21];
	for (int i = 0; i < 21; i++) {
		struct page p = {0};
		double t0 = now_ms();
		int rc = db_ledger_each(s->store, f, page_row, &p);
		t[i] = now_ms() - t0;
		if (rc != OK && rc != 1)
			check(rc, what);
	}
	stats(what, t, 21);
}

static void ledger(const char *path)
{
	struct session s;
	char from[11], to[11];
	check(session_open(path, STORE_EXISTING, &s), "open");
	struct ledger_filter by_location = {.location = "L07"};
	page(&s, "ledger first page, --location", &by_location);
	struct ledger_filter expiring = {.expires_from = date_format(clock_today(), from),
	                                 .expires_by = date_format(clock_today() + 7, to)};
	page(&s, "ledger first page, --expiring 7", &expiring);
	session_close(&s);
}

static int count_row(void *ctx, const struct movement *m)
{
	(void)m;
	++*(int *)ctx;
	return 0;
}

static void history(const char *path, const char *code)
{
	struct session s;
	struct lot l;
	double t[21];
	int n = 0;
	check(session_open(path, STORE_EXISTING, &s), "open");
	check(db_lot_get(s.store, code, &l), "lot");
	for (int i = 0; i < 21; i++) {
		n = 0;
		double t0 = now_ms();
		check(db_history_each(s.store, l.id, count_row, &n), "history");
		t[i] = now_ms() - t0;
	}
	char what[96];
	snprintf(what, sizeof(what), "history of a lot with %d movements", n);
	stats(what, t, 21);
	session_close(&s);
}

/* ---- production (issue #6): planning with the stock check, and finishing ---- */

#define PLAN_LINES  20
#define PLAN_RUNS   41
#define FINISH_LOTS 50
#define FINISH_RUNS 11

static void bench_recipe(struct session *s, const char *code, int nlines, const char *qty)
{
	struct recipe_line_req lines[FINISH_LOTS];
	char items[FINISH_LOTS][16];
	int64_t v;
	for (int i = 0; i < nlines; i++) {
		snprintf(items[i], sizeof(items[i]), "I%03d", i);
		lines[i] = (struct recipe_line_req){items[i], qty, NULL, NULL};
	}
	struct recipe_req r = {code, "BENCH-OUT", "100", NULL, NULL, lines, nlines};
	check(recipe_add(s, &r, &v), "recipe");
	check(recipe_set_status(s, code, v, "active"), "activate");
}

struct feed {
	struct session *s;
	const char *run;
	int n;
	double *t;
};

static int feed_lot(void *ctx, const struct run_suggestion *g)
{
	struct feed *f = ctx;
	struct consume_req r = {f->run, g->lot, NULL, NULL, 0, NULL, 0};
	double t0 = now_ms();
	check(run_consume(f->s, &r, NULL), "consume");
	f->t[f->n++] = now_ms() - t0;
	return 0;
}

static void production(const char *path)
{
	struct session s;
	struct fields f = FIELDS_INIT;
	struct run run;
	double plan[PLAN_RUNS], fin[FINISH_RUNS], cons[FINISH_RUNS * FINISH_LOTS];
	char code[LOT_MAX + 1];
	int ncons = 0, nsugg = 0;
	check(session_open(path, STORE_EXISTING, &s), "open");
	check(session_set_user(&s, "bench"), "user");
	check(session_begin(&s), "begin");
	fields_set(&f, "code", "BENCH-OUT");
	fields_set(&f, "name", "Bench product");
	fields_set(&f, "kind", "finished");
	fields_set(&f, "base_unit", "kg");
	fields_set(&f, "shelf_life_days", "30");
	check(master_save_in_tx(&s, &record_item, &f, SAVE_UPSERT, NULL), "item");
	fields_free(&f);
	check(session_end(&s, OK), "commit");
	/* 2000 kg of each of 20 items: several lots a line, picked by FEFO among
	 * every usable lot of the item */
	bench_recipe(&s, "BENCH-PLAN", PLAN_LINES, "2000");
	for (int i = 0; i < PLAN_RUNS; i++) {
		struct plan_req r = {"BENCH-PLAN", 0, NULL, NULL, NULL};
		double t0 = now_ms();
		check(run_plan(&s, &r, code), "plan");
		plan[i] = now_ms() - t0;
		check(run_cancel(&s, code, "bench"), "cancel");
	}
	char what[96];
	snprintf(what, sizeof(what), "plan, %d-line recipe with stock check", PLAN_LINES);
	stats(what, plan, PLAN_RUNS);
	/* 50 lines of half a kilo: one lot each, fed as suggested, then finished */
	bench_recipe(&s, "BENCH-FIN", FINISH_LOTS, "0.5");
	for (int i = 0; i < FINISH_RUNS; i++) {
		struct plan_req r = {"BENCH-FIN", 0, NULL, NULL, NULL};
		check(run_plan(&s, &r, code), "plan");
		check(run_start(&s, code, "bench"), "start");
		check(db_run_get(s.store, code, &run), "run");
		struct feed fd = {&s, code, 0, cons + ncons};
		check(db_run_suggestions_each(s.store, run.id, 0, feed_lot, &fd), "feed");
		ncons += fd.n;
		nsugg = fd.n;
		struct output_req o = {NULL, "L00", NULL, NULL};
		struct finish_req fr = {code, "25", NULL, NULL, &o, 1};
		double t0 = now_ms();
		check(run_finish(&s, &fr), "finish");
		fin[i] = now_ms() - t0;
	}
	snprintf(what, sizeof(what), "finish a run that consumed %d lots", nsugg);
	stats(what, fin, FINISH_RUNS);
	stats("consume one lot into a run", cons, ncons);
	session_close(&s);
}

int main(int argc, char **argv)
{
	if (argc >= 5 && !strcmp(argv[1], "gen"))
		gen(argv[2], atol(argv[3]), atol(argv[4]));
	else if (argc >= 4 && !strcmp(argv[1], "receive"))
		receive(argv[2], atoi(argv[3]));
	else if (argc >= 3 && !strcmp(argv[1], "ledger"))
		ledger(argv[2]);
	else if (argc >= 3 && !strcmp(argv[1], "history"))
		history(argv[2], argc > 3 ? argv[3] : HOT_LOT);
	else if (argc >= 4 && !strcmp(argv[1], "scan"))
		bench_scan(argv[2], atoi(argv[3]));
	else if (argc >= 2 && !strcmp(argv[1], "gs1"))
		bench_gs1();
	else if (argc >= 3 && !strcmp(argv[1], "trace"))
		bench_trace(argv[2]);
	else if (argc >= 3 && !strcmp(argv[1], "production"))
		production(argv[2]);
	else {
		fprintf(stderr,
		        "usage: lotline-bench gen|receive|ledger|history|trace|production|scan DB "
		        "..., or gs1\n");
		return 2;
	}
	return 0;
}
