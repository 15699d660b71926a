/* Tables behind ui/actions.h: the names, labels and help of every action and screen. */
#include "ui/actions.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name, *title;
	int menu, built;
} screens[SCREEN_COUNT] = {
#define SCREEN_ROW(id, name, title, menu, built) {name, title, menu, built},
    SCREEN_INFO(SCREEN_ROW)
#undef SCREEN_ROW
};

#define SCOPE_OF_GLOBAL SCOPE_GLOBAL
#define SCOPE_OF_FORM   SCREEN_FORM
#define SCOPE_OF_LEDGER SCREEN_LEDGER
#define SCOPE_OF_LOT    SCREEN_LOT
#define SCOPE_OF_IMPORT SCREEN_IMPORT

/* documents and QA */
#define SCOPE_OF_DOCUMENTS SCREEN_DOCUMENTS
/* recipes and production runs */
#define SCOPE_OF_PRODUCTION SCREEN_PRODUCTION
#define SCOPE_OF_RECIPES    SCREEN_RECIPES
/* orders and picking */
#define SCOPE_OF_ORDERS  SCREEN_ORDERS
#define SCOPE_OF_PICKING SCREEN_PICKING
#define SCOPE_OF_TRACE   SCREEN_TRACE
#define SCOPE_OF_RECALL  SCREEN_RECALL

/* the receiving screen */
#define SCOPE_OF_RECEIVING SCREEN_RECEIVING

static const struct {
	int scope;
	const char *name, *label, *help;
	int flags;
} actions[] = {
#define ACTION_ROW(scope, id, name, label, help, flags)                                            \
	{SCOPE_OF_##scope, name, label, help, flags},
    ACTION_INFO(ACTION_ROW)
#undef ACTION_ROW
};

#define NACTIONS ((int)(sizeof(actions) / sizeof(actions[0])))

static const char *const view_names[SCREEN_COUNT] = {
#define VIEW_NAME(id, name, title, menu, built) "view-" name,
    SCREEN_INFO(VIEW_NAME)
#undef VIEW_NAME
};

const char *action_name(int a)
{
	if (a >= 0 && a < NACTIONS)
		return actions[a].name;
	if (a >= NACTIONS && a < ACT_COUNT)
		return view_names[a - NACTIONS];
	return "";
}

const char *action_label(int a)
{
	if (a >= 0 && a < NACTIONS)
		return _(actions[a].label);
	if (a >= NACTIONS && a < ACT_COUNT)
		return _(screens[a - NACTIONS].title);
	return "";
}

const char *action_help(int a, char *buf, unsigned n)
{
	if (a >= 0 && a < NACTIONS)
		snprintf(buf, n, "%s", _(actions[a].help));
	else if (a >= NACTIONS && a < ACT_COUNT)
		/* L10N: %s is a screen title, as in "Open the Ledger screen" */
		snprintf(buf, n, _("Open the %s screen"), _(screens[a - NACTIONS].title));
	else if (n)
		buf[0] = '\0';
	return buf;
}

int action_scope(int a)
{
	return a >= 0 && a < NACTIONS ? actions[a].scope : SCOPE_GLOBAL;
}

int action_in_bar(int a)
{
	return a >= 0 && a < NACTIONS ? (actions[a].flags & AF_BAR) != 0 : 1;
}

int action_by_name(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (!strcmp(action_name(a), name))
			return a;
	return ACT_NONE;
}

int action_view_screen(int a)
{
	return a >= NACTIONS && a < ACT_COUNT ? a - NACTIONS : -1;
}

const char *screen_name(int screen)
{
	return screen >= 0 && screen < SCREEN_COUNT ? screens[screen].name : "";
}

const char *screen_title(int screen)
{
	return screen >= 0 && screen < SCREEN_COUNT ? _(screens[screen].title) : "";
}

int screen_menu_no(int screen)
{
	return screen >= 0 && screen < SCREEN_COUNT ? screens[screen].menu : 0;
}

int screen_built(int screen)
{
	return screen >= 0 && screen < SCREEN_COUNT && screens[screen].built;
}

int scope_by_name(const char *name)
{
	if (!strcmp(name, "global"))
		return SCOPE_GLOBAL;
	for (int i = 0; i < SCREEN_COUNT; i++)
		if (!strcmp(screens[i].name, name))
			return i;
	return -1;
}

const char *scope_name(int scope)
{
	return scope == SCOPE_GLOBAL ? "global" : screen_name(scope);
}
