/* The memo: master data read by code (items, locations, parties, settings),
 * remembered while a load of many rows reads the same few again and again. An
 * import of a million lots otherwise asks SQLite for the same item six times a
 * row. Any write to master data forgets everything. */
#include "db/store_internal.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

struct memo {
	struct strmap t[MEMO_KINDS];
};

void store_memo(struct store *s, int on)
{
	memo_forget(s);
	free(s->memo);
	s->memo = on ? xcalloc(1, sizeof(*s->memo)) : NULL;
}

void memo_forget(struct store *s)
{
	if (s->memo)
		for (int k = 0; k < MEMO_KINDS; k++)
			strmap_free(&s->memo->t[k], 1);
}

int memo_get(struct store *s, enum memo_kind k, const char *key, const void **val)
{
	struct strmap_slot *sl = s->memo ? strmap_get(&s->memo->t[k], key) : NULL;
	if (sl)
		*val = sl->val;
	return sl != NULL;
}

void memo_put(struct store *s, enum memo_kind k, const char *key, const void *val, size_t size)
{
	if (!s->memo)
		return;
	struct strmap_slot *sl = strmap_add(&s->memo->t[k], key);
	if (sl->val || !val)
		return; /* the first answer stands until the memo forgets */
	sl->val = xmalloc(size);
	memcpy(sl->val, val, size);
}
