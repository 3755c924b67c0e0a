// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A publisher for fabric tests: sends RTP video (1200-byte payloads) at a fixed rate to a relay,
 * keeps what it sent, answers generic NACKs by resending (as a WebRTC sender or an upstream relay
 * would), and counts PLIs. Plain NIO, its own thread; nothing shared with the relay under test.
 */
final class SyntheticPublisher implements AutoCloseable {
    static final int VIDEO_SSRC = 0x0A0B0C0D;
    static final int VIDEO_PT = 96;
    private static final int PAYLOAD = 1200;

    private final DatagramChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final byte[][] sentBySeq = new byte[1 << 16][];
    private volatile InetSocketAddress relay;
    private int seq;
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger resent = new AtomicInteger();
    final AtomicInteger plis = new AtomicInteger();

    SyntheticPublisher() throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Starts sending {@code pps} packets per second to {@code relay}. */
    void start(InetSocketAddress to, int pps) {
        this.relay = to;
        long periodNanos = 1_000_000_000L / pps;
        timer.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        try {
            sendOne();
            readFeedback();
        } catch (IOException e) {
            // the relay may be gone in a failure test; keep trying
        }
    }

    private void sendOne() throws IOException {
        int s = seq++ & 0xFFFF;
        ByteBuffer b = ByteBuffer.allocate(12 + PAYLOAD);
        b.put((byte) 0x80).put((byte) VIDEO_PT).putShort((short) s).putInt(s * 3000).putInt(VIDEO_SSRC);
        b.putLong(System.nanoTime()); // send time, for latency at the subscriber
        b.putInt(s);
        while (b.hasRemaining()) {
            b.put((byte) s);
        }
        byte[] packet = b.array();
        sentBySeq[s] = packet;
        channel.send(ByteBuffer.wrap(packet), relay);
        sent.incrementAndGet();
    }

    private void readFeedback() throws IOException {
        ByteBuffer in = ByteBuffer.allocate(1500);
        while (channel.receive(in.clear()) != null) {
            in.flip();
            int at = 0;
            while (at + 4 <= in.limit()) { // walk the compound RTCP packet (RFC 3550 §6.1)
                int pt = in.get(at + 1) & 0xFF;
                int fmt = in.get(at) & 0x1F;
                int words = in.getShort(at + 2) & 0xFFFF;
                int end = at + 4 + words * 4;
                if (end > in.limit()) {
                    break;
                }
                if (pt == 205 && fmt == 1) {
                    for (int fci = at + 12; fci + 4 <= end; fci += 4) {
                        int pid = in.getShort(fci) & 0xFFFF;
                        int blp = in.getShort(fci + 2) & 0xFFFF;
                        resend(pid);
                        for (int bit = 0; bit < 16; bit++) {
                            if ((blp & (1 << bit)) != 0) {
                                resend((pid + bit + 1) & 0xFFFF);
                            }
                        }
                    }
                } else if (pt == 206 && fmt == 1) {
                    plis.incrementAndGet();
                }
                at = end;
            }
        }
    }

    private void resend(int s) throws IOException {
        byte[] p = sentBySeq[s];
        if (p != null) {
            channel.send(ByteBuffer.wrap(p), relay);
            resent.incrementAndGet();
        }
    }

    void stop() {
        timer.shutdownNow();
    }

    @Override
    public void close() throws IOException {
        stop();
        channel.close();
    }
}
