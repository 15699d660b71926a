/* Site settings: names, defaults and checks in one table. */
#ifndef LOTLINE_SETTINGS_H
#define LOTLINE_SETTINGS_H

#include "session.h"

#define SETTING_INFO(_)                                                                            \
	_(EXPIRY_WARNING_DAYS, "expiry_warning_days", "7",                                         \
	  N_("days before expiry that a lot counts as expiring"))                                  \
	_(CONSUMPTION_ORDER, "consumption_order", "fefo",                                          \
	  N_("which lots to use first: fefo (first expiry) or fifo (first received)"))             \
	_(QUARANTINE_ON_RECEIPT, "quarantine_on_receipt", "off",                                   \
	  N_("on: received lots wait in quarantine until QA releases them"))                       \
	_(LOT_CODE_PATTERN, "lot_code_pattern", "LOT-{YYMMDD}-{SITE}{NNN}",                        \
	  N_("pattern of internal lot codes"))                                                     \
	_(IDLE_LOCK_MINUTES, "idle_lock_minutes", "10",                                            \
	  N_("minutes without a key before the screens lock (0: never)"))                          \
	_(SCAN_GAP_MS, "scan_gap_ms", "30",                                                        \
	  N_("a scanner types faster than this many ms between characters"))                       \
	_(SCAN_MIN_LENGTH, "scan_min_length", "4", N_("the shortest code a scan can be"))          \
	_(SCAN_PREFIX, "scan_prefix", "", N_("a character the scanner sends before each code"))    \
	_(SCAN_SUFFIX, "scan_suffix", "",                                                          \
	  N_("a character the scanner sends after each code (else Enter or Tab)"))                 \
	_(RUN_SIGN_ROLE, "run_sign_role", "qa", N_("the role that signs batch records"))           \
	_(RELEASE_NEEDS_COA, "release_needs_coa", "off",                                           \
	  N_("on: a lot is released only with a reviewed or linked COA"))                          \
	_(RELEASE_NEEDS_PASS, "release_needs_pass", "off",                                         \
	  N_("on: a lot is released only when its test results all pass"))                         \
	_(DOC_MAX_MB, "doc_max_mb", "20", N_("largest document accepted, in MB"))                  \
	_(DOC_VIEWER, "doc_viewer", "", N_("command that opens a document file, e.g. xdg-open"))   \
	_(LABEL_FORMAT, "label_format", "zpl", N_("lot labels as zpl or text"))                    \
	_(LABEL_PRINT_COMMAND, "label_print_command", "",                                          \
	  N_("command that prints a label read on its input, e.g. lp -d zebra -o raw"))

enum setting_id {
#define SETTING_ENUM(id, key, def, help) SETTING_##id,
	SETTING_INFO(SETTING_ENUM)
#undef SETTING_ENUM
	    SETTING_COUNT
};

const char *setting_key(enum setting_id id);
const char *setting_help(enum setting_id id);
/* The value in the store, or the default. */
void setting_get(struct session *s, enum setting_id id, char *buf, size_t n);
int64_t setting_int(struct session *s, enum setting_id id);
int setting_on(struct session *s, enum setting_id id);
/* Check and record a new value (needs the settings permission). */
int setting_set(struct session *s, const char *key, const char *value);
/* Inside an open transaction (used by init). */
int setting_set_in_tx(struct session *s, const char *key, const char *value);

#endif
