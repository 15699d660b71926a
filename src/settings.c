/* Reading settings with their defaults, and checked changes through the journal. */
#include "settings.h"
#include "db/master.h"
#include "db/sync.h"
#include "error.h"
#include "journal.h"
#include "lotcode.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *key, *def, *help;
} table[] = {
#define SETTING_ROW(id, key, def, help) {key, def, help},
    SETTING_INFO(SETTING_ROW)
#undef SETTING_ROW
};

const char *setting_key(enum setting_id id)
{
	return table[id].key;
}

const char *setting_help(enum setting_id id)
{
	return _(table[id].help);
}

void setting_get(struct session *s, enum setting_id id, char *buf, size_t n)
{
	if (db_setting_get(s->store, table[id].key, buf, n) != OK)
		strlcpy_(buf, table[id].def, n);
	error_clear();
}

int64_t setting_int(struct session *s, enum setting_id id)
{
	char buf[64];
	setting_get(s, id, buf, sizeof(buf));
	return strtoll(buf, NULL, 10);
}

int setting_on(struct session *s, enum setting_id id)
{
	char buf[16];
	setting_get(s, id, buf, sizeof(buf));
	return strcmp(buf, "on") == 0;
}

static int check(int id, const char *value)
{
	switch (id) {
	case SETTING_SCAN_PREFIX:
	case SETTING_SCAN_SUFFIX:
		if (strlen(value) > 1 || (*value && (*value < 0x20 || *value > 0x7e)))
			return error_set(ERR_INVALID, _("%s: one printable character, or empty"),
			                 table[id].key);
		return OK;
	case SETTING_SCAN_GAP_MS:
	case SETTING_SCAN_MIN_LENGTH:
	case SETTING_EXPIRY_WARNING_DAYS:
	case SETTING_IDLE_LOCK_MINUTES: {
		char *end;
		long v = strtol(value, &end, 10);
		if (!*value || *end || v < 0 || v > 3650)
			return error_set(ERR_INVALID,
			                 _("%s: '%s' is not a whole number from 0 to 3650"),
			                 table[id].key, value);
		return OK;
	}
	case SETTING_CONSUMPTION_ORDER:
		if (strcmp(value, "fefo") && strcmp(value, "fifo"))
			return error_set(ERR_INVALID, _("%s: '%s' is not fefo or fifo"),
			                 table[id].key, value);
		return OK;
	case SETTING_DOC_MAX_MB: {
		char *end;
		long v = strtol(value, &end, 10);
		if (!*value || *end || v < 1 || v > 1024)
			return error_set(ERR_INVALID,
			                 _("%s: '%s' is not a whole number from 1 to 1024"),
			                 table[id].key, value);
		return OK;
	}
	case SETTING_RELEASE_NEEDS_COA:
	case SETTING_RELEASE_NEEDS_PASS:
	case SETTING_QUARANTINE_ON_RECEIPT:
		if (strcmp(value, "on") && strcmp(value, "off"))
			return error_set(ERR_INVALID, _("%s: '%s' is not on or off"), table[id].key,
			                 value);
		return OK;
	case SETTING_LOT_CODE_PATTERN:
		return lotcode_check(value);
	case SETTING_RUN_SIGN_ROLE:
		if (!role_valid(value) || !strcmp(value, "viewer"))
			return error_set(ERR_INVALID,
			                 _("%s: '%s' is not owner, manager, qa or operator"),
			                 table[id].key, value);
		return OK;
	case SETTING_LABEL_FORMAT:
		if (strcmp(value, "zpl") && strcmp(value, "text"))
			return error_set(ERR_INVALID, _("%s: '%s' is not zpl or text"),
			                 table[id].key, value);
		return OK;
	case SETTING_DOC_VIEWER:
	case SETTING_LABEL_PRINT_COMMAND:
		if (strlen(value) > 200 || strpbrk(value, "\n\r"))
			return error_set(ERR_INVALID, _("%s: one line of at most 200 characters"),
			                 table[id].key);
		return OK;
	}
	return OK;
}

static int count_peer(void *ctx, const struct peer *p)
{
	(void)p;
	(*(int *)ctx)++;
	return 0;
}

int setting_set_in_tx(struct session *s, const char *key, const char *value)
{
	struct fields f = FIELDS_INIT;
	int id = -1, rc;
	for (size_t i = 0; i < ARRAY_SIZE(table); i++)
		if (strcmp(table[i].key, key) == 0)
			id = (int)i;
	if (id < 0)
		return error_set(ERR_INVALID, _("unknown setting '%s' (see 'lotline settings')"),
		                 key);
	if ((rc = check(id, value)))
		return rc;
	if (id == SETTING_LOT_CODE_PATTERN && !lotcode_has_site(value)) {
		int peers = 0;
		if ((rc = db_peer_each(s->store, 0, count_peer, &peers)))
			return rc;
		if (peers)
			return error_set(ERR_INVALID,
			                 _("%s: a store that syncs needs {SITE} in its lot codes, "
			                   "or two terminals offline make the same code"),
			                 key);
	}
	fields_set(&f, "key", key);
	fields_set(&f, "value", value);
	rc = journal_append(s, "setting.set", &f, NULL);
	fields_free(&f);
	return rc;
}

int setting_set(struct session *s, const char *key, const char *value)
{
	int rc = session_require(s, PERM_SETTINGS);
	if (rc || (rc = session_begin(s)))
		return rc;
	return session_end(s, setting_set_in_tx(s, key, value));
}
