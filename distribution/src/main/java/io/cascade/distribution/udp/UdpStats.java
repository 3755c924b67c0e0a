// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

/**
 * Counters of one socket, monotonic since start.
 *
 * @param received      datagrams read
 * @param sent          datagrams handed to the channel for sending (Netty then hands them to the
 *                      kernel in one sendmmsg per flush where the kernel has it); each segment
 *                      of a UDP_SEGMENT send counts
 * @param sendDropped   datagrams dropped from a full send queue (oldest first), or sent after close
 * @param batches       receive batches (one recvmmsg / read loop each); received / batches is the batch size
 * @param handlerErrors datagrams whose {@link DatagramHandler} threw (counted, logged rate-limited, dropped)
 * @param ioErrors      reads or sends the transport reported as failed; a send refused by the
 *                      kernel counts once per datagram
 * @param segmentedSends UDP_SEGMENT (GSO) sends, each carrying several of the {@code sent} datagrams
 * @param segments      the {@code sent} datagrams that left inside those sends
 */
public record UdpStats(long received, long sent, long sendDropped, long batches, long handlerErrors,
        long ioErrors, long segmentedSends, long segments) {

    /** The original four counters, the others zero (for fakes and tests). */
    public UdpStats(long received, long sent, long sendDropped, long batches) {
        this(received, sent, sendDropped, batches, 0, 0, 0, 0);
    }

    /** Without GSO sends (for fakes and tests). */
    public UdpStats(long received, long sent, long sendDropped, long batches, long handlerErrors, long ioErrors) {
        this(received, sent, sendDropped, batches, handlerErrors, ioErrors, 0, 0);
    }

    /** All zero. */
    public static final UdpStats ZERO = new UdpStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** The field-wise sum, for totals over sockets. */
    public UdpStats plus(UdpStats other) {
        return new UdpStats(received + other.received, sent + other.sent, sendDropped + other.sendDropped,
                batches + other.batches, handlerErrors + other.handlerErrors, ioErrors + other.ioErrors,
                segmentedSends + other.segmentedSends, segments + other.segments);
    }

    /** The field-wise difference {@code this - earlier}, for counts over an interval. */
    public UdpStats minus(UdpStats earlier) {
        return new UdpStats(received - earlier.received, sent - earlier.sent, sendDropped - earlier.sendDropped,
                batches - earlier.batches, handlerErrors - earlier.handlerErrors, ioErrors - earlier.ioErrors,
                segmentedSends - earlier.segmentedSends, segments - earlier.segments);
    }
}
