/* Raw ZeroMQ throughput over CURVE on loopback: what the sync figures are set
 * beside. One DEALER sends FRAMES frames of BYTES bytes to a ROUTER in another
 * thread, as fast as libzmq takes them; the time runs until the last arrived.
 *
 *   zmq_raw BYTES FRAMES        prints seconds, MB/s and frames/s */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static char server_pub[41], server_sec[41];
static const char *endpoint = "tcp://127.0.0.1:0";
static char bound[256];
static long frames;
static size_t bytes;
static volatile int ready;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *receiver(void *ctx)
{
	void *r = zmq_socket(ctx, ZMQ_ROUTER);
	int one = 1, hwm = 0;
	size_t len = sizeof(bound);
	zmq_setsockopt(r, ZMQ_CURVE_SERVER, &one, sizeof(one));
	zmq_setsockopt(r, ZMQ_CURVE_SECRETKEY, server_sec, 41);
	zmq_setsockopt(r, ZMQ_RCVHWM, &hwm, sizeof(hwm));
	if (zmq_bind(r, endpoint) != 0) {
		fprintf(stderr, "zmq_raw: bind: %s\n", zmq_strerror(zmq_errno()));
		exit(1);
	}
	zmq_getsockopt(r, ZMQ_LAST_ENDPOINT, bound, &len);
	ready = 1;
	char id[256];
	int idn = 0;
	zmq_msg_t m;
	zmq_msg_init(&m);
	for (long i = 0; i < frames; i++) {
		idn = zmq_recv(r, id, sizeof(id), 0);
		zmq_msg_recv(&m, r, 0);
	}
	zmq_msg_close(&m);
	zmq_send(r, id, (size_t)idn, ZMQ_SNDMORE);
	zmq_send(r, "done", 4, 0);
	zmq_close(r);
	return NULL;
}

int main(int argc, char **argv)
{
	char pub[41], sec[41];
	pthread_t t;
	if (argc != 3) {
		fprintf(stderr, "usage: zmq_raw BYTES FRAMES\n");
		return 2;
	}
	bytes = (size_t)atol(argv[1]);
	frames = atol(argv[2]);
	zmq_curve_keypair(server_pub, server_sec);
	zmq_curve_keypair(pub, sec);
	void *ctx = zmq_ctx_new();
	pthread_create(&t, NULL, receiver, ctx);
	while (!ready)
		sched_yield();
	void *d = zmq_socket(ctx, ZMQ_DEALER);
	int hwm = 0;
	zmq_setsockopt(d, ZMQ_SNDHWM, &hwm, sizeof(hwm));
	zmq_setsockopt(d, ZMQ_CURVE_SERVERKEY, server_pub, 41);
	zmq_setsockopt(d, ZMQ_CURVE_PUBLICKEY, pub, 41);
	zmq_setsockopt(d, ZMQ_CURVE_SECRETKEY, sec, 41);
	zmq_connect(d, bound);
	char *buf = calloc(1, bytes);
	char reply[8];
	/* the handshake is not part of the figure */
	zmq_send(d, buf, bytes, 0);
	long timed = frames - 1;
	double t0 = now();
	for (long i = 0; i < timed; i++)
		zmq_send(d, buf, bytes, 0);
	zmq_recv(d, reply, sizeof(reply), 0);
	double s = now() - t0;
	printf("%.3f\t%.1f MB/s\t%.0f frames/s\n", s, timed * (double)bytes / s / 1e6, timed / s);
	pthread_join(t, NULL);
	zmq_close(d);
	zmq_ctx_term(ctx);
	free(buf);
	return 0;
}
