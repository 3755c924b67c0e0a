// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.bouncycastle.tls.DatagramTransport;

/**
 * An in-memory "network" between a test client and a {@link DtlsServerSession}: the client side is
 * a BouncyCastle {@link DatagramTransport}, the server side is the session's {@link DatagramSink}.
 * It records every datagram the server sent and can drop some of them by index.
 */
final class MemoryPipe implements DatagramTransport, DatagramSink {
    final List<byte[]> serverDatagrams = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    private final IntPredicate dropServerDatagram;
    private volatile DtlsServerSession server;

    MemoryPipe(IntPredicate dropServerDatagram) {
        this.dropServerDatagram = dropServerDatagram;
    }

    MemoryPipe() {
        this(i -> false);
    }

    void connect(DtlsServerSession session) {
        this.server = session;
    }

    /** Server to client. */
    @Override
    public void send(byte[] datagram) {
        int index = serverDatagrams.size();
        serverDatagrams.add(datagram);
        if (!dropServerDatagram.test(index)) {
            toClient.add(datagram);
        }
    }

    /** Client to server. */
    @Override
    public void send(byte[] buf, int off, int len) {
        server.receive(buf, off, len);
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return 1200;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        try {
            byte[] d = toClient.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (d == null) {
                return -1;
            }
            System.arraycopy(d, 0, buf, off, Math.min(len, d.length));
            return Math.min(len, d.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    @Override
    public void close() {
    }
}
