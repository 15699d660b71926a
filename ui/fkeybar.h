/* The F-key bar: the keys of the current screen with short labels, from the
 * bindings in force (never written by hand). */
#ifndef LOTLINE_UI_FKEYBAR_H
#define LOTLINE_UI_FKEYBAR_H

#include "ui/ui.h"

struct fkey_entry {
	int key, action;
};

/* Would this action do something on this screen (its own, form or global)? */
int fkeybar_applies(const struct frame *f, int action);
/* The bar's entries for a screen, in the order shown; returns how many. */
int fkeybar_entries(struct ui *ui, const struct frame *f, struct fkey_entry *out, int max);
void fkeybar_draw(struct ui *ui, const struct frame *f, int y, int w);

#endif
