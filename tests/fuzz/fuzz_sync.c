/* libFuzzer target for the sync message decoder, the first code to touch what a
 * peer sends. A decoded message is encoded again and must decode to the same
 * bytes: the decoder accepts only canonical frames. make check builds it when
 * configure found clang with libFuzzer and runs it (tests/fuzz/run-fuzz-sync.sh)
 * from tests/fuzz/corpus_sync. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/error.h"
#include "src/sync_proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_msg m;
	struct strbuf again = STRBUF_INIT;
	if (sync_decode(data, size, &m) != OK)
		return 0;
	sync_encode(&m, &again);
	if (again.len != size || memcmp(again.buf, data, size) != 0)
		abort();
	sb_free(&again);
	sync_msg_free(&m);
	return 0;
}
