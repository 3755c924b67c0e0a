// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Goodbye, PT 203 (RFC 3550 §6.6): SC SSRC/CSRC identifiers leaving, then optionally a reason:
 * a length octet and that many octets of UTF-8 text, padded with null octets to a 32-bit
 * boundary. An absent reason ({@code null}) and an empty one (a zero length octet) are different
 * on the wire and stay different here.
 *
 * @param ssrcs  0..31 sources leaving
 * @param reason reason octets, or {@code null} when the packet carries none; copied
 */
public record Goodbye(List<Integer> ssrcs, byte[] reason) implements RtcpPacket {
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 sources: " + ssrcs.size());
        }
        if (reason != null && reason.length > 0xFF) {
            throw new IllegalArgumentException("reason is at most 255 octets: " + reason.length);
        }
        reason = reason == null ? null : reason.clone();
    }

    /** A BYE with a UTF-8 reason, or none when {@code reason} is null. */
    public static Goodbye of(List<Integer> ssrcs, String reason) {
        return new Goodbye(ssrcs, reason == null ? null : reason.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes the body (the octets after the common header, padding removed).
     *
     * @throws RtcpFormatException {@code sourceCount} when the SC identifiers do not fit,
     *     {@code reasonLength} when the reason does not, or whole words follow it
     */
    public static Goodbye decode(int sourceCount, ByteBuf body) {
        if (body.readableBytes() < 4 * sourceCount) {
            throw new RtcpFormatException("sourceCount", sourceCount + " SSRCs do not fit in "
                    + body.readableBytes() + " octets");
        }
        List<Integer> ssrcs = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            ssrcs.add(body.readInt());
        }
        if (!body.isReadable()) {
            return new Goodbye(ssrcs, null);
        }
        int length = body.readUnsignedByte();
        int padded = (1 + length + 3) & ~3;
        if (body.readableBytes() + 1 != padded) {
            throw new RtcpFormatException("reasonLength", "reason of " + length + " octets does not match the "
                    + (body.readableBytes() + 1) + " octets left");
        }
        byte[] reason = new byte[length];
        body.readBytes(reason);
        body.skipBytes(body.readableBytes());
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public byte[] reason() {
        return reason == null ? null : reason.clone();
    }

    /** The reason as UTF-8 text, or null when there is none. */
    public String reasonText() {
        return reason == null ? null : new String(reason, StandardCharsets.UTF_8);
    }

    @Override
    public int packetType() {
        return RtcpPacketType.BYE.code();
    }

    @Override
    public int countOrFormat() {
        return ssrcs.size();
    }

    @Override
    public int bodyLength() {
        return 4 * ssrcs.size() + (reason == null ? 0 : (1 + reason.length + 3) & ~3);
    }

    @Override
    public void encodeBody(ByteBuf out) {
        ssrcs.forEach(out::writeInt);
        if (reason != null) {
            out.writeByte(reason.length);
            out.writeBytes(reason);
            out.writeZero(((1 + reason.length + 3) & ~3) - 1 - reason.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Goodbye that && ssrcs.equals(that.ssrcs) && Arrays.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return 31 * ssrcs.hashCode() + Arrays.hashCode(reason);
    }

    @Override
    public String toString() {
        return "Goodbye[ssrcs=" + ssrcs + ", reason=" + reasonText() + "]";
    }
}
