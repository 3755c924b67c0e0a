// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.net.InetSocketAddress;

/**
 * The envelope a socket's write hands to Netty, reused from send to send instead of a new
 * {@code DatagramPacket} each time. Netty's envelopes are immutable; this one overrides the
 * accessors Netty's epoll write path reads ({@link #content}, {@link #recipient},
 * {@link #segmentSize}) and goes back to its {@link Pool} when the channel releases it after
 * the write (or after a failed one, or on close): {@code ChannelOutboundBuffer} releases every
 * message exactly once.
 *
 * <p>It is a {@link SegmentedDatagramPacket}, so that Netty writes it with sendmmsg(2) whatever
 * the queue's length, and with UDP_SEGMENT when the content holds more than one segment; a
 * single datagram carries its own length as segment size, which Netty sends as a plain
 * datagram. Hence it is used only where the kernel can segment ({@link EngineSocket}): elsewhere
 * Netty refuses a segmented packet. One owner at a time: {@link #retain} is refused, because a
 * second holder would see the envelope reused under it.
 */
final class ReusableDatagram extends SegmentedDatagramPacket {
    private static final InetSocketAddress PLACEHOLDER = new InetSocketAddress(0);

    private final Pool pool;
    private ByteBuf content;
    private int segmentSize;
    private InetSocketAddress recipient;

    private ReusableDatagram(Pool pool) {
        super(Unpooled.EMPTY_BUFFER, 1, PLACEHOLDER);
        this.pool = pool;
    }

    private ReusableDatagram fill(ByteBuf content, int segmentSize, InetSocketAddress recipient) {
        this.content = content;
        this.segmentSize = segmentSize;
        this.recipient = recipient;
        return this;
    }

    @Override
    public ByteBuf content() {
        return content;
    }

    @Override
    public InetSocketAddress recipient() {
        return recipient;
    }

    @Override
    public int segmentSize() {
        return segmentSize;
    }

    @Override
    public int refCnt() {
        return content == null ? 0 : content.refCnt();
    }

    @Override
    public boolean release() {
        return release(1);
    }

    /**
     * Releases the content and returns the envelope to its pool. The fields keep their values
     * until the next {@code fill}, so a caller still reading them on this thread (Netty's
     * copy-to-direct path reads the recipient after releasing) sees them.
     */
    @Override
    public boolean release(int decrement) {
        boolean freed = content.release(decrement);
        pool.giveBack(this);
        return freed;
    }

    @Override
    public SegmentedDatagramPacket retain() {
        throw new IllegalStateException("a reusable datagram has one owner");
    }

    @Override
    public SegmentedDatagramPacket retain(int increment) {
        throw new IllegalStateException("a reusable datagram has one owner");
    }

    /**
     * The free envelopes of one socket, touched only on its event loop. Grows to the most
     * envelopes ever in Netty's outbound buffer at once (bounded by the channel's write-buffer
     * water mark) and keeps at most {@code limit}; past that a released envelope is left to the
     * garbage collector.
     */
    static final class Pool {
        private final ReusableDatagram[] free;
        private int size;
        private long created;

        Pool(int limit) {
            this.free = new ReusableDatagram[limit];
        }

        /** An envelope for {@code content} (ownership passes to it) to {@code recipient}. */
        ReusableDatagram take(ByteBuf content, int segmentSize, InetSocketAddress recipient) {
            ReusableDatagram d;
            if (size > 0) {
                d = free[--size];
                free[size] = null;
            } else {
                d = new ReusableDatagram(this);
                created++;
            }
            return d.fill(content, segmentSize, recipient);
        }

        void giveBack(ReusableDatagram d) {
            if (size < free.length) {
                free[size++] = d;
            }
        }

        /** Envelopes waiting to be taken. */
        int size() {
            return size;
        }

        /** Envelopes ever made: stays at the most in flight at once while traffic is steady. */
        long created() {
            return created;
        }
    }
}
