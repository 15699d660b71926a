/* lotline po add|list|show|close: purchase orders. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "output.h"
#include "purchasing.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct out_col po_cols[] = {
    {"ref", N_("Order"), 12, 0},          {"supplier", N_("Supplier"), 10, 0},
    {"supplier_name", N_("Name"), 22, 0}, {"expected", N_("Expected"), 10, 0},
    {"status", N_("Status"), 9, 0},       {"lines", N_("Lines"), 5, 1},
    {"open_lines", N_("Open"), 5, 1},
};

static int po_row(void *ctx, const struct po *p)
{
	char n[24], o[24];
	snprintf(n, sizeof(n), "%lld", (long long)p->lines);
	snprintf(o, sizeof(o), "%lld", (long long)p->open_lines);
	const char *v[7] = {p->ref, p->supplier_code, p->supplier_name, p->expected, p->status, n,
	                    o};
	out_row(ctx, v);
	return 0;
}

static const struct out_col line_cols[] = {
    {"line", N_("#"), 3, 1},          {"item", N_("Item"), 12, 0},
    {"item_name", N_("Name"), 22, 0}, {"ordered", N_("Ordered"), 12, 0},
    {"qty", N_("Qty"), 10, 1},        {"received", N_("Received"), 10, 1},
    {"unit", N_("Unit"), 5, 0},       {"unit_cost", N_("Cost"), 9, 1},
    {"status", N_("Status"), 8, 0},
};

static int line_row(void *ctx, const struct po_line *l)
{
	char n[24], q[FIXED_BUFSZ], r[FIXED_BUFSZ], c[FIXED_BUFSZ];
	snprintf(n, sizeof(n), "%lld", (long long)l->line);
	const char *v[9] = {n,
	                    l->item_code,
	                    l->item_name,
	                    l->ordered,
	                    fixed_format(l->qty, 0, q),
	                    fixed_format(l->received, 0, r),
	                    l->unit,
	                    fixed_format(l->unit_cost, 0, c),
	                    l->closed ? _("closed") : _("open")};
	out_row(ctx, v);
	return 0;
}

static int exec_po(struct session *s, const struct args *a)
{
	const char *verb = a->pos[0];
	enum out_format fmt = OUT_TABLE;
	int rc;
	if (arg(a, "format") && (rc = out_format_parse(arg(a, "format"), &fmt)))
		return rc;
	if (!strcmp(verb, "add")) {
		const char *const *texts;
		int n = args_all(a, "line", &texts);
		struct po_line_req lines[MULTI_MAX];
		char *copies[MULTI_MAX];
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline po add REF --supplier CODE "
			                                "--line ITEM:QTY[:UNIT[:COST]] ..."));
		rc = OK;
		for (int i = 0; i < n; i++)
			copies[i] = xstrdup(texts[i]);
		for (int i = 0; i < n && rc == OK; i++)
			rc = po_line_parse(copies[i], &lines[i]);
		struct po_req r = {
		    a->pos[1], arg(a, "supplier"), arg(a, "expected"), arg(a, "note"), lines, n};
		if (rc == OK)
			rc = po_add(s, &r);
		for (int i = 0; i < n; i++)
			free(copies[i]);
		if (rc == OK)
			printf(_("purchase order %s added\n"), a->pos[1]);
		return rc;
	}
	if (!strcmp(verb, "list")) {
		struct out o;
		out_begin(&o, stdout, fmt, po_cols, (int)ARRAY_SIZE(po_cols));
		rc = db_po_each(s->store, arg(a, "status"), po_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "show")) {
		struct po p;
		struct out o;
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline po show REF"));
		if ((rc = db_po_get(s->store, a->pos[1], &p)))
			return rc;
		if (fmt == OUT_TABLE)
			printf(_("%s  %s %s  expected %s  %s\n\n"), p.ref, p.supplier_code,
			       p.supplier_name, p.expected[0] ? p.expected : "-", _(p.status));
		out_begin(&o, stdout, fmt, line_cols, (int)ARRAY_SIZE(line_cols));
		rc = db_po_lines_each(s->store, p.id, line_row, &o);
		out_end(&o);
		return rc;
	}
	if (!strcmp(verb, "close")) {
		long long line = 0;
		if (a->npos != 2)
			return error_set(ERR_INVALID, _("usage: lotline po close REF [--line N]"));
		if (arg(a, "line")) {
			char *end;
			line = strtoll(arg(a, "line"), &end, 10);
			if (*end || line < 1)
				return error_set(ERR_INVALID,
				                 _("--line: '%s' is not a line number"),
				                 arg(a, "line"));
		}
		if ((rc = po_close(s, a->pos[1], line)) == OK) {
			if (line)
				printf(_("line %lld of %s closed\n"), line, a->pos[1]);
			else
				printf(_("%s closed\n"), a->pos[1]);
		}
		return rc;
	}
	return error_set(ERR_INVALID, _("lotline po: '%s' is not one of add list show close"),
	                 verb);
}

static const struct opt po_opts[] = {
    {"supplier", N_("CODE"), N_("the supplier (add)")},
    {"expected", N_("DATE"), N_("expected delivery date (add)")},
    {"note", N_("TEXT"), N_("a note (add)")},
    {"line", N_("ITEM:QTY[:UNIT[:COST]]"),
     N_("an order line, repeated for each (add); the line number (close)")},
    {"status", N_("STATUS"), N_("open, closed or cancelled (list)")},
    {"format", N_("FORMAT"), N_("table, csv, tsv or json")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_po = {
    .name = "po",
    .usage = N_("add REF --supplier CODE --line ITEM:QTY[:UNIT[:COST]]... | list | show REF | "
                "close REF [--line N]"),
    .summary = N_("purchase orders: what is expected, and what has arrived"),
    .opts = po_opts,
    .min_pos = 1,
    .max_pos = 2,
    .exec = exec_po,
};
