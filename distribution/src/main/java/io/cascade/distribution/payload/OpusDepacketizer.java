// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.RtpPacket;
import java.util.function.Consumer;

/**
 * The receive side of RFC 7587: each RTP payload is one Opus packet, emitted as it arrives. A
 * lost packet is only counted: an Opus decoder conceals a missing packet (or recovers it from the
 * next one's in-band FEC) when told the gap, which the caller reads from the timestamps. An empty
 * payload is malformed (RFC 6716 §3.1: a packet has at least its TOC octet); the M bit carries no
 * framing and is ignored.
 */
public final class OpusDepacketizer implements RtpDepacketizer {
    private final Consumer<? super OpusFrame> sink;
    private final SequenceContinuity sequence = new SequenceContinuity();
    private final DepacketizerCounters counters = new DepacketizerCounters();

    public OpusDepacketizer(Consumer<? super OpusFrame> sink) {
        this.sink = sink;
    }

    @Override
    public void receive(RtpPacket packet) {
        int lost = sequence.next(packet.sequenceNumber());
        if (lost == SequenceContinuity.STALE) {
            counters.packetsStale++;
            return;
        }
        counters.packets++;
        counters.packetsLost += lost;
        if (packet.payloadLength() == 0) {
            counters.packetsMalformed++;
            counters.framesDamaged++;
            return;
        }
        byte[] data = new byte[packet.payloadLength()];
        packet.buffer().getBytes(packet.payloadOffset(), data);
        counters.frames++;
        sink.accept(new OpusFrame(packet.timestamp(), data));
    }

    /** Nothing is ever pending. */
    @Override
    public void flush() {
    }

    @Override
    public boolean needsKeyframe() {
        return false;
    }

    @Override
    public DepacketizerStats stats() {
        return counters.snapshot();
    }
}
