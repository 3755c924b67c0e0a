// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link DtlsClientSession} against our own {@link DtlsServerSession}, in process. */
class DtlsClientSessionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(RANDOM);
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate(RANDOM);
    private static final List<SrtpProtectionProfile> ALL = List.of(SrtpProtectionProfile.values());

    private final DtlsCounters clientCounters = new DtlsCounters();
    private final DtlsCounters serverCounters = new DtlsCounters();
    private final List<DtlsSession> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() throws Exception {
        for (DtlsSession s : sessions) {
            s.close();
            s.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    private DtlsClientSession client(SessionCrossover net, DtlsFingerprint expectedServer, DtlsSessionSettings settings,
            List<SrtpProtectionProfile> offered, ThreadFactory threads) {
        DtlsClientSession c = DtlsClientSession.create(CLIENT_CERT, expectedServer, net.towardServer(), settings,
                clientCounters, RANDOM, offered, threads);
        sessions.add(c);
        return c;
    }

    private DtlsClientSession client(SessionCrossover net, DtlsFingerprint expectedServer,
            DtlsSessionSettings settings) {
        return client(net, expectedServer, settings, ALL, Thread.ofVirtual().factory());
    }

    private DtlsServerSession server(SessionCrossover net, DtlsSessionSettings settings) {
        DtlsServerSession s = DtlsServerSession.start(SERVER_CERT, CLIENT_CERT.fingerprint(), net.towardClient(),
                settings, serverCounters, RANDOM);
        sessions.add(s);
        return s;
    }

    /** Client and server wired together; the client has not connected yet. */
    private DtlsClientSession pair(SessionCrossover net, DtlsSessionSettings settings,
            List<SrtpProtectionProfile> offered) {
        DtlsClientSession c = client(net, SERVER_CERT.fingerprint(), settings, offered, Thread.ofVirtual().factory());
        net.connect(c, server(net, settings));
        return c;
    }

    private static DtlsHandshakeResult await(DtlsSession s) throws Exception {
        return s.handshake().get(15, TimeUnit.SECONDS);
    }

    private static DtlsSrtpKeys keysOf(DtlsHandshakeResult result) {
        assertThat(result).isInstanceOf(DtlsHandshakeResult.Established.class);
        return ((DtlsHandshakeResult.Established) result).keys();
    }

    @Test
    void offersGcmFirstAndBothSidesExportTheSameKeysInTheirRoles() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsClientSession client = pair(net, DtlsSessionSettings.DEFAULTS, ALL);
        client.connect();

        DtlsHandshakeResult ours = await(client);
        DtlsSrtpKeys clientKeys = keysOf(ours);
        DtlsSrtpKeys serverKeys = keysOf(await(sessions.get(1)));
        assertThat(clientKeys.profile()).isEqualTo(SrtpProtectionProfile.AEAD_AES_128_GCM);
        assertThat(clientKeys.role()).isEqualTo(DtlsRole.CLIENT);
        assertThat(serverKeys.role()).isEqualTo(DtlsRole.SERVER);
        assertThat(clientKeys.material()).hasSize(56).isEqualTo(serverKeys.material());
        // What one side sends, the other decrypts (RFC 5764 §4.2).
        assertThat(clientKeys.localMasterKey()).isEqualTo(serverKeys.remoteMasterKey());
        assertThat(clientKeys.localMasterSalt()).isEqualTo(serverKeys.remoteMasterSalt());
        assertThat(((DtlsHandshakeResult.Established) ours).peerFingerprint()).isEqualTo(SERVER_CERT.fingerprint());
        assertThat(net.clientDatagrams).isNotEmpty().allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(1200));
        assertThat(clientCounters.handshakesStarted()).isEqualTo(1);
        assertThat(clientCounters.handshakesSucceeded()).isEqualTo(1);
    }

    @Test
    void agreesOnAes128CmSha1_80WhenOfferingOnlyIt() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsClientSession client = pair(net, DtlsSessionSettings.DEFAULTS,
                List.of(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80));
        client.connect();

        DtlsSrtpKeys clientKeys = keysOf(await(client));
        DtlsSrtpKeys serverKeys = keysOf(await(sessions.get(1)));
        assertThat(clientKeys.profile()).isEqualTo(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(clientKeys.material()).hasSize(60).isEqualTo(serverKeys.material());
        assertThat(clientKeys.remoteMasterKey()).isEqualTo(serverKeys.localMasterKey());
    }

    @Test
    void wrongServerFingerprintFailsBeforeOurSecondFlightAndYieldsNoKeys() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsFingerprint someoneElse = DtlsCertificate.generate(RANDOM).fingerprint();
        DtlsClientSession client = client(net, someoneElse, DtlsSessionSettings.DEFAULTS);
        DtlsServerSession server = server(net, DtlsSessionSettings.DEFAULTS);
        net.connect(client, server);
        client.connect();

        assertThat(await(client)).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
        // Our bad_certificate alert reached the server, which got no certificate of ours either.
        assertThat(await(server)).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.PEER_ALERT));
        // We sent ClientHellos (epoch 0, handshake type 1) and the alert (type 21), nothing more:
        // no Certificate, no ClientKeyExchange, no Finished (RFC 6347 §4.1, RFC 5246 §7.4).
        assertThat(net.clientDatagrams).isNotEmpty().allSatisfy(d -> assertThat(
                (d[0] == 22 && d[3] == 0 && d[4] == 0 && d[13] == 1) || d[0] == 21).isTrue());
        assertThat(clientCounters.handshakesFailed(DtlsFailure.FINGERPRINT_MISMATCH)).isEqualTo(1);
        assertThat(clientCounters.handshakesSucceeded()).isZero();
    }

    @Test
    void sendsNothingAndStartsNoThreadBeforeConnectAndConnectsOnce() throws Exception {
        SessionCrossover net = new SessionCrossover();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory counting = r -> {
            threads.incrementAndGet();
            return Thread.ofVirtual().unstarted(r);
        };
        DtlsClientSession client = client(net, SERVER_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS, ALL, counting);
        net.connect(client, server(net, DtlsSessionSettings.DEFAULTS));
        assertThat(threads.get()).isZero();
        assertThat(net.clientDatagrams).isEmpty();
        assertThat(client.handshake()).isNotDone();

        client.connect();
        client.connect();
        keysOf(await(client));
        assertThat(threads.get()).isOne();
        assertThat(net.clientHellos()).isOne();
    }

    @Test
    void lostClientHelloIsRetransmitted() throws Exception {
        // ffmpeg's WHIP muxer reads the first ClientHello before its DTLS context exists and loses it.
        SessionCrossover net = new SessionCrossover(index -> index == 0);
        DtlsClientSession client = pair(net, DtlsSessionSettings.DEFAULTS, ALL);
        client.connect();

        DtlsHandshakeResult result = await(client);
        keysOf(result);
        assertThat(net.clientHellos()).isGreaterThanOrEqualTo(2);
        assertThat(((DtlsHandshakeResult.Established) result).elapsed())
                .isLessThan(DtlsSessionSettings.DEFAULTS.handshakeTimeout());
    }

    @Test
    void smallMtuFragmentsEveryDatagramToFit() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsClientSession client = pair(net, DtlsSessionSettings.DEFAULTS.withMtu(300), ALL);
        client.connect();

        keysOf(await(client));
        assertThat(net.clientDatagrams).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(300));
        assertThat(net.clientDatagrams.size()).isGreaterThan(3);
    }

    @Test
    void noServerEndsInTimeoutAfterRetransmitting() throws Exception {
        SessionCrossover net = new SessionCrossover(index -> true);
        DtlsSessionSettings settings =
                new DtlsSessionSettings(Duration.ofMillis(700), Duration.ofMillis(100), 1200, 1500, 64);
        DtlsClientSession client = client(net, SERVER_CERT.fingerprint(), settings);
        client.connect();

        assertThat(client.handshake().get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.TIMEOUT));
        assertThat(net.clientHellos()).isGreaterThanOrEqualTo(2);
        client.terminated().get(5, TimeUnit.SECONDS);
    }

    @Test
    void closeBeforeConnectFailsWithClosedAndConnectDoesNothingAfterwards() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsClientSession client = client(net, SERVER_CERT.fingerprint(), DtlsSessionSettings.DEFAULTS);
        client.close();
        client.connect();

        assertThat(client.handshake().get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(
                DtlsHandshakeResult.Failed.class, f -> assertThat(f.reason()).isEqualTo(DtlsFailure.CLOSED));
        client.terminated().get(5, TimeUnit.SECONDS);
        assertThat(net.clientDatagrams).isEmpty();
        assertThat(client.receive(new byte[] {22, 1, 2}, 0, 3)).isFalse();
    }

    @Test
    void closeAfterTheHandshakeSendsCloseNotifyWhichEndsTheServer() throws Exception {
        SessionCrossover net = new SessionCrossover();
        DtlsClientSession client = pair(net, DtlsSessionSettings.DEFAULTS, ALL);
        client.connect();
        keysOf(await(client));
        DtlsSession server = sessions.get(1);
        keysOf(await(server));

        client.close();
        client.terminated().get(5, TimeUnit.SECONDS);
        server.terminated().get(5, TimeUnit.SECONDS);
        // The last thing we sent is an alert (type 21) in epoch 1; that it is close_notify and not
        // a fatal alert is checked against OpenSSL, which prints what it received.
        assertThat(net.clientDatagrams.getLast()[0]).isEqualTo((byte) 21);
        assertThat(net.clientDatagrams.getLast()[4]).isEqualTo((byte) 1);
    }
}
