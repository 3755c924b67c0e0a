// SPDX-License-Identifier: Apache-2.0
/*
 * rawfwd: the kernel's own limit for a UDP fan-out forwarder, as a yardstick for the relay.
 *
 * Binds one UDP port, reads datagrams in batches with recvmmsg(2) and sends each one to every
 * destination with sendmmsg(2): one recvmmsg and ceil(batch * N / 1024) sendmmsg calls per
 * batch (UIO_MAXIOV = 1024 messages per call). No parsing, no copying: every outgoing message
 * points at the received buffer. It stops on SIGINT/SIGTERM or after -d seconds and prints one
 * JSON line with packets in and out and its own CPU time from getrusage(2).
 *
 *   gcc -O2 -o rawfwd rawfwd.c
 *   rawfwd [-b bind_ip] [-p port] [-d seconds] [-B batch] [-r sockbuf_bytes] ip:port...
 *
 * On start it prints "listening IP:PORT" (the port the kernel chose when -p is 0).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_BATCH 1024
#define SLOT 2048
#define MAX_PER_CALL 1024 /* UIO_MAXIOV */

static volatile sig_atomic_t stop;

static void on_signal(int sig) { (void) sig; stop = 1; }

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int parse_dest(const char *text, struct sockaddr_in *out) {
    char host[64];
    const char *colon = strrchr(text, ':');
    if (!colon || colon - text >= (long) sizeof host) return -1;
    memcpy(host, text, colon - text);
    host[colon - text] = 0;
    memset(out, 0, sizeof *out);
    out->sin_family = AF_INET;
    out->sin_port = htons((unsigned short) atoi(colon + 1));
    return inet_pton(AF_INET, host, &out->sin_addr) == 1 ? 0 : -1;
}

static int open_socket(const char *bind_ip, int port, int sockbuf) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) { perror("socket"); exit(1); }
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((unsigned short) port) };
    if (inet_pton(AF_INET, bind_ip, &addr.sin_addr) != 1) { fprintf(stderr, "bad -b %s\n", bind_ip); exit(2); }
    if (bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0) { perror("bind"); exit(1); }
    if (sockbuf > 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sockbuf, sizeof sockbuf);
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sockbuf, sizeof sockbuf);
    }
    /* A receive timeout lets the loop see the deadline and the stop flag when traffic stops. */
    struct timeval tv = { .tv_sec = 0, .tv_usec = 100000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *) &addr, &len);
    char ip[INET_ADDRSTRLEN];
    printf("listening %s:%d\n", inet_ntop(AF_INET, &addr.sin_addr, ip, sizeof ip), ntohs(addr.sin_port));
    fflush(stdout);
    return fd;
}

/* Sends msgs[0..count) in calls of at most MAX_PER_CALL; returns datagrams sent, counts failures. */
static long send_all(int fd, struct mmsghdr *msgs, int count, long *errors) {
    long sent = 0;
    int at = 0;
    while (at < count) {
        int chunk = count - at < MAX_PER_CALL ? count - at : MAX_PER_CALL;
        int n = sendmmsg(fd, msgs + at, (unsigned) chunk, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            (*errors)++; /* sendmmsg(2): the error is for the first message; skip it */
            at++;
            continue;
        }
        sent += n;
        at += n;
    }
    return sent;
}

struct options {
    const char *bind_ip;
    int port, batch, sockbuf, ndest;
    double duration;
    struct sockaddr_in *dests;
};

static void parse_options(int argc, char **argv, struct options *o) {
    *o = (struct options) { .bind_ip = "127.0.0.1", .batch = 64, .sockbuf = 4 << 20 };
    int opt;
    while ((opt = getopt(argc, argv, "b:p:d:B:r:")) != -1) {
        switch (opt) {
        case 'b': o->bind_ip = optarg; break;
        case 'p': o->port = atoi(optarg); break;
        case 'd': o->duration = atof(optarg); break;
        case 'B': o->batch = atoi(optarg); break;
        case 'r': o->sockbuf = atoi(optarg); break;
        default: fprintf(stderr, "usage: %s [-b ip] [-p port] [-d s] [-B batch] [-r bytes] ip:port...\n", argv[0]);
            exit(2);
        }
    }
    o->ndest = argc - optind;
    if (o->ndest < 1 || o->batch < 1 || o->batch > MAX_BATCH) { fprintf(stderr, "need destinations; -B 1..1024\n"); exit(2); }
    o->dests = calloc((size_t) o->ndest, sizeof *o->dests);
    for (int i = 0; i < o->ndest; i++) {
        if (parse_dest(argv[optind + i], &o->dests[i]) < 0) { fprintf(stderr, "bad destination %s\n", argv[optind + i]); exit(2); }
    }
}

/*
 * The message vectors, built once: in[i] reads into slot i; out[i * ndest + d] sends slot i
 * (through out_iov[i], whose length is set per batch) to destination d. No copy per packet.
 */
struct vectors {
    struct mmsghdr *in, *out;
    struct iovec *out_iov;
};

static struct vectors build_vectors(const struct options *o) {
    char *slots = malloc((size_t) o->batch * SLOT);
    struct iovec *in_iov = calloc((size_t) o->batch, sizeof *in_iov);
    struct vectors v = {
        .in = calloc((size_t) o->batch, sizeof *v.in),
        .out = calloc((size_t) o->batch * o->ndest, sizeof *v.out),
        .out_iov = calloc((size_t) o->batch, sizeof *v.out_iov),
    };
    for (int i = 0; i < o->batch; i++) {
        in_iov[i] = (struct iovec) { .iov_base = slots + (size_t) i * SLOT, .iov_len = SLOT };
        v.in[i].msg_hdr = (struct msghdr) { .msg_iov = &in_iov[i], .msg_iovlen = 1 };
        v.out_iov[i].iov_base = in_iov[i].iov_base;
        for (int d = 0; d < o->ndest; d++) {
            v.out[i * o->ndest + d].msg_hdr = (struct msghdr) { .msg_name = &o->dests[d],
                .msg_namelen = sizeof o->dests[d], .msg_iov = &v.out_iov[i], .msg_iovlen = 1 };
        }
    }
    return v;
}

int main(int argc, char **argv) {
    struct options o;
    parse_options(argc, argv, &o);
    struct sigaction sa = { .sa_handler = on_signal }; /* no SA_RESTART: recvmmsg returns EINTR */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int fd = open_socket(o.bind_ip, o.port, o.sockbuf);
    struct vectors v = build_vectors(&o);

    long pkts_in = 0, pkts_out = 0, errors = 0, batches = 0;
    double start = now_s(), deadline = o.duration > 0 ? start + o.duration : 0;
    while (!stop && (deadline == 0 || now_s() < deadline)) {
        /* MSG_WAITFORONE: block for the first datagram, then take what is already queued. */
        int n = recvmmsg(fd, v.in, (unsigned) o.batch, MSG_WAITFORONE, NULL);
        if (n <= 0) continue; /* timeout (EAGAIN) or EINTR: check the deadline and the flag */
        for (int i = 0; i < n; i++) v.out_iov[i].iov_len = v.in[i].msg_len;
        pkts_in += n;
        batches++;
        pkts_out += send_all(fd, v.out, n * o.ndest, &errors);
    }
    double wall = now_s() - start;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double user = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
    double sys = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    printf("{\"in\":%ld,\"out\":%ld,\"send_errors\":%ld,\"batches\":%ld,\"destinations\":%d,"
           "\"cpu_user_s\":%.3f,\"cpu_sys_s\":%.3f,\"cpu_s\":%.3f,\"wall_s\":%.3f}\n",
           pkts_in, pkts_out, errors, batches, o.ndest, user, sys, user + sys, wall);
    return 0;
}
