/* The memo: master data read by code (items, locations, parties, settings),
 * remembered while a load of many rows reads the same few again and again. An
 * import of a million lots otherwise asks SQLite for the same item six times a
 * row. Any write to master data forgets everything. */
#include "db/store_internal.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

struct memo_slot {
	char *key;
	void *val;
};

struct memo_table {
	struct memo_slot *slot;
	size_t cap, n; /* cap is a power of two; n < cap / 2 */
};

struct memo {
	struct memo_table t[MEMO_KINDS];
};

static void table_free(struct memo_table *t)
{
	for (size_t i = 0; i < t->cap; i++) {
		free(t->slot[i].key);
		free(t->slot[i].val);
	}
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

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
			table_free(&s->memo->t[k]);
}

static struct memo_slot *find(struct memo_table *t, const char *key)
{
	size_t i = str_hash(key) & (t->cap - 1);
	while (t->slot[i].key && strcmp(t->slot[i].key, key))
		i = (i + 1) & (t->cap - 1);
	return &t->slot[i];
}

int memo_get(struct store *s, enum memo_kind k, const char *key, const void **val)
{
	if (!s->memo || !s->memo->t[k].n)
		return 0;
	struct memo_slot *sl = find(&s->memo->t[k], key);
	*val = sl->val;
	return sl->key != NULL;
}

void memo_put(struct store *s, enum memo_kind k, const char *key, const void *val, size_t size)
{
	if (!s->memo)
		return;
	struct memo_table *t = &s->memo->t[k];
	if (2 * (t->n + 1) > t->cap) {
		struct memo_table bigger = {
		    xcalloc(t->cap ? 2 * t->cap : 64, sizeof(struct memo_slot)),
		    t->cap ? 2 * t->cap : 64, t->n};
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i].key)
				*find(&bigger, t->slot[i].key) = t->slot[i];
		free(t->slot);
		*t = bigger;
	}
	struct memo_slot *sl = find(t, key);
	if (sl->key)
		return; /* the first answer stands until the memo forgets */
	sl->key = xstrdup(key);
	if (val) {
		sl->val = xmalloc(size);
		memcpy(sl->val, val, size);
	}
	t->n++;
}
