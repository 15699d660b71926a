/* Display width of UTF-8 text in terminal cells, and fitting text to a width. */
#ifndef LOTLINE_TEXTWIDTH_H
#define LOTLINE_TEXTWIDTH_H

#include <stddef.h>

/* Cells the text takes (invalid bytes count one each). */
int text_width(const char *s);
/* Copy s into buf so that it takes at most width cells, cutting at a character
 * boundary and marking the cut with '~'; pad with spaces to exactly width when pad. */
void text_fit(const char *s, int width, int pad, char *buf, size_t bufsz);

#endif
