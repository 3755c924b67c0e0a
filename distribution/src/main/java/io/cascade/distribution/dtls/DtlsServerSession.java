// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One peer's DTLS 1.2 association, in the server role: WebRTC's ICE-lite side answers with
 * {@code a=setup:passive}, so the browser connects (RFC 8842 §5.3, RFC 5763 §5).
 *
 * <p>It starts at once and waits for the client's first flight; the policy (suites, the client
 * certificate checked against the SDP fingerprint, use_srtp) is {@link SrtpDtlsServer}'s. Threads,
 * the handshake bound and life after the handshake: see {@link ThreadedDtlsSession}.
 */
public final class DtlsServerSession extends ThreadedDtlsSession {
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("dtls-session-", 0).factory();

    private final SrtpDtlsServer server;

    private DtlsServerSession(DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters,
            SrtpKeyGate gate, SrtpDtlsServer server, ThreadFactory threads) {
        super(sink, settings, counters, gate, threads);
        this.server = server;
    }

    /**
     * Starts the handshake thread; the session then waits for the client's first flight.
     *
     * @param certificate our node's certificate, whose fingerprint our SDP advertised
     * @param remoteFingerprint the peer's {@code a=fingerprint} from its SDP
     * @param sink where our datagrams go (called from the session's thread)
     */
    public static DtlsServerSession start(DtlsCertificate certificate, DtlsFingerprint remoteFingerprint,
            DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters, SecureRandom random) {
        return start(certificate, remoteFingerprint, sink, settings, counters, random, VIRTUAL);
    }

    /** As {@link #start(DtlsCertificate, DtlsFingerprint, DatagramSink, DtlsSessionSettings,
     * DtlsCounters, SecureRandom)} with the thread made by {@code threads}. */
    public static DtlsServerSession start(DtlsCertificate certificate, DtlsFingerprint remoteFingerprint,
            DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters, SecureRandom random,
            ThreadFactory threads) {
        SrtpKeyGate gate = new SrtpKeyGate(Objects.requireNonNull(remoteFingerprint, "remoteFingerprint"));
        SrtpDtlsServer server = new SrtpDtlsServer(new BcTlsCrypto(random), certificate, gate, settings);
        DtlsServerSession session = new DtlsServerSession(sink, settings, counters, gate, server, threads);
        session.begin();
        return session;
    }

    @Override
    DTLSTransport openConnection(QueuedDatagramTransport transport) throws IOException {
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        // No HelloVerifyRequest cookie (RFC 6347 §4.2.1 makes it optional): ICE connectivity
        // checks already proved the peer's address before DTLS starts (RFC 8445 §7.3), and
        // this session exists only for that address.
        protocol.setVerifyRequests(false);
        return protocol.accept(server, transport);
    }

    @Override
    public String toString() {
        return "DtlsServerSession#" + id;
    }
}
