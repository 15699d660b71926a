/* The screens and the named actions of the user interface, each listed once.
 * SCREEN_INFO yields the screen enum, the keymap scope names and one view-NAME
 * action per screen; ACTION_INFO yields the action enum, the names used in
 * keymaps, the F-key bar labels and the help text. No curses here. */
#ifndef LOTLINE_UI_ACTIONS_H
#define LOTLINE_UI_ACTIONS_H

#include "src/i18n.h"

/* id, name (keymaps and view-NAME), title, main-menu number (0: not in the
 * menu; 10 is the key 0, after 9), built (0: shown in the menu as not available
 * yet). */
#define SCREEN_INFO(_)                                                                             \
	_(LOGIN, "login", N_("Login"), 0, 1)                                                       \
	_(MENU, "menu", N_("Main menu"), 0, 1)                                                     \
	_(LEDGER, "ledger", N_("Ledger"), 1, 1)                                                    \
	_(RECEIVING, "receiving", N_("Receiving"), 2, 1)                                           \
	_(PRODUCTION, "production", N_("Production run"), 3, 1)                                    \
	_(PICKING, "picking", N_("Order picking"), 4, 1)                                           \
	_(TRACE, "trace", N_("Traceability"), 5, 1)                                                \
	_(DOCUMENTS, "documents", N_("Documents and QA"), 6, 1)                                    \
	_(RECALL, "recall", N_("Recall"), 7, 1)                                                    \
	_(TODAY, "today", N_("Today"), 8, 1)                                                       \
	_(SETTINGS, "settings", N_("Settings"), 9, 0)                                              \
	_(IMPORT, "import", N_("Import"), 10, 1)                                                   \
	_(LOT, "lot", N_("Lot"), 0, 1)                                                             \
	_(FORM, "form", N_("Form"), 0, 1)                                                          \
	_(HELP, "help", N_("Help"), 0, 1)                                                          \
	_(RECIPES, "recipes", N_("Recipes"), 0, 1)                                                 \
	_(ORDERS, "orders", N_("Orders"), 0, 1)

enum screen_id {
#define SCREEN_ENUM(id, name, title, menu, built) SCREEN_##id,
	SCREEN_INFO(SCREEN_ENUM)
#undef SCREEN_ENUM
	    SCREEN_COUNT
};

/* Keymap scopes: one per screen, then "global" (keys that work everywhere). */
#define SCOPE_GLOBAL SCREEN_COUNT
#define SCOPE_COUNT  (SCREEN_COUNT + 1)

/* Flags of an action: BAR actions are offered in the F-key bar when bound to a key. */
#define AF_BAR   1
#define AF_NOBAR 0

/* scope (a screen, or GLOBAL), id, name, F-key bar label, help, flags. Grouped
 * by scope; the help screen lists them in this order. */
#define ACTION_INFO(_)                                                                             \
	_(GLOBAL, HELP, "help", N_("Help"),                                                        \
	  N_("Show the keys of this screen; choose an action to run it"), AF_BAR)                  \
	_(GLOBAL, BACK, "back", N_("Back"), N_("Close this screen and go back"), AF_BAR)           \
	_(GLOBAL, MENU, "menu", N_("Menu"), N_("Go to the main menu"), AF_BAR)                     \
	_(GLOBAL, QUIT, "quit", N_("Quit"), N_("Leave lotline"), AF_BAR)                           \
	_(GLOBAL, LOCK, "lock", N_("Lock"), N_("Lock the screens until the PIN is given"), AF_BAR) \
	_(GLOBAL, SWITCH_USER, "switch-user", N_("User"), N_("Log in as another user"), AF_BAR)    \
	_(GLOBAL, REDRAW, "redraw", N_("Redraw"), N_("Draw the whole screen again"), AF_NOBAR)     \
	_(GLOBAL, MOVE_UP, "move-up", N_("Up"), N_("Select the line above"), AF_NOBAR)             \
	_(GLOBAL, MOVE_DOWN, "move-down", N_("Down"), N_("Select the line below"), AF_NOBAR)       \
	_(GLOBAL, PAGE_UP, "page-up", N_("PgUp"), N_("Show the page above"), AF_NOBAR)             \
	_(GLOBAL, PAGE_DOWN, "page-down", N_("PgDn"), N_("Show the page below"), AF_NOBAR)         \
	_(GLOBAL, MOVE_FIRST, "move-first", N_("First"), N_("Go to the first line"), AF_NOBAR)     \
	_(GLOBAL, MOVE_LAST, "move-last", N_("Last"), N_("Go to the last line"), AF_NOBAR)         \
	_(GLOBAL, OPEN, "open", N_("Open"), N_("Open the selected line"), AF_NOBAR)                \
	_(FORM, NEXT_FIELD, "next-field", N_("Next"), N_("Go to the next field"), AF_NOBAR)        \
	_(FORM, PREV_FIELD, "prev-field", N_("Prev"), N_("Go to the previous field"), AF_NOBAR)    \
	_(FORM, NEXT_OR_SAVE, "next-or-save", N_("Next"),                                          \
	  N_("Go to the next field; on the last field, save"), AF_NOBAR)                           \
	_(FORM, SAVE, "save", N_("Save"), N_("Check every field and save"), AF_BAR)                \
	_(FORM, COMPLETE, "complete", N_("Choices"),                                               \
	  N_("Complete the field from the known values (again: the next one)"), AF_BAR)            \
	_(FORM, CLEAR_FIELD, "clear-field", N_("Clear"), N_("Empty the field"), AF_NOBAR)          \
	_(LEDGER, LEDGER_SEARCH, "ledger-search", N_("Search"),                                    \
	  N_("Type to show only lots whose item, lot or supplier lot contains the text"), AF_BAR)  \
	_(LEDGER, LEDGER_FILTER, "ledger-filter", N_("Filter"),                                    \
	  N_("Filter by location, category, status, COA status and expiry"), AF_BAR)               \
	_(LEDGER, LEDGER_CLEAR, "ledger-clear", N_("All"), N_("Clear the search and filters"),     \
	  AF_BAR)                                                                                  \
	_(LEDGER, LEDGER_SORT, "ledger-sort", N_("Sort"), N_("Sort by the next column"), AF_BAR)   \
	_(LEDGER, LEDGER_SORT_PREV, "ledger-sort-prev", N_("Sort<"),                               \
	  N_("Sort by the previous column"), AF_NOBAR)                                             \
	_(LEDGER, LEDGER_SORT_REVERSE, "ledger-sort-reverse", N_("Reverse"),                       \
	  N_("Reverse the order"), AF_NOBAR)                                                       \
	_(LEDGER, LEDGER_EXPORT, "ledger-export", N_("Export"),                                    \
	  N_("Write the lots shown to a CSV file"), AF_BAR)                                        \
	_(LOT, LOT_ADJUST, "lot-adjust", N_("Adjust"), N_("Count or change the quantity"), AF_BAR) \
	_(LOT, LOT_TRANSFER, "lot-transfer", N_("Move"), N_("Move the lot to another location"),   \
	  AF_BAR)                                                                                  \
	_(LOT, LOT_HOLD, "lot-hold", N_("Hold"), N_("Put the lot on hold"), AF_BAR)                \
	_(LOT, LOT_RELEASE, "lot-release", N_("Release"),                                          \
	  N_("Release the lot from hold or quarantine"), AF_BAR)                                   \
	_(LOT, LOT_QUARANTINE, "lot-quarantine", N_("Quarant"), N_("Quarantine the lot"), AF_BAR)  \
	_(LOT, LOT_SCRAP, "lot-scrap", N_("Scrap"), N_("Scrap some or all of the lot"), AF_BAR)    \
	_(LOT, LOT_CORRECT, "lot-correct", N_("Correct"),                                          \
	  N_("Reverse the selected movement with a correcting one"), AF_BAR)                       \
	_(DOCUMENTS, DOCS_MARK, "docs-mark", N_("Mark"),                                           \
	  N_("Mark or unmark the selected row for a change to many at once"), AF_BAR)              \
	_(DOCUMENTS, DOCS_MARK_ALL, "docs-mark-all", N_("All"),                                    \
	  N_("Mark every row shown that has a document (again: unmark them all)"), AF_BAR)         \
	_(DOCUMENTS, DOCS_REVIEW, "docs-review", N_("Review"),                                     \
	  N_("Review the marked documents (or the selected one), with a note"), AF_BAR)            \
	_(DOCUMENTS, DOCS_LINK, "docs-link", N_("Link"),                                           \
	  N_("Link the marked reviewed documents to their lots, ready for audit"), AF_BAR)         \
	_(DOCUMENTS, DOCS_REJECT, "docs-reject", N_("Reject"),                                     \
	  N_("Reject the marked documents, with a reason"), AF_BAR)                                \
	_(DOCUMENTS, DOCS_RETIRE, "docs-retire", N_("Retire"),                                     \
	  N_("Retire the marked documents (replaced by another)"), AF_NOBAR)                       \
	_(DOCUMENTS, DOCS_RESTORE, "docs-restore", N_("Restore"),                                  \
	  N_("Restore the marked retired documents: uploaded again, to be reviewed"), AF_NOBAR)    \
	_(DOCUMENTS, DOCS_ASSIGN, "docs-assign", N_("Assign"),                                     \
	  N_("Assign a qa reviewer to the marked documents"), AF_BAR)                              \
	_(DOCUMENTS, DOCS_ATTACH, "docs-attach", N_("Attach"),                                     \
	  N_("Attach a COA file to the selected lot (stored in the store by content)"), AF_BAR)    \
	_(DOCUMENTS, DOCS_RESULT, "docs-result", N_("Result"),                                     \
	  N_("Enter a test result for the selected lot"), AF_BAR)                                  \
	_(DOCUMENTS, DOCS_RELEASE, "docs-release", N_("Release"),                                  \
	  N_("Release the selected lot from hold or quarantine (the release rules apply)"),        \
	  AF_BAR)                                                                                  \
	_(DOCUMENTS, DOCS_FILTER, "docs-filter", N_("Filter"),                                     \
	  N_("Filter by supplier, item, location and received date; show the queue or "            \
	     "documents by status"),                                                               \
	  AF_BAR)                                                                                  \
	_(DOCUMENTS, DOCS_QUEUE, "docs-queue", N_("Queue"),                                        \
	  N_("Clear the filters and show the queue: lots whose COA is missing or uploaded"),       \
	  AF_BAR)                                                                                  \
	_(DOCUMENTS, DOCS_EXPORT, "docs-export", N_("Export"),                                     \
	  N_("Write the lots' COA files and an index CSV for an audit into a directory"), AF_BAR)  \
	_(IMPORT, IMPORT_RUN, "import-run", N_("Import"),                                          \
	  N_("Import every row of the checked file in one transaction, after a confirmation"),     \
	  AF_BAR)                                                                                  \
	_(IMPORT, IMPORT_FILE, "import-file", N_("File"),                                          \
	  N_("Name the file, its kind and how to read it; then check it"), AF_BAR)                 \
	_(IMPORT, IMPORT_CHECK, "import-check", N_("Check"),                                       \
	  N_("Read the file again: the preview and every problem a dry run finds"), AF_BAR)        \
	_(PRODUCTION, PROD_PLAN, "prod-plan", N_("Plan"),                                          \
	  N_("Plan a run of an active recipe: scale or target quantity"), AF_BAR)                  \
	_(PRODUCTION, PROD_START, "prod-start", N_("Start"),                                       \
	  N_("Start the run (a shortage needs a manager and a reason)"), AF_BAR)                   \
	_(PRODUCTION, PROD_CONSUME, "prod-consume", N_("Lot in"),                                  \
	  N_("Type a lot going into the run (or scan it)"), AF_BAR)                                \
	_(PRODUCTION, PROD_EXTRA, "prod-extra", N_("Extra"),                                       \
	  N_("More than the plan, or an unplanned item, with a reason"), AF_BAR)                   \
	_(PRODUCTION, PROD_FINISH, "prod-finish", N_("Finish"),                                    \
	  N_("Finish the run: actual yield and the output lot"), AF_BAR)                           \
	_(PRODUCTION, PROD_NOTE, "prod-note", N_("Note"), N_("Add a note to the run"), AF_BAR)     \
	_(PRODUCTION, PROD_RECORD, "prod-record", N_("Record"), N_("Show the batch record"),       \
	  AF_BAR)                                                                                  \
	_(PRODUCTION, PROD_FAIL, "prod-fail", N_("Fail"),                                          \
	  N_("End the run as failed: what went in is waste; a note says why"), AF_NOBAR)           \
	_(PRODUCTION, PROD_CANCEL, "prod-cancel", N_("Cancel"),                                    \
	  N_("Cancel the run: every lot taken goes back"), AF_NOBAR)                               \
	_(PRODUCTION, PROD_SIGN, "prod-sign", N_("Sign"),                                          \
	  N_("Sign the batch record (the role the site's policy names)"), AF_NOBAR)                \
	_(PRODUCTION, PROD_RECIPES, "prod-recipes", N_("Recipes"), N_("Open the recipes"),         \
	  AF_NOBAR)                                                                                \
	_(RECIPES, RECIPE_PLAN, "recipe-plan", N_("Plan"),                                         \
	  N_("Plan a run of this recipe: scale or target quantity"), AF_BAR)                       \
	_(RECIPES, RECIPE_ACTIVATE, "recipe-activate", N_("Activate"),                             \
	  N_("Make the newest version the one that is scheduled"), AF_BAR)                         \
	_(RECIPES, RECIPE_ARCHIVE, "recipe-archive", N_("Archive"),                                \
	  N_("Archive this version: it can no longer be scheduled"), AF_BAR)                       \
	_(RECIPES, RECIPE_CLONE, "recipe-clone", N_("Clone"),                                      \
	  N_("Copy the recipe as a new draft to make a variation"), AF_BAR)                        \
	_(ORDERS, ORDER_CONFIRM, "order-confirm", N_("Confirm"),                                   \
	  N_("Confirm the order: reserve lots for every line"), AF_BAR)                            \
	_(ORDERS, ORDER_PICK, "order-pick", N_("Pick"), N_("Pick the order"), AF_BAR)              \
	_(ORDERS, ORDER_DESPATCH, "order-despatch", N_("Despatch"),                                \
	  N_("Show the despatch note of a shipped order"), AF_BAR)                                 \
	_(ORDERS, ORDER_FILTER, "order-filter", N_("Status"),                                      \
	  N_("Show only orders of the next status (all, draft, confirmed, ...)"), AF_BAR)          \
	_(ORDERS, ORDER_CANCEL, "order-cancel", N_("Cancel"),                                      \
	  N_("Cancel the order, with a reason"), AF_BAR)                                           \
	_(PICKING, PICK_SHORT, "pick-short", N_("Short"),                                          \
	  N_("Record a short pick: how much was there, and why; the rest is re-allocated"),        \
	  AF_BAR)                                                                                  \
	_(PICKING, PICK_SHIP, "pick-ship", N_("Ship"),                                             \
	  N_("Ship the picked order (asks to confirm), then show the despatch note"), AF_BAR)      \
	_(PICKING, PICK_ORDERS, "pick-orders", N_("Orders"),                                       \
	  N_("All orders: confirm, cancel, despatch notes"), AF_BAR)                               \
	_(PICKING, PICK_TYPE, "pick-type", N_("Type"),                                             \
	  N_("Type a location or lot code that does not scan"), AF_BAR)                            \
	_(LOT, LOT_TRACE, "lot-trace", N_("Trace"), N_("Trace where the lot went and came from"),  \
	  AF_BAR)                                                                                  \
	_(TRACE, TRACE_EXPAND, "trace-expand", N_("Open"),                                         \
	  N_("Open the lot a level (again: one more)"), AF_NOBAR)                                  \
	_(TRACE, TRACE_COLLAPSE, "trace-collapse", N_("Close"),                                    \
	  N_("Close the lot (if closed: go up)"), AF_NOBAR)                                        \
	_(TRACE, TRACE_DIRECTION, "trace-direction", N_("Back/Fwd"),                               \
	  N_("Trace the other way (suppliers/customers)"), AF_BAR)                                 \
	_(TRACE, TRACE_LOT, "trace-lot", N_("Lot"), N_("Trace another lot: type (or scan) it"),    \
	  AF_BAR)                                                                                  \
	_(TRACE, TRACE_RECALL, "trace-recall", N_("Recall"),                                       \
	  N_("Open a recall of the selected lot"), AF_BAR)                                         \
	_(RECALL, RECALL_NEW, "recall-new", N_("New"), N_("Open a recall or a mock recall"),       \
	  AF_BAR)                                                                                  \
	_(RECALL, RECALL_VIEW, "recall-view", N_("View"), N_("Show customers, lots or shipments"), \
	  AF_BAR)                                                                                  \
	_(RECALL, RECALL_NOTIFIED, "recall-notified", N_("Notified"),                              \
	  N_("Mark the selected customer notified"), AF_BAR)                                       \
	_(RECALL, RECALL_ACKNOWLEDGED, "recall-acknowledged", N_("Acked"),                         \
	  N_("Mark the selected customer acknowledged"), AF_BAR)                                   \
	_(RECALL, RECALL_RETURNED, "recall-returned", N_("Returned"),                              \
	  N_("Record what the customer sent back"), AF_BAR)                                        \
	_(RECALL, RECALL_EXPORT, "recall-export", N_("Export"),                                    \
	  N_("Write the notification list (CSV, text)"), AF_BAR)                                   \
	_(RECALL, RECALL_CLOSE, "recall-close", N_("Close"),                                       \
	  N_("Close the recall with a summary"), AF_BAR)                                           \
	_(RECEIVING, RECEIVING_BOOK, "receiving-book", N_("Book"),                                 \
	  N_("Book the whole receipt in one go (Enter on the last line does too)"), AF_BAR)        \
	_(RECEIVING, RECEIVING_ORDER, "receiving-order", N_("Order"),                              \
	  N_("Choose the purchase order (or none); scanning its reference does too"), AF_BAR)      \
	_(RECEIVING, RECEIVING_LOCATION, "receiving-location", N_("Place"),                        \
	  N_("Where new lines go; scanning a location does too"), AF_BAR)                          \
	_(RECEIVING, RECEIVING_ADD, "receiving-add", N_("Add"),                                    \
	  N_("Add a line by hand, without a label"), AF_BAR)                                       \
	_(RECEIVING, RECEIVING_EDIT, "receiving-edit", N_("Change"),                               \
	  N_("Change the selected line"), AF_BAR)                                                  \
	_(RECEIVING, RECEIVING_DROP, "receiving-drop", N_("Drop"),                                 \
	  N_("Take the selected line out of the receipt"), AF_BAR)                                 \
	_(RECEIVING, RECEIVING_LABELS, "receiving-labels", N_("Labels"),                           \
	  N_("Print lot labels on booking, or not (label_print_command)"), AF_BAR)

enum action {
	ACT_NONE = -1,
#define ACTION_ENUM(scope, id, name, label, help, flags) ACT_##id,
	ACTION_INFO(ACTION_ENUM)
#undef ACTION_ENUM
#define VIEW_ENUM(id, name, title, menu, built) ACT_VIEW_##id,
	    SCREEN_INFO(VIEW_ENUM)
#undef VIEW_ENUM
	        ACT_COUNT
};

/* The name used in keymaps ("ledger-filter", "view-today"). */
const char *action_name(int a);
/* The short F-key bar label, translated. */
const char *action_label(int a);
/* The help text, translated, into buf. */
const char *action_help(int a, char *buf, unsigned n);
/* The scope an action belongs to (a screen or SCOPE_GLOBAL). */
int action_scope(int a);
int action_in_bar(int a);
/* ACT_NONE when no action has this name. */
int action_by_name(const char *name);
/* The screen a view-NAME action opens, or -1. */
int action_view_screen(int a);

const char *screen_name(int screen);
const char *screen_title(int screen); /* translated */
int screen_menu_no(int screen);
int screen_built(int screen);
/* A keymap scope by name ("ledger", "global"); -1 when unknown. */
int scope_by_name(const char *name);
const char *scope_name(int scope);

#endif
