// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 octets.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc                    the source this block reports on
 * @param fractionLost            8-bit fixed point, lost / expected * 256, 0..255
 * @param cumulativeLost          24-bit signed: negative when duplicates outnumber losses (§6.4.1)
 * @param extendedHighestSequence cycles * 2^16 + highest sequence number (A.1), 32 bits
 * @param jitter                  interarrival jitter in timestamp units (A.8), 32 bits unsigned
 * @param lastSenderReport        middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport in units of 1/65536 s, 0 if no SR yet
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, int extendedHighestSequence,
        int jitter, int lastSenderReport, int delaySinceLastSenderReport) {
    /** Octets in one block. */
    public static final int LENGTH = 24;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 0xFF) {
            throw new IllegalArgumentException("fraction lost must be 0..255: " + fractionLost);
        }
        if (cumulativeLost < -0x800000 || cumulativeLost > 0x7FFFFF) {
            throw new IllegalArgumentException("cumulative lost must fit 24 bits signed: " + cumulativeLost);
        }
    }

    /**
     * Reads one block at the reader index and moves past it.
     *
     * @throws RtcpFormatException {@code reportBlock} when fewer than 24 octets are readable
     */
    public static ReportBlock decode(ByteBuf in) {
        if (in.readableBytes() < LENGTH) {
            throw new RtcpFormatException("reportBlock", "fewer than 24 octets left for a report block");
        }
        // readMedium sign-extends, which is what the signed 24-bit field needs.
        return new ReportBlock(in.readInt(), in.readUnsignedByte(), in.readMedium(), in.readInt(),
                in.readInt(), in.readInt(), in.readInt());
    }

    /**
     * Reads {@code count} blocks, as given by an RC field.
     *
     * @throws RtcpFormatException {@code reportCount} when the blocks do not fit the readable bytes
     */
    static List<ReportBlock> decodeAll(ByteBuf in, int count) {
        if (in.readableBytes() < count * LENGTH) {
            throw new RtcpFormatException("reportCount",
                    count + " report blocks do not fit in " + in.readableBytes() + " octets");
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(decode(in));
        }
        return blocks;
    }

    /** Writes the block at the writer index. */
    public void encode(ByteBuf out) {
        out.writeInt(ssrc);
        out.writeByte(fractionLost);
        out.writeMedium(cumulativeLost);
        out.writeInt(extendedHighestSequence);
        out.writeInt(jitter);
        out.writeInt(lastSenderReport);
        out.writeInt(delaySinceLastSenderReport);
    }
}
