/* Ledger columns and cell text. */
#include "ledger_view.h"
#include "clock.h"
#include "db/master.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

const struct out_col ledger_table_cols[LEDGER_TABLE_COLS] = {
    {"item", N_("Item"), 12, 0},
    {"lot", N_("Lot"), 18, 0},
    {"qty", N_("Qty"), 10, 1},
    {"unit", N_("Unit"), 5, 0},
    {"reserved", N_("Reserved"), 8, 1},
    {"expiry", N_("Expiry"), 10, 0},
    {"location", N_("Location"), 8, 0},
    {"coa", N_("COA"), 8, 0},
    {"last_movement", N_("Last movement"), 19, 0},
    {"status", N_("Status"), 10, 0},
};

const struct out_col ledger_machine_cols[LEDGER_MACHINE_COLS] = {
    {"item", N_("Item"), 0, 0},
    {"lot", N_("Lot"), 0, 0},
    {"qty", N_("Qty"), 0, 1},
    {"unit", N_("Unit"), 0, 0},
    {"expiry", N_("Expiry"), 0, 0},
    {"location", N_("Location"), 0, 0},
    {"coa", N_("COA"), 0, 0},
    {"last_movement_date", N_("Last movement date"), 0, 0},
    {"last_movement", N_("Last movement"), 0, 0},
    {"status", N_("Status"), 0, 0},
    {"item_name", N_("Item name"), 0, 0},
    {"supplier", N_("Supplier"), 0, 0},
    {"supplier_lot", N_("Supplier lot"), 0, 0},
    {"received", N_("Received"), 0, 0},
    {"unit_cost", N_("Unit cost"), 0, 1},
    {"reserved", N_("Reserved"), 0, 1},
};

void ledger_cells_fill(const struct lot *l, struct ledger_cells *c)
{
	char t[20];
	/* the date of the last movement in local time */
	time_format_short(hlc_wall_ms(l->last_hlc), t);
	memcpy(c->last_date, t, 10);
	c->last_date[10] = '\0';
	snprintf(c->last, sizeof(c->last), "%s %s", c->last_date, l->last_kind);
	c->v[LC_ITEM] = l->item_code;
	c->v[LC_LOT] = l->code;
	c->v[LC_QTY] = fixed_format(l->qty, 0, c->qty);
	c->v[LC_UNIT] = l->unit;
	c->v[LC_EXPIRY] = l->expiry;
	c->v[LC_LOCATION] = l->location_code;
	c->v[LC_COA] = l->coa;
	c->v[LC_LAST_DATE] = c->last_date;
	c->v[LC_LAST_KIND] = l->last_kind;
	c->v[LC_STATUS] = l->status;
	c->v[LC_ITEM_NAME] = l->item_name;
	c->v[LC_SUPPLIER] = l->supplier_code;
	c->v[LC_SUPPLIER_LOT] = l->supplier_lot;
	c->v[LC_RECEIVED] = l->received;
	c->v[LC_UNIT_COST] = fixed_format(l->unit_cost, 0, c->cost);
	c->v[LC_RESERVED] = fixed_format(l->reserved, 0, c->reserved);
	/* the table shows "date kind" in one Last movement column, and Reserved
	 * after the unit, empty when nothing is reserved */
	for (int i = 0; i < 4; i++)
		c->table[i] = c->v[i];
	c->table[4] = l->reserved ? c->v[LC_RESERVED] : "";
	for (int i = 4; i < 7; i++)
		c->table[i + 1] = c->v[i];
	c->table[8] = c->last;
	c->table[9] = c->v[LC_STATUS];
}

int ledger_sort_table_col(int sort)
{
	return sort < 4 ? sort : sort + 1;
}

void movement_detail(const struct movement *m, char *buf, size_t n)
{
	buf[0] = '\0';
	if (m->corrects_no)
		snprintf(buf, n, _("corrects #%lld"), (long long)m->corrects_no);
	else if (m->from_location[0] && m->to_location[0])
		snprintf(buf, n, "%s -> %s", m->from_location, m->to_location);
	else if (m->status_before[0] && strcmp(m->status_before, m->status_after))
		snprintf(buf, n, "%s -> %s", m->status_before, m->status_after);
	else if (m->to_location[0])
		snprintf(buf, n, _("into %s"), m->to_location);
	if (m->corrected) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? "; " : "", _("corrected"));
	}
}

int ledger_filter_check(struct session *s, const struct ledger_filter *f)
{
	struct location loc;
	struct item it;
	int rc;
	if (f->location && (rc = db_location_get(s->store, f->location, &loc)))
		return rc;
	if (f->item && (rc = db_item_get(s->store, f->item, &it)))
		return rc;
	if (f->status && !list_has("available hold quarantine consumed shipped scrapped returned",
	                           ' ', f->status))
		return error_set(ERR_INVALID,
		                 _("--status: '%s' is not available, hold, quarantine, consumed, "
		                   "shipped, scrapped or returned"),
		                 f->status);
	if (f->coa && !list_has("missing uploaded reviewed linked", ' ', f->coa))
		return error_set(ERR_INVALID,
		                 _("--coa: '%s' is not missing, uploaded, reviewed or linked"),
		                 f->coa);
	return OK;
}
