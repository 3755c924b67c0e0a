// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.rtcp.RtcpMux;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpResult;
import io.cascade.distribution.srtp.SrtpSendContext;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One synthetic room participant's camera and microphone, published over WHIP to the gateway
 * after its {@link SimulcastOffer} was answered: ICE and DTLS through a {@link PeerTransport}, then
 * SRTP at a browser's rates ({@link CameraProfile}). Each frame time every layer sends a frame on
 * its own SSRC, with the same capture time as browsers do; every packet carries the MID and
 * RtpStreamId elements (RFC 8843 §15, RFC 8852 §3.1; browsers stop once the SFU's RTCP shows it
 * learned the SSRC, we keep them, a few octets more). Frames are codec-shaped enough for the relay's
 * keyframe detection ({@code KeyframeFormat}): H.264 single NAL units or FU-A fragments (RFC 6184
 * §5.6, §5.8; IDR type 5 for keyframes), or VP8 with its payload descriptor and frame tag (RFC 7741
 * §4.2, §4.3). A layer's next frame is a keyframe after a PLI or FIR for its SSRC (RFC 4585
 * §6.3.1, RFC 5104 §4.3.1), the way an encoder answers the SFU after a subscriber joined or
 * switched layers. Audio: 160-octet Opus every 20 ms.
 *
 * <p>Every video payload ends in a two-octet layer tag ({@link #LAYER_TAG}, layer), which the
 * relay forwards untouched, so a subscriber can tell which layer it is being sent
 * ({@link #layerTag}). Frames are sent on the fleet's timer: when the socket's thread falls more
 * than 100 ms behind, the frames (and 20 ms audio frames) missed are skipped and counted ({@code
 * framesLate}), as an encoder drops frames it cannot send in time; sequence numbers count only
 * what is sent, so subscribers' loss is the transport's alone.
 */
final class SimulcastPublisher implements SyntheticPeer {
    static final int LAYERS = 3;
    static final List<String> RIDS = List.of("q", "h", "f");
    static final int LAYER_TAG = 0xCA;
    static final int MAX_PAYLOAD = 1160;
    private static final int AUDIO_OCTETS = 160;
    private static final long AUDIO_NANOS = 20_000_000L;
    private static final long LATE_NANOS = 100_000_000L;
    private static final int PSFB = 206;
    private static final int RTPFB = 205;

    private final PeerTransport transport;
    private final CameraProfile camera;
    private final int videoPt;
    private final int audioPt;
    private final byte[][] layerExtensions = new byte[LAYERS][];
    private final byte[] audioExtension;
    private final int[] ssrcs = new int[LAYERS];
    private final int[] seqs = new int[LAYERS];
    private final int[] tsBase = new int[LAYERS];
    private final boolean[] keyframeDue = {true, true, true};
    private final int audioSsrc;
    private int audioSeq;
    private int audioTs;
    private final long frameNanos;
    private long nextFrameNanos;
    private long nextAudioNanos;
    private long frames;
    final CompletableFuture<SimulcastPublisher> secured;
    long rtpSent;
    long octetsSent;
    long keyframesSent;
    long plisIn;
    long nacksIn;
    long rtcpIn;
    long srtpFailed;
    long framesLate;

    SimulcastPublisher(UdpSocket socket, String localUfrag, WhepAnswer answer, DtlsCertificate certificate,
                       DtlsCounters dtlsCounters, SecureRandom random, long nowNanos, CameraProfile camera,
                       int audioSsrc) {
        this.transport = new PeerTransport(socket, localUfrag, answer, certificate, dtlsCounters, random, nowNanos);
        this.camera = camera;
        WhepAnswer.Section video = answer.section("video")
                .orElseThrow(() -> new IllegalArgumentException("the WHIP answer refused the video section"));
        WhepAnswer.Section audio = answer.section("audio")
                .orElseThrow(() -> new IllegalArgumentException("the WHIP answer refused the audio section"));
        if (video.ridId() < 0) {
            throw new IllegalArgumentException("the WHIP answer dropped the rid extension: no simulcast");
        }
        this.videoPt = video.payloadType();
        this.audioPt = audio.payloadType();
        for (int l = 0; l < LAYERS; l++) {
            layerExtensions[l] = extension(video.midId(), video.mid(), video.ridId(), RIDS.get(l));
            ssrcs[l] = random.nextInt() | 1;
            seqs[l] = random.nextInt(1 << 16);
            tsBase[l] = random.nextInt();
        }
        this.audioExtension = extension(audio.midId(), audio.mid(), -1, null);
        this.audioSsrc = audioSsrc;
        this.audioSeq = random.nextInt(1 << 16);
        this.audioTs = random.nextInt();
        this.frameNanos = 1_000_000_000L / camera.fps();
        this.secured = transport.secured.thenApply(v -> this);
    }

    /** Publishers of {@code camera} for a {@link ViewerFleet}: offer {@link SimulcastOffer}, answer by WHIP. */
    static ViewerFleet.PeerKind<SimulcastPublisher> kind(CameraProfile camera) {
        return new ViewerFleet.PeerKind<>() {
            @Override
            public String offer(String ufrag, String pwd, DtlsCertificate certificate, long sessionId, int ssrc) {
                return SimulcastOffer.text(ufrag, pwd, certificate, sessionId, camera.codec(), ssrc);
            }

            @Override
            public SimulcastPublisher start(UdpSocket socket, String ufrag, String answerSdp, DtlsCertificate certificate,
                                            DtlsCounters counters, SecureRandom random, long nowNanos, int ssrc) {
                return new SimulcastPublisher(socket, ufrag, WhepAnswer.parseAny(answerSdp), certificate, counters,
                        random, nowNanos, camera, ssrc);
            }

            @Override
            public CompletableFuture<SimulcastPublisher> secured(SimulcastPublisher peer) {
                return peer.secured;
            }
        };
    }

    /**
     * An RFC 8285 §4.2 one-byte header extension block with the MID and, if {@code ridId} > 0,
     * the RtpStreamId element, padded to 32 bits; null when neither id was negotiated.
     */
    private static byte[] extension(int midId, String mid, int ridId, String rid) {
        byte[] m = midId > 0 && !mid.isEmpty() ? mid.getBytes(StandardCharsets.US_ASCII) : new byte[0];
        byte[] r = ridId > 0 && rid != null ? rid.getBytes(StandardCharsets.US_ASCII) : new byte[0];
        int data = (m.length > 0 ? 1 + m.length : 0) + (r.length > 0 ? 1 + r.length : 0);
        if (data == 0) {
            return null;
        }
        int words = (data + 3) / 4;
        byte[] out = new byte[4 + 4 * words];
        out[0] = (byte) 0xBE;
        out[1] = (byte) 0xDE;
        out[2] = (byte) (words >> 8);
        out[3] = (byte) words;
        int i = 4;
        if (m.length > 0) {
            out[i++] = (byte) ((midId << 4) | (m.length - 1));
            System.arraycopy(m, 0, out, i, m.length);
            i += m.length;
        }
        if (r.length > 0) {
            out[i++] = (byte) ((ridId << 4) | (r.length - 1));
            System.arraycopy(r, 0, out, i, r.length);
        }
        return out; // the rest is zero: padding (RFC 8285 §4.2)
    }

    /** The layer a tagged video payload came from, or -1 (reads the unprotected packet's last two octets). */
    static int layerTag(ByteBuf rtp) {
        int end = rtp.writerIndex();
        if (end - rtp.readerIndex() < 14 || rtp.getUnsignedByte(end - 2) != LAYER_TAG) {
            return -1;
        }
        int layer = rtp.getUnsignedByte(end - 1);
        return layer < LAYERS ? layer : -1;
    }

    // ---- receive path (socket thread): RTCP from the gateway

    @Override
    public void onDatagram(ByteBuf datagram) {
        if (!PeerTransport.isMedia(datagram)) {
            transport.receive(datagram);
            return;
        }
        SrtpReceiveContext rx = transport.rx();
        if (rx == null || !RtcpMux.isRtcp(datagram)) {
            return; // the gateway sends a publisher nothing but RTCP
        }
        if (rx.unprotectRtcp(datagram) != SrtpResult.OK) {
            srtpFailed++;
            return;
        }
        rtcpIn++;
        int at = datagram.readerIndex();
        int end = datagram.writerIndex();
        while (at + 4 <= end) {
            int first = datagram.getUnsignedByte(at);
            int type = datagram.getUnsignedByte(at + 1);
            int length = (datagram.getUnsignedShort(at + 2) + 1) * 4;
            if ((first >> 6) != 2 || at + length > end) {
                return;
            }
            int fmt = first & 0x1F;
            if (type == PSFB && fmt == 1 && length >= 12) {
                keyframeRequest(datagram.getInt(at + 8));
            } else if (type == PSFB && fmt == 4 && length >= 20) {
                keyframeRequest(datagram.getInt(at + 12)); // FIR: the first FCI entry's SSRC
            } else if (type == RTPFB && fmt == 1) {
                nacksIn += Math.max(0, (length - 12) / 4);
            }
            at += length;
        }
    }

    private void keyframeRequest(int ssrc) {
        for (int l = 0; l < LAYERS; l++) {
            if (ssrcs[l] == ssrc) {
                plisIn++;
                keyframeDue[l] = true;
            }
        }
    }

    // ---- send path (socket thread)

    @Override
    public boolean tick(long nowNanos) {
        boolean sent = transport.tick(nowNanos);
        SrtpSendContext tx = transport.tx();
        if (transport.state != PeerTransport.State.SECURE || tx == null) {
            return sent;
        }
        if (nextFrameNanos == 0) {
            nextFrameNanos = nowNanos;
            nextAudioNanos = nowNanos;
        }
        if (nowNanos - nextFrameNanos > LATE_NANOS) {
            long missed = (nowNanos - nextFrameNanos) / frameNanos;
            framesLate += missed;
            frames += missed;
            nextFrameNanos += missed * frameNanos;
        }
        while (nowNanos >= nextFrameNanos) {
            int ts90k = (int) (frames * 90_000 / camera.fps());
            for (int l = 0; l < LAYERS; l++) {
                sendFrame(tx, l, tsBase[l] + ts90k);
            }
            frames++;
            nextFrameNanos += frameNanos;
            sent = true;
        }
        if (nowNanos - nextAudioNanos > LATE_NANOS) {
            long missed = (nowNanos - nextAudioNanos) / AUDIO_NANOS;
            audioTs += (int) (missed * 960); // audio not captured: the timestamp moves on, the sequence does not
            framesLate += missed;
            nextAudioNanos += missed * AUDIO_NANOS;
        }
        while (nowNanos >= nextAudioNanos) {
            sendAudio(tx);
            nextAudioNanos += AUDIO_NANOS;
            sent = true;
        }
        return sent;
    }

    private void sendFrame(SrtpSendContext tx, int layer, int timestamp) {
        boolean key = keyframeDue[layer];
        keyframeDue[layer] = false;
        if (key) {
            keyframesSent++;
        }
        int octets = camera.frameOctets(layer) * (key ? camera.keyframeScale() : 1);
        boolean vp8 = camera.codec().equals("VP8");
        // per packet: the codec's own header (H.264 FU indicator + header, or VP8 descriptor), then the tag
        int room = MAX_PAYLOAD - 2 - 2;
        int packets = octets <= MAX_PAYLOAD - 2 ? 1 : (octets + room - 1) / room;
        int left = octets;
        for (int p = 0; p < packets; p++) {
            boolean firstPacket = p == 0;
            boolean last = p == packets - 1;
            int chunk = packets == 1 ? octets : Math.min(room, left);
            left -= chunk;
            ByteBuf out = header(videoPt, last, seqs[layer]++, timestamp, ssrcs[layer], layerExtensions[layer],
                    chunk + 4);
            if (vp8) {
                out.writeByte(firstPacket ? 0x10 : 0x00); // X=0, N=0, S at a frame's start, PID 0 (RFC 7741 §4.2)
                if (firstPacket) {
                    out.writeByte(key ? 0x10 : 0x11); // frame tag: P=0 for a keyframe (RFC 6386 §9.1), show_frame
                    out.writeByte(0x00).writeByte(0x00);
                    chunk -= 3;
                    if (key) {
                        out.writeByte(0x9D).writeByte(0x01).writeByte(0x2A); // start code
                        out.writeShortLE(1280).writeShortLE(720);
                        chunk -= 7;
                    }
                }
            } else if (packets == 1) {
                out.writeByte(key ? 0x65 : 0x41); // a single NAL unit: IDR (5) or non-IDR slice (1)
                chunk--;
            } else {
                out.writeByte(0x60 | 28); // FU indicator: NRI 3, type 28 (RFC 6184 §5.8)
                out.writeByte((firstPacket ? 0x80 : 0) | (last ? 0x40 : 0) | (key ? 5 : 1));
            }
            out.writeZero(Math.max(0, chunk));
            out.writeByte(LAYER_TAG).writeByte(layer);
            protectAndSend(tx, out);
        }
    }

    private void sendAudio(SrtpSendContext tx) {
        ByteBuf out = header(audioPt, false, audioSeq++, audioTs, audioSsrc, audioExtension, AUDIO_OCTETS);
        audioTs += 960;
        out.writeByte(0x78); // Opus TOC: config 15, mono, one frame (RFC 6716 §3.1)
        out.writeZero(AUDIO_OCTETS - 1);
        protectAndSend(tx, out);
    }

    private ByteBuf header(int pt, boolean marker, int seq, int timestamp, int ssrc, byte[] extension, int payload) {
        int length = 12 + (extension == null ? 0 : extension.length) + payload;
        int capacity = length + SrtpProfile.MAX_OVERHEAD + 16;
        ByteBuf out = transport.socket.alloc().directBuffer(capacity, capacity);
        out.writeByte(extension == null ? 0x80 : 0x90);
        out.writeByte((marker ? 0x80 : 0) | pt);
        out.writeShort(seq);
        out.writeInt(timestamp);
        out.writeInt(ssrc);
        if (extension != null) {
            out.writeBytes(extension);
        }
        return out;
    }

    private void protectAndSend(SrtpSendContext tx, ByteBuf out) {
        if (tx.protect(out) != SrtpResult.OK) {
            out.release();
            srtpFailed++;
            return;
        }
        rtpSent++;
        octetsSent += out.readableBytes();
        transport.send(out);
    }

    @Override
    public void addTo(ViewerTotals into) {
        if (transport.state == PeerTransport.State.SECURE) {
            into.publishers++;
        } else if (transport.state == PeerTransport.State.FAILED) {
            into.failed++;
        }
        into.rtpSent += rtpSent;
        into.octetsSent += octetsSent;
        into.keyframesSent += keyframesSent;
        into.plisIn += plisIn;
        into.nacksIn += nacksIn;
        into.framesLate += framesLate;
        into.srtpFailed += srtpFailed;
    }

    @Override
    public String failure() {
        return transport.failure != null ? transport.failure
                : srtpFailed > 0 ? "publisher: " + srtpFailed + " SRTP/SRTCP packets failed to protect or unprotect" : null;
    }

    @Override
    public void close() {
        transport.close();
    }
}
