// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * RTP retransmission in a separate stream (RFC 4588 §4): the RTX packet carries the original
 * header fields except payload type, SSRC and sequence number, which are those of the RTX
 * stream, and its payload starts with the original sequence number (OSN, 2 octets) followed by
 * the original payload.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         RTP Header                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            OSN                |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * |                  Original RTP Packet Payload                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Padding: §4 says padding of the original "MUST be removed" before the RTX packet is built,
 * and an RTX packet's own padding is not part of the original, so both directions drop it and
 * clear the P bit. CSRCs, marker, timestamp and header extensions are copied unchanged.
 *
 * <p>The in-place variants move only the header (tens of octets), by two octets, inside the
 * same buffer, so the relay can answer a NACK from a packet it holds with headroom, or restore
 * a received retransmission, without allocating. All methods expect a view that
 * {@link RtpPacket#validate() validated}.
 */
public final class RtxCodec {
    /** Length of the original sequence number field. */
    public static final int OSN_LENGTH = 2;

    private RtxCodec() {
    }

    /** The OSN of an RTX packet, or -1 when its payload is shorter than 2 octets (padding-only probes). */
    public static int originalSequenceNumber(RtpPacket rtx) {
        return rtx.payloadLength() < OSN_LENGTH ? -1 : rtx.buffer().getUnsignedShort(rtx.payloadOffset());
    }

    /**
     * A new buffer, owned by the caller, holding the RTX form of {@code original}.
     *
     * @param rtxPayloadType the payload type negotiated for rtx with {@code apt} = the original's
     */
    public static ByteBuf wrap(RtpPacket original, int rtxPayloadType, int rtxSsrc, int rtxSequence,
            ByteBufAllocator alloc) {
        return wrap(original, rtxPayloadType, rtxSsrc, rtxSequence, alloc, 0);
    }

    /**
     * As {@link #wrap(RtpPacket, int, int, int, ByteBufAllocator)}, with {@code tailroom} writable
     * octets left after the packet (for an SRTP tag, RFC 3711 §3.1).
     */
    public static ByteBuf wrap(RtpPacket original, int rtxPayloadType, int rtxSsrc, int rtxSequence,
            ByteBufAllocator alloc, int tailroom) {
        checkPayloadType(rtxPayloadType);
        int headerLength = original.headerLength();
        int payloadLength = original.payloadLength();
        int length = headerLength + OSN_LENGTH + payloadLength;
        ByteBuf out = alloc.buffer(length + tailroom, length + tailroom);
        try {
            ByteBuf in = original.buffer();
            out.writeBytes(in, original.offset(), headerLength);
            out.writeShort(original.sequenceNumber());
            out.writeBytes(in, original.payloadOffset(), payloadLength);
            restamp(out, out.readerIndex(), rtxPayloadType, rtxSequence, rtxSsrc);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * A new buffer, owned by the caller, holding the original packet restored from {@code rtx}.
     *
     * @param originalPayloadType the {@code apt} of the RTX payload type
     * @throws RtpFormatException {@code osn} when the payload has no room for the OSN
     */
    public static ByteBuf unwrap(RtpPacket rtx, int originalPayloadType, int originalSsrc, ByteBufAllocator alloc) {
        checkPayloadType(originalPayloadType);
        int osn = originalSequenceNumber(rtx);
        if (osn < 0) {
            throw new RtpFormatException("osn", "RTX payload is shorter than the 2-octet original sequence number");
        }
        int headerLength = rtx.headerLength();
        int payloadLength = rtx.payloadLength() - OSN_LENGTH;
        ByteBuf out = alloc.buffer(headerLength + payloadLength);
        try {
            ByteBuf in = rtx.buffer();
            out.writeBytes(in, rtx.offset(), headerLength);
            out.writeBytes(in, rtx.payloadOffset() + OSN_LENGTH, payloadLength);
            restamp(out, out.readerIndex(), originalPayloadType, osn, originalSsrc);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * Turns {@code original} into its RTX form inside its own buffer: the header moves two
     * octets towards the front, into headroom before the reader index, and the OSN takes the
     * gap. The buffer's indexes are set to the new packet and the view re-wrapped.
     *
     * @return false, changing nothing, when fewer than 2 octets of headroom precede the packet
     */
    public static boolean wrapInPlace(RtpPacket original, int rtxPayloadType, int rtxSsrc, int rtxSequence) {
        checkPayloadType(rtxPayloadType);
        int offset = original.offset();
        if (offset < OSN_LENGTH) {
            return false;
        }
        ByteBuf buf = original.buffer();
        int headerLength = original.headerLength();
        int end = offset + original.length() - original.paddingLength();
        int osn = original.sequenceNumber();
        // Moving towards lower indexes, so a forward copy never overwrites unread octets.
        for (int i = 0; i < headerLength; i++) {
            buf.setByte(offset - OSN_LENGTH + i, buf.getByte(offset + i));
        }
        buf.setShort(offset - OSN_LENGTH + headerLength, osn);
        buf.setIndex(offset - OSN_LENGTH, end);
        restamp(buf, offset - OSN_LENGTH, rtxPayloadType, rtxSequence, rtxSsrc);
        original.wrap(buf);
        return true;
    }

    /**
     * Restores the original packet inside the RTX packet's buffer: the header moves two octets
     * towards the back over the OSN; the reader index advances by two. The view is re-wrapped.
     *
     * @return false, changing nothing, when the payload has no room for the OSN
     */
    public static boolean unwrapInPlace(RtpPacket rtx, int originalPayloadType, int originalSsrc) {
        checkPayloadType(originalPayloadType);
        int osn = originalSequenceNumber(rtx);
        if (osn < 0) {
            return false;
        }
        ByteBuf buf = rtx.buffer();
        int offset = rtx.offset();
        int headerLength = rtx.headerLength();
        int end = offset + rtx.length() - rtx.paddingLength();
        // Moving towards higher indexes, so copy backwards.
        for (int i = headerLength - 1; i >= 0; i--) {
            buf.setByte(offset + OSN_LENGTH + i, buf.getByte(offset + i));
        }
        buf.setIndex(offset + OSN_LENGTH, end);
        restamp(buf, offset + OSN_LENGTH, originalPayloadType, osn, originalSsrc);
        rtx.wrap(buf);
        return true;
    }

    /** Clears the P bit (padding was dropped) and writes the stream's PT, sequence and SSRC. */
    private static void restamp(ByteBuf buf, int at, int payloadType, int sequence, int ssrc) {
        buf.setByte(at, buf.getByte(at) & ~0x20);
        buf.setByte(at + 1, (buf.getByte(at + 1) & 0x80) | payloadType);
        buf.setShort(at + 2, sequence);
        buf.setInt(at + 8, ssrc);
    }

    private static void checkPayloadType(int payloadType) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
    }
}
