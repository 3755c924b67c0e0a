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
 * A plain RTP subscriber of a {@link LayeredPublisher}'s stream: records every RTP packet it gets
 * (whatever its SSRC) with the layer and picture its payload names, and sends a receiver report
 * every 250 ms whose fraction lost the test sets: the relay's loss-based estimate of this
 * subscriber, and so its layer, follows that (DownlinkEstimate).
 */
final class LayerSubscriber implements AutoCloseable {
    record Received(int ssrc, int seq, int layer, int picture, boolean keyframe) {}

    private final DatagramChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Received> received = new ArrayList<>();
    private volatile InetSocketAddress relay;
    private volatile int ssrc;
    /** Fraction lost to report, in 1/256 (RFC 3550 §6.4.1). */
    volatile int fractionLost;
    private long lastReportNanos;

    LayerSubscriber() throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        timer.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.MILLISECONDS);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

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
                if (in.limit() >= 16 && (second < 192 || second > 223)) {
                    synchronized (received) {
                        received.add(new Received(in.getInt(8), in.getShort(2) & 0xFFFF, in.get(13),
                                in.getShort(14) & 0xFFFF, (in.get(12) & 0x1F) == 5));
                    }
                }
            }
            long now = System.nanoTime();
            if (relay != null && now - lastReportNanos > 250_000_000L) {
                lastReportNanos = now;
                channel.send(receiverReport(), relay);
            }
        } catch (IOException e) {
            // closing
        }
    }

    /** RR (RFC 3550 §6.4.2) with one report block about our video SSRC. */
    private ByteBuffer receiverReport() {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x5EED0000 ^ ssrc);
        rr.putInt(ssrc).putInt(fractionLost << 24).putInt(0).putInt(0).putInt(0).putInt(0);
        return rr.flip();
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** The layer of the last packet, or -1. */
    int lastLayer() {
        synchronized (received) {
            return received.isEmpty() ? -1 : received.getLast().layer();
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        channel.close();
    }
}
