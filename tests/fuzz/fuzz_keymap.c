/* libFuzzer target for the keymap parser and the key-name reader (keymaps are
 * outside input: users write them). Build, from the source tree:
 *   sh ui/embed-keys.sh keymaps/default.keys keymaps/rf.keys keymaps/vi.keys \
 *     > /tmp/keymaps_builtin.c
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I. -Ibuild -o fuzz_keymap \
 *     tests/fuzz/fuzz_keymap.c ui/keymap.c ui/actions.c src/util.c /tmp/keymaps_builtin.c
 *   ./fuzz_keymap -max_total_time=60 */
#include "ui/keymap.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	char buf[4096], name[32];
	keymap_init(&km);
	keymap_parse(&km, (const char *)data, size, "fuzz", ignore, NULL);
	/* every key that reads back must name itself the same way */
	size_t n = size < sizeof(buf) - 1 ? size : sizeof(buf) - 1;
	memcpy(buf, data, n);
	buf[n] = '\0';
	for (const char *p = buf; *p;) {
		int k = lk_parse(&p);
		if (k < 0) {
			p++;
			continue;
		}
		if (lk_from_name(lk_name(k, name, sizeof(name))) != k)
			__builtin_trap();
	}
	keymap_free(&km);
	return 0;
}
