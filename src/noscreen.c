/* Until the screens are built, 'lotline' with no command prints the ledger. */
#include "cmd.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>

int ui_main(const char *db_path, const char *user);
int ui_main(const char *db_path, const char *user)
{
	(void)user;
	const struct cmd_entry *c = cmd_find("ledger");
	struct args a;
	struct session s;
	int rc = args_parse(c, 0, NULL, &a);
	if (rc == OK)
		rc = session_open(db_path, STORE_EXISTING, &s);
	if (rc)
		return cmd_fail(rc);
	rc = c->exec(&s, &a);
	session_close(&s);
	return rc ? cmd_fail(rc) : 0;
}
