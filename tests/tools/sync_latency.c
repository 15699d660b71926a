/* Commit-to-visible time through the screens' background agent: two terminal
 * stores in one process, each with a sync agent following the central peer; an
 * adjustment is committed on the first (and the agent notified, as the screens
 * do), and the second store is polled until the entry is there.
 *
 *   sync_latency DB_A DB_B USER LOT N [--no-notify]
 *
 * Prints the median, p99 and maximum, then the agents' status; exits 1 if an
 * entry never arrived or the status is wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/journal.h"
#include "src/error.h"
#include "src/ledger.h"
#include "src/sync_agent.h"
#include "src/sync_core.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void log_line(void *ctx, const char *line)
{
	fprintf(stderr, "%s: %s\n", (const char *)ctx, line);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Wait until the agent is online and level (or the time is up). */
static int wait_level(struct sync_agent *a, double ms, struct sync_status *st)
{
	double end = now_ms() + ms;
	do {
		sync_agent_status(a, st);
		if (st->online && st->level && st->waiting == 0)
			return 1;
		if (st->stopped)
			return 0;
		usleep(2000);
	} while (now_ms() < end);
	return 0;
}

int main(int argc, char **argv)
{
	struct sync_agent *aa, *ab;
	struct sync_status sa, sb;
	struct session s;
	struct store *b;
	int64_t site_no, seq;
	unsigned char h[32];
	int failures = 0;

	if (argc < 6) {
		fprintf(stderr, "usage: sync_latency DB_A DB_B USER LOT N [--no-notify]\n");
		return 2;
	}
	int n = atoi(argv[5]), notify = !(argc > 6 && !strcmp(argv[6], "--no-notify"));
	int verbose = getenv("SYNC_LATENCY_LOG") != NULL;
	struct sync_agent_opts oa = {
	    .db_path = argv[1], .log = verbose ? log_line : NULL, .ctx = "a"};
	struct sync_agent_opts ob = {
	    .db_path = argv[2], .log = verbose ? log_line : NULL, .ctx = "b"};
	if (session_open(argv[1], STORE_EXISTING, &s) || session_set_user(&s, argv[3]) ||
	    store_open(argv[2], STORE_EXISTING, &b)) {
		fprintf(stderr, "sync_latency: %s\n", error_msg());
		return 2;
	}
	if (sync_agent_start(&oa, &aa) || sync_agent_start(&ob, &ab)) {
		fprintf(stderr, "sync_latency: %s\n", error_msg());
		return 2;
	}
	if (!wait_level(aa, 20000, &sa) || !wait_level(ab, 20000, &sb)) {
		fprintf(stderr, "sync_latency: the agents did not get level: a [%s] b [%s]\n",
		        sa.error, sb.error);
		return 1;
	}
	/* b was level with the central, which may not have had a's entries yet */
	for (double end = now_ms() + 10000; db_site_number(b, s.site_id, 0, &site_no);) {
		if (now_ms() > end) {
			fprintf(stderr, "sync_latency: b has nothing of a\n");
			return 1;
		}
		usleep(2000);
	}
	double *t = calloc((size_t)n, sizeof(double));
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();
		if (ledger_adjust(&s, argv[4], "0.001", NULL, 1, "count", NULL)) {
			fprintf(stderr, "sync_latency: %s\n", error_msg());
			return 2;
		}
		if (notify)
			sync_agent_notify(aa);
		int64_t want;
		db_journal_head(s.store, s.site_no, &want, h);
		for (;;) {
			if (db_journal_head(b, site_no, &seq, h) == OK && seq >= want)
				break;
			if (now_ms() - t0 > 5000) {
				fprintf(stderr, "sync_latency: entry %lld never reached b\n",
				        (long long)want);
				failures++;
				break;
			}
			usleep(200);
		}
		t[i] = now_ms() - t0;
		usleep(10000); /* commits a person's pace apart, not back to back */
	}
	qsort(t, (size_t)n, sizeof(double), cmp);
	printf("commit-to-visible%s\tmedian %.1f ms\tp99 %.1f ms\tmax %.1f ms\t(n=%d)\n",
	       notify ? "" : " (no notify)", t[n / 2],
	       t[(int)(n * 0.99) < n ? (int)(n * 0.99) : n - 1], t[n - 1], n);
	if (!wait_level(aa, 10000, &sa) || !wait_level(ab, 10000, &sb)) {
		fprintf(stderr, "sync_latency: not level at the end: a waiting %lld [%s]\n",
		        (long long)sa.waiting, sa.error);
		failures++;
	}
	printf("status a: online %d, last sync %s, waiting %lld, exceptions %lld, sent %lld\n",
	       sa.online, sa.last_sync_ms ? "set" : "never", (long long)sa.waiting,
	       (long long)sa.exceptions, (long long)sa.sent);
	printf("status b: online %d, last sync %s, waiting %lld, exceptions %lld, received %lld\n",
	       sb.online, sb.last_sync_ms ? "set" : "never", (long long)sb.waiting,
	       (long long)sb.exceptions, (long long)sb.received);
	if (sa.sent < n || sb.received < n || !sa.last_sync_ms) {
		fprintf(stderr, "sync_latency: the status does not add up\n");
		failures++;
	}
	sync_agent_stop(aa);
	sync_agent_stop(ab);
	free(t);
	store_close(b);
	session_close(&s);
	return failures ? 1 : 0;
}
