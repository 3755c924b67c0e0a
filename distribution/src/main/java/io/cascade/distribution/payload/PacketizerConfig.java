// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * What a packetizer writes into each RTP fixed header (RFC 3550 §5.1) and how large a packet may
 * get. The first sequence number is chosen by the caller: RFC 3550 §5.1 asks for a random one, and
 * randomness is injected here like time is.
 *
 * @param payloadType         0..127, the dynamic type negotiated or configured for the codec
 * @param ssrc                32 bits, unsigned in an int
 * @param firstSequenceNumber 0..65535, the number of the first packet
 * @param maxPacketSize       octets of a whole RTP packet, 12-octet header included, 64..65535;
 *                            {@value #DEFAULT_MAX_PACKET_SIZE} by default, which leaves room for
 *                            SRTP, TURN and IPv6 headers under a 1280-octet path MTU
 */
public record PacketizerConfig(int payloadType, int ssrc, int firstSequenceNumber, int maxPacketSize) {
    /** Default whole-packet limit, as WebRTC stacks use. */
    public static final int DEFAULT_MAX_PACKET_SIZE = 1200;
    /** Small enough for tests that fragment everything, large enough for any header we write. */
    public static final int MIN_PACKET_SIZE = 64;

    public PacketizerConfig {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        if (firstSequenceNumber < 0 || firstSequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0..65535: " + firstSequenceNumber);
        }
        if (maxPacketSize < MIN_PACKET_SIZE || maxPacketSize > 0xFFFF) {
            throw new IllegalArgumentException("max packet size must be " + MIN_PACKET_SIZE + "..65535: "
                    + maxPacketSize);
        }
    }

    /** A config with the default packet size limit. */
    public static PacketizerConfig of(int payloadType, int ssrc, int firstSequenceNumber) {
        return new PacketizerConfig(payloadType, ssrc, firstSequenceNumber, DEFAULT_MAX_PACKET_SIZE);
    }

    /** Payload octets that fit one packet with a 12-octet header (no CSRCs, no extension). */
    public int maxPayloadSize() {
        return maxPacketSize - RtpPacketWriter.HEADER_LENGTH;
    }
}
