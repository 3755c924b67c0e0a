// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One peer's DTLS 1.2 association, in the server role: WebRTC's ICE-lite side answers with
 * {@code a=setup:passive}, so the browser connects (RFC 8842 §5.3, RFC 5763 §5).
 *
 * <p>BouncyCastle's handshake blocks, so it runs on a thread of its own (a virtual thread by
 * default), never on the network event loop. The network thread calls {@link #receive}, which
 * copies into a bounded queue and returns at once. The result completes {@link #handshake()}
 * within the settings' handshake timeout, whatever the peer sends.
 *
 * <p>After the handshake the thread keeps reading the DTLS connection, for two reasons: if our
 * final flight is lost the client retransmits its own, and BouncyCastle answers that only while
 * someone receives (RFC 6347 §4.2.4); and a close_notify from the peer ends the session.
 * Application data (SCTP for data channels, RFC 8261) has no consumer yet and is counted and
 * dropped.
 */
public final class DtlsServerSession implements DtlsSession {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("dtls-session-", 0).factory();

    private final QueuedDatagramTransport transport;
    private final SrtpDtlsServer server;
    private final DtlsCounters counters;
    private final CompletableFuture<DtlsHandshakeResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final long id = IDS.incrementAndGet();
    private volatile DTLSTransport connection;
    /** Set by {@link #close}; BouncyCastle also stops the transport when it aborts by itself. */
    private volatile boolean closedByOwner;

    private DtlsServerSession(QueuedDatagramTransport transport, SrtpDtlsServer server, DtlsCounters counters) {
        this.transport = transport;
        this.server = server;
        this.counters = counters;
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
        Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        QueuedDatagramTransport transport = new QueuedDatagramTransport(sink, settings, counters);
        SrtpDtlsServer server = new SrtpDtlsServer(new BcTlsCrypto(random), certificate, remoteFingerprint, settings);
        DtlsServerSession session = new DtlsServerSession(transport, server, counters);
        counters.handshakeStarted();
        Thread thread = threads.newThread(session::run);
        if (thread == null) {
            throw new IllegalStateException("thread factory refused a DTLS session thread");
        }
        transport.startDeadline(System.nanoTime() + settings.handshakeTimeout().toNanos());
        thread.start();
        return session;
    }

    /**
     * Hands the session one datagram the caller demultiplexed as DTLS (RFC 7983: first byte
     * 20..63). Copies it; never blocks; never throws for any content.
     *
     * @return false if it was dropped (queue full, empty, oversized, session over); counted
     */
    @Override
    public boolean receive(byte[] datagram, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        return transport.offer(datagram, offset, length);
    }

    /** @return completes once, with keys or a failure, within the handshake timeout */
    @Override
    public CompletableFuture<DtlsHandshakeResult> handshake() {
        return result;
    }

    /** @return completes when the session's thread has finished (after {@link #close} or a failure) */
    @Override
    public CompletableFuture<Void> terminated() {
        return ended;
    }

    /** Ends the session: a pending handshake fails with CLOSED, an established one sends close_notify. */
    @Override
    public void close() {
        closedByOwner = true;
        transport.stop();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            DtlsHandshakeResult outcome = handshakeOrFailure(start);
            counters.handshakeEnded(outcome);
            result.complete(outcome);
            if (outcome instanceof DtlsHandshakeResult.Established) {
                serveConnection();
            }
        } finally {
            transport.close();
            ended.complete(null);
        }
    }

    private DtlsHandshakeResult handshakeOrFailure(long start) {
        try {
            DTLSServerProtocol protocol = new DTLSServerProtocol();
            // No HelloVerifyRequest cookie (RFC 6347 §4.2.1 makes it optional): ICE connectivity
            // checks already proved the peer's address before DTLS starts (RFC 8445 §7.3), and
            // this session exists only for that address.
            protocol.setVerifyRequests(false);
            DTLSTransport dtls = protocol.accept(server, transport);
            transport.clearDeadline();
            DtlsSrtpKeys keys = server.srtpKeys();
            connection = dtls;
            return new DtlsHandshakeResult.Established(keys, server.verifiedPeer(), since(start));
        } catch (IOException | RuntimeException e) {
            return new DtlsHandshakeResult.Failed(classify(e), describe(e), since(start));
        }
    }

    private DtlsFailure classify(Exception e) {
        if (server.policyFailure() != null) {
            return server.policyFailure();
        }
        if (closedByOwner) {
            return DtlsFailure.CLOSED;
        }
        if (e instanceof TlsTimeoutException) {
            return DtlsFailure.TIMEOUT;
        }
        if (e instanceof TlsFatalAlertReceived || server.peerAlert() >= 0) {
            return DtlsFailure.PEER_ALERT;
        }
        if (e instanceof TlsFatalAlert alert && alert.getAlertDescription() == AlertDescription.internal_error) {
            return DtlsFailure.INTERNAL_ERROR;
        }
        return e instanceof IOException ? DtlsFailure.PROTOCOL_ERROR : DtlsFailure.INTERNAL_ERROR;
    }

    private static String describe(Exception e) {
        String what = e.getClass().getSimpleName();
        if (e instanceof TlsFatalAlert alert) {
            what += " " + AlertDescription.getText(alert.getAlertDescription());
        }
        return e.getMessage() == null ? what : what + ": " + e.getMessage();
    }

    /** Reads the connection until either side closes it; see the class comment. */
    private void serveConnection() {
        DTLSTransport dtls = connection;
        byte[] buffer = new byte[transport.getReceiveLimit()];
        try {
            while (!transport.isStopping()) {
                // The wait only paces the loop; -1 means nothing arrived in it.
                if (dtls.receive(buffer, 0, buffer.length, 1000) >= 0) {
                    counters.applicationDatagramDropped();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Our close() or the peer's close_notify/alert: either way the association is over.
        }
        try {
            dtls.close(); // sends close_notify unless the record layer already failed or closed
        } catch (IOException | RuntimeException e) {
            // Nothing left to tell the peer.
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return "DtlsServerSession#" + id;
    }
}
