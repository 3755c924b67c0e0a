// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The datagram transport BouncyCastle's DTLS runs over. The network thread {@link #offer}s the
 * datagrams the WebRTC transport demultiplexed as DTLS (RFC 7983 §7: first byte 20..63); the
 * handshake thread takes them in {@link #receive}. Sends go straight to the {@link DatagramSink}.
 *
 * <p>The send limit is the MTU: BouncyCastle sizes records and handshake fragments from it
 * (RFC 6347 §4.1.1.1), so nothing we send exceeds it. While a handshake deadline is set,
 * {@link #receive} never waits past it and then throws {@link TlsTimeoutException}: a bound
 * that holds even if BouncyCastle's own handshake timer were not to fire.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    /** Wakes a blocked receiver on {@link #stop}; never delivered as data. */
    private static final byte[] CLOSED_MARKER = new byte[0];

    private final BlockingQueue<byte[]> inbound;
    private final DatagramSink sink;
    private final DtlsSessionSettings settings;
    private final DtlsCounters counters;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile long deadlineNanos;
    private volatile boolean deadlineSet;

    QueuedDatagramTransport(DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters) {
        this.inbound = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.sink = sink;
        this.settings = settings;
        this.counters = counters;
    }

    /**
     * Called by the network thread; copies and never blocks.
     *
     * @return false when the datagram was dropped (counted)
     */
    boolean offer(byte[] data, int offset, int length) {
        if (stopping || closed || length <= 0 || length > settings.maxDatagram()) {
            counters.datagramDropped();
            return false;
        }
        if (!inbound.offer(Arrays.copyOfRange(data, offset, offset + length))) {
            // Full: the handshake thread is behind or the peer floods; the DTLS retransmission
            // (RFC 6347 §4.2.4) recovers what a legitimate peer loses here.
            counters.datagramDropped();
            return false;
        }
        counters.datagramReceived();
        return true;
    }

    void startDeadline(long nanos) {
        deadlineNanos = nanos;
        deadlineSet = true;
    }

    void clearDeadline() {
        deadlineSet = false;
    }

    /**
     * Makes the receiving thread give up: its {@link #receive} throws. Sends still work, so the
     * thread can end the connection with an alert or close_notify; BouncyCastle then calls
     * {@link #close}.
     */
    void stop() {
        stopping = true;
        inbound.clear();
        inbound.offer(CLOSED_MARKER);
    }

    boolean isStopping() {
        return stopping;
    }

    @Override
    public int getReceiveLimit() {
        return settings.maxDatagram();
    }

    @Override
    public int getSendLimit() {
        return settings.mtu();
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMillis));
        if (deadlineSet) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new TlsTimeoutException("DTLS handshake deadline passed");
            }
            waitNanos = Math.min(waitNanos, remaining);
        }
        byte[] datagram;
        try {
            datagram = inbound.poll(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS session interrupted");
        }
        if (stopping || closed || datagram == CLOSED_MARKER) {
            throw new IOException("DTLS session stopped");
        }
        if (datagram == null) {
            return -1; // BouncyCastle's "no datagram before the timer": it retransmits or waits on
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            return; // a close_notify after our own close has nowhere to go
        }
        counters.datagramSent();
        sink.send(Arrays.copyOfRange(buf, off, off + len));
    }

    /** Called by BouncyCastle when the connection ends; nothing is sent after it. */
    @Override
    public void close() {
        closed = true;
        stop();
    }
}
