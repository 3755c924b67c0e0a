// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

/**
 * Counters of one socket, monotonic since start.
 *
 * @param received      datagrams read
 * @param sent          datagrams handed to the channel for sending (Netty then hands them to the
 *                      kernel in one sendmmsg per flush where the kernel has it)
 * @param sendDropped   dropped from a full send queue (oldest first), or sent after close
 * @param batches       receive batches (one recvmmsg / read loop each); received / batches is the batch size
 * @param handlerErrors datagrams whose {@link DatagramHandler} threw (counted, logged rate-limited, dropped)
 * @param ioErrors      reads or sends the transport reported as failed; a send refused by the
 *                      kernel counts once per datagram
 */
public record UdpStats(long received, long sent, long sendDropped, long batches, long handlerErrors,
        long ioErrors) {

    /** The original four counters, the error counts zero (for fakes and tests). */
    public UdpStats(long received, long sent, long sendDropped, long batches) {
        this(received, sent, sendDropped, batches, 0, 0);
    }

    /** All zero. */
    public static final UdpStats ZERO = new UdpStats(0, 0, 0, 0, 0, 0);

    /** The field-wise sum, for totals over sockets. */
    public UdpStats plus(UdpStats other) {
        return new UdpStats(received + other.received, sent + other.sent, sendDropped + other.sendDropped,
                batches + other.batches, handlerErrors + other.handlerErrors, ioErrors + other.ioErrors);
    }

    /** The field-wise difference {@code this - earlier}, for counts over an interval. */
    public UdpStats minus(UdpStats earlier) {
        return new UdpStats(received - earlier.received, sent - earlier.sent, sendDropped - earlier.sendDropped,
                batches - earlier.batches, handlerErrors - earlier.handlerErrors, ioErrors - earlier.ioErrors);
    }
}
