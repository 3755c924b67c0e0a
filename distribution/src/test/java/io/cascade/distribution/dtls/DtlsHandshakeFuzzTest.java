// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Jazzer target: arbitrary bytes as the client's first flight. Under {@code mvn test} it replays
 * the kept corpus in {@code DtlsHandshakeFuzzTestInputs/firstClientFlight/} (a real OpenSSL
 * ClientHello and broken variants); with {@code JAZZER_FUZZ=1} it fuzzes. Properties: feeding the
 * bytes never throws to the caller, no input yields keys, and the session ends (handshake result
 * and thread) within the handshake bound plus a margin. The bound is 100 ms to keep each input fast.
 */
class DtlsHandshakeFuzzTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(RANDOM);
    private static final DtlsFingerprint CLIENT = DtlsCertificate.generate(RANDOM).fingerprint();
    private static final DtlsSessionSettings FAST =
            DtlsSessionSettings.DEFAULTS.withHandshakeTimeout(Duration.ofMillis(100));

    @FuzzTest(maxDuration = "60s")
    void firstClientFlight(byte[] flight) throws Exception {
        DtlsCounters counters = new DtlsCounters();
        DtlsServerSession session = DtlsServerSession.start(SERVER_CERT, CLIENT, datagram -> { },
                FAST, counters, RANDOM);
        try {
            // Whole input as one datagram, then (if long) as 1200-byte datagrams like a fragmented flight.
            session.receive(flight, 0, flight.length);
            for (int off = 0; flight.length > 1200 && off < flight.length; off += 1200) {
                session.receive(flight, off, Math.min(1200, flight.length - off));
            }
            DtlsHandshakeResult result = session.handshake().get(2, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(DtlsHandshakeResult.Failed.class);
            session.terminated().get(2, TimeUnit.SECONDS);
            assertThat(counters.handshakesSucceeded()).isZero();
        } finally {
            session.close();
        }
    }
}
