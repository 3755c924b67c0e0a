// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.time.Duration;

/**
 * Limits of one DTLS session.
 *
 * @param handshakeTimeout bound on the whole handshake; the session fails with TIMEOUT after it
 * @param initialRetransmit first flight-retransmission timer; BouncyCastle doubles it on each
 *     retry (RFC 6347 §4.2.4.1 recommends 1 s)
 * @param mtu largest datagram we send; BouncyCastle fragments handshake messages to fit. 1200
 *     bytes passes on all paths WebRTC meets (tunnels, TURN over TCP), see mediasoup #217
 * @param maxDatagram largest datagram we accept; longer ones are dropped and counted
 * @param queueCapacity datagrams waiting for the handshake thread; more are dropped and counted
 */
public record DtlsSessionSettings(Duration handshakeTimeout, Duration initialRetransmit, int mtu,
        int maxDatagram, int queueCapacity) {

    /** 10 s handshake, 1 s first retransmission, MTU 1200, accept up to 1500, queue 64. */
    public static final DtlsSessionSettings DEFAULTS =
            new DtlsSessionSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), 1200, 1500, 64);

    public DtlsSessionSettings {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshakeTimeout: " + handshakeTimeout);
        }
        if (initialRetransmit.toMillis() < 1 || initialRetransmit.compareTo(handshakeTimeout) > 0) {
            throw new IllegalArgumentException("initialRetransmit: " + initialRetransmit);
        }
        // 256 leaves room for the 13-byte record header, 12-byte handshake header and AEAD
        // overhead with a useful fragment; below that BouncyCastle cannot make progress.
        if (mtu < 256 || mtu > 65_507) {
            throw new IllegalArgumentException("mtu: " + mtu);
        }
        if (maxDatagram < mtu || maxDatagram > 65_507) {
            throw new IllegalArgumentException("maxDatagram: " + maxDatagram);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity);
        }
    }

    /** @return these settings with another handshake timeout */
    public DtlsSessionSettings withHandshakeTimeout(Duration timeout) {
        return new DtlsSessionSettings(timeout, initialRetransmit.compareTo(timeout) > 0 ? timeout
                : initialRetransmit, mtu, maxDatagram, queueCapacity);
    }

    /** @return these settings with another MTU */
    public DtlsSessionSettings withMtu(int newMtu) {
        return new DtlsSessionSettings(handshakeTimeout, initialRetransmit, newMtu,
                Math.max(maxDatagram, newMtu), queueCapacity);
    }
}
