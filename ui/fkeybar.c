/* The F-key bar on the bottom line, made from the bindings in force on the
 * current screen: F-keys first in their order, then other keys in keymap order,
 * each action once, fitted to the width (what does not fit is in help, F1). */
#include "ui/fkeybar.h"
#include "src/textwidth.h"
#include "ui/keys.h"
#include "ui/term.h"

#include <stdio.h>
#include <string.h>

/* Would this action do something on this screen? */
int fkeybar_applies(const struct frame *f, int action)
{
	int scope = action_scope(action);
	if (f->ops->offers && !f->ops->offers(f->st, action))
		return 0;
	return scope == SCOPE_GLOBAL || scope == (int)f->ops->id ||
	       (scope == SCREEN_FORM && f->ops->uses_form);
}

int fkeybar_entries(struct ui *ui, const struct frame *f, struct fkey_entry *out, int max)
{
	int scopes[4], ns = ui_scopes(f, scopes), n = 0;
	/* two passes: F-keys, then the rest */
	for (int pass = 0; pass < 2; pass++) {
		for (int key = LK_F(1); pass == 0 && key <= LK_F(LK_F_MAX); key++) {
			int a = keymap_lookup(&ui->km, scopes, ns, key);
			if (a < 0 || !action_in_bar(a) || !fkeybar_applies(f, a) ||
			    !ui_action_allowed(ui, f, a))
				continue;
			int dup = 0;
			for (int i = 0; i < n; i++)
				dup |= out[i].action == a;
			if (!dup && n < max)
				out[n++] = (struct fkey_entry){key, a};
		}
		for (int s = 0; pass == 1 && s < ns; s++) {
			for (int i = 0; i < ui->km.n; i++) {
				const struct binding *b = &ui->km.b[i];
				if (b->scope != scopes[s] ||
				    (b->key >= LK_F(1) && b->key <= LK_F(LK_F_MAX)))
					continue;
				/* shadowed by a binding of the same key in a nearer scope */
				if (keymap_lookup(&ui->km, scopes, ns, b->key) != b->action)
					continue;
				if (!action_in_bar(b->action) || !fkeybar_applies(f, b->action) ||
				    !ui_action_allowed(ui, f, b->action))
					continue;
				/* letters and digits type text in forms: not offered there */
				if (f->ops->typing && f->ops->typing(f->st) && LK_IS_CHAR(b->key))
					continue;
				int dup = 0;
				for (int k = 0; k < n; k++)
					dup |= out[k].action == b->action;
				if (!dup && n < max)
					out[n++] = (struct fkey_entry){b->key, b->action};
			}
		}
	}
	return n;
}

void fkeybar_draw(struct ui *ui, const struct frame *f, int y, int w)
{
	struct fkey_entry e[48];
	int n = fkeybar_entries(ui, f, e, 48);
	int x = 0;
	term_put(y, 0, w, "", ST_NORMAL);
	for (int i = 0; i < n; i++) {
		char key[16], label[64];
		lk_label(e[i].key, key, sizeof(key));
		snprintf(label, sizeof(label), "%s", action_label(e[i].action));
		int kw = text_width(key), lw = text_width(label);
		if (x + kw + lw > w)
			break;
		term_text(y, x, kw, key, ST_BAR_KEY);
		x += kw;
		term_put(y, x, lw, label, ST_BAR_LABEL);
		x += lw + 1;
	}
}
