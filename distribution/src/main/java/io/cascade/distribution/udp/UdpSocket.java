// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;

/**
 * One bound UDP socket, served by exactly one event-loop thread. All state that belongs to the
 * socket's traffic can live on that thread without locks; other threads hand work over with
 * {@code executor().execute(...)}.
 */
public interface UdpSocket {

    InetSocketAddress localAddress();

    /**
     * Queues a datagram for sending and takes ownership of the buffer. Call on {@link #executor()}'s
     * thread. Queued datagrams leave at the end of the current receive batch (one sendmmsg where the
     * kernel has it) or at {@link #flush()}. When the queue is full the oldest queued datagram is
     * released and counted as dropped. From another thread the engine hands the call over to
     * the socket's thread, one task and one flush per datagram: correct but slow, so code off the
     * loop should run its whole batch in one {@code executor().execute(...)} task instead.
     */
    void send(ByteBuf datagram, InetSocketAddress recipient);

    /**
     * Queues several datagrams of {@code segmentSize} octets each (the last may be shorter), laid
     * end to end in one buffer, for one recipient, to leave in one UDP_SEGMENT (GSO) send: the
     * kernel cuts them (udp(7), Linux 4.18+). At most {@value #MAX_SEGMENTS} segments and 65507
     * octets in all. Call on {@link #executor()}'s thread.
     *
     * @return true when queued (ownership taken); false when this transport or kernel cannot
     *     segment (the default), and the buffer stays with the caller, who sends the segments one by one
     * @throws IllegalArgumentException for a segment size below 1, or too many segments or octets
     */
    default boolean sendSegmented(ByteBuf segments, int segmentSize, InetSocketAddress recipient) {
        return false;
    }

    /**
     * Whether {@link #sendSegmented} can be taken up on this socket (epoll with UDP_SEGMENT); when
     * false every call declines. Lets a caller skip gathering segments it could not send.
     */
    default boolean segmentation() {
        return false;
    }

    /**
     * Segments per {@link #sendSegmented} call: the kernel refuses more than UDP_MAX_SEGMENTS in
     * one send (include/linux/udp.h: 64 on older kernels, 128 on recent ones); 64 works on all.
     */
    int MAX_SEGMENTS = 64;

    /** Sends what is queued now. Call on the event-loop thread (e.g. from a timer task). */
    void flush();

    /** The socket's thread: run tasks and timers that touch this socket's state here. */
    EventExecutor executor();

    /** Pooled direct buffers for datagrams sent on this socket. */
    ByteBufAllocator alloc();

    UdpStats stats();
}
