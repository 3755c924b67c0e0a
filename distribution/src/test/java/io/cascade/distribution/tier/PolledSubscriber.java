// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A plain RTP subscriber for the fabric tests: one socket polled every millisecond, each RTP
 * packet turned into a record by {@link #parse} (RTCP skipped), and a receiver report every
 * 250 ms so the relay keeps it, with the fraction lost the test sets.
 *
 * @param <R> what is recorded per packet
 */
abstract class PolledSubscriber<R> implements AutoCloseable {
    private final DatagramChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** Guarded by itself. */
    final List<R> received = new ArrayList<>();
    private volatile InetSocketAddress relay;
    volatile int ssrc;
    /** Fraction lost to report, in 1/256 (RFC 3550 §6.4.1). */
    volatile int fractionLost;
    private long lastReportNanos;

    PolledSubscriber() throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        timer.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.MILLISECONDS);
    }

    /** The record of one RTP packet ({@code in} from its first octet), or null to skip it. */
    abstract R parse(ByteBuffer in);

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Where to send reports, and the SSRC the relay gave this subscriber's video. */
    void attach(InetSocketAddress relayMedia, int videoSsrc) {
        this.ssrc = videoSsrc;
        this.relay = relayMedia;
    }

    private void poll() {
        try {
            ByteBuffer in = ByteBuffer.allocate(2048);
            while (channel.receive(in.clear()) != null) {
                in.flip();
                if (in.limit() < 2) {
                    continue; // too short to tell RTP from RTCP; an exception here would end the polling
                }
                int second = in.get(1) & 0xFF;
                R r = second >= 192 && second <= 223 ? null : parse(in);
                if (r != null) {
                    synchronized (received) {
                        received.add(r);
                    }
                }
            }
            long now = System.nanoTime();
            if (relay != null && now - lastReportNanos > 250_000_000L) {
                lastReportNanos = now;
                channel.send(receiverReport(), relay);
            }
        } catch (IOException e) {
            // closing, or the relay gone in a failure test: keep polling
        }
    }

    /** RR (RFC 3550 §6.4.2) with one report block about our video SSRC. */
    private ByteBuffer receiverReport() {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x5EED0000 ^ ssrc);
        rr.putInt(ssrc).putInt(fractionLost << 24).putInt(0).putInt(0).putInt(0).putInt(0);
        return rr.flip();
    }

    List<R> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        channel.close();
    }
}
