// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * A {@link DtlsSession} whose BouncyCastle handshake, which blocks, runs on a thread of its own (a
 * virtual thread by default), never on the network event loop. The role-specific part is one
 * method, {@link #openConnection}: {@code DTLSServerProtocol.accept} or {@code
 * DTLSClientProtocol.connect} with that role's policy, which records into a {@link SrtpKeyGate}.
 *
 * <p>Life: {@link #begin} starts the thread once; the result completes {@link #handshake()}
 * within the settings' handshake timeout, whatever the peer sends. After the handshake the thread
 * keeps reading the DTLS connection: a peer whose last flight we must answer again retransmits it
 * and BouncyCastle answers only while someone receives (RFC 6347 §4.2.4), and a close_notify from
 * the peer ends the session. Application data (SCTP for data channels, RFC 8261) has no consumer
 * yet and is counted and dropped. A session closed before it began fails with CLOSED at once.
 */
abstract class ThreadedDtlsSession implements DtlsSession {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    private final QueuedDatagramTransport transport;
    private final SrtpKeyGate gate;
    private final DtlsSessionSettings settings;
    private final DtlsCounters counters;
    private final ThreadFactory threads;
    private final CompletableFuture<DtlsHandshakeResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Set by whichever comes first: {@link #begin} or a {@link #close} before it. */
    private final AtomicBoolean started = new AtomicBoolean();
    /** Set by {@link #close}; BouncyCastle also stops the transport when it aborts by itself. */
    private volatile boolean closedByOwner;
    /** The session's thread while it serves an established connection, else null; guarded by itself. */
    private final Object servingLock = new Object();
    private Thread serving;

    ThreadedDtlsSession(DatagramSink sink, DtlsSessionSettings settings, DtlsCounters counters, SrtpKeyGate gate,
            ThreadFactory threads) {
        this.transport = new QueuedDatagramTransport(Objects.requireNonNull(sink, "sink"), settings, counters);
        this.gate = gate;
        this.settings = settings;
        this.counters = counters;
        this.threads = threads;
    }

    /**
     * Runs BouncyCastle's handshake over {@code transport} to its end, on the session's thread.
     *
     * @return the established connection; keys are in the gate by then
     */
    abstract DTLSTransport openConnection(QueuedDatagramTransport transport) throws IOException;

    /**
     * Starts the handshake thread and its deadline, once.
     *
     * @return false when the session had already begun or was closed
     */
    final boolean begin() {
        if (!started.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = threads.newThread(this::run);
        if (thread == null) {
            throw new IllegalStateException("thread factory refused a DTLS session thread");
        }
        counters.handshakeStarted();
        transport.startDeadline(System.nanoTime() + settings.handshakeTimeout().toNanos());
        thread.start();
        return true;
    }

    @Override
    public final boolean receive(byte[] datagram, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        return transport.offer(datagram, offset, length);
    }

    @Override
    public final CompletableFuture<DtlsHandshakeResult> handshake() {
        return result;
    }

    @Override
    public final CompletableFuture<Void> terminated() {
        return ended;
    }

    /**
     * During the handshake, stops the transport: the handshake fails with CLOSED. Once
     * established, interrupts the serving thread instead, which then sends close_notify (RFC 5246
     * §7.2.1): BouncyCastle lets an {@link java.io.InterruptedIOException} pass, but answers any
     * other transport failure by failing the connection with an internal_error alert.
     */
    @Override
    public final void close() {
        closedByOwner = true;
        if (started.compareAndSet(false, true)) {
            // Never began: no thread will complete the futures, so complete them here.
            transport.close();
            result.complete(new DtlsHandshakeResult.Failed(DtlsFailure.CLOSED, "closed before the handshake began",
                    Duration.ZERO));
            ended.complete(null);
            return;
        }
        synchronized (servingLock) {
            if (serving != null) {
                serving.interrupt();
                return;
            }
        }
        transport.stop();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            DTLSTransport connection = null;
            DtlsHandshakeResult outcome;
            try {
                connection = openConnection(transport);
                transport.clearDeadline();
                outcome = new DtlsHandshakeResult.Established(gate.keys(), gate.verifiedPeer(), since(start));
            } catch (IOException | RuntimeException e) {
                outcome = new DtlsHandshakeResult.Failed(classify(e), describe(e), since(start));
            }
            counters.handshakeEnded(outcome);
            result.complete(outcome);
            if (outcome instanceof DtlsHandshakeResult.Established) {
                serve(connection);
            }
        } finally {
            transport.close();
            ended.complete(null);
        }
    }

    private DtlsFailure classify(Exception e) {
        if (gate.policyFailure() != null) {
            return gate.policyFailure();
        }
        if (closedByOwner) {
            return DtlsFailure.CLOSED;
        }
        if (e instanceof TlsTimeoutException) {
            return DtlsFailure.TIMEOUT;
        }
        if (e instanceof TlsFatalAlertReceived || gate.peerAlert() >= 0) {
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

    /** Reads the connection until either side closes it; see the class comment and {@link #close}. */
    private void serve(DTLSTransport connection) {
        byte[] buffer = new byte[transport.getReceiveLimit()];
        synchronized (servingLock) {
            serving = Thread.currentThread();
        }
        try {
            // closedByOwner covers a close() that came before serving was set.
            while (!closedByOwner && !transport.isStopping()) {
                // The wait only paces the loop; -1 means nothing arrived in it.
                if (connection.receive(buffer, 0, buffer.length, 1000) >= 0) {
                    counters.applicationDatagramDropped();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Our close() or the peer's close_notify/alert: either way the association is over.
        } finally {
            synchronized (servingLock) {
                serving = null;
            }
            Thread.interrupted(); // close()'s interrupt must not break the sink's send of close_notify
        }
        try {
            connection.close(); // sends close_notify unless the record layer already failed or closed
        } catch (IOException | RuntimeException e) {
            // Nothing left to tell the peer.
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
