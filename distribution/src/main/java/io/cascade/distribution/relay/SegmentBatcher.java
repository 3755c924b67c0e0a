// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;

/**
 * UDP GSO for the fan-out: within one receive batch, consecutive datagrams of equal length for
 * one destination are copied end to end into one pooled buffer and leave as one UDP_SEGMENT
 * send (udp(7), Linux 4.18+), which the kernel routes, builds and queues once and cuts into the
 * datagrams only where they are delivered (or in the NIC). The destination sees the same
 * datagrams in the same order as without it.
 *
 * <p>Rules that keep that true. A datagram of another length, or one more than the run buffer
 * takes, sends what is gathered first and starts a new run. Runs leave at the end of the batch
 * ({@link #batchEnd}), in the order they were started, before the engine flushes. Anything else
 * sent to a destination with a gathered run (a retransmission) must call {@link #flush} first.
 * A subscriber that leaves mid-batch leaves its gathered datagrams to go out at batch end, as
 * datagrams already queued on the socket would.
 *
 * <p>When it gathers: only after the socket's handler has seen a batch end (a handler wrapped
 * by something that does not pass {@code onBatchEnd} on would otherwise hold datagrams
 * forever), only where the socket can segment (epoll with UDP_SEGMENT; never on NIO), and only
 * for datagrams of at most {@link #MAX_SEGMENT} octets. Secured (SRTP) subscribers are left
 * out by the forwarder: their packets grow when protected, per packet, after the copy.
 */
final class SegmentBatcher {
    /**
     * The largest datagram gathered. The kernel refuses (EINVAL) a segment that does not fit the
     * route's MTU (net/ipv4/udp.c, udp_send_skb), where a plain datagram would be fragmented;
     * 1232 fits any IPv6 path (RFC 8200 §5: 1280 minimum MTU, less 48 octets of headers) and
     * holds the usual 1200-octet WebRTC packet. Larger ones leave one by one.
     */
    static final int MAX_SEGMENT = 1232;
    /**
     * Octets of one run buffer: 32 KiB is the largest size Netty's pooled allocator keeps in
     * its per-thread cache (maxCachedBufferCapacity), so a run costs what a small buffer does;
     * 27 datagrams of 1200 octets, or {@link UdpSocket#MAX_SEGMENTS} small ones.
     */
    static final int RUN_OCTETS = 32 * 1024;

    private final UdpSocket socket;
    private final ShardCounters counters;
    private Downlink[] listed = new Downlink[16];
    private int listedCount;
    private boolean enabled;

    SegmentBatcher(UdpSocket socket, ShardCounters counters) {
        this.socket = socket;
        this.counters = counters;
    }

    /** Whether a datagram of {@code length} octets may be gathered now. */
    boolean gathers(int length) {
        return enabled && length <= MAX_SEGMENT;
    }

    /**
     * Copies {@code length} octets of {@code source} from {@code offset} as the next datagram to
     * {@code d}, and returns where the copy starts in {@code d.run} (to rewrite its header there).
     */
    int append(Downlink d, ByteBuf source, int offset, int length) {
        if (d.run != null) {
            if (length == d.segmentSize && d.segments < d.capacity) {
                if (d.segments == 1) {
                    widen(d);
                }
                int at = d.run.writerIndex();
                d.run.writeBytes(source, offset, length);
                d.segments++;
                return at;
            }
            send(d);
        } else if (!d.listed) {
            list(d);
        }
        // The first datagram of a run gets a buffer of its own size: most runs stay single.
        d.run = socket.alloc().directBuffer(length, length);
        d.run.writeBytes(source, offset, length);
        d.segmentSize = length;
        d.segments = 1;
        d.capacity = Math.min(UdpSocket.MAX_SEGMENTS, RUN_OCTETS / length);
        return d.run.readerIndex();
    }

    /** A second datagram of the same length: move the first into a buffer the whole run fits. */
    private void widen(Downlink d) {
        int room = d.capacity * d.segmentSize;
        ByteBuf wide = socket.alloc().directBuffer(room, room);
        wide.writeBytes(d.run, d.run.readerIndex(), d.run.readableBytes());
        d.run.release();
        d.run = wide;
    }

    /** Sends what is gathered for {@code d} now, so that what the caller sends next comes after it. */
    void flush(Downlink d) {
        if (d != null && d.run != null) {
            send(d);
        }
    }

    /**
     * The receive batch is over: send every gathered run, oldest first. From now on gather if
     * the socket can segment.
     */
    void batchEnd() {
        enabled = socket.segmentation();
        for (int i = 0; i < listedCount; i++) {
            Downlink d = listed[i];
            listed[i] = null;
            d.listed = false;
            flush(d);
        }
        listedCount = 0;
    }

    private void list(Downlink d) {
        if (listedCount == listed.length) {
            listed = java.util.Arrays.copyOf(listed, listedCount * 2); // grows with the destinations, once
        }
        listed[listedCount++] = d;
        d.listed = true;
    }

    private void send(Downlink d) {
        ByteBuf run = d.run;
        d.run = null;
        if (d.segments == 1) {
            socket.send(run, d.address);
            return;
        }
        counters.segmentedRuns++;
        counters.segmentedPackets += d.segments;
        if (!socket.sendSegmented(run, d.segmentSize, d.address)) {
            sendEach(run, d);
        }
    }

    /** The socket declined after all (it cannot segment): the datagrams leave one by one. */
    private void sendEach(ByteBuf run, Downlink d) {
        for (int at = run.readerIndex(); at < run.writerIndex(); at += d.segmentSize) {
            ByteBuf one = socket.alloc().directBuffer(d.segmentSize, d.segmentSize);
            one.writeBytes(run, at, d.segmentSize);
            socket.send(one, d.address);
        }
        run.release();
    }
}
