/* Receiving by scan in the benchmark (tests/bench/bench_scan.c). */
#ifndef LOTLINE_BENCH_SCAN_H
#define LOTLINE_BENCH_SCAN_H

/* lotline-bench scan DB N: N receipts of three scanned labels, timed from the
 * first scan to the committed booking the way the Receiving screen does it,
 * and the booking transaction alone, committed and rolled back. */
void bench_scan(const char *path, int n);
/* lotline-bench gs1: GS1 element strings parsed per second. */
void bench_gs1(void);

#endif
