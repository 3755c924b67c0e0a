// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import io.cascade.distribution.rtp.RtpPacket;
import io.netty.buffer.Unpooled;

/**
 * Turns the RTP packets of one stream back into media frames (one implementation per payload
 * format), so transcoders and the LL-HLS edge handle every codec alike. Frames go to the sink
 * given at construction, synchronously, from inside {@link #receive}.
 *
 * <p>Contract. Packets come in arrival order, which the relay keeps in sequence order; sequence
 * gaps are losses and duplicates or late packets are ignored (counted as stale). Bad payloads
 * never throw: they are dropped and counted in {@link #stats()}, and what they damaged is dropped
 * too. Not thread-safe: one stream, one thread.
 */
public interface RtpDepacketizer {
    /**
     * Takes one packet. The view must have passed {@link RtpPacket#validate()}; its payload
     * octets are copied out as needed, so the caller may release the buffer on return.
     */
    void receive(RtpPacket packet);

    /**
     * Takes one packet given as bytes, for boundaries and tests.
     *
     * @throws io.cascade.distribution.rtp.RtpFormatException when the bytes are not an RTP packet
     */
    default void receive(byte[] packet) {
        receive(RtpPacket.decode(Unpooled.wrappedBuffer(packet)));
    }

    /** Emits what is pending as if the next packet had a new timestamp (end of stream). */
    void flush();

    /**
     * Whether frames are being dropped until a keyframe: the caller should ask the sender for
     * one (RTCP PLI, RFC 4585 §6.3.1), throttled. Always false for audio.
     */
    boolean needsKeyframe();

    /** What has been received and dropped so far. */
    DepacketizerStats stats();
}
