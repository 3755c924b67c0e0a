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
 * A subscriber for fabric tests: receives RTP from a relay, records each packet's sequence
 * number (in the subscriber's own space), the publisher's sequence number carried in the payload,
 * and arrival time; sends a receiver report every 250 ms so the relay keeps it.
 */
final class SyntheticSubscriber implements AutoCloseable {
    record Received(int seq, int publisherSeq, long arrivalNanos, long latencyNanos) {}

    private final DatagramChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Received> received = new ArrayList<>();
    private volatile InetSocketAddress relay;
    private volatile int ssrc;
    private long lastReportNanos;

    SyntheticSubscriber() throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        timer.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.MILLISECONDS);
    }

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
                int second = in.get(1) & 0xFF;
                if (in.limit() >= 12 + 12 && (second < 192 || second > 223) && in.getInt(8) == ssrc) {
                    long now = System.nanoTime();
                    synchronized (received) {
                        received.add(new Received(in.getShort(2) & 0xFFFF, in.getInt(20), now, now - in.getLong(12)));
                    }
                }
            }
            long now = System.nanoTime();
            if (relay != null && now - lastReportNanos > 250_000_000L) {
                lastReportNanos = now;
                channel.send(receiverReport(), relay);
            }
        } catch (IOException e) {
            // relay gone in a failure test: keep polling
        }
    }

    /** RR (RFC 3550 §6.4.2) with one report block about our video SSRC. */
    private ByteBuffer receiverReport() {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x5EED0000 ^ ssrc);
        rr.putInt(ssrc).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0);
        return rr.flip();
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        channel.close();
    }
}
