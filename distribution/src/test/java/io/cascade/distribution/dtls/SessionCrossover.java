// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * An in-memory "network" between two of our own sessions, a {@link DtlsClientSession} and a
 * {@link DtlsServerSession}: each side's {@link DatagramSink} hands the datagram to the other's
 * {@code receive}. It records every datagram the client sent and can drop some of them by index.
 */
final class SessionCrossover {
    final List<byte[]> clientDatagrams = new CopyOnWriteArrayList<>();
    private final IntPredicate dropClientDatagram;
    private volatile DtlsSession client;
    private volatile DtlsSession server;

    SessionCrossover(IntPredicate dropClientDatagram) {
        this.dropClientDatagram = dropClientDatagram;
    }

    SessionCrossover() {
        this(i -> false);
    }

    void connect(DtlsSession clientSession, DtlsSession serverSession) {
        this.client = clientSession;
        this.server = serverSession;
    }

    /** The client session's sink. */
    DatagramSink towardServer() {
        return datagram -> {
            int index = clientDatagrams.size();
            clientDatagrams.add(datagram);
            DtlsSession to = server;
            if (to != null && !dropClientDatagram.test(index)) {
                to.receive(datagram, 0, datagram.length);
            }
        };
    }

    /** The server session's sink. */
    DatagramSink towardClient() {
        return datagram -> {
            DtlsSession to = client;
            if (to != null) {
                to.receive(datagram, 0, datagram.length);
            }
        };
    }

    /** @return how many datagrams the client sent that start a ClientHello (RFC 6347 §4.1, §4.2.2) */
    long clientHellos() {
        return clientDatagrams.stream().filter(d -> d.length > 13 && d[0] == 22 && d[13] == 1).count();
    }
}
