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
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A simulcast publisher for fabric tests, as a transcode job's layered WebRTC stream: one H.264
 * track per layer, each with its own SSRC and sequence numbers, one timestamp clock (picture
 * number x 3000 at 90 kHz), 30 pictures per second. A layer's picture is {@code packets[layer]}
 * packets of 1200 payload octets; its first packet starts an IDR slice (NAL type 5) on a
 * keyframe, else a P slice (1). Keyframes come every {@value #GOP} pictures and on the next
 * picture after a PLI for that layer's SSRC. Payload octet 1 names the layer, octets 2-3 the
 * picture, so a subscriber can tell what it got. Plain NIO on its own thread.
 */
final class LayeredPublisher implements AutoCloseable {
    static final int BASE_SSRC = 0x5100_0000;
    static final int PT = 96;
    static final int GOP = 90;
    private static final int PAYLOAD = 1200;

    private final DatagramChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final int[] packets;
    private final int[] seq;
    private final boolean[] keyframeAsked;
    private volatile InetSocketAddress relay;
    private int picture;
    final AtomicIntegerArray plis;

    /** @param packets per layer, lowest first: packets per picture */
    LayeredPublisher(int... packets) throws IOException {
        this.packets = packets.clone();
        this.seq = new int[packets.length];
        this.keyframeAsked = new boolean[packets.length];
        this.plis = new AtomicIntegerArray(packets.length);
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
    }

    static int ssrc(int layer) {
        return BASE_SSRC + layer;
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void start(InetSocketAddress to) {
        this.relay = to;
        timer.scheduleAtFixedRate(this::tick, 0, 33_333, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        try {
            readFeedback();
            for (int layer = 0; layer < packets.length; layer++) {
                boolean key = picture % GOP == 0 || keyframeAsked[layer];
                keyframeAsked[layer] = false;
                sendPicture(layer, key);
            }
            picture++;
        } catch (IOException e) {
            // the relay may be gone at the end of a test
        }
    }

    private void sendPicture(int layer, boolean key) throws IOException {
        for (int i = 0; i < packets[layer]; i++) {
            ByteBuffer b = ByteBuffer.allocate(12 + PAYLOAD);
            boolean last = i == packets[layer] - 1;
            b.put((byte) 0x80).put((byte) (PT | (last ? 0x80 : 0))).putShort((short) seq[layer]).putInt(picture * 3000)
                    .putInt(ssrc(layer));
            b.put((byte) (i > 0 ? 0x01 : key ? 0x65 : 0x41)).put((byte) layer).putShort((short) picture);
            seq[layer] = (seq[layer] + 1) & 0xFFFF;
            channel.send(b.clear(), relay);
        }
    }

    /** PLIs (RFC 4585 §6.3.1) in the relay's compound RTCP: the named layer's next picture is a keyframe. */
    private void readFeedback() throws IOException {
        ByteBuffer in = ByteBuffer.allocate(1500);
        while (channel.receive(in.clear()) != null) {
            in.flip();
            int at = 0;
            while (at + 4 <= in.limit()) {
                int pt = in.get(at + 1) & 0xFF;
                int fmt = in.get(at) & 0x1F;
                int end = at + 4 + (in.getShort(at + 2) & 0xFFFF) * 4;
                if (end > in.limit()) {
                    break;
                }
                if (pt == 206 && fmt == 1 && end >= at + 12) {
                    int layer = in.getInt(at + 8) - BASE_SSRC;
                    if (layer >= 0 && layer < packets.length) {
                        keyframeAsked[layer] = true;
                        plis.incrementAndGet(layer);
                    }
                }
                at = end;
            }
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        channel.close();
    }
}
