/* Translation macros: every user-visible string goes through _() or N_(). */
#ifndef LOTLINE_I18N_H
#define LOTLINE_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s)              (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
