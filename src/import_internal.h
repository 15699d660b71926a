/* Inside the import service (src/import.c) and the kinds kept in files of their
 * own (src/import_recipes.c, src/import_orders.c): a kind's columns, the state of one import, and
 * how a problem is said. */
#ifndef LOTLINE_IMPORT_INTERNAL_H
#define LOTLINE_IMPORT_INTERNAL_H

#include "csv_read.h"
#include "import.h"
#include "record.h"
#include "session.h"
#include "util.h"

#define COLS_MAX  32
#define NAME_SIZE 128
#define CHUNK     (64 * 1024)
#define PASS_STOP (-1) /* the first pass has seen what it needs */

enum col_type { CT_TEXT, CT_LOWER, CT_DECIMAL, CT_DATE };

struct col_def {
	const char *key;
	const char *label; /* N_(): the field as messages name it */
	const char *names; /* other header names, |-separated, as name_norm() leaves them */
	enum col_type type;
	int required;
};

struct import_run;

/* Codes seen in a master-data file, with the line of each: open addressing,
 * since a file of items has thousands of rows, not millions. */

struct import_kind {
	const char *name;
	enum permission perm;
	const struct record_spec *spec; /* master data: the columns are its fields */
	const struct col_def *cols;     /* else the columns; for master data, names by key */
	size_t ncols;
	const char *known; /* columns of lotline's own exports that are read and not used */
	int (*apply)(struct import_run *u, const char *const *v, const char **bad_key);
	/* After the last row (ok: no problem so far); frees what apply kept. */
	int (*finish)(struct import_run *u, int ok);
};

struct import_run {
	struct session *s;
	const struct import_kind *kind;
	const struct import_opts *o;
	struct import_result *res;
	struct csv_reader *reader;
	int pass; /* 1: learning the order of dates; 2: importing */
	struct col_def cols[COLS_MAX];
	size_t ncols;
	int at[COLS_MAX]; /* the file's column (0-based) of each, or -1 */
	char **header;
	size_t nheader;
	int have_header;
	int decimal_comma;
	enum date_order dates;
	struct strbuf val[COLS_MAX];
	const char *v[COLS_MAX];
	char bad_key[64];
	long line;   /* the row being applied */
	void *state; /* what a kind keeps between rows (recipes: their lines) */
	struct {
		long line;
		size_t col;
		int k;
		char value[64];
	} seen[3];           /* the first date that reads only as d/m, only as m/d, either */
	struct strmap codes; /* master data: each code's first line */
	struct import_preview *preview; /* preview: the rows go here, nothing is applied */
	size_t preview_max;
};

/* A problem at line:col of the file (col 0: the line as a whole). */
void import_say(struct import_run *u, int warning, long line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Opening lots (src/import_lots.c): one row per lot. */
#define IMPORT_LOT_NCOLS 12
extern const struct col_def import_lot_cols[IMPORT_LOT_NCOLS];
int import_lot_row(struct import_run *u, const char *const *v, const char **bad_key);
int import_lot_finish(struct import_run *u, int ok);

/* Recipes (src/import_recipes.c): one row per recipe line. */
#define IMPORT_RECIPE_NCOLS 9
extern const struct col_def import_recipe_cols[IMPORT_RECIPE_NCOLS];
int import_recipe_row(struct import_run *u, const char *const *v, const char **bad_key);
int import_recipe_finish(struct import_run *u, int ok);

/* Documents of several rows sharing a reference (src/import_groups.c). */
#define IMPORT_GROUP_ROWS 200 /* rows (lines) of one document */
struct import_group_kind {
	int ref;         /* the column of the reference (its label names the document) */
	const int *same; /* the columns every row of a document must agree on */
	size_t nsame;
	int ncols; /* the columns kept of each row */
	const struct col_def *cols;
	/* add one document, rows[k] the values of its k-th row; a message that
	 * starts "line K: " is said on that row */
	int (*add)(struct import_run *u, const char *const *const *rows, int n);
};
int import_group_row(struct import_run *u, const struct import_group_kind *k, const char *const *v);
int import_group_finish(struct import_run *u, const struct import_group_kind *k, int ok);

/* Customer orders (src/import_orders.c): one row per order line. */
enum { O_CUSTOMER, O_REF, O_SHIP_DATE, O_ITEM, O_QTY, O_UNIT, O_LOT, O_NOTE, IMPORT_ORDER_NCOLS };
extern const struct col_def import_order_cols[IMPORT_ORDER_NCOLS];
int import_order_row(struct import_run *u, const char *const *v, const char **bad_key);
int import_order_finish(struct import_run *u, int ok);

/* Purchase orders (src/import_purchases.c): one row per order line. */
enum {
	P_SUPPLIER,
	P_REF,
	P_EXPECTED,
	P_ITEM,
	P_QTY,
	P_UNIT,
	P_COST,
	P_NOTE,
	IMPORT_PURCHASE_NCOLS
};
extern const struct col_def import_purchase_cols[IMPORT_PURCHASE_NCOLS];
int import_purchase_row(struct import_run *u, const char *const *v, const char **bad_key);
int import_purchase_finish(struct import_run *u, int ok);

/* A problem a service found about the row at `line`, put in the column its
 * message is about (the record's bad key, else the field the message starts
 * with). */
void import_service_problem_at(struct import_run *u, long line, const char *msg,
                               const char *bad_key);

#endif
