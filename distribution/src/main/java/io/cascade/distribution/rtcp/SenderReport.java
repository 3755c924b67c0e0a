// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Sender report, PT 200 (RFC 3550 §6.4.1): the sender's SSRC, its sender info (NTP and RTP
 * timestamps of the same instant, packet and octet counts), RC report blocks, then any
 * profile-specific extension, kept as octets so a round trip is exact.
 *
 * @param ssrc           SSRC of the sender
 * @param ntpTimestamp   64-bit NTP timestamp, seconds since 1900 in the high 32 bits
 * @param rtpTimestamp   the same instant on the RTP clock, 32 bits
 * @param packetCount    packets sent since starting, 32 bits unsigned
 * @param octetCount     payload octets sent since starting, 32 bits unsigned
 * @param reports        0..31 reception report blocks
 * @param extension      profile-specific extension, whole 32-bit words (usually empty)
 */
public record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount, int octetCount,
        List<ReportBlock> reports, byte[] extension) implements RtcpPacket {
    /** SSRC plus the 20 octets of sender info. */
    static final int SENDER_INFO_LENGTH = 24;

    public SenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
        if (extension.length % 4 != 0) {
            throw new IllegalArgumentException("extension must be whole 32-bit words: " + extension.length);
        }
        extension = extension.clone();
    }

    /** A sender report with no profile extension. */
    public SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount, int octetCount,
            List<ReportBlock> reports) {
        this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, new byte[0]);
    }

    /**
     * Decodes the body (the octets after the common header, padding removed).
     *
     * @throws RtcpFormatException {@code length} when the sender info is cut short,
     *     {@code reportCount} when the RC blocks do not fit
     */
    public static SenderReport decode(int reportCount, ByteBuf body) {
        if (body.readableBytes() < SENDER_INFO_LENGTH) {
            throw new RtcpFormatException("length", "SR body shorter than its 24-octet sender info");
        }
        int ssrc = body.readInt();
        long ntp = body.readLong();
        int rtp = body.readInt();
        int packets = body.readInt();
        int octets = body.readInt();
        List<ReportBlock> reports = ReportBlock.decodeAll(body, reportCount);
        byte[] extension = new byte[body.readableBytes()];
        body.readBytes(extension);
        return new SenderReport(ssrc, ntp, rtp, packets, octets, reports, extension);
    }

    @Override
    public byte[] extension() {
        return extension.clone();
    }

    @Override
    public int packetType() {
        return RtcpPacketType.SR.code();
    }

    @Override
    public int countOrFormat() {
        return reports.size();
    }

    @Override
    public int bodyLength() {
        return SENDER_INFO_LENGTH + reports.size() * ReportBlock.LENGTH + extension.length;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(ssrc);
        out.writeLong(ntpTimestamp);
        out.writeInt(rtpTimestamp);
        out.writeInt(packetCount);
        out.writeInt(octetCount);
        reports.forEach(block -> block.encode(out));
        out.writeBytes(extension);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SenderReport that && ssrc == that.ssrc && ntpTimestamp == that.ntpTimestamp
                && rtpTimestamp == that.rtpTimestamp && packetCount == that.packetCount
                && octetCount == that.octetCount && reports.equals(that.reports)
                && Arrays.equals(extension, that.extension);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * ssrc + Long.hashCode(ntpTimestamp) + rtpTimestamp) + reports.hashCode()
                + Arrays.hashCode(extension);
    }

    @Override
    public String toString() {
        return "SenderReport[ssrc=" + Integer.toUnsignedString(ssrc) + ", ntp=" + Long.toHexString(ntpTimestamp)
                + ", rtp=" + Integer.toUnsignedString(rtpTimestamp) + ", packets="
                + Integer.toUnsignedString(packetCount) + ", octets=" + Integer.toUnsignedString(octetCount)
                + ", reports=" + reports + ", extension=" + HexFormat.of().formatHex(extension) + "]";
    }
}
