// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * A reusable, allocation-free walk over the packets of a compound RTCP packet (RFC 3550 §6.1)
 * in a {@link ByteBuf}, checking the framing rules of Appendix A.2 as it goes: each packet is
 * version 2, its length field stays inside the datagram (so the lengths add up to it), and only
 * the last packet is padded, by a count that counts itself and is a multiple of 4 (§6.4.1;
 * transport-cc feedback, whose FCI is not word-aligned, may pad by 1..3 as Chromium does).
 *
 * <p>Use: {@code reset(buf)}, then {@code while (cursor.next()) { ... }}, then
 * {@link #validity()} says whether the walk ended cleanly. Packets of unknown type are visited
 * like any other; skipping them is the caller's {@code continue}. The cursor reads the buffer's
 * readable bytes at {@code reset} time, never moves its indexes, never retains or releases it.
 */
public final class RtcpCursor {
    private ByteBuf buf;
    private int end;
    private int next;
    private int start;
    private int length;
    private int padding;
    private RtcpValidity validity = RtcpValidity.VALID;

    /**
     * Points the cursor before the first packet of {@code compound}'s readable bytes.
     *
     * @return this cursor
     */
    public RtcpCursor reset(ByteBuf compound) {
        buf = compound;
        next = compound.readerIndex();
        end = compound.writerIndex();
        start = -1;
        length = 0;
        padding = 0;
        validity = RtcpValidity.VALID;
        return this;
    }

    /**
     * Moves to the next packet.
     *
     * @return false at the end of the compound packet or at the first framing error; then
     *     {@link #validity()} tells which
     */
    public boolean next() {
        if (validity != RtcpValidity.VALID || next >= end) {
            return false;
        }
        int remaining = end - next;
        if (remaining < RtcpHeader.LENGTH) {
            return fail(RtcpValidity.TRUNCATED_HEADER);
        }
        int first = buf.getUnsignedByte(next);
        if (first >>> 6 != RtcpHeader.VERSION) {
            return fail(RtcpValidity.BAD_VERSION);
        }
        int packetLength = (buf.getUnsignedShort(next + 2) + 1) * 4;
        if (packetLength > remaining) {
            return fail(RtcpValidity.LENGTH_OVERRUN);
        }
        int count = 0;
        if ((first & 0x20) != 0) {
            if (packetLength != remaining) {
                return fail(RtcpValidity.PADDING_NOT_LAST);
            }
            count = buf.getUnsignedByte(next + packetLength - 1);
            // Transport-cc feedback (RTPFB FMT 15) is the exception: its FCI ends on any octet and
            // libwebrtc fills the word with 1..3 octets of RTCP padding (Chromium sends it so)
            boolean unaligned = buf.getUnsignedByte(next + 1) == 205 && (first & 0x1F) == 15;
            if (count == 0 || (count % 4 != 0 && !unaligned) || count > packetLength - RtcpHeader.LENGTH) {
                return fail(RtcpValidity.PADDING_INVALID);
            }
        }
        start = next;
        length = packetLength;
        padding = count;
        next += packetLength;
        return true;
    }

    private boolean fail(RtcpValidity reason) {
        validity = reason;
        start = -1;
        return false;
    }

    /**
     * Walks the whole compound packet and checks it. Framing errors take precedence over the
     * first-packet rule.
     *
     * @param reducedSizeAllowed whether RFC 5506 reduced-size RTCP was negotiated
     *     ({@code a=rtcp-rsize}); when false the first packet must be SR or RR (RFC 3550 §6.1, A.2)
     * @return {@link RtcpValidity#VALID} or the failed check
     */
    public RtcpValidity validate(ByteBuf compound, boolean reducedSizeAllowed) {
        reset(compound);
        int firstType = -1;
        while (next()) {
            if (firstType < 0) {
                firstType = packetType();
            }
        }
        if (validity != RtcpValidity.VALID) {
            return validity;
        }
        if (firstType < 0) {
            return RtcpValidity.EMPTY;
        }
        boolean report = firstType == RtcpPacketType.SR.code() || firstType == RtcpPacketType.RR.code();
        return report || reducedSizeAllowed ? RtcpValidity.VALID : RtcpValidity.FIRST_NOT_REPORT;
    }

    /** {@link RtcpValidity#VALID} unless {@link #next()} stopped at a framing error. */
    public RtcpValidity validity() {
        return validity;
    }

    /** The PT field of the current packet. */
    public int packetType() {
        return buf.getUnsignedByte(start + 1);
    }

    /** The 5-bit count (RC, SC) or FMT field of the current packet. */
    public int countOrFormat() {
        return buf.getUnsignedByte(start) & 0x1F;
    }

    /** Whether the current packet carries padding. */
    public boolean hasPadding() {
        return padding != 0;
    }

    /** Buffer index of the current packet's first octet. */
    public int offset() {
        return start;
    }

    /** Octets of the current packet, header and padding included. */
    public int length() {
        return length;
    }

    /** Buffer index of the octet after the common header. */
    public int bodyOffset() {
        return start + RtcpHeader.LENGTH;
    }

    /** Octets after the common header, padding excluded: a multiple of 4 except for transport-cc feedback. */
    public int bodyLength() {
        return length - RtcpHeader.LENGTH - padding;
    }

    /** The buffer being walked. */
    public ByteBuf buffer() {
        return buf;
    }
}
