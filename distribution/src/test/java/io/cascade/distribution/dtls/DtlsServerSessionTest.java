// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A BouncyCastle DTLS client against {@link DtlsServerSession} over an in-memory pipe. */
class DtlsServerSessionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(RANDOM);
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate(RANDOM);
    private static final int GCM = SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM;
    private static final int CM80 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;

    private final DtlsCounters counters = new DtlsCounters();
    private DtlsServerSession session;

    @AfterEach
    void closeSession() throws Exception {
        if (session != null) {
            session.close();
            session.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    private DtlsServerSession startServer(MemoryPipe pipe, DtlsFingerprint expected, DtlsSessionSettings settings) {
        session = DtlsServerSession.start(SERVER_CERT, expected, pipe, settings, counters, RANDOM);
        pipe.connect(session);
        return session;
    }

    private static DtlsHandshakeResult await(DtlsServerSession s) throws Exception {
        return s.handshake().get(15, TimeUnit.SECONDS);
    }

    @Test
    void handshakeExportsTheSameKeysOnBothSidesAndPrefersGcm() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        TestSrtpClient client = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, CM80, GCM);
        DTLSTransport clientSide = client.connect(pipe).get(15, TimeUnit.SECONDS);

        DtlsHandshakeResult result = await(session);
        assertThat(result).isInstanceOf(DtlsHandshakeResult.Established.class);
        DtlsSrtpKeys keys = ((DtlsHandshakeResult.Established) result).keys();
        assertThat(keys.profile()).isEqualTo(SrtpProtectionProfile.AEAD_AES_128_GCM);
        assertThat(keys.role()).isEqualTo(DtlsRole.SERVER);
        assertThat(keys.material()).hasSize(56)
                .isEqualTo(client.exportSrtpKeyingMaterial(56));
        assertThat(client.selectedProfile).isEqualTo(GCM);
        assertThat(client.serverCertificate).isEqualTo(SERVER_CERT.encoded());
        assertThat(((DtlsHandshakeResult.Established) result).peerFingerprint()).isEqualTo(CLIENT_CERT.fingerprint());
        assertThat(pipe.serverDatagrams).isNotEmpty().allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(1200));
        assertThat(counters.handshakesStarted()).isEqualTo(1);
        assertThat(counters.handshakesSucceeded()).isEqualTo(1);
        clientSide.close();
    }

    @Test
    void acceptsAes128CmSha1_80WhenTheClientOffersOnlyIt() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        TestSrtpClient client = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, CM80);
        client.connect(pipe).get(15, TimeUnit.SECONDS);

        DtlsSrtpKeys keys = ((DtlsHandshakeResult.Established) await(session)).keys();
        assertThat(keys.profile()).isEqualTo(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(keys.material()).isEqualTo(client.exportSrtpKeyingMaterial(60));
    }

    @Test
    void wrongSdpFingerprintFailsWithBadCertificateAndNoKeys() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, DtlsCertificate.generate(RANDOM).fingerprint(), DtlsSessionSettings.DEFAULTS);
        TestSrtpClient client = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, GCM);
        CompletableFuture<DTLSTransport> connected = client.connect(pipe);

        DtlsHandshakeResult result = await(session);
        assertThat(result).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
        // The fatal alert reached the client, which therefore never finished either.
        assertThatThrownBy(() -> connected.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TlsFatalAlertReceived.class,
                        a -> assertThat(a.getAlertDescription()).isEqualTo(AlertDescription.bad_certificate));
        assertThat(counters.handshakesFailed(DtlsFailure.FINGERPRINT_MISMATCH)).isEqualTo(1);
        assertThat(counters.handshakesSucceeded()).isZero();
    }

    @Test
    void clientWithoutCertificateIsRejected() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        CompletableFuture<DTLSTransport> connected =
                new TestSrtpClient(new BcTlsCrypto(RANDOM), null, GCM).connect(pipe);

        assertThat(await(session)).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.NO_CLIENT_CERTIFICATE));
        assertThatThrownBy(() -> connected.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void clientWithoutUseSrtpIsRejected() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        CompletableFuture<DTLSTransport> connected =
                new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, (int[]) null).connect(pipe);

        assertThat(await(session)).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.NO_SRTP_PROFILE));
        assertThatThrownBy(() -> connected.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void lostFirstServerFlightIsRetransmitted() throws Exception {
        // Drop every datagram of the server's first transmission of flight 4 (ServerHello..Done).
        MemoryPipe pipe = new MemoryPipe(index -> index == 0);
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        TestSrtpClient client = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, GCM);
        client.connect(pipe).get(15, TimeUnit.SECONDS);

        DtlsHandshakeResult result = await(session);
        assertThat(result).isInstanceOf(DtlsHandshakeResult.Established.class);
        assertThat(((DtlsHandshakeResult.Established) result).elapsed())
                .isLessThan(DtlsSessionSettings.DEFAULTS.handshakeTimeout());
        // ServerHello went out again after the loss: DTLS record header is 13 bytes, content type
        // 22 is handshake, handshake type 2 is server_hello (RFC 6347 §4.1, §4.2.2). At least
        // twice: on a busy machine the client's own retransmission makes the server resend its
        // flight once more (§4.2.4), which is correct too.
        assertThat(pipe.serverDatagrams.stream().filter(d -> d[0] == 22 && d[13] == 2)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void smallMtuFragmentsEveryDatagramToFit() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS.withMtu(300));
        TestSrtpClient client = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, GCM);
        client.connect(pipe).get(15, TimeUnit.SECONDS);

        assertThat(await(session)).isInstanceOf(DtlsHandshakeResult.Established.class);
        assertThat(pipe.serverDatagrams).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(300));
        assertThat(pipe.serverDatagrams.size()).isGreaterThan(3);
    }

    @Test
    void garbageEndsInTimeoutAndNeverThrowsToTheCaller() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        Duration timeout = Duration.ofMillis(300);
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS.withHandshakeTimeout(timeout));
        byte[] junk = new byte[200];
        for (int i = 0; i < 50; i++) {
            RANDOM.nextBytes(junk);
            junk[0] = (byte) (20 + i % 44); // what RFC 7983 would call DTLS
            session.receive(junk, 0, junk.length);
        }
        assertThat(session.receive(new byte[0], 0, 0)).isFalse();
        assertThat(session.receive(new byte[4000], 0, 4000)).isFalse();

        DtlsHandshakeResult result = session.handshake().get(5, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isIn(DtlsFailure.TIMEOUT, DtlsFailure.PROTOCOL_ERROR));
        assertThat(counters.datagramsDropped()).isGreaterThanOrEqualTo(2);
        session.terminated().get(5, TimeUnit.SECONDS);
        assertThat(session.receive(junk, 0, junk.length)).isFalse();
    }

    @Test
    void closeBeforeHandshakeFailsWithClosed() throws Exception {
        startServer(new MemoryPipe(), CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        session.close();
        assertThat(session.handshake().get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(
                DtlsHandshakeResult.Failed.class, f -> assertThat(f.reason()).isEqualTo(DtlsFailure.CLOSED));
    }

    @Test
    void peerCloseNotifyEndsTheSession() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        startServer(pipe, CLIENT_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        DTLSTransport clientSide = new TestSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_CERT, GCM)
                .connect(pipe).get(15, TimeUnit.SECONDS);
        assertThat(await(session)).isInstanceOf(DtlsHandshakeResult.Established.class);

        clientSide.close();
        session.terminated().get(5, TimeUnit.SECONDS);
    }
}
