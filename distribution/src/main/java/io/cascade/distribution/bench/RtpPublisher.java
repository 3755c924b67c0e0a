// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A synthetic publisher of one stream as plain RTP, as a transcoder pushes a rendition into a
 * relay: H.264-shaped video (RFC 6184 §5.8 FU-A fragments of 30 frames per second, an IDR every
 * 2 s, the marker on each frame's last packet, {@code videoSize}-octet packets at
 * {@code videoBitrate}) and Opus-shaped audio (160-octet packets, 20 ms frames at 48 kHz, 50 per
 * second, RFC 7587 §4.2). Paced from one platform thread on a 1 ms grid; the payload is
 * filler, which is all a relay sees of it.
 */
final class RtpPublisher implements AutoCloseable {
    static final int VIDEO_SSRC = 0x11C0_FFEE;
    static final int AUDIO_SSRC = 0x22C0_FFEE;
    static final int VIDEO_PT = 96;
    static final int AUDIO_PT = 111;
    static final int AUDIO_SIZE = 160;
    private static final int FPS = 30;
    private static final int GOP_FRAMES = 60;
    private static final int FU_A = 28;

    private final DatagramChannel channel;
    private final InetSocketAddress ingress;
    private final int videoSize;
    private final long videoInterval;
    private final int packetsPerFrame;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sent;

    /**
     * @param ingress the relay's media address for the stream
     * @param videoBitrate video bits per second, RTP headers included (2,500,000 for the bench)
     * @param videoSize octets per video packet, RTP header included
     */
    RtpPublisher(InetSocketAddress ingress, long videoBitrate, int videoSize) throws IOException {
        this.channel = DatagramChannel.open().bind(new InetSocketAddress(ingress.getAddress(), 0));
        this.ingress = ingress;
        this.videoSize = videoSize;
        double pps = videoBitrate / 8.0 / videoSize;
        this.videoInterval = (long) (1e9 / pps);
        this.packetsPerFrame = Math.max(1, (int) Math.round(pps / FPS));
        this.thread = Thread.ofPlatform().name("rtp-publisher").daemon().unstarted(this::run);
    }

    /** The source address the relay must accept the stream from. */
    InetSocketAddress source() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void start() {
        thread.start();
    }

    /** Packets sent so far; read after {@link #close} for an exact figure. */
    long sent() {
        return sent;
    }

    private void run() {
        ByteBuffer video = ByteBuffer.allocateDirect(videoSize);
        ByteBuffer audio = ByteBuffer.allocateDirect(AUDIO_SIZE);
        int videoSeq = 0;
        int audioSeq = 0;
        long start = System.nanoTime();
        long nextVideo = start;
        long nextAudio = start;
        try {
            while (running) {
                long now = System.nanoTime();
                while (nextVideo <= now) {
                    send(videoPacket(video, videoSeq++));
                    nextVideo += videoInterval;
                }
                while (nextAudio <= now) {
                    send(audioPacket(audio, audioSeq++));
                    nextAudio += 20_000_000L;
                }
                LockSupport.parkNanos(1_000_000L);
            }
        } catch (IOException e) {
            if (running) {
                System.err.println("rtp-publisher stopped: " + e);
            }
        }
    }

    private void send(ByteBuffer packet) throws IOException {
        channel.send(packet, ingress);
        sent++;
    }

    private ByteBuffer videoPacket(ByteBuffer out, int seq) {
        int frame = seq / packetsPerFrame;
        int inFrame = seq % packetsPerFrame;
        boolean last = inFrame == packetsPerFrame - 1;
        int nalType = frame % GOP_FRAMES == 0 ? 5 : 1; // IDR slice, or a non-IDR one
        header(out, VIDEO_PT, last, seq, frame * (90_000 / FPS), VIDEO_SSRC);
        out.put((byte) (0x60 | FU_A)); // FU indicator: NRI 3, type 28 (RFC 6184 §5.8)
        out.put((byte) ((inFrame == 0 ? 0x80 : 0) | (last ? 0x40 : 0) | nalType)); // FU header: S, E, type
        return filled(out, videoSize);
    }

    private ByteBuffer audioPacket(ByteBuffer out, int seq) {
        header(out, AUDIO_PT, false, seq, seq * 960, AUDIO_SSRC);
        out.put((byte) 0x78); // Opus TOC: config 15 (SILK+CELT hybrid FB 20 ms), mono, one frame (RFC 6716 §3.1)
        return filled(out, AUDIO_SIZE);
    }

    private static void header(ByteBuffer out, int pt, boolean marker, int seq, int timestamp, int ssrc) {
        ByteBuf h = Unpooled.wrappedBuffer(out.clear()).clear();
        RtpHeader.of(marker, pt, seq & 0xFFFF, timestamp, ssrc).encode(h);
        out.position(h.writerIndex());
    }

    private static ByteBuffer filled(ByteBuffer out, int size) {
        while (out.position() < size) {
            out.put((byte) 0xA5);
        }
        return out.flip();
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
