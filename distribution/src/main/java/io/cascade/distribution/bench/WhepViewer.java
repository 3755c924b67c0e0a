// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsClientSession;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.dtls.DtlsHandshakeResult;
import io.cascade.distribution.dtls.DtlsSessionSettings;
import io.cascade.distribution.rtcp.ReceiverReport;
import io.cascade.distribution.rtcp.ReportBlock;
import io.cascade.distribution.rtcp.RtcpMux;
import io.cascade.distribution.rtp.SequenceUnwrapper;
import io.cascade.distribution.srtp.SrtpContexts;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpResult;
import io.cascade.distribution.srtp.SrtpRole;
import io.cascade.distribution.srtp.SrtpSendContext;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One synthetic WHEP viewer on its own UDP socket, after its offer was answered. The receive
 * path, demultiplexed by the first octet (RFC 7983 §7):
 * <ol>
 *   <li>0..3 STUN: the answer to our check moves us from ICE to DTLS ({@link IceChecks});
 *   <li>20..63 DTLS: handed to our {@link DtlsClientSession} (we sent {@code a=setup:active});
 *   <li>128..191 SRTP/SRTCP: unprotected with the keys DTLS exported (RFC 5764 §4.2), then RTP is
 *       counted per SSRC, loss being the gaps in its extended sequence numbers (RFC 3550 §A.3).
 * </ol>
 * Timers ({@link #tick}): checks every 200 ms until answered, then a consent check every 5 s
 * (RFC 7675 §5.1, the gateway expires consent after 30 s) and an SRTCP receiver report every
 * second (RFC 3550 §6.4.2), which also keeps the relay's subscriber alive (it drops one silent for
 * 10 s). All state belongs to the socket's thread except {@link #secured}.
 */
final class WhepViewer {
    /** Where the viewer is in its life. */
    enum State { CHECKING, HANDSHAKING, SECURE, FAILED }

    static final long CHECK_RETRY_NANOS = 200_000_000L;
    static final long CONSENT_NANOS = 5_000_000_000L;
    static final long REPORT_NANOS = 1_000_000_000L;
    static final long CONNECT_TIMEOUT_NANOS = 20_000_000_000L;

    private final UdpSocket socket;
    private final InetSocketAddress remote;
    private final IceChecks ice;
    private final DtlsClientSession dtls;
    private final int localSsrc;
    private final int[] ssrcs;
    private final SequenceUnwrapper[] unwrappers;
    private final long[] base;
    private final long[] highest;
    private final long[] received;
    private final long startNanos;
    private SrtpReceiveContext rx;
    private SrtpSendContext tx;
    private long lastCheckNanos;
    private long lastReportNanos;
    State state = State.CHECKING;
    String failure;
    final CompletableFuture<WhepViewer> secured = new CompletableFuture<>();
    /** SRTP and SRTCP from the gateway: datagrams and octets as they came off the wire. */
    long mediaDatagrams;
    long mediaOctets;
    /** Media that arrived before our keys, that failed SRTP, or that named an SSRC not in the answer. */
    long early;
    long srtpFailed;
    long unknownSsrc;
    long rtcpIn;
    long reportsSent;

    WhepViewer(UdpSocket socket, String localUfrag, WhepAnswer answer, DtlsCertificate certificate,
               DtlsCounters dtlsCounters, SecureRandom random, long nowNanos) {
        this.socket = socket;
        this.remote = answer.candidate();
        this.ice = new IceChecks(localUfrag, answer, random);
        this.dtls = DtlsClientSession.create(certificate, answer.fingerprint(), this::sendFromDtls,
                DtlsSessionSettings.DEFAULTS, dtlsCounters, random);
        this.localSsrc = random.nextInt() | 1;
        int n = answer.tracks().size();
        this.ssrcs = new int[n];
        this.unwrappers = new SequenceUnwrapper[n];
        this.base = new long[n];
        this.highest = new long[n];
        this.received = new long[n];
        for (int i = 0; i < n; i++) {
            ssrcs[i] = answer.tracks().get(i).ssrc();
            unwrappers[i] = new SequenceUnwrapper();
        }
        this.startNanos = nowNanos;
        dtls.handshake().whenComplete((result, error) -> socket.executor().execute(() -> handshakeDone(result)));
    }

    // ---- receive path (socket thread)

    void onDatagram(ByteBuf datagram) {
        int first = datagram.getUnsignedByte(datagram.readerIndex());
        if (first >= 128 && first <= 191) {
            media(datagram);
        } else if (first <= 3) {
            if (ice.isAnswer(ByteBufUtil.getBytes(datagram)) && state == State.CHECKING) {
                state = State.HANDSHAKING;
                dtls.connect(); // RFC 8842 §5.2: the client starts DTLS once ICE has a pair
            }
        } else if (first >= 20 && first <= 63) {
            byte[] bytes = ByteBufUtil.getBytes(datagram);
            dtls.receive(bytes, 0, bytes.length);
        }
    }

    private void media(ByteBuf datagram) {
        mediaDatagrams++;
        mediaOctets += datagram.readableBytes();
        SrtpReceiveContext r = rx;
        if (r == null) {
            early++;
            return;
        }
        if (RtcpMux.isRtcp(datagram)) {
            if (r.unprotectRtcp(datagram) == SrtpResult.OK) {
                rtcpIn++;
            } else {
                srtpFailed++;
            }
            return;
        }
        if (r.unprotect(datagram) != SrtpResult.OK) {
            srtpFailed++;
            return;
        }
        int at = datagram.readerIndex();
        int track = trackOf(datagram.getInt(at + 8));
        if (track < 0) {
            unknownSsrc++;
            return;
        }
        long ext = unwrappers[track].unwrap(datagram.getUnsignedShort(at + 2));
        if (received[track] == 0) {
            base[track] = ext;
            highest[track] = ext;
        } else if (ext > highest[track]) {
            highest[track] = ext;
        } else if (ext < base[track]) {
            base[track] = ext; // reordered before the first one we saw
        }
        received[track]++;
    }

    private int trackOf(int ssrc) {
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc) {
                return i;
            }
        }
        return -1;
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
        secured.complete(this);
    }

    // ---- timers and sends (socket thread)

    /** Sends what is due; returns whether anything was queued (the caller flushes). */
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
                boolean sent = false;
                if (nowNanos - lastCheckNanos >= CONSENT_NANOS) {
                    lastCheckNanos = nowNanos;
                    send(ice.request(false));
                    sent = true;
                }
                if (nowNanos - lastReportNanos >= REPORT_NANOS) {
                    lastReportNanos = nowNanos;
                    sent |= sendReport();
                }
                return sent;
            }
            case FAILED -> {
            }
        }
        return false;
    }

    /** A receiver report with one block per track (RFC 3550 §6.4.2), as SRTCP. */
    private boolean sendReport() {
        List<ReportBlock> blocks = new ArrayList<>(ssrcs.length);
        for (int i = 0; i < ssrcs.length; i++) {
            int lost = (int) Math.min(0x7FFFFF, Math.max(0, expected(i) - received[i]));
            blocks.add(new ReportBlock(ssrcs[i], 0, lost, (int) highest[i], 0, 0, 0));
        }
        ReceiverReport rr = new ReceiverReport(localSsrc, blocks);
        int room = rr.encodedLength() + SrtpProfile.MAX_OVERHEAD;
        ByteBuf out = socket.alloc().directBuffer(room, room);
        rr.encode(out);
        if (tx.protectRtcp(out) != SrtpResult.OK) {
            out.release();
            return false;
        }
        socket.send(out, remote);
        reportsSent++;
        return true;
    }

    private void send(byte[] datagram) {
        socket.send(socket.alloc().directBuffer(datagram.length).writeBytes(datagram), remote);
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

    // ---- counts (socket thread)

    private long expected(int track) {
        return received[track] == 0 ? 0 : highest[track] - base[track] + 1;
    }

    /** Adds this viewer's counts into {@code into}. */
    void addTo(ViewerTotals into) {
        into.viewers++;
        if (state == State.SECURE) {
            into.secure++;
        } else if (state == State.FAILED) {
            into.failed++;
        }
        into.mediaDatagrams += mediaDatagrams;
        into.mediaOctets += mediaOctets;
        into.early += early;
        into.srtpFailed += srtpFailed;
        into.unknownSsrc += unknownSsrc;
        into.rtcpIn += rtcpIn;
        into.reportsSent += reportsSent;
        for (int i = 0; i < ssrcs.length; i++) {
            into.rtpReceived += received[i];
            into.rtpExpected += expected(i);
        }
    }

    /** Packets received so far on the track at {@code index} of the answer. */
    long received(int index) {
        return received[index];
    }
}
