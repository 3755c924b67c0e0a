// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * A bounded ring of datagrams waiting to be written, owned by one event-loop thread. When full,
 * {@link #offer} releases the oldest datagram to make room: for live media the newest packet is
 * the one worth sending (a stale one arrives too late to play), as Jitsi Videobridge's queues do.
 * Parallel arrays, allocated once, so queuing allocates nothing.
 */
final class SendQueue {
    private final ByteBuf[] buffers;
    private final InetSocketAddress[] recipients;
    /** UDP_SEGMENT size per entry, 0 for a plain datagram. */
    private final int[] segmentSizes;
    private int head;
    private int size;

    SendQueue(int capacity) {
        buffers = new ByteBuf[capacity];
        recipients = new InetSocketAddress[capacity];
        segmentSizes = new int[capacity];
    }

    /**
     * Appends a datagram (or a run of UDP_SEGMENT segments), taking ownership of the buffer.
     *
     * @return the datagrams released to make room: 0, or the oldest entry's datagram count (its
     *     segments, for a segmented entry), so that drops count what the receiver would have got
     */
    int offer(ByteBuf buffer, InetSocketAddress recipient, int segmentSize) {
        int dropped = 0;
        if (size == buffers.length) {
            dropped = datagrams(buffers[head], segmentSizes[head]);
            buffers[head].release();
            clear(head);
            head = next(head);
            size--;
        }
        int tail = (head + size) % buffers.length;
        buffers[tail] = buffer;
        recipients[tail] = recipient;
        segmentSizes[tail] = segmentSize;
        size++;
        return dropped;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    ByteBuf peekBuffer() {
        return buffers[head];
    }

    InetSocketAddress peekRecipient() {
        return recipients[head];
    }

    int peekSegmentSize() {
        return segmentSizes[head];
    }

    /** Forgets the head without releasing it: its buffer now belongs to whoever peeked it. */
    void removeFirst() {
        clear(head);
        head = next(head);
        size--;
    }

    /** Datagrams one entry stands for: 1, or its segment count (the last segment may be short). */
    static int datagrams(ByteBuf buffer, int segmentSize) {
        return segmentSize == 0 ? 1 : (buffer.readableBytes() + segmentSize - 1) / segmentSize;
    }

    /** Releases everything queued. */
    void releaseAll() {
        while (size > 0) {
            buffers[head].release();
            removeFirst();
        }
    }

    private void clear(int index) {
        buffers[index] = null;
        recipients[index] = null;
    }

    private int next(int index) {
        return index + 1 == buffers.length ? 0 : index + 1;
    }
}
