// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpStats;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The receiving side of the relay bench's load generator: the subscriber sockets, and per phase
 * the packets delivered and their one-way latency. Two kinds: {@link JavaSubscribers} (UDP
 * engine threads in this JVM; the latency is read when the thread gets to the packet) and
 * {@link NativeSubscribers} (a C process that reads the kernel's receive timestamp, so that its
 * own scheduling delay is not in the figure). Used from one thread.
 */
interface SubscriberSide extends AutoCloseable {

    /** Opens the subscriber side of one run. */
    @FunctionalInterface
    interface Factory {
        SubscriberSide open(int fanOut) throws Exception;
    }

    /** {@code java} or {@code native}, for the report. */
    String name();

    /** What the latency figures measure, for the human summary. */
    String latencyNote();

    /** The subscriber sockets, one per fan-out slot. */
    List<InetSocketAddress> addresses();

    /** Packets delivered so far that were sent in {@code phase}. */
    long delivered(int phase) throws Exception;

    /** Datagrams received so far, all phases, invalid ones included. */
    long received() throws Exception;

    /** CPU seconds spent receiving so far. */
    double cpuSeconds();

    /** Whether {@link #cpuSeconds} is part of this JVM's own CPU time. */
    boolean inThisProcess();

    /** Everything counted so far. */
    Totals totals() throws Exception;

    @Override
    void close();

    /**
     * @param delivered per phase, packets delivered
     * @param latency   per phase, their one-way latency in microseconds
     * @param invalid   datagrams that were not the load generator's RTP
     * @param sockets   receive counters (received, batches)
     * @param details   what else this side counted (the native receiver's sequence gaps), for the JSON
     */
    record Totals(long[] delivered, LatencyHistogram[] latency, long invalid, UdpStats sockets,
            Map<String, Object> details) {}
}
