// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet this package does not model, kept as its header fields and body octets: APP
 * (RFC 3550 §6.7), XR (RFC 3611), feedback formats other than NACK, PLI and FIR (e.g. transport-
 * wide congestion control, REMB), and packet types it does not know at all. RFC 3550 A.2 only
 * requires the length to be right, so such packets are skipped by length, never fatal.
 *
 * @param packetType    the PT field
 * @param countOrFormat the 5-bit count/FMT field
 * @param body          the octets after the common header, padding removed; copied
 */
public record RawRtcpPacket(int packetType, int countOrFormat, byte[] body) implements RtcpPacket {
    public RawRtcpPacket {
        if (packetType < 0 || packetType > 0xFF || countOrFormat < 0 || countOrFormat > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("packet type must be 8 bits and count/FMT 5 bits");
        }
        if (body.length % 4 != 0) {
            throw new IllegalArgumentException("RTCP bodies are whole 32-bit words: " + body.length);
        }
        body = body.clone();
    }

    /** Copies the readable bytes of {@code body}. */
    public static RawRtcpPacket decode(int packetType, int countOrFormat, ByteBuf body) {
        byte[] octets = new byte[body.readableBytes()];
        body.readBytes(octets);
        return new RawRtcpPacket(packetType, countOrFormat, octets);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeBytes(body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRtcpPacket that && packetType == that.packetType
                && countOrFormat == that.countOrFormat && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + countOrFormat) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawRtcpPacket[pt=" + packetType + ", count/fmt=" + countOrFormat + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
