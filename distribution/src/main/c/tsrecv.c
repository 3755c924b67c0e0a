// SPDX-License-Identifier: Apache-2.0
/*
 * tsrecv: the relay bench's subscribers as a native receiver that reads the kernel's receive
 * timestamp of each datagram, so that the latency it reports does not include its own
 * scheduling delay (the time between the datagram landing in the socket and this process
 * reading it), which on a small shared host is most of the Java receivers' p99.
 *
 * Opens -n UDP sockets on -b, each with SO_TIMESTAMPNS (socket(7)): the kernel stamps each
 * datagram with CLOCK_REALTIME when it enters the receive path; on loopback that is when the
 * forwarder's send reaches the loopback device, inside the forwarder's own send call
 * (net.core.netdev_tstamp_prequeue). The publishers stamp System.nanoTime(), CLOCK_MONOTONIC on
 * Linux, as 8 octets after the RTP header followed by a phase octet; the REALTIME - MONOTONIC
 * offset is sampled around each recvmmsg(2) call (a step of the wall clock costs one batch at
 * most) and taken off the kernel stamp.
 *
 * Counts per phase (0..PHASES-1) the datagrams delivered and their latency in microseconds in a
 * log-linear histogram with the bucket layout of LatencyHistogram.java (64 exact buckets, then
 * 32 per power of two), and per subscriber socket and SSRC the sequence-number gaps (RFC 3550
 * §A.3: a jump forward of d counts d - 1 lost, a late packet takes one back). Datagrams that are
 * not the bench's RTP count as invalid; RTCP is skipped. Hostile input is only counted.
 *
 * With -p, the receiver does not wait on its sockets while there is traffic: after each pass
 * over the ready sockets it sleeps that many microseconds, then drains what came. The latency is
 * the kernel's stamp, so reading late changes no figure; what changes is the forwarder's send,
 * which no longer has to wake a sleeping reader for each batch it delivers (on a real network
 * that wake-up happens on the subscriber's own machine, not on the forwarder's), and the
 * receiver's own share of the shared cores (a few wake-ups per millisecond instead of one per
 * arriving batch). Idle, it blocks in epoll_wait as without -p.
 *
 *   gcc -O2 -o tsrecv tsrecv.c
 *   tsrecv [-b bind_ip] [-n sockets] [-d seconds] [-B batch] [-r rcvbuf_bytes] [-p poll_us]
 *
 * Prints "listening IP:PORT" per socket, then "ready". Each line read on standard input asks
 * for a report, one JSON line; end of input, SIGTERM or the -d deadline print a last report and
 * end the process.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PHASES 12
#define LINEAR 64
#define SUB_BITS 5
#define BUCKETS (LINEAR + (64 - 6 - 18) * (1 << SUB_BITS))
#define SLOT 2048
#define MAX_BATCH 1024
#define MAX_SOCKETS 4096
#define MIN_PACKET (12 + 9)

static volatile sig_atomic_t stop;

static void on_signal(int sig) { (void) sig; stop = 1; }

/* One RTP stream seen on one socket: its highest sequence number so far. */
struct stream { uint32_t ssrc; uint16_t last; uint8_t used; };

/* Per subscriber socket: its streams (open addressing, grown at half full) and its loss counts. */
struct subscriber {
    int fd;
    struct stream *streams;
    uint32_t capacity, count;
    long lost, late, duplicates;
};

struct phase {
    long delivered, max_us;
    long buckets[BUCKETS];
};

static struct phase phases[PHASES];
static long received, batches, invalid, untimed, negative;

static int64_t clock_ns(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

/*
 * REALTIME - MONOTONIC, from a REALTIME read between two MONOTONIC reads. Its error is up to half
 * the window between those two; preempted in between (seen here: 11-51 us windows a few times a
 * minute, against ~50 ns normally), the offset would be off by more than a short latency and
 * that packet's latency negative. So the read is repeated while the window is wide, keeping the
 * narrowest of a few.
 */
static int64_t realtime_offset(void) {
    int64_t best = 0, best_window = INT64_MAX;
    for (int attempt = 0; attempt < 8 && best_window > 2000; attempt++) {
        int64_t before = clock_ns(CLOCK_MONOTONIC);
        int64_t real = clock_ns(CLOCK_REALTIME);
        int64_t after = clock_ns(CLOCK_MONOTONIC);
        if (after - before < best_window) {
            best_window = after - before;
            best = real - (before + (after - before) / 2);
        }
    }
    return best;
}

/* The bucket of LatencyHistogram.index(value). */
static int bucket(uint64_t value) {
    if (value < LINEAR) return (int) value;
    int exponent = 63 - __builtin_clzll(value);
    int sub = (int) (value >> (exponent - SUB_BITS)) & ((1 << SUB_BITS) - 1);
    int index = LINEAR + (exponent - 6) * (1 << SUB_BITS) + sub;
    return index < BUCKETS ? index : BUCKETS - 1;
}

static struct stream *slot_of(struct stream *table, uint32_t capacity, uint32_t ssrc) {
    uint32_t i = (ssrc * 2654435761u) & (capacity - 1);
    while (table[i].used && table[i].ssrc != ssrc) i = (i + 1) & (capacity - 1);
    return &table[i];
}

static struct stream *stream_of(struct subscriber *s, uint32_t ssrc) {
    if (2 * (s->count + 1) > s->capacity) {
        uint32_t capacity = s->capacity ? 2 * s->capacity : 16;
        struct stream *table = calloc(capacity, sizeof *table);
        if (!table) { perror("calloc"); exit(1); }
        for (uint32_t i = 0; i < s->capacity; i++) {
            if (s->streams[i].used) *slot_of(table, capacity, s->streams[i].ssrc) = s->streams[i];
        }
        free(s->streams);
        s->streams = table;
        s->capacity = capacity;
    }
    return slot_of(s->streams, s->capacity, ssrc);
}

/* RFC 3550 §A.1/§A.3 in short: a forward jump of d is d - 1 lost; a backward one is late. */
static void track(struct subscriber *s, uint32_t ssrc, uint16_t seq) {
    struct stream *st = stream_of(s, ssrc);
    if (!st->used) {
        *st = (struct stream) { .ssrc = ssrc, .last = seq, .used = 1 };
        s->count++;
        return;
    }
    uint16_t delta = (uint16_t) (seq - st->last);
    if (delta == 0) {
        s->duplicates++;
    } else if (delta < 0x8000) {
        s->lost += delta - 1;
        st->last = seq;
    } else {
        s->late++;
        if (s->lost > 0) s->lost--;
    }
}

static uint64_t be64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | p[i];
    return v;
}

/* Offset of the RTP payload and its length, or -1 when the header does not fit the datagram. */
static int payload(const unsigned char *p, int len, int *payload_len) {
    if (len < 12 || (p[0] >> 6) != 2) return -1;
    int at = 12 + 4 * (p[0] & 0x0F);
    if (p[0] & 0x10) {
        if (at + 4 > len) return -1;
        at += 4 + 4 * (p[at + 2] << 8 | p[at + 3]);
    }
    int end = len;
    if (p[0] & 0x20) {
        int pad = p[len - 1];
        if (pad == 0 || pad > len - at) return -1;
        end -= pad;
    }
    if (at > end) return -1;
    *payload_len = end - at;
    return at;
}

static void on_datagram(struct subscriber *s, const unsigned char *p, int len, struct msghdr *hdr,
        int64_t offset) {
    if (len >= 2 && p[1] >= 192 && p[1] <= 223) return; /* RTCP (RFC 5761 §4): a relay's reports */
    int payload_len = 0;
    int at = len < MIN_PACKET ? -1 : payload(p, len, &payload_len);
    if (at < 0 || payload_len < 9 || p[at + 8] >= PHASES) {
        invalid++;
        return;
    }
    int64_t arrived = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(hdr); c; c = CMSG_NXTHDR(hdr, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            struct timespec t;
            memcpy(&t, CMSG_DATA(c), sizeof t);
            arrived = (int64_t) t.tv_sec * 1000000000 + t.tv_nsec - offset;
        }
    }
    if (arrived == 0) { /* no stamp (should not happen): the read time, and say so */
        untimed++;
        arrived = clock_ns(CLOCK_MONOTONIC);
    }
    int64_t latency_ns = arrived - (int64_t) be64(p + at);
    if (latency_ns < 0) {
        negative++;
        latency_ns = 0;
    }
    struct phase *ph = &phases[p[at + 8]];
    long us = (long) (latency_ns / 1000);
    ph->delivered++;
    ph->buckets[bucket((uint64_t) us)]++;
    if (us > ph->max_us) ph->max_us = us;
    track(s, (uint32_t) (p[8] << 24 | p[9] << 16 | p[10] << 8 | p[11]), (uint16_t) (p[2] << 8 | p[3]));
}

struct vectors {
    struct mmsghdr *msgs;
    char *control;
    size_t control_len;
};

static struct vectors build_vectors(int batch) {
    struct vectors v = { .msgs = calloc((size_t) batch, sizeof *v.msgs),
        .control_len = CMSG_SPACE(sizeof(struct timespec)) };
    char *slots = malloc((size_t) batch * SLOT);
    struct iovec *iov = calloc((size_t) batch, sizeof *iov);
    v.control = calloc((size_t) batch, v.control_len);
    if (!v.msgs || !slots || !iov || !v.control) { perror("alloc"); exit(1); }
    for (int i = 0; i < batch; i++) {
        iov[i] = (struct iovec) { .iov_base = slots + (size_t) i * SLOT, .iov_len = SLOT };
        v.msgs[i].msg_hdr = (struct msghdr) { .msg_iov = &iov[i], .msg_iovlen = 1 };
    }
    return v;
}

/* Reads the socket until it is empty. */
static void drain(struct subscriber *s, struct vectors *v, int batch) {
    for (;;) {
        for (int i = 0; i < batch; i++) {
            v->msgs[i].msg_hdr.msg_control = v->control + (size_t) i * v->control_len;
            v->msgs[i].msg_hdr.msg_controllen = v->control_len;
        }
        int64_t offset = realtime_offset();
        int n = recvmmsg(s->fd, v->msgs, (unsigned) batch, MSG_DONTWAIT, NULL);
        if (n <= 0) return; /* EAGAIN: empty; EINTR: the loop comes back */
        batches++;
        received += n;
        for (int i = 0; i < n; i++) {
            on_datagram(s, v->msgs[i].msg_hdr.msg_iov->iov_base, (int) v->msgs[i].msg_len,
                    &v->msgs[i].msg_hdr, offset);
        }
        if (n < batch) return;
    }
}

static void report(const struct subscriber *subs, int count) {
    long lost = 0, late = 0, duplicates = 0;
    for (int i = 0; i < count; i++) {
        lost += subs[i].lost;
        late += subs[i].late;
        duplicates += subs[i].duplicates;
    }
    printf("{\"received\":%ld,\"batches\":%ld,\"invalid\":%ld,\"untimed\":%ld,\"negative\":%ld,"
           "\"lost\":%ld,\"late\":%ld,\"duplicates\":%ld,\"clock_offset_ns\":%lld,\"lost_per_subscriber\":[",
           received, batches, invalid, untimed, negative, lost, late, duplicates,
           (long long) realtime_offset());
    for (int i = 0; i < count; i++) printf("%s%ld", i ? "," : "", subs[i].lost);
    printf("],\"phases\":[");
    for (int p = 0; p < PHASES; p++) {
        printf("%s{\"delivered\":%ld,\"max_us\":%ld,\"buckets\":[", p ? "," : "", phases[p].delivered,
               phases[p].max_us);
        int first = 1;
        for (int b = 0; b < BUCKETS; b++) {
            if (phases[p].buckets[b] == 0) continue;
            printf("%s[%d,%ld]", first ? "" : ",", b, phases[p].buckets[b]);
            first = 0;
        }
        printf("]}");
    }
    printf("]}\n");
    fflush(stdout);
}

static int open_socket(const char *bind_ip, int rcvbuf) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) { perror("socket"); exit(1); }
    struct sockaddr_in addr = { .sin_family = AF_INET };
    if (inet_pton(AF_INET, bind_ip, &addr.sin_addr) != 1) { fprintf(stderr, "bad -b %s\n", bind_ip); exit(2); }
    if (bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0) { perror("bind"); exit(1); }
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on) < 0) { perror("SO_TIMESTAMPNS"); exit(1); }
    if (rcvbuf > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *) &addr, &len);
    char ip[INET_ADDRSTRLEN];
    printf("listening %s:%d\n", inet_ntop(AF_INET, &addr.sin_addr, ip, sizeof ip), ntohs(addr.sin_port));
    return fd;
}

/* Reads what is on standard input: 1 per line asking for a report, -1 at end of input. */
static int commands(void) {
    char buf[256];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return -1;
    int lines = 0;
    for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
    return lines;
}

int main(int argc, char **argv) {
    const char *bind_ip = "127.0.0.1";
    int count = 1, batch = 64, rcvbuf = 4 << 20, poll_us = 0, opt;
    double duration = 0;
    while ((opt = getopt(argc, argv, "b:n:d:B:r:p:")) != -1) {
        switch (opt) {
        case 'b': bind_ip = optarg; break;
        case 'n': count = atoi(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'B': batch = atoi(optarg); break;
        case 'r': rcvbuf = atoi(optarg); break;
        case 'p': poll_us = atoi(optarg); break;
        default: fprintf(stderr, "usage: %s [-b ip] [-n sockets] [-d s] [-B batch] [-r bytes] [-p poll_us]\n", argv[0]); exit(2);
        }
    }
    if (count < 1 || count > MAX_SOCKETS || batch < 1 || batch > MAX_BATCH || poll_us < 0 || poll_us > 100000) {
        fprintf(stderr, "-n 1..%d, -B 1..%d, -p 0..100000\n", MAX_SOCKETS, MAX_BATCH);
        exit(2);
    }
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int ep = epoll_create1(0);
    struct subscriber *subs = calloc((size_t) count, sizeof *subs);
    if (ep < 0 || !subs) { perror("epoll"); exit(1); }
    for (int i = 0; i < count; i++) {
        subs[i].fd = open_socket(bind_ip, rcvbuf);
        struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (uint32_t) i };
        epoll_ctl(ep, EPOLL_CTL_ADD, subs[i].fd, &ev);
    }
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    struct epoll_event in = { .events = EPOLLIN, .data.u32 = UINT32_MAX };
    epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &in);
    printf("ready\n");
    fflush(stdout);

    struct vectors v = build_vectors(batch);
    static struct epoll_event events[MAX_SOCKETS + 1]; /* every socket and stdin in one pass */
    int64_t deadline = duration > 0 ? clock_ns(CLOCK_MONOTONIC) + (int64_t) (duration * 1e9) : 0;
    while (!stop && (deadline == 0 || clock_ns(CLOCK_MONOTONIC) < deadline)) {
        int n = epoll_wait(ep, events, MAX_SOCKETS + 1, 100);
        for (int i = 0; i < n; i++) {
            if (events[i].data.u32 != UINT32_MAX) {
                drain(&subs[events[i].data.u32], &v, batch);
                continue;
            }
            int asked = commands();
            if (asked < 0) {
                stop = 1;
                break;
            }
            /* A report answers for everything already queued: read the sockets first. */
            for (int s = 0; s < count && asked > 0; s++) drain(&subs[s], &v, batch);
            for (int r = 0; r < asked; r++) report(subs, count);
        }
        if (poll_us > 0 && n > 0) {
            struct timespec pause = { .tv_sec = 0, .tv_nsec = (long) poll_us * 1000 };
            nanosleep(&pause, NULL);
        }
    }
    report(subs, count);
    return 0;
}
