/* The Lot screen: every field of one lot and its complete movement history,
 * and the actions on it (adjust, transfer, hold, release, quarantine, scrap,
 * correct), each a form that calls its service in src/ledger.h. Roles and
 * rules are the services'; a refusal shows their message. */
#include "db/lots.h"
#include "db/master.h"
#include "src/clock.h"
#include "src/error.h"
#include "src/fixed.h"
#include "src/i18n.h"
#include "src/ledger.h"
#include "src/ledger_view.h"
#include "src/settings.h"
#include "src/util.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lot_screen {
	struct ui *ui;
	char code[LOT_MAX + 1];
	struct lot l;
	struct movement *m;
	int nm, capm;
	int64_t today, warn_until;
	struct table t;
};

static const struct table_col history_cols[] = {
    {N_("#"), 3, 2, 1, 1, 0, 0},       {N_("Time"), 16, 16, 5, 0, 0, 0},
    {N_("Kind"), 10, 7, 2, 0, 0, 0},   {N_("Qty"), 7, 6, 3, 1, 0, 0},
    {N_("Balance"), 7, 6, 7, 1, 0, 0}, {N_("User"), 6, 5, 4, 0, 0, 0},
    {N_("Reason"), 10, 6, 8, 0, 0, 0}, {N_("Detail"), 20, 8, 6, 0, 0, 1},
    {N_("Note"), 40, 8, 9, 0, 0, 1},
};

static int history_count(void *ctx)
{
	struct lot_screen *ls = ctx;
	return ls->nm;
}

static const char *history_cell(void *ctx, const void *row, int col, char *buf, size_t n)
{
	struct lot_screen *ls = ctx;
	const struct movement *m = &ls->m[*(const int *)row];
	char q[FIXED_BUFSZ], t[32];
	switch (col) {
	case 0:
		snprintf(buf, n, "%lld", (long long)m->no);
		return buf;
	case 1:
		snprintf(buf, n, "%s", time_format_short(hlc_wall_ms(m->hlc), t));
		return buf;
	case 2:
		return m->kind;
	case 3:
		snprintf(buf, n, "%s%s", m->qty > 0 ? "+" : "", fixed_format(m->qty, 0, q));
		return buf;
	case 4:
		snprintf(buf, n, "%s", fixed_format(m->balance, 0, q));
		return buf;
	case 5:
		return m->user;
	case 6:
		return m->reason;
	case 7:
		movement_detail(m, buf, n);
		return buf;
	default:
		return m->note;
	}
}

static enum style history_mark(void *ctx, const void *row, char *marker)
{
	struct lot_screen *ls = ctx;
	const struct movement *m = &ls->m[*(const int *)row];
	/* c: corrected by a later movement; the correction itself is plain */
	*marker = m->corrected ? 'c' : ' ';
	return m->corrected ? ST_DIM : ST_NORMAL;
}

static const struct table_src history_src = {
    .row_size = sizeof(int),
    .count = history_count,
    .cell = history_cell,
    .mark = history_mark,
};

static int add_movement(void *ctx, const struct movement *m)
{
	struct lot_screen *ls = ctx;
	GROW(ls->m, ls->nm, ls->capm, 32);
	ls->m[ls->nm++] = *m;
	return 0;
}

static int load(struct ui *ui, struct lot_screen *ls)
{
	int rc = db_lot_get(ui->s.store, ls->code, &ls->l);
	if (rc)
		return rc;
	ls->nm = 0;
	return db_history_each(ui->s.store, ls->l.id, add_movement, ls);
}

static void *lot_open(struct ui *ui, const void *arg)
{
	const struct lot_open_arg *a = arg;
	struct lot_screen *ls = xcalloc(1, sizeof(*ls));
	ls->ui = ui;
	strlcpy_(ls->code, a && a->code ? a->code : "", sizeof(ls->code));
	if (load(ui, ls)) {
		ui_error(ui, NULL);
		free(ls->m);
		free(ls);
		return NULL;
	}
	ls->today = clock_today();
	ls->warn_until = ls->today + setting_int(&ui->s, SETTING_EXPIRY_WARNING_DAYS);
	table_init(&ls->t, ui, history_cols, (int)ARRAY_SIZE(history_cols), &history_src, ls);
	ls->t.empty = _("No movements");
	/* the newest movement is the one most often corrected */
	table_select_index(&ls->t, ls->nm - 1);
	return ls;
}

static void lot_close(struct ui *ui, void *st)
{
	struct lot_screen *ls = st;
	table_free(&ls->t);
	free(ls->m);
	free(ls);
}

static void lot_resume(struct ui *ui, void *st)
{
	struct lot_screen *ls = st;
	int before = ls->nm;
	if (load(ui, ls))
		ui_error(ui, NULL);
	table_reset(&ls->t);
	/* a new movement: show it */
	table_select_index(&ls->t, ls->nm > before ? ls->nm - 1 : 0);
}

static const char *lot_title(struct ui *ui, void *st, char *buf, size_t n)
{
	struct lot_screen *ls = st;
	if (ui->compact)
		snprintf(buf, n, "%s", ls->l.code);
	else
		/* L10N: the Lot screen's title: "Lot LOT-261123-KX001" */
		snprintf(buf, n, _("Lot %s"), ls->l.code);
	return buf;
}

/* The status with what it means today: "available, EXPIRED". */
static void status_text(struct lot_screen *ls, char *buf, size_t n)
{
	int64_t exp;
	const char *note = "";
	if (ls->l.expiry[0] && date_parse(ls->l.expiry, &exp) == OK &&
	    lot_status_open(ls->l.status)) {
		if (exp < ls->today)
			note = _(", EXPIRED");
		else if (exp <= ls->warn_until)
			note = _(", expiring soon");
	}
	snprintf(buf, n, "%s%s", _(ls->l.status), note);
}

static void lot_draw(struct ui *ui, void *st, const struct rect *r)
{
	struct lot_screen *ls = st;
	const struct lot *l = &ls->l;
	char q[FIXED_BUFSZ], cost[FIXED_BUFSZ], v[10][160];
	const char *label[10] = {_("Item"),      _("Quantity"), _("Status"),   _("Expiry"),
	                         _("Location"),  _("COA"),      _("Supplier"), _("Received"),
	                         _("Unit cost"), _("Origin")};
	snprintf(v[0], sizeof(v[0]), "%s %s", l->item_code, l->item_name);
	snprintf(v[1], sizeof(v[1]), "%s %s", fixed_format(l->qty, 0, q), l->unit);
	status_text(ls, v[2], sizeof(v[2]));
	snprintf(v[3], sizeof(v[3]), "%s", l->expiry[0] ? l->expiry : _("does not expire"));
	snprintf(v[4], sizeof(v[4]), "%s", l->location_code);
	snprintf(v[5], sizeof(v[5]), "%s", _(l->coa));
	snprintf(v[6], sizeof(v[6]), "%s%s%s", l->supplier_code[0] ? l->supplier_code : "-",
	         l->supplier_lot[0] ? _(", lot ") : "", l->supplier_lot);
	snprintf(v[7], sizeof(v[7]), "%s", l->received);
	snprintf(v[8], sizeof(v[8]), "%s", fixed_format(l->unit_cost, 0, cost));
	snprintf(v[9], sizeof(v[9]), "%s", _(l->origin));
	int y = r->y;
	/* two columns of fields when there is room, else the first six, one a line */
	if (r->w >= 60) {
		int half = r->w / 2, lw = 10;
		for (int i = 0; i < 10; i += 2) {
			term_put(y, r->x, lw, label[i], ST_HEADER);
			term_put(y, r->x + lw + 1, half - lw - 2, v[i],
			         i == 2 && strstr(v[i], ",") ? ST_EXPIRED : ST_NORMAL);
			term_put(y, r->x + half, lw, label[i + 1], ST_HEADER);
			term_put(y, r->x + half + lw + 1, r->w - half - lw - 1, v[i + 1],
			         ST_NORMAL);
			y++;
		}
		/* statuses in a fixed order: quantity, status, expiry left; the rest right */
	} else {
		/* narrow: the fields that decide what can be done, short labels */
		static const int order[] = {1, 2, 3, 4, 0, 5};
		const char *short_label[6] = {_("Qty"),  _("Status"), _("Expiry"),
		                              _("Loc."), _("Item"),   _("COA")};
		int lw = 6, nf = r->h >= 14 ? 6 : 4;
		for (int k = 0; k < nf; k++) {
			int i = order[k];
			term_put(y, r->x, lw, short_label[k], ST_HEADER);
			term_put(y, r->x + lw + 1, r->w - lw - 1, v[i],
			         i == 2 && strstr(v[i], ",") ? ST_EXPIRED : ST_NORMAL);
			y++;
		}
	}
	struct rect tr = {y + 1, r->x, r->y + r->h - y - 1, r->w};
	table_draw(&ls->t, &tr);
}

/* ---- the action forms ---- */

struct lot_form {
	char code[LOT_MAX + 1];
	enum permission perm;
};

static struct form *lot_form(struct ui *ui, struct lot_screen *ls, const char *title,
                             enum permission perm, int (*submit)(struct ui *, struct form *))
{
	/* the role is the service's rule; asking first saves filling a form in vain */
	if (session_require(&ui->s, perm)) {
		ui_error(ui, NULL);
		return NULL;
	}
	struct form *fm = form_new(title);
	struct lot_form *lf = xcalloc(1, sizeof(*lf));
	char q[FIXED_BUFSZ];
	strlcpy_(lf->code, ls->l.code, sizeof(lf->code));
	lf->perm = perm;
	fm->ctx = lf;
	fm->free_ctx = free;
	fm->submit = submit;
	snprintf(fm->intro, sizeof(fm->intro), "%s  %s  %s %s  %s  %s", ls->l.code, ls->l.item_code,
	         fixed_format(ls->l.qty, 0, q), ls->l.unit, ls->l.location_code, _(ls->l.status));
	return fm;
}

static struct form_field *reason_field(struct form *fm, const char *list, int required)
{
	struct form_field *f = form_add(fm, "reason", _("Reason"), FIELD_CHOICE, required);
	f->svc_key = N_("reason");
	form_add_choices(f, list);
	return f;
}

static struct form_field *note_field(struct form *fm)
{
	struct form_field *f = form_add(fm, "note", _("Note"), FIELD_TEXT, 0);
	f->svc_key = N_("note");
	return f;
}

static struct form_field *qty_field(struct form *fm, const struct lot *l, int required)
{
	struct form_field *f = form_add(fm, "qty", _("Quantity"), FIELD_QTY, required);
	f->svc_key = N_("quantity");
	f->unit = l->unit;
	return f;
}

static int adjust_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	char num[64], unit[64];
	form_qty(fm, "qty", num, sizeof(num), unit, sizeof(unit));
	int delta = num[0] == '+' || num[0] == '-';
	int rc =
	    ledger_adjust(&ui->s, lf->code, num[0] == '+' ? num + 1 : num, unit[0] ? unit : NULL,
	                  delta, form_get(fm, "reason"), form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Lot %s adjusted"), lf->code);
	return rc;
}

static int add_location(void *ctx, const struct location *l)
{
	form_add_choice(ctx, l->code);
	return 0;
}

static int transfer_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	int rc = ledger_move(&ui->s, lf->code, form_get(fm, "to"), form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Lot %s moved to %s"), lf->code, form_get(fm, "to"));
	return rc;
}

static int hold_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	int rc =
	    lf->perm == PERM_HOLD
	        ? ledger_hold(&ui->s, lf->code, form_get(fm, "reason"), form_get(fm, "note"))
	        : ledger_quarantine(&ui->s, lf->code, form_get(fm, "reason"), form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui,
		        lf->perm == PERM_HOLD ? _("Lot %s is on hold")
		                              : _("Lot %s is in quarantine"),
		        lf->code);
	return rc;
}

static int release_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	int rc = ledger_release(&ui->s, lf->code, form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Lot %s released"), lf->code);
	return rc;
}

static int scrap_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	char num[64], unit[64];
	form_qty(fm, "qty", num, sizeof(num), unit, sizeof(unit));
	int rc = ledger_scrap(&ui->s, lf->code, num[0] ? num : NULL, unit[0] ? unit : NULL,
	                      form_get(fm, "reason"), form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Lot %s scrapped"), lf->code);
	return rc;
}

static int correct_submit(struct ui *ui, struct form *fm)
{
	struct lot_form *lf = fm->ctx;
	int64_t no = atoll(form_get(fm, "no"));
	int rc = ledger_correct(&ui->s, lf->code, no, form_get(fm, "reason"), form_get(fm, "note"));
	if (rc == OK)
		ui_info(ui, _("Movement #%lld of lot %s corrected"), (long long)no, lf->code);
	return rc;
}

static void open_action(struct ui *ui, struct lot_screen *ls, int action)
{
	struct form *fm = NULL;
	struct form_field *f;
	switch (action) {
	case ACT_LOT_ADJUST:
		if (!(fm = lot_form(ui, ls, _("Adjust"), PERM_ADJUST, adjust_submit)))
			return;
		f = qty_field(fm, &ls->l, 1);
		f->signed_qty = 1;
		f->hint = _("the new count, or +/- a change");
		reason_field(fm, ADJUST_REASONS, 1);
		note_field(fm);
		break;
	case ACT_LOT_TRANSFER:
		if (!(fm = lot_form(ui, ls, _("Move"), PERM_MOVE, transfer_submit)))
			return;
		f = form_add(fm, "to", _("To location"), FIELD_CHOICE, 1);
		f->svc_key = N_("to");
		db_location_each(ui->s.store, add_location, f);
		note_field(fm);
		break;
	case ACT_LOT_HOLD:
	case ACT_LOT_QUARANTINE: {
		int hold = action == ACT_LOT_HOLD;
		if (!(fm = lot_form(ui, ls, hold ? _("Hold") : _("Quarantine"),
		                    hold ? PERM_HOLD : PERM_QUARANTINE, hold_submit)))
			return;
		reason_field(fm, HOLD_REASONS, 1);
		note_field(fm);
		break;
	}
	case ACT_LOT_RELEASE:
		if (!(fm = lot_form(ui, ls, _("Release"), PERM_RELEASE, release_submit)))
			return;
		note_field(fm);
		break;
	case ACT_LOT_SCRAP:
		if (!(fm = lot_form(ui, ls, _("Scrap"), PERM_SCRAP, scrap_submit)))
			return;
		f = qty_field(fm, &ls->l, 0);
		f->hint = _("empty: all of it");
		reason_field(fm, SCRAP_REASONS, 1);
		note_field(fm);
		break;
	case ACT_LOT_CORRECT: {
		const int *sel = table_selected(&ls->t);
		if (!(fm = lot_form(ui, ls, _("Correct"), PERM_CORRECT, correct_submit)))
			return;
		f = form_add(fm, "no", _("Movement #"), FIELD_NUMBER, 1);
		f->svc_key = N_("correct");
		if (sel) {
			char no[24];
			snprintf(no, sizeof(no), "%lld", (long long)ls->m[*sel].no);
			form_set(fm, "no", no);
		}
		f = form_add(fm, "reason", _("Reason"), FIELD_TEXT, 0);
		f->hint = _("why: a reason or a note");
		note_field(fm);
		form_focus(fm, "reason");
		break;
	}
	default:
		return;
	}
	ui_push_form(ui, fm);
}

static enum result lot_action(struct ui *ui, void *st, int action)
{
	struct lot_screen *ls = st;
	switch (action) {
	case ACT_LOT_ADJUST:
	case ACT_LOT_TRANSFER:
	case ACT_LOT_HOLD:
	case ACT_LOT_RELEASE:
	case ACT_LOT_QUARANTINE:
	case ACT_LOT_SCRAP:
	case ACT_LOT_CORRECT:
		open_action(ui, ls, action);
		return RES_HANDLED;
	case ACT_OPEN:
		return RES_HANDLED;
	case ACT_LOT_TRACE: {
		/* forward first: where the lot went is what a recall asks */
		struct trace_open_arg arg = {ls->l.code, 0};
		ui_push(ui, SCREEN_TRACE, &arg);
		return RES_HANDLED;
	}
	}
	return table_action(&ls->t, action);
}

const struct screen_ops screen_lot_ops = {
    .name = "lot",
    .id = SCREEN_LOT,
    .open = lot_open,
    .close = lot_close,
    .resume = lot_resume,
    .title = lot_title,
    .draw = lot_draw,
    .action = lot_action,
};
