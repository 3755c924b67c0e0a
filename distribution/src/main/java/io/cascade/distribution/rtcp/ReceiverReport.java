// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Receiver report, PT 201 (RFC 3550 §6.4.2): the reporter's SSRC, RC report blocks, then any
 * profile-specific extension kept as octets. An RR with no blocks is legal and common: it is
 * what a receiver that has heard nothing yet puts first in a compound packet.
 *
 * @param ssrc      SSRC of the packet sender
 * @param reports   0..31 reception report blocks
 * @param extension profile-specific extension, whole 32-bit words (usually empty)
 */
public record ReceiverReport(int ssrc, List<ReportBlock> reports, byte[] extension) implements RtcpPacket {
    public ReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
        if (extension.length % 4 != 0) {
            throw new IllegalArgumentException("extension must be whole 32-bit words: " + extension.length);
        }
        extension = extension.clone();
    }

    /** A receiver report with no profile extension. */
    public ReceiverReport(int ssrc, List<ReportBlock> reports) {
        this(ssrc, reports, new byte[0]);
    }

    /**
     * Decodes the body (the octets after the common header, padding removed).
     *
     * @throws RtcpFormatException {@code length} when there is no SSRC, {@code reportCount} when
     *     the RC blocks do not fit
     */
    public static ReceiverReport decode(int reportCount, ByteBuf body) {
        if (body.readableBytes() < 4) {
            throw new RtcpFormatException("length", "RR body shorter than its 4-octet SSRC");
        }
        int ssrc = body.readInt();
        List<ReportBlock> reports = ReportBlock.decodeAll(body, reportCount);
        byte[] extension = new byte[body.readableBytes()];
        body.readBytes(extension);
        return new ReceiverReport(ssrc, reports, extension);
    }

    @Override
    public byte[] extension() {
        return extension.clone();
    }

    @Override
    public int packetType() {
        return RtcpPacketType.RR.code();
    }

    @Override
    public int countOrFormat() {
        return reports.size();
    }

    @Override
    public int bodyLength() {
        return 4 + reports.size() * ReportBlock.LENGTH + extension.length;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(ssrc);
        reports.forEach(block -> block.encode(out));
        out.writeBytes(extension);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiverReport that && ssrc == that.ssrc && reports.equals(that.reports)
                && Arrays.equals(extension, that.extension);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * ssrc + reports.hashCode()) + Arrays.hashCode(extension);
    }

    @Override
    public String toString() {
        return "ReceiverReport[ssrc=" + Integer.toUnsignedString(ssrc) + ", reports=" + reports
                + ", extension=" + HexFormat.of().formatHex(extension) + "]";
    }
}
