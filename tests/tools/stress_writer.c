/* A writer for the concurrency and crash tests: it books receipts (or adjusts one
 * lot) in a loop, one transaction each, and prints each lot code or count on
 * stdout right after its commit returned, so the test knows what was reported
 * committed when the process is killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/error.h"
#include "src/ledger.h"
#include "src/session.h"

int main(int argc, char **argv)
{
	struct session s;
	if (argc < 5) {
		fprintf(stderr, "usage: stress_writer DB USER receive|adjust N [LOT]\n");
		return 2;
	}
	long n = atol(argv[4]);
	if (session_open(argv[1], STORE_EXISTING, &s) || session_set_user(&s, argv[2])) {
		fprintf(stderr, "stress_writer: %s\n", error_msg());
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (long i = 0; i < n; i++) {
		char lot[LOT_MAX + 1];
		int rc;
		if (!strcmp(argv[3], "receive")) {
			struct receive_req r = {.item = "FLOUR", .qty = "0.1", .location = "DRY"};
			rc = ledger_receive(&s, &r, lot);
			if (rc == OK)
				printf("%s\n", lot);
		} else {
			rc = ledger_adjust(&s, argv[5], "0.001", NULL, 1, "count", NULL);
			if (rc == OK)
				printf("%ld\n", i);
		}
		if (rc) {
			fprintf(stderr, "stress_writer: %s\n", error_msg());
			return 1;
		}
	}
	session_close(&s);
	return 0;
}
