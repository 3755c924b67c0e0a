// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Full Intra Request (RFC 5104 §4.3.1): payload-specific feedback, PT 206 (PSFB) with FMT 4.
 * Unlike PLI it names its targets in the FCI, one {@link FirEntry} each; §4.3.1.2 says the
 * common header's media source SSRC "SHALL be set to 0" ({@link #of} does), but decode keeps
 * whatever arrived so a round trip is exact.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  the common header's media source field (0 per §4.3.1.2)
 * @param entries    one or more requests
 */
public record FullIntraRequest(int senderSsrc, int mediaSsrc, List<FirEntry> entries) implements RtcpPacket {
    /** FMT value of FIR in a PSFB packet. */
    public static final int FORMAT = 4;

    public FullIntraRequest {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR carries at least one FCI entry");
        }
        if (8 + FirEntry.LENGTH * entries.size() > 0xFFFF * 4) {
            throw new IllegalArgumentException("too many entries for one RTCP packet: " + entries.size());
        }
    }

    /** A FIR with the media source field set to 0, as §4.3.1.2 requires. */
    public static FullIntraRequest of(int senderSsrc, List<FirEntry> entries) {
        return new FullIntraRequest(senderSsrc, 0, entries);
    }

    /**
     * Decodes the body of a PSFB packet with FMT 4 (padding removed).
     *
     * @throws RtcpFormatException {@code length} when the two SSRCs do not fit, {@code fci} when
     *     there is no entry or the FCI is not whole 8-octet entries
     */
    public static FullIntraRequest decode(ByteBuf body) {
        if (body.readableBytes() < 8) {
            throw new RtcpFormatException("length", "feedback body shorter than its two SSRCs");
        }
        int sender = body.readInt();
        int media = body.readInt();
        if (!body.isReadable() || body.readableBytes() % FirEntry.LENGTH != 0) {
            throw new RtcpFormatException("fci", "FIR needs one or more 8-octet entries, got "
                    + body.readableBytes() + " octets");
        }
        List<FirEntry> entries = new ArrayList<>(body.readableBytes() / FirEntry.LENGTH);
        while (body.isReadable()) {
            int ssrc = body.readInt();
            int seq = body.readUnsignedByte();
            body.skipBytes(3); // reserved
            entries.add(new FirEntry(ssrc, seq));
        }
        return new FullIntraRequest(sender, media, entries);
    }

    @Override
    public int packetType() {
        return RtcpPacketType.PSFB.code();
    }

    @Override
    public int countOrFormat() {
        return FORMAT;
    }

    @Override
    public int bodyLength() {
        return 8 + FirEntry.LENGTH * entries.size();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(senderSsrc);
        out.writeInt(mediaSsrc);
        for (FirEntry entry : entries) {
            out.writeInt(entry.ssrc());
            out.writeByte(entry.sequenceNumber());
            out.writeMedium(0);
        }
    }
}
