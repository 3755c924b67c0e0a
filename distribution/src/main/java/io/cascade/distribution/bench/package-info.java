// SPDX-License-Identifier: Apache-2.0
/**
 * The relay benchmark ({@code bin/cascade bench relay}): a load generator and the yardstick it
 * compares the relay with.
 *
 * <p>{@link io.cascade.distribution.bench.RelayLoad} plays publishers and subscribers on
 * 127.0.0.1 over the UDP engine: each publisher sends a video stream (1200-octet RTP packets at
 * 250 pps by default) and an audio stream (160 octets at 50 pps), every packet stamped with its
 * send time after the RTP header; every subscriber receives every publisher through the
 * {@link io.cascade.distribution.bench.ForwarderUnderTest}, so the fan-out is the subscriber
 * count. A run is a warm-up, a probe that offers more than the forwarder can take and measures
 * its forwarded packets per CPU-second (the per-core rate), a pause that drains the probe's
 * backlog, then one phase per fraction of saturation (50% and 90%) measuring one-way latency
 * p50/p99 and loss. The raw forwarder ({@code src/main/c/rawfwd.c}: recvmmsg(2), then sendmmsg(2)
 * of each datagram to every subscriber, nothing else) gives the kernel's own limit, and each
 * other forwarder's per-core rate is printed as a ratio of it.
 *
 * <p>How the report shows the load generator kept up: per phase, {@code pacer_skipped} (sends
 * it could not make on time) and the worst pacer lateness, the CPU of its receive thread (below
 * one core means it had headroom), and for the raw forwarder its own out-count against the
 * subscribers' deliveries (equal: nothing lost on the receiving side). The host's UDP counters
 * ({@code RcvbufErrors}) say how many datagrams a full receive buffer dropped in the run.
 *
 * <p>Latency is one-way, from the publisher's {@link java.lang.System#nanoTime} stamp to the
 * subscriber's receive. With the java receivers ({@code --receiver java}, the default) the receive
 * time is read when the receive thread gets to the packet, so its scheduling delay is in every
 * sample; with {@code --receiver native} ({@code src/main/c/tsrecv.c},
 * {@link io.cascade.distribution.bench.NativeSubscribers}) it is the kernel's receive timestamp
 * (SO_TIMESTAMPNS, taken when the forwarder's copy enters loopback), converted from
 * CLOCK_REALTIME to CLOCK_MONOTONIC, so what remains is the publisher's send path after the stamp
 * (shown per phase as the send side) and the forwarder's wait, work and send. The generator and
 * the forwarder share the host's cores: on a small host, figures are indicative.
 *
 * <p>The WHEP egress benchmark ({@code bin/cascade bench whep}, {@link
 * io.cascade.distribution.bench.WhepBench}) measures the WebRTC side of the relay instead: one
 * stream published as plain RTP at 2.5 Mbps, played by synthetic WHEP viewers
 * ({@link io.cascade.distribution.bench.WhepViewer}: offer over HTTP, ICE as the controlling
 * agent, DTLS client, SRTP, receiver reports) ramped until loss or CPU saturation; the figure is
 * Gbps of SRTP egress per core of the relay process.
 *
 * <p>References: recvmmsg(2), sendmmsg(2), getrusage(2), proc(5) for /proc/PID/stat and
 * /proc/net/snmp; RFC 3550 §5.1 (RTP header), RFC 3551 §6 (dynamic payload types); for the WHEP
 * viewer draft-ietf-wish-whep, RFC 8445 §7.2 (checks), RFC 7675 (consent), RFC 5764 (DTLS-SRTP),
 * RFC 7983 (demultiplexing), RFC 3550 §6.4.2 and §A.3 (receiver reports, loss).
 */
package io.cascade.distribution.bench;
