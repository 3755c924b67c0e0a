// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes compound RTCP packets (RFC 3550 §6.1) as lists of {@link RtcpPacket}
 * values, for boundaries and tests; the receive path walks packets in place with
 * {@link RtcpCursor}.
 *
 * <p>Decode does not insist that the first packet is SR or RR: WebRTC endpoints negotiate
 * reduced-size RTCP (RFC 5506 §3), and Chrome sends a NACK or PLI on its own. Use
 * {@link RtcpCursor#validate(ByteBuf, boolean)} where the full §6.1 rule applies. Types the
 * package does not model become {@link RawRtcpPacket}s.
 */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /**
     * Decodes every packet in the readable bytes and moves the reader index past them. The
     * framing of the whole datagram is checked before any packet is decoded, so a framing error
     * is reported as {@link RtcpCursor} reports it, whatever the packets before it hold.
     *
     * @throws RtcpFormatException naming the field of the framing error, else of the first
     *     packet whose body does not match its type; the reader index is then left unchanged
     */
    public static List<RtcpPacket> decode(ByteBuf in) {
        RtcpCursor cursor = new RtcpCursor();
        RtcpValidity framing = cursor.validate(in, true);
        if (framing != RtcpValidity.VALID) {
            throw new RtcpFormatException(framing);
        }
        cursor.reset(in);
        List<RtcpPacket> packets = new ArrayList<>();
        while (cursor.next()) {
            ByteBuf body = in.slice(cursor.bodyOffset(), cursor.bodyLength());
            packets.add(decodePacket(cursor.packetType(), cursor.countOrFormat(), body));
        }
        in.skipBytes(in.readableBytes());
        return packets;
    }

    /**
     * Decodes one packet body (the octets after the common header, padding removed) by type.
     *
     * @throws RtcpFormatException naming the field when the body does not match its type
     */
    public static RtcpPacket decodePacket(int packetType, int countOrFormat, ByteBuf body) {
        RtcpPacket packet = switch (packetType) {
            case 200 -> SenderReport.decode(countOrFormat, body);
            case 201 -> ReceiverReport.decode(countOrFormat, body);
            case 202 -> SourceDescription.decode(countOrFormat, body);
            case 203 -> Goodbye.decode(countOrFormat, body);
            case 205 -> switch (countOrFormat) {
                case GenericNack.FORMAT -> GenericNack.decode(body);
                case TransportFeedback.FORMAT -> TransportFeedback.decode(body);
                default -> null;
            };
            case 206 -> switch (countOrFormat) {
                case PictureLossIndication.FORMAT -> PictureLossIndication.decode(body);
                case FullIntraRequest.FORMAT -> FullIntraRequest.decode(body);
                default -> null;
            };
            default -> null;
        };
        return packet != null ? packet : RawRtcpPacket.decode(packetType, countOrFormat, body);
    }

    /** Writes the packets back to back at the writer index, without padding. */
    public static void encode(List<? extends RtcpPacket> packets, ByteBuf out) {
        for (RtcpPacket packet : packets) {
            packet.encode(out);
        }
    }

    /** Octets {@link #encode} writes. */
    public static int encodedLength(List<? extends RtcpPacket> packets) {
        int length = 0;
        for (RtcpPacket packet : packets) {
            length += packet.encodedLength();
        }
        return length;
    }
}
