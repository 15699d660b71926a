/* Input: keys from the terminal, or (test mode, $LOTLINE_SCRIPT) lines of a
 * script: keys ("ana<Tab>1111<Enter>", "<F7>"), and commands ":scan CODE",
 * ":save-screen FILE", ":resize COLSxROWS", ":idle MINUTES"; "#" comments. A scan
 * is one event carrying the whole code, never keys. */
#ifndef LOTLINE_UI_INPUT_H
#define LOTLINE_UI_INPUT_H

enum input_kind {
	IN_KEY,
	IN_SCAN,
	IN_SAVE_SCREEN,
	IN_RESIZE,
	IN_IDLE,    /* test mode: this many minutes pass without a key */
	IN_TIMEOUT, /* nothing came in time */
	IN_END,     /* the script ended, or the terminal went away */
};

struct input_event {
	enum input_kind kind;
	int key;
	int rows, cols, minutes;
	char text[1024];
	char desc[80]; /* what came, for the timing trace */
};

/* Open the script named by $LOTLINE_SCRIPT, if any; -1 (message on stderr)
 * when it cannot be read. */
int input_open(void);
void input_close(void);
int input_is_script(void);
/* The next event; waits at most timeout_ms (< 0: no limit). */
void input_next(struct input_event *ev, int timeout_ms);
/* Is another key already waiting? (Then drawing can wait for it.) */
int input_pending(void);
struct scan_config;
/* How to tell a scanner from a person (ui/scanner.h); defaults until set. */
void input_set_scanner(const struct scan_config *c);
/* Was a signal asking us to stop received? */
int input_stop_requested(void);

#endif
