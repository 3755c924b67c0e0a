// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.rtp.RtpHeader;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends the publishers' RTP streams at their real rates from a 1 ms timer on the publishers'
 * event loop: each tick sends every packet that has come due, stamps it with the send time and
 * phase, and flushes each publisher's socket right after its packets, so that a stamp waits for
 * one send call, not for every other publisher's (flushing all sockets at the end of the tick
 * put 56-80 us more into the relay's p50 in three A/B pairs). Streams start staggered across
 * their interval so the load is smooth. If the loop falls more than {@link #CATCH_UP_NANOS}
 * behind, the missed packets are skipped and counted: a non-zero {@code skipped} means the load
 * generator could not offer the rate and the phase is not valid. Per tick, the time from its
 * first stamp to the return of its last flush is recorded as the send side: a bound on the part
 * of a latency figure that is the load generator's own send path. All state lives on the loop
 * thread.
 */
final class PublisherPacer implements Runnable {
    static final long CATCH_UP_NANOS = 50_000_000;
    private static final int VIDEO = 0;
    private static final int AUDIO = 1;
    private static final int FRAMES_PER_SECOND = 30;

    private final List<UdpSocket> sockets;
    private final InetSocketAddress[] ingress;
    private final EventExecutor loop;
    private final int[] size = new int[2];
    private final long[] interval = new long[2];
    private final byte[][][] headers;
    private final int[][] sequence;
    private final long[][] due;
    private final int packetsPerFrame;
    private final RtpPacket view = new RtpPacket();
    private final long[] sent = new long[SubscriberSink.PHASES];
    private final long[] skipped = new long[SubscriberSink.PHASES];
    private final long[] maxLateNanos = new long[SubscriberSink.PHASES];
    private final LatencyHistogram[] sendSideMicros = new LatencyHistogram[SubscriberSink.PHASES];
    private long firstStamp;
    private int active;
    private int phase;
    private ScheduledFuture<?> timer;

    PublisherPacer(LoadConfig config, List<UdpSocket> sockets, List<Topology.Publisher> publishers,
            ForwarderUnderTest forwarder) {
        this.sockets = sockets;
        this.loop = sockets.get(0).executor();
        this.ingress = new InetSocketAddress[sockets.size()];
        this.headers = new byte[sockets.size()][2][];
        this.sequence = new int[sockets.size()][2];
        this.due = new long[sockets.size()][2];
        for (int i = 0; i < sendSideMicros.length; i++) {
            sendSideMicros[i] = new LatencyHistogram();
        }
        size[VIDEO] = config.videoSize();
        size[AUDIO] = config.audioSize();
        interval[VIDEO] = config.videoPps() == 0 ? 0 : 1_000_000_000L / config.videoPps();
        interval[AUDIO] = config.audioPps() == 0 ? 0 : 1_000_000_000L / config.audioPps();
        packetsPerFrame = Math.max(1, config.videoPps() / FRAMES_PER_SECOND);
        for (int p = 0; p < sockets.size(); p++) {
            ingress[p] = forwarder.ingress(p);
            headers[p][VIDEO] = header(Topology.VIDEO_PT, publishers.get(p).videoSsrc());
            headers[p][AUDIO] = header(Topology.AUDIO_PT, publishers.get(p).audioSsrc());
        }
    }

    /** The 12-octet fixed header of a stream, written once by the rtp codec; packets copy it. */
    private static byte[] header(int payloadType, int ssrc) {
        ByteBuf out = Unpooled.buffer(RtpHeader.FIXED_LENGTH);
        RtpHeader.of(false, payloadType, 0, 0, ssrc).encode(out);
        return out.array();
    }

    void start() {
        timer = loop.scheduleAtFixedRate(this, 0, 1, TimeUnit.MILLISECONDS);
    }

    /** From now on, publishers {@code 0..publishers-1} send, stamped with {@code newPhase}. */
    void phase(int newPhase, int publishers) {
        loop.execute(() -> {
            long now = System.nanoTime();
            int target = Math.min(publishers, sockets.size());
            for (int p = active; p < target; p++) {
                for (int kind = VIDEO; kind <= AUDIO; kind++) {
                    due[p][kind] = now + interval[kind] * p / target;
                }
            }
            active = target;
            phase = newPhase;
        });
    }

    void stop() throws Exception {
        loop.submit(() -> {
            active = 0;
            if (timer != null) {
                timer.cancel(false);
            }
        }).get();
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        for (int p = 0; p < active; p++) {
            for (int kind = VIDEO; kind <= AUDIO; kind++) {
                if (interval[kind] > 0) {
                    due[p][kind] = emit(p, kind, due[p][kind], now);
                }
            }
            sockets.get(p).flush();
        }
        if (firstStamp != 0) {
            sendSideMicros[phase].record((System.nanoTime() - firstStamp) / 1000);
            firstStamp = 0;
        }
    }

    private long emit(int publisher, int kind, long next, long now) {
        long late = now - next;
        if (late > CATCH_UP_NANOS) {
            long missed = late / interval[kind];
            skipped[phase] += missed;
            next += missed * interval[kind];
        }
        maxLateNanos[phase] = Math.max(maxLateNanos[phase], now - next);
        while (next <= now) {
            send(publisher, kind);
            next += interval[kind];
        }
        return next;
    }

    private void send(int publisher, int kind) {
        UdpSocket socket = sockets.get(publisher);
        ByteBuf packet = socket.alloc().directBuffer(size[kind]);
        packet.writeBytes(headers[publisher][kind]);
        int seq = sequence[publisher][kind]++;
        view.wrap(packet);
        view.setSequenceNumber(seq);
        if (kind == VIDEO) {
            // 90 kHz clock, one timestamp per frame; the marker flags the frame boundary (RFC 3550 §5.1).
            view.setTimestamp(seq / packetsPerFrame * (90_000 / FRAMES_PER_SECOND));
            view.setMarker(seq % packetsPerFrame == packetsPerFrame - 1);
        } else {
            view.setTimestamp(seq * 960); // 48 kHz, 20 ms frames
        }
        long stamp = System.nanoTime();
        if (firstStamp == 0) {
            firstStamp = stamp;
        }
        packet.writeLong(stamp).writeByte(phase);
        packet.writeZero(size[kind] - packet.writerIndex());
        socket.send(packet, ingress[publisher]);
        sent[phase]++;
    }

    /** Per phase: packets sent, packets skipped, worst lateness, send side per tick; from any thread. */
    PacerStats stats() throws Exception {
        return loop.submit(() -> {
            long[] lateMicros = new long[maxLateNanos.length];
            for (int i = 0; i < lateMicros.length; i++) {
                lateMicros[i] = maxLateNanos[i] / 1000;
            }
            LatencyHistogram[] sendSide = new LatencyHistogram[sendSideMicros.length];
            for (int i = 0; i < sendSide.length; i++) {
                sendSide[i] = new LatencyHistogram();
                sendSide[i].add(sendSideMicros[i]);
            }
            return new PacerStats(sent.clone(), skipped.clone(), lateMicros, sendSide);
        }).get();
    }

    record PacerStats(long[] sent, long[] skipped, long[] maxLateMicros, LatencyHistogram[] sendSide) {}
}
