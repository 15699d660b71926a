/* The background sync thread: sync_client_run in follow mode, a pipe to wake it
 * after a local commit, and a status snapshot behind a mutex. */
#include "sync_agent.h"
#include "error.h"
#include "i18n.h"
#include "util.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sync_agent {
	struct sync_agent_opts o;
	char *db_path, *peer, *server_key;
	pthread_t thread;
	pthread_mutex_t lock;
	struct sync_status status;
	volatile sig_atomic_t stop;
	int pipe[2];
};

static void on_status(void *ctx, const struct sync_status *st)
{
	struct sync_agent *a = ctx;
	pthread_mutex_lock(&a->lock);
	a->status = *st;
	pthread_mutex_unlock(&a->lock);
}

static void on_log(void *ctx, const char *line)
{
	struct sync_agent *a = ctx;
	if (a->o.log)
		a->o.log(a->o.ctx, line);
}

static void *run(void *arg)
{
	struct sync_agent *a = arg;
	struct sync_status final;
	struct sync_opts o = {
	    .db_path = a->db_path,
	    .peer = a->peer,
	    .server_key = a->server_key,
	    .insecure = a->o.insecure,
	    .follow = 1,
	    .stop = &a->stop,
	    .wake_fd = a->pipe[0],
	    .on_status = on_status,
	    .log = on_log,
	    .ctx = a,
	};
	memset(&final, 0, sizeof(final));
	int rc = sync_client_run(&o, &final);
	pthread_mutex_lock(&a->lock);
	a->status = final;
	a->status.online = 0;
	a->status.stopped = 1;
	if (rc && !a->status.error[0])
		strlcpy_(a->status.error, error_msg(), sizeof(a->status.error));
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

int sync_agent_start(const struct sync_agent_opts *o, struct sync_agent **out)
{
	struct sync_agent *a = xcalloc(1, sizeof(*a));
	a->o = *o;
	a->db_path = xstrdup(o->db_path);
	a->peer = o->peer ? xstrdup(o->peer) : NULL;
	a->server_key = o->server_key ? xstrdup(o->server_key) : NULL;
	pthread_mutex_init(&a->lock, NULL);
	if (pipe(a->pipe) != 0) {
		free(a);
		return error_set(ERR_IO, _("cannot start the sync: no pipe"));
	}
	for (int i = 0; i < 2; i++)
		fcntl(a->pipe[i], F_SETFL, fcntl(a->pipe[i], F_GETFL) | O_NONBLOCK);
	if (pthread_create(&a->thread, NULL, run, a) != 0) {
		close(a->pipe[0]);
		close(a->pipe[1]);
		free(a);
		return error_set(ERR_IO, _("cannot start the sync thread"));
	}
	*out = a;
	return OK;
}

void sync_agent_status(struct sync_agent *a, struct sync_status *out)
{
	pthread_mutex_lock(&a->lock);
	*out = a->status;
	pthread_mutex_unlock(&a->lock);
}

void sync_agent_notify(struct sync_agent *a)
{
	/* a full pipe already means "wake up" */
	ssize_t n = write(a->pipe[1], "x", 1);
	(void)n;
}

void sync_agent_stop(struct sync_agent *a)
{
	if (!a)
		return;
	a->stop = 1;
	sync_agent_notify(a);
	pthread_join(a->thread, NULL);
	close(a->pipe[0]);
	close(a->pipe[1]);
	pthread_mutex_destroy(&a->lock);
	free(a->db_path);
	free(a->peer);
	free(a->server_key);
	free(a);
}
