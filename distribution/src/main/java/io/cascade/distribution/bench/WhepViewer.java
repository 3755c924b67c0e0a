// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.rtcp.ReceiverReport;
import io.cascade.distribution.rtcp.ReportBlock;
import io.cascade.distribution.rtcp.RtcpMux;
import io.cascade.distribution.rtp.SequenceUnwrapper;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpResult;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One synthetic WHEP viewer on its own UDP socket, after its offer was answered. Its {@link
 * PeerTransport} does ICE and DTLS; SRTP and SRTCP from the gateway are unprotected with the keys
 * DTLS exported, then RTP is counted per SSRC, loss being the gaps in its extended sequence numbers
 * (RFC 3550 §A.3). Video a {@link SimulcastPublisher} sent ends in a layer tag, counted per layer,
 * so a room's subscribers show which simulcast layer the relay chose for them. Every second an
 * SRTCP receiver report (RFC 3550 §6.4.2) carries the fraction lost since the last one, which feeds
 * the relay's downlink estimate and layer choice, and keeps the relay's subscriber alive (it drops
 * one silent for 10 s). All state belongs to the socket's thread except {@link #secured}.
 */
final class WhepViewer implements SyntheticPeer {
    static final long REPORT_NANOS = 1_000_000_000L;

    private final PeerTransport transport;
    private final int localSsrc;
    private final int[] ssrcs;
    private final SequenceUnwrapper[] unwrappers;
    private final long[] base;
    private final long[] highest;
    private final long[] received;
    /** Expected and received at the last report, for its fraction lost (RFC 3550 §A.3). */
    private final long[] expectedPrior;
    private final long[] receivedPrior;
    private long lastReportNanos;
    final CompletableFuture<WhepViewer> secured;
    /** SRTP and SRTCP from the gateway: datagrams and octets as they came off the wire. */
    long mediaDatagrams;
    long mediaOctets;
    /** Media that arrived before our keys, that failed SRTP, or that named an SSRC not in the answer. */
    long early;
    long srtpFailed;
    /** What the first failed unprotect said, for the report; null while none failed. */
    String firstSrtpFailure;
    long unknownSsrc;
    long rtcpIn;
    long reportsSent;
    /** Video packets by the simulcast layer their tag names (q, h, f). */
    final long[] layerPackets = new long[SimulcastPublisher.LAYERS];
    /** The layer of the last tagged video packet, -1 before one. */
    int lastLayer = -1;

    WhepViewer(UdpSocket socket, String localUfrag, WhepAnswer answer, DtlsCertificate certificate,
               DtlsCounters dtlsCounters, SecureRandom random, long nowNanos) {
        this.transport = new PeerTransport(socket, localUfrag, answer, certificate, dtlsCounters, random, nowNanos);
        this.secured = transport.secured.thenApply(v -> this);
        this.localSsrc = random.nextInt() | 1;
        int n = answer.tracks().size();
        this.ssrcs = new int[n];
        this.unwrappers = new SequenceUnwrapper[n];
        this.base = new long[n];
        this.highest = new long[n];
        this.received = new long[n];
        this.expectedPrior = new long[n];
        this.receivedPrior = new long[n];
        for (int i = 0; i < n; i++) {
            ssrcs[i] = answer.tracks().get(i).ssrc();
            unwrappers[i] = new SequenceUnwrapper();
        }
    }

    // ---- receive path (socket thread)

    @Override
    public void onDatagram(ByteBuf datagram) {
        if (PeerTransport.isMedia(datagram)) {
            media(datagram);
        } else {
            transport.receive(datagram);
        }
    }

    private void media(ByteBuf datagram) {
        mediaDatagrams++;
        mediaOctets += datagram.readableBytes();
        SrtpReceiveContext r = transport.rx();
        if (r == null) {
            early++;
            return;
        }
        if (RtcpMux.isRtcp(datagram)) {
            SrtpResult result = r.unprotectRtcp(datagram);
            if (result == SrtpResult.OK) {
                rtcpIn++;
            } else {
                srtpFailed("SRTCP " + result);
            }
            return;
        }
        int ssrc = datagram.getInt(datagram.readerIndex() + 8);
        SrtpResult result = r.unprotect(datagram);
        if (result != SrtpResult.OK) {
            srtpFailed("SRTP " + result + " (SSRC " + Integer.toUnsignedString(ssrc) + ", "
                    + (trackOf(ssrc) < 0 ? "not announced" : "announced") + ", " + received() + " received before)");
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
        int layer = SimulcastPublisher.layerTag(datagram);
        if (layer >= 0) {
            layerPackets[layer]++;
            lastLayer = layer;
        }
    }

    private void srtpFailed(String what) {
        srtpFailed++;
        if (firstSrtpFailure == null) {
            firstSrtpFailure = what;
        }
    }

    private long received() {
        long sum = 0;
        for (long r : received) {
            sum += r;
        }
        return sum;
    }

    private int trackOf(int ssrc) {
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc) {
                return i;
            }
        }
        return -1;
    }

    // ---- timers and sends (socket thread)

    @Override
    public boolean tick(long nowNanos) {
        boolean sent = transport.tick(nowNanos);
        if (transport.state == PeerTransport.State.SECURE && nowNanos - lastReportNanos >= REPORT_NANOS) {
            lastReportNanos = nowNanos;
            sent |= sendReport();
        }
        return sent;
    }

    /** A receiver report with one block per track (RFC 3550 §6.4.2), as SRTCP. */
    private boolean sendReport() {
        List<ReportBlock> blocks = new ArrayList<>(ssrcs.length);
        for (int i = 0; i < ssrcs.length; i++) {
            long expected = expected(i);
            int lost = (int) Math.min(0x7FFFFF, Math.max(0, expected - received[i]));
            long expectedInterval = expected - expectedPrior[i];
            long lostInterval = expectedInterval - (received[i] - receivedPrior[i]);
            expectedPrior[i] = expected;
            receivedPrior[i] = received[i];
            int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0
                    : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
            blocks.add(new ReportBlock(ssrcs[i], fraction, lost, (int) highest[i], 0, 0, 0));
        }
        ReceiverReport rr = new ReceiverReport(localSsrc, blocks);
        int room = rr.encodedLength() + SrtpProfile.MAX_OVERHEAD;
        ByteBuf out = transport.socket.alloc().directBuffer(room, room);
        rr.encode(out);
        if (transport.tx().protectRtcp(out) != SrtpResult.OK) {
            out.release();
            return false;
        }
        transport.send(out);
        reportsSent++;
        return true;
    }

    @Override
    public String failure() {
        return transport.failure != null ? transport.failure
                : firstSrtpFailure != null ? srtpFailed + " packets failed to unprotect, first: " + firstSrtpFailure : null;
    }

    @Override
    public void close() {
        transport.close();
    }

    // ---- counts (socket thread)

    private long expected(int track) {
        return received[track] == 0 ? 0 : highest[track] - base[track] + 1;
    }

    @Override
    public void addTo(ViewerTotals into) {
        into.viewers++;
        if (transport.state == PeerTransport.State.SECURE) {
            into.secure++;
        } else if (transport.state == PeerTransport.State.FAILED) {
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
        for (int l = 0; l < layerPackets.length; l++) {
            into.layerPackets[l] += layerPackets[l];
        }
        if (lastLayer >= 0) {
            into.onLayer[lastLayer]++;
        }
    }

    /** Packets received so far on the track at {@code index} of the answer. */
    long received(int index) {
        return received[index];
    }
}
