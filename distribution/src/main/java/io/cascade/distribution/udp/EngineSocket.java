// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.netty.channel.unix.UnixChannelUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link UdpSocket} over one Netty datagram channel.
 *
 * <p>Send path. Datagrams wait in a bounded {@link SendQueue} owned by the event loop; a flush
 * moves them into the channel while it is writable and flushes once, so everything queued
 * during a receive batch leaves in one sendmmsg(2). Netty's outbound buffer is bounded by the
 * channel's write-buffer water mark: past the high mark (kernel send buffer full, EAGAIN) the
 * channel turns unwritable, datagrams stay in our queue, which drops the oldest when full, and
 * {@link DatagramInbound} flushes again when the channel turns writable. Writes use the
 * channel's void promise, so no promise is allocated per datagram; a failed write reaches the
 * pipeline as an exception and is counted in {@code ioErrors}. Where the kernel can segment,
 * the envelope around each datagram is a {@link ReusableDatagram} taken from the socket's pool
 * and given back when Netty releases it, so a send allocates no envelope either.
 */
final class EngineSocket implements UdpSocket {
    /**
     * Free envelopes kept per socket: more than a full outbound buffer holds of 1200-octet
     * datagrams (the 2 MiB high water mark), so steady traffic never creates one.
     */
    static final int ENVELOPES_KEPT = 4096;
    private final Channel channel;
    private final EventLoop loop;
    private final SendQueue queue;
    private final SocketCounters counters = new SocketCounters();
    private volatile InetSocketAddress localAddress;
    private final boolean segmentation;
    private final ChannelPromise voidPromise;
    /** Envelopes reused from write to write; null where the kernel cannot segment (see ReusableDatagram). */
    private final ReusableDatagram.Pool envelopes;
    private boolean closed;
    private boolean flushing;

    EngineSocket(Channel channel, int sendQueueCapacity, boolean segmentation) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.queue = new SendQueue(sendQueueCapacity);
        this.segmentation = segmentation;
        this.voidPromise = channel.voidPromise();
        this.envelopes = segmentation ? new ReusableDatagram.Pool(ENVELOPES_KEPT) : null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        enqueue(datagram, recipient, 0);
    }

    @Override
    public boolean segmentation() {
        return segmentation;
    }

    @Override
    public boolean sendSegmented(ByteBuf segments, int segmentSize, InetSocketAddress recipient) {
        if (!segmentation) {
            return false;
        }
        int length = segments.readableBytes();
        if (segmentSize < 1 || length > UdpEngineConfig.MAX_UDP_PAYLOAD
                || (length + segmentSize - 1) / segmentSize > MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments: " + length + " octets in segments of " + segmentSize
                    + "; at most " + MAX_SEGMENTS + " segments and 65507 octets");
        }
        enqueue(segments, recipient, segmentSize);
        return true;
    }

    private void enqueue(ByteBuf datagram, InetSocketAddress recipient, int segmentSize) {
        if (!loop.inEventLoop()) {
            handOver(datagram, recipient, segmentSize);
            return;
        }
        if (closed) {
            counters.add(SocketCounters.SEND_DROPPED, SendQueue.datagrams(datagram, segmentSize));
            datagram.release();
            return;
        }
        int dropped = queue.offer(datagram, recipient, segmentSize);
        if (dropped > 0) {
            counters.add(SocketCounters.SEND_DROPPED, dropped);
        }
    }

    /**
     * The slow path for a caller on another thread: one task (and one flush) per datagram. Such
     * callers should batch their own work in a task on {@link #executor()} instead.
     */
    private void handOver(ByteBuf datagram, InetSocketAddress recipient, int segmentSize) {
        try {
            loop.execute(() -> {
                enqueue(datagram, recipient, segmentSize);
                flush();
            });
        } catch (RejectedExecutionException e) {
            // The engine is closed and its loop gone; nobody else can release the buffer.
            datagram.release();
        }
    }

    /**
     * Writes queued datagrams while the channel is writable and flushes after each run. A flush
     * that drains Netty's outbound buffer turns the channel writable again, and Netty tells the
     * pipeline at once, from inside {@code channel.flush()}; the {@code flushing} flag keeps that
     * nested call out, and this loop carries on instead.
     */
    @Override
    public void flush() {
        if (!loop.inEventLoop()) {
            loop.execute(this::flush);
            return;
        }
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            while (!queue.isEmpty() && channel.isWritable()) {
                counters.add(SocketCounters.SENT, writeWhileWritable());
                channel.flush();
            }
        } finally {
            flushing = false;
        }
    }

    private int writeWhileWritable() {
        int written = 0;
        do {
            ByteBuf datagram = queue.peekBuffer();
            InetSocketAddress recipient = queue.peekRecipient();
            int segmentSize = queue.peekSegmentSize();
            // The channel owns the buffer from here on, whether the write succeeds or not.
            queue.removeFirst();
            if (envelopes != null && !UnixChannelUtil.isBufferCopyNeededForWrite(datagram)) {
                int segments = segmentSize == 0 ? 1 : SendQueue.datagrams(datagram, segmentSize);
                if (segmentSize != 0) {
                    counters.add(SocketCounters.SEGMENTED_SENDS, 1);
                    counters.add(SocketCounters.SEGMENTS, segments);
                }
                written += segments;
                int size = segmentSize == 0 ? Math.max(1, datagram.readableBytes()) : segmentSize;
                channel.write(envelopes.take(datagram, size, recipient), voidPromise);
            } else if (segmentSize == 0) {
                channel.write(new DatagramPacket(datagram, recipient), voidPromise);
                written++;
            } else {
                int segments = SendQueue.datagrams(datagram, segmentSize);
                written += segments;
                counters.add(SocketCounters.SEGMENTED_SENDS, 1);
                counters.add(SocketCounters.SEGMENTS, segments);
                channel.write(new SegmentedDatagramPacket(datagram, segmentSize, recipient), voidPromise);
            }
        } while (!queue.isEmpty() && channel.isWritable());
        return written;
    }

    @Override
    public EventExecutor executor() {
        return loop;
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public UdpStats stats() {
        return counters.snapshot();
    }

    /** Called once the channel is bound. */
    void bound() {
        localAddress = (InetSocketAddress) channel.localAddress();
    }

    /** The envelope pool, or null where the kernel cannot segment. */
    ReusableDatagram.Pool envelopes() {
        return envelopes;
    }

    SocketCounters counters() {
        return counters;
    }

    Channel channel() {
        return channel;
    }

    /** On the event loop: refuse further sends, release what is queued, close the channel. */
    void closeOnLoop() {
        closed = true;
        queue.releaseAll();
        channel.close();
    }

    @Override
    public String toString() {
        return "UdpSocket[" + localAddress + "]";
    }
}
