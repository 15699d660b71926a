/* Scan-to-booked on a large store: what the Receiving screen does for a receipt
 * of three supplier labels (read each label, check the receipt so far with a
 * dry run, then book it in one transaction), and GS1 parses per second. The
 * commit's own cost is the booking less the same transaction rolled back. */
#include "tests/bench/bench_scan.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/gs1.h"
#include "src/ledger.h"
#include "src/master.h"
#include "src/receiving.h"
#include "src/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LABELS 3

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

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return v[n / 2];
}

static double p99(double *v, int n)
{
	int i = (int)(n * 0.99);
	return v[i < n ? i : n - 1];
}

/* The generator's item I007 (20,000 lots on the million-lot store, so the
 * check for a known supplier lot has many to look through) gets a GTIN and a
 * case GTIN of 20 kg, as a supplier labels it. */
static void scan_item(struct session *s)
{
	struct fields f = FIELDS_INIT;
	ok(session_begin(s), "begin");
	fields_set(&f, "code", "I007");
	fields_set(&f, "name", "Item 7");
	fields_set(&f, "kind", "ingredient");
	fields_set(&f, "category", "dry");
	fields_set(&f, "base_unit", "kg");
	fields_set(&f, "gtin", "05099999000035");
	fields_set(&f, "pack_gtin", "15099999000032");
	fields_set(&f, "pack_size", "20");
	fields_set(&f, "shelf_life_days", "300");
	ok(master_save_in_tx(s, &record_item, &f, SAVE_UPSERT, NULL), "item");
	fields_free(&f);
	ok(session_end(s, OK), "commit");
}

static void request(const struct receipt_scan *sc, struct receive_req *r)
{
	memset(r, 0, sizeof(*r));
	r->item = sc->item;
	r->qty = sc->qty;
	r->unit = sc->unit;
	r->supplier_lot = sc->supplier_lot;
	r->expiry = sc->expiry;
	r->location = "L03";
	r->origin = "receive";
	r->dup = RECEIVE_DUP_ASK;
}

void bench_scan(const char *path, int n)
{
	struct session s;
	double *total = calloc((size_t)n, sizeof(double)),
	       *book = calloc((size_t)n, sizeof(double)), *dry = calloc((size_t)n, sizeof(double)),
	       *scan = calloc((size_t)n, sizeof(double));
	char lots[LABELS][LOT_MAX + 1], code[LABELS][128];
	struct receipt_scan sc[LABELS];
	struct receive_req r[LABELS];
	int failed;
	char tag[24];
	ok(session_open(path, STORE_EXISTING, &s), "open");
	ok(session_set_user(&s, "bench"), "user");
	scan_item(&s);
	/* supplier lots no earlier run used: the clock to the microsecond */
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(tag, sizeof(tag), "%lx",
	         (unsigned long)(now.tv_sec * 1000000 + now.tv_nsec / 1000) & 0xffffffffful);
	for (int i = 0; i < n; i++) {
		/* three cases of three supplier lots, GS-separated as a scanner sends them */
		for (int k = 0; k < LABELS; k++)
			snprintf(code[k], sizeof(code[k]),
			         "]C10115099999000032\x1d"
			         "10B%s-%d-%d\x1d"
			         "17271231",
			         tag, i, k);
		double t0 = ms_now(), ts = 0;
		for (int k = 0; k < LABELS; k++) {
			double a = ms_now();
			ok(receipt_scan(&s, code[k], &sc[k]), "scan");
			request(&sc[k], &r[k]);
			ts += ms_now() - a;
			/* the screen checks the receipt so far after each label */
			ok(ledger_receive_many(&s, r, k + 1, lots, &failed, 1), "check");
		}
		double t1 = ms_now();
		ok(ledger_receive_many(&s, r, LABELS, lots, &failed, 0), "book");
		double t2 = ms_now();
		total[i] = t2 - t0;
		book[i] = t2 - t1;
		scan[i] = ts;
		/* the same booking rolled back: everything but the commit */
		for (int k = 0; k < LABELS; k++)
			snprintf(sc[k].supplier_lot, sizeof(sc[k].supplier_lot), "R%s-%d-%d", tag,
			         i, k);
		double t3 = ms_now();
		ok(ledger_receive_many(&s, r, LABELS, lots, &failed, 1), "dry run");
		dry[i] = ms_now() - t3;
	}
	double tm = median(total, n), bm = median(book, n), dm = median(dry, n);
	printf("scan to booked, 3 labels\tmedian %.3f ms\tp99 %.3f ms\t(n=%d)\n", tm, p99(total, n),
	       n);
	printf("booking transaction (3 lines, commit)\tmedian %.3f ms\tp99 %.3f ms\n", bm,
	       p99(book, n));
	printf("the same rolled back (no commit)\tmedian %.3f ms\tp99 %.3f ms\n", dm, p99(dry, n));
	printf("reading 3 labels\tmedian %.3f ms\n", median(scan, n));
	printf("processing beyond the commit\tmedian %.3f ms\t(total less booking plus rolled-back "
	       "booking)\n",
	       tm - bm + dm);
	free(total);
	free(book);
	free(dry);
	free(scan);
	session_close(&s);
}

void bench_gs1(void)
{
	static const char *const codes[] = {
	    "]C10115099999000032\x1d"
	    "10ABC-123\x1d"
	    "17271231",
	    "(01)09501101530003(17)261231(10)AB-123",
	    "]d20105099999000011\x1d"
	    "3102002500\x1d"
	    "10LOT42\x1d"
	    "21SERIAL9",
	    "(00)106141411234567897",
	};
	struct gs1_result g;
	int64_t today = clock_today();
	long n = 0;
	double t0 = ms_now(), t;
	do {
		for (int i = 0; i < 1000; i++, n++) {
			const char *c = codes[n % 4];
			ok(gs1_parse_on(c, strlen(c), today, &g), "gs1");
		}
		t = ms_now() - t0;
	} while (t < 1000);
	printf("GS1 parses per second\t%.0f\t(%ld parses of 4 kinds of label)\n", n * 1000.0 / t,
	       n);
}
