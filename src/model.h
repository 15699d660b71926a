/* The records of lotline as plain structs, shared by the services and the store.
 * Text fields have fixed sizes; the services check lengths before anything is written. */
#ifndef LOTLINE_MODEL_H
#define LOTLINE_MODEL_H

#include "fixed.h"
#include "hlc.h"

#include <stdint.h>

#define CODE_MAX  32 /* item, location, supplier, customer codes, user names */
#define NAME_MAX_ 100
#define TEXT_MAX  256
#define LOT_MAX   64 /* lot codes and supplier lot numbers */

struct item {
	int64_t id;
	char code[CODE_MAX + 1];
	char name[NAME_MAX_ + 1];
	char kind[16];
	char category[CODE_MAX + 1];
	char base_unit[16];
	char gtin[15];
	char pack_gtin[15]; /* GTIN of a case or pack of pack_size */
	int64_t shelf_life_days;
	fixed_t density;   /* kg per litre */
	fixed_t pack_size; /* base units per pack */
	char allergens[TEXT_MAX + 1];
};

struct location {
	int64_t id;
	char code[CODE_MAX + 1];
	char name[NAME_MAX_ + 1];
	char kind[16];
};

/* A supplier or a customer. */
struct party {
	int64_t id;
	char code[CODE_MAX + 1];
	char name[NAME_MAX_ + 1];
	char contact[NAME_MAX_ + 1];
	char email[NAME_MAX_ + 1];
	char phone[CODE_MAX + 1];
	char address[TEXT_MAX + 1];
	char city[NAME_MAX_ + 1];
	char postcode[CODE_MAX + 1];
	char country[CODE_MAX + 1];
};

enum party_kind { PARTY_SUPPLIER, PARTY_CUSTOMER };

struct user {
	int64_t id;
	char name[CODE_MAX + 1];
	char full_name[NAME_MAX_ + 1];
	char role[16];
	char pin_hash[128];
	char badge[LOT_MAX + 1];
	int active;
};

/* A lot as the ledger shows it (codes and names joined in). */
struct lot {
	int64_t id;
	char code[LOT_MAX + 1];
	int64_t item_id;
	char item_code[CODE_MAX + 1];
	char item_name[NAME_MAX_ + 1];
	char category[CODE_MAX + 1];
	char supplier_code[CODE_MAX + 1];
	char supplier_lot[LOT_MAX + 1];
	char received[11];
	char expiry[11]; /* "" when the lot does not expire */
	char unit[16];
	fixed_t unit_cost;
	int64_t location_id;
	char location_code[CODE_MAX + 1];
	fixed_t qty;
	char status[16];
	char coa[16];
	char origin[16];
	hlc_t last_hlc;
	char last_kind[16];
	fixed_t reserved; /* what customer orders hold back of it */
};

/* One line of a lot's history. */
struct movement {
	int64_t id;
	int64_t no; /* 1-based position in the lot's history */
	char kind[16];
	fixed_t qty;
	fixed_t balance;
	hlc_t hlc;
	char user[CODE_MAX + 1];
	char terminal[CODE_MAX * 2 + 1];
	char reason[CODE_MAX + 1];
	char note[TEXT_MAX + 1];
	char from_location[CODE_MAX + 1];
	char to_location[CODE_MAX + 1];
	char status_before[16];
	char status_after[16];
	int64_t corrects_no; /* history number of the corrected movement, 0 if none */
	int corrected;       /* a later movement corrects this one */
	char site_id[33];
	int64_t seq;
	int64_t idx;
};

/* What the ledger shows: every field optional. */
struct ledger_filter {
	const char *location;
	const char *item;
	const char *category;
	const char *status;
	const char *coa;
	const char *text;           /* item, lot or supplier lot containing this */
	const char *expires_from;   /* expiry on or after this date */
	const char *expires_by;     /* expiry on or before this date */
	const char *expired_before; /* expiry before this date (expired lots) */
	int include_empty;          /* lots whose balance is zero */
};

/* One journal entry. */
struct entry {
	int64_t id; /* local row */
	char site_id[33];
	int64_t seq;
	hlc_t hlc;
	char user[CODE_MAX + 1];
	char terminal[CODE_MAX * 2 + 1];
	char kind[32];
	char *payload;
	unsigned char prev_hash[32];
	unsigned char hash[32];
};

#endif
