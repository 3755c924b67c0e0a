// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsClientSession;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.dtls.DtlsHandshakeResult;
import io.cascade.distribution.dtls.DtlsSessionSettings;
import io.cascade.distribution.srtp.SrtpContexts;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpRole;
import io.cascade.distribution.srtp.SrtpSendContext;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The transport of one synthetic WebRTC peer (a WHEP viewer or a WHIP publisher) on its own UDP
 * socket, against the ICE-lite gateway that answered its offer: ICE as the controlling agent
 * ({@link IceChecks}), then DTLS as client ({@code a=setup:active}, RFC 8842 §5.2), then the SRTP
 * keys DTLS exported (RFC 5764 §4.2). {@link #receive} takes STUN and DTLS off the wire (demultiplexed
 * by the first octet, RFC 7983 §7) and hands SRTP/SRTCP back to the peer; {@link #tick} sends
 * checks every 200 ms until answered, then a consent check every 5 s (RFC 7675 §5.1: the gateway
 * expires consent after 30 s). All state belongs to the socket's thread except {@link #secured}.
 */
final class PeerTransport {
    /** Where the peer is in its life. */
    enum State { CHECKING, HANDSHAKING, SECURE, FAILED }

    static final long CHECK_RETRY_NANOS = 200_000_000L;
    static final long CONSENT_NANOS = 5_000_000_000L;
    static final long CONNECT_TIMEOUT_NANOS = 20_000_000_000L;

    final UdpSocket socket;
    final InetSocketAddress remote;
    private final IceChecks ice;
    private final DtlsClientSession dtls;
    private final long startNanos;
    private long lastCheckNanos;
    private SrtpReceiveContext rx;
    private SrtpSendContext tx;
    State state = State.CHECKING;
    String failure;
    /** Completes when the SRTP keys are in place; fails with the reason otherwise. */
    final CompletableFuture<Void> secured = new CompletableFuture<>();

    PeerTransport(UdpSocket socket, String localUfrag, WhepAnswer answer, DtlsCertificate certificate,
                  DtlsCounters dtlsCounters, SecureRandom random, long nowNanos) {
        this.socket = socket;
        this.remote = answer.candidate();
        this.ice = new IceChecks(localUfrag, answer, random);
        this.dtls = DtlsClientSession.create(certificate, answer.fingerprint(), this::sendFromDtls,
                DtlsSessionSettings.DEFAULTS, dtlsCounters, random);
        this.startNanos = nowNanos;
        dtls.handshake().whenComplete((result, error) -> socket.executor().execute(() -> handshakeDone(result)));
    }

    /** Whether the datagram is SRTP or SRTCP (RFC 7983 §7: 128..191), which the peer handles itself. */
    static boolean isMedia(ByteBuf datagram) {
        int first = datagram.getUnsignedByte(datagram.readerIndex());
        return first >= 128 && first <= 191;
    }

    /** Takes a STUN or DTLS datagram; anything else is ignored. */
    void receive(ByteBuf datagram) {
        int first = datagram.getUnsignedByte(datagram.readerIndex());
        if (first <= 3) {
            if (ice.isAnswer(ByteBufUtil.getBytes(datagram)) && state == State.CHECKING) {
                state = State.HANDSHAKING;
                dtls.connect(); // RFC 8842 §5.2: the client starts DTLS once ICE has a pair
            }
        } else if (first >= 20 && first <= 63) {
            byte[] bytes = ByteBufUtil.getBytes(datagram);
            dtls.receive(bytes, 0, bytes.length);
        }
    }

    private void handshakeDone(DtlsHandshakeResult result) {
        if (state == State.FAILED) {
            return;
        }
        if (!(result instanceof DtlsHandshakeResult.Established ok)) {
            fail("DTLS: " + result);
            return;
        }
        SrtpContexts keys = SrtpContexts.fromDtlsExport(SrtpProfile.fromCode(ok.keys().profile().code()),
                ok.keys().material(), SrtpRole.CLIENT);
        rx = keys.receiver();
        tx = keys.sender();
        state = State.SECURE;
        secured.complete(null);
    }

    /** Sends the checks that are due; returns whether anything was queued (the caller flushes). */
    boolean tick(long nowNanos) {
        switch (state) {
            case CHECKING -> {
                if (nowNanos - startNanos > CONNECT_TIMEOUT_NANOS) {
                    fail("no answer to ICE checks");
                    return false;
                }
                if (nowNanos - lastCheckNanos >= CHECK_RETRY_NANOS) {
                    lastCheckNanos = nowNanos;
                    send(ice.request(true));
                    return true;
                }
            }
            case HANDSHAKING -> {
                if (nowNanos - startNanos > CONNECT_TIMEOUT_NANOS) {
                    fail("DTLS did not complete");
                }
            }
            case SECURE -> {
                if (nowNanos - lastCheckNanos >= CONSENT_NANOS) {
                    lastCheckNanos = nowNanos;
                    send(ice.request(false));
                    return true;
                }
            }
            case FAILED -> {
            }
        }
        return false;
    }

    /** The receive keys once secure, else null. */
    SrtpReceiveContext rx() {
        return rx;
    }

    /** The send keys once secure, else null. */
    SrtpSendContext tx() {
        return tx;
    }

    /** Queues a datagram to the gateway (the buffer is the socket's now). */
    void send(ByteBuf datagram) {
        socket.send(datagram, remote);
    }

    private void send(byte[] datagram) {
        send(socket.alloc().directBuffer(datagram.length).writeBytes(datagram));
    }

    /** DTLS records, from the session's own thread: one task each onto the socket's thread. */
    private void sendFromDtls(byte[] datagram) {
        socket.executor().execute(() -> {
            send(datagram);
            socket.flush();
        });
    }

    private void fail(String why) {
        state = State.FAILED;
        failure = why;
        dtls.close();
        secured.completeExceptionally(new IllegalStateException(why));
    }

    /** Ends the DTLS association (close_notify); from any thread. */
    void close() {
        dtls.close();
    }
}
