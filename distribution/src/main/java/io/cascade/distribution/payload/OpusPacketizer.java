// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.List;

/**
 * Opus over RTP (RFC 7587 §4.2): exactly one Opus packet per RTP packet, no payload header, the
 * timestamp on a 48 kHz clock. Opus packets are not fragmented, so one larger than the payload
 * limit is refused (encoders stay far below it: 1275 octets is the most one 20 ms frame may take).
 *
 * <p>The M bit follows RFC 3551 §4.1 for audio: set on the first packet of a talkspurt, i.e. the
 * first packet sent and any packet whose timestamp does not follow on from the previous packet's
 * duration (the sender stopped during silence, DTX, RFC 7587 §3.1.3); clear otherwise.
 */
public final class OpusPacketizer implements RtpPacketizer<OpusFrame> {
    /** RFC 7587 §4.1: the RTP clock rate is 48 kHz for every Opus mode. */
    public static final int CLOCK_RATE = 48_000;

    private final RtpPacketWriter writer;
    private boolean continuing;
    private int expectedTimestamp;

    public OpusPacketizer(PacketizerConfig config) {
        this.writer = new RtpPacketWriter(config);
    }

    /**
     * @throws IllegalArgumentException when the Opus packet is empty or larger than a payload
     */
    @Override
    public List<byte[]> packetize(OpusFrame frame) {
        byte[] data = frame.data();
        if (data.length == 0 || data.length > writer.maxPayloadSize()) {
            throw new IllegalArgumentException("an Opus packet must be 1.." + writer.maxPayloadSize() + " octets: "
                    + data.length);
        }
        boolean talkspurt = !continuing || frame.rtpTimestamp() != expectedTimestamp;
        byte[] packet = writer.allocate(data.length, frame.rtpTimestamp(), talkspurt);
        System.arraycopy(data, 0, packet, RtpPacketWriter.HEADER_LENGTH, data.length);
        int duration = frame.durationSamples();
        continuing = duration > 0;
        expectedTimestamp = frame.rtpTimestamp() + duration;
        return List.of(packet);
    }

    @Override
    public int nextSequenceNumber() {
        return writer.nextSequenceNumber();
    }
}
