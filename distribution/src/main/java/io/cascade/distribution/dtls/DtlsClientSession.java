// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One peer's DTLS 1.2 association in the client role: the peer's offer said {@code
 * a=setup:passive}, so we answer {@code active} and send the ClientHello (RFC 8842 §5.2, RFC 5763
 * §5). ffmpeg's WHIP muxer is such a peer.
 *
 * <p>Unlike the server session it does not start on creation: the ClientHello needs somewhere to
 * go, and over ICE that is the address the peer's first connectivity check came from (RFC 8445
 * §7.3; a lite agent learns it no other way). The owner creates the session with the answer and
 * calls {@link #connect()} once that address is known; datagrams received before then wait in the
 * queue. The handshake timeout counts from {@link #connect()}.
 *
 * <p>It offers use_srtp with AEAD_AES_128_GCM, then AES128_CM_HMAC_SHA1_80 (the order of {@link
 * SrtpProtectionProfile}), presents our certificate when the server asks, checks the server's
 * certificate against the SDP fingerprint before any key exists (see {@link SrtpDtlsClient}) and
 * yields {@link DtlsSrtpKeys} with role {@link DtlsRole#CLIENT}. Flights are retransmitted by
 * BouncyCastle from the settings' initial timer (RFC 6347 §4.2.4) and no datagram exceeds the
 * settings' MTU (§4.1.1.1). Threads and life after the handshake: see {@link ThreadedDtlsSession}.
 */
public final class DtlsClientSession extends ThreadedDtlsSession {
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("dtls-client-", 0).factory();

    private final SrtpDtlsClient client;

    private DtlsClientSession(DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters,
            SrtpKeyGate gate, SrtpDtlsClient client, ThreadFactory threads) {
        super(sink, settings, counters, gate, threads);
        this.client = client;
    }

    /**
     * Prepares a session; nothing is sent until {@link #connect()}.
     *
     * @param certificate our node's certificate, whose fingerprint our SDP advertised
     * @param remoteFingerprint the peer's {@code a=fingerprint} from its SDP
     * @param sink where our datagrams go (called from the session's thread)
     */
    public static DtlsClientSession create(DtlsCertificate certificate, DtlsFingerprint remoteFingerprint,
            DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters, SecureRandom random) {
        return create(certificate, remoteFingerprint, sink, settings, counters, random,
                List.of(SrtpProtectionProfile.values()), VIRTUAL);
    }

    /** As the public factory, offering only {@code profiles} and running on a thread of {@code threads}. */
    static DtlsClientSession create(DtlsCertificate certificate, DtlsFingerprint remoteFingerprint,
            DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters, SecureRandom random,
            List<SrtpProtectionProfile> profiles, ThreadFactory threads) {
        SrtpKeyGate gate = new SrtpKeyGate(Objects.requireNonNull(remoteFingerprint, "remoteFingerprint"));
        SrtpDtlsClient client = new SrtpDtlsClient(new BcTlsCrypto(random), certificate, gate, settings, profiles);
        return new DtlsClientSession(sink, settings, counters, gate, client, threads);
    }

    /**
     * Starts the handshake: the session's thread sends the ClientHello. Only the first call has an
     * effect; after {@link #close()} none has.
     */
    public void connect() {
        begin();
    }

    @Override
    DTLSTransport openConnection(QueuedDatagramTransport transport) throws IOException {
        return new DTLSClientProtocol().connect(client, transport);
    }

    @Override
    public String toString() {
        return "DtlsClientSession#" + id;
    }
}
