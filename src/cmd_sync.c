/* lotline serve, sync and peer: the central peer, a terminal's sync, enrolment. */
#include "clock.h"
#include "cmd.h"
#include "error.h"
#include "i18n.h"
#include "sync.h"
#include "util.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Log lines with the wall time, to stderr or a file. */
static void log_line(void *ctx, const char *line)
{
	FILE *fp = ctx ? ctx : stderr;
	char t[32];
	time_t now = time(NULL);
	strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fprintf(fp, "%s lotline: %s\n", t, line);
	fflush(fp);
}

/* ---- serve ---- */

static void serve_ready(void *ctx, const char *endpoint)
{
	(void)endpoint;
	(void)ctx;
	/* tests and service managers wait for this line */
	printf(_("listening on %s\n"), endpoint);
	fflush(stdout);
}

static int exec_serve(struct session *unused, const struct args *a)
{
	FILE *logf = NULL;
	int rc;
	(void)unused;
	if (!arg(a, "listen"))
		return error_set(ERR_INVALID, _("serve: give --listen tcp://ADDR:PORT"));
	if (arg(a, "log") && !(logf = fopen(arg(a, "log"), "a")))
		return error_set(ERR_IO, _("cannot open the log %s"), arg(a, "log"));
	struct serve_opts o = {
	    .db_path = cmd_db_path(a),
	    .listen = arg(a, "listen"),
	    .insecure = flag(a, "insecure"),
	    .stop = &stop_flag,
	    .log = log_line,
	    .on_ready = serve_ready,
	    .ctx = logf,
	};
	catch_signals();
	rc = sync_serve(&o);
	if (logf)
		fclose(logf);
	return rc;
}

static const struct opt serve_opts[] = {
    {"listen", N_("ADDR"), N_("where terminals connect, e.g. tcp://0.0.0.0:7400 (required)")},
    {"log", N_("FILE"), N_("append refusals and connections to FILE (else stderr)")},
    {"insecure", NULL, N_("plain TCP without CURVE or enrolment (tests only)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_serve = {
    .name = "serve",
    .usage = N_("--listen tcp://ADDR:PORT [--log FILE]"),
    .summary = N_("run a central peer that enrolled terminals sync with"),
    .opts = serve_opts,
    .min_pos = 0,
    .max_pos = 0,
    .flags = CMD_NO_STORE,
    .exec = exec_serve,
};

/* ---- sync ---- */

static void print_status(void *ctx, const struct sync_status *st)
{
	static int was_online = -1;
	(void)ctx;
	if (st->online != was_online && was_online != -1)
		log_line(NULL, st->online ? _("online") : _("offline"));
	was_online = st->online;
}

static int exec_sync(struct session *unused, const struct args *a)
{
	struct sync_status st;
	int follow = flag(a, "follow");
	int verbose = flag(a, "verbose") || follow;
	int rc;
	(void)unused;
	struct sync_opts o = {
	    .db_path = cmd_db_path(a),
	    .peer = arg(a, "peer"),
	    .server_key = arg(a, "key"),
	    .insecure = flag(a, "insecure"),
	    .follow = follow,
	    .timeout_ms = arg(a, "timeout") ? atoi(arg(a, "timeout")) * 1000 : 0,
	    .stop = &stop_flag,
	    .wake_fd = -1,
	    .on_status = follow ? print_status : NULL,
	    .log = verbose ? log_line : NULL,
	};
	if (arg(a, "timeout") && o.timeout_ms <= 0)
		return error_set(ERR_INVALID, _("--timeout: a number of seconds, not '%s'"),
		                 arg(a, "timeout"));
	catch_signals();
	rc = sync_client_run(&o, &st);
	if (rc == OK || st.sent || st.received)
		printf(_("%s: sent %lld, received %lld, exceptions %lld raised (%lld open)\n"),
		       st.peer, (long long)st.sent, (long long)st.received, (long long)st.raised,
		       (long long)st.exceptions);
	return rc;
}

static const struct opt sync_opts_[] = {
    {"peer", N_("ADDR"), N_("the central peer, tcp://HOST:PORT (else the enrolled one)")},
    {"key", N_("KEY"), N_("the central peer's public key (else the enrolled one)")},
    {"follow", NULL, N_("keep syncing until interrupted")},
    {"timeout", N_("SECONDS"), N_("give up after this long without progress (default 30)")},
    {"verbose", NULL, N_("log connections to stderr")},
    {"insecure", NULL, N_("plain TCP without CURVE (tests only)")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_sync = {
    .name = "sync",
    .usage = N_("[--peer tcp://HOST:PORT] [--follow] [--timeout SECONDS]"),
    .summary = N_("bring this store level with the central peer"),
    .opts = sync_opts_,
    .min_pos = 0,
    .max_pos = 0,
    .flags = CMD_NO_STORE,
    .exec = exec_sync,
};

/* ---- peer ---- */

static int print_peer(void *ctx, const struct peer *p)
{
	char when[20];
	(void)ctx;
	time_format_short(p->enrolled_ms, when);
	printf("%-4s %s %s %s %s%s%s\n", p->code, p->site_id, p->public_key, when,
	       p->revoked_ms ? _("revoked") : _("enrolled"), p->address[0] ? " " : "", p->address);
	return 0;
}

/* The acting user, as main() resolves it for commands that open the store. */
static int open_session(const struct args *a, struct session *s)
{
	const char *name = a->user ? a->user : getenv("LOTLINE_USER");
	int rc = session_open(cmd_db_path(a), STORE_EXISTING, s);
	if (rc)
		return rc;
	if (name && *name && (rc = session_set_user(s, name))) {
		session_close(s);
		return rc;
	}
	return OK;
}

static int exec_peer(struct session *unused, const struct args *a)
{
	struct session s;
	const char *sub = a->pos[0];
	int rc;
	(void)unused;
	if (!strcmp(sub, "restore")) {
		char key[41];
		if (a->npos != 3)
			return error_set(ERR_INVALID,
			                 _("usage: lotline peer restore SITE_ID CODE"));
		if ((rc = peer_restore(cmd_db_path(a), a->pos[1], a->pos[2], key)))
			return rc;
		printf(_("store %s made for site %s; enrol its new key on the central peer:\n"
		         "  lotline peer enroll %s %s %s\n"
		         "then enrol the central peer here and run 'lotline sync'.\n"),
		       cmd_db_path(a), a->pos[2], key, a->pos[1], a->pos[2]);
		return OK;
	}
	if (strcmp(sub, "key") && strcmp(sub, "enroll") && strcmp(sub, "revoke") &&
	    strcmp(sub, "list"))
		return error_set(ERR_INVALID,
		                 _("peer: '%s' is not key, enroll, revoke, list or restore"), sub);
	if ((rc = open_session(a, &s)))
		return rc;
	if (!strcmp(sub, "key")) {
		char key[41], site[33], code[8];
		if ((rc = peer_self(&s, key, site, code)) == OK)
			printf("%s %s %s\n", key, site, code);
	} else if (!strcmp(sub, "enroll")) {
		if (a->npos != 4)
			rc = error_set(ERR_INVALID, _("usage: lotline peer enroll KEY SITE_ID CODE "
			                              "[--address tcp://HOST:PORT]"));
		else if ((rc = peer_enroll(&s, a->pos[1], a->pos[2], a->pos[3],
		                           arg(a, "address"))) == OK)
			printf(_("enrolled %s (site %s)\n"), a->pos[3], a->pos[2]);
	} else if (!strcmp(sub, "revoke")) {
		struct peer p;
		if (a->npos != 2)
			rc = error_set(ERR_INVALID,
			               _("usage: lotline peer revoke KEY|SITE_ID|CODE"));
		else if ((rc = peer_revoke(&s, a->pos[1], &p)) == OK)
			printf(_("revoked %s (site %s, key %s)\n"), p.code, p.site_id,
			       p.public_key);
	} else {
		rc = peer_each(&s, flag(a, "all"), print_peer, NULL);
	}
	session_close(&s);
	return rc;
}

static const struct opt peer_opts[] = {
    {"address", N_("ADDR"), N_("enroll: the central peer's tcp://HOST:PORT (on a terminal)")},
    {"all", NULL, N_("list: revoked keys too")},
    {NULL, NULL, NULL},
};

const struct cmd_entry cmd_peer = {
    .name = "peer",
    .usage = N_("key | enroll KEY SITE_ID CODE [--address ADDR] | revoke KEY|SITE_ID|CODE | "
                "list [--all] | restore SITE_ID CODE"),
    .summary = N_("enrol the terminals and central peer this store syncs with"),
    .opts = peer_opts,
    .min_pos = 1,
    .max_pos = 4,
    .flags = CMD_NO_STORE,
    .exec = exec_peer,
};
