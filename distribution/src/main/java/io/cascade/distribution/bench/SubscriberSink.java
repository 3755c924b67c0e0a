// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * The subscribers of one receive thread: checks each forwarded packet is RTP, reads the send
 * time and phase the publisher wrote after the header, and counts it and its one-way latency
 * under that phase (both clocks are this JVM's {@link System#nanoTime}). A packet counts for the
 * phase it was sent in, however late it arrives. Single-threaded and allocation-free per packet.
 */
final class SubscriberSink implements DatagramHandler {
    /** Phase 0 is the warm-up, 1 the probe, then one per fraction. */
    static final int PHASES = 12;

    private final RtpPacket view = new RtpPacket();
    private final long[] delivered = new long[PHASES];
    private final LatencyHistogram[] latencyMicros = new LatencyHistogram[PHASES];
    private long invalid;

    SubscriberSink() {
        for (int i = 0; i < PHASES; i++) {
            latencyMicros[i] = new LatencyHistogram();
        }
    }

    @Override
    public void onDatagram(ByteBuf datagram, InetSocketAddress sender, UdpSocket socket) {
        long now = System.nanoTime();
        if (io.cascade.distribution.rtcp.RtcpMux.isRtcp(datagram)) {
            return; // a relay's sender reports: not load traffic
        }
        if (datagram.readableBytes() < LoadConfig.MIN_PACKET || view.wrap(datagram).validate() != RtpValidity.VALID
                || view.payloadLength() < LoadConfig.MIN_PACKET - 12) {
            invalid++;
            return;
        }
        int at = view.payloadOffset();
        long sentAt = datagram.getLong(at);
        int phase = datagram.getByte(at + Long.BYTES);
        if (phase < 0 || phase >= PHASES) {
            invalid++;
            return;
        }
        delivered[phase]++;
        latencyMicros[phase].record((now - sentAt) / 1000);
    }

    /** Adds this sink's counts into the totals; call on the sink's thread. */
    void addTo(long[] deliveredTotals, LatencyHistogram[] latencyTotals, long[] invalidTotal) {
        for (int i = 0; i < PHASES; i++) {
            deliveredTotals[i] += delivered[i];
            latencyTotals[i].add(latencyMicros[i]);
        }
        invalidTotal[0] += invalid;
    }

    long delivered(int phase) {
        return delivered[phase];
    }
}
