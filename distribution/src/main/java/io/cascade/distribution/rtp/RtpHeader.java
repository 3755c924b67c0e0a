// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The RTP header as an immutable value (RFC 3550 §5.1): the 12-octet fixed header, the CSRC
 * list and the optional header extension (§5.3.1). For boundaries and tests; the forwarding
 * path reads the same fields in place through {@link RtpPacket}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The version is always 2 and not a component. {@code padding} is the P bit as on the wire;
 * the padding octets themselves belong to the packet ({@link RtpPacket#encode}).
 *
 * @param padding        the P bit
 * @param marker         the M bit
 * @param payloadType    0..127
 * @param sequenceNumber 0..65535
 * @param timestamp      32 bits, unsigned in an int
 * @param ssrc           32 bits, unsigned in an int
 * @param csrcs          0..15 contributing sources
 * @param extension      the header extension, or {@code null} when the X bit is clear
 */
public record RtpHeader(boolean padding, boolean marker, int payloadType, int sequenceNumber,
        int timestamp, int ssrc, List<Integer> csrcs, HeaderExtension extension) {
    /** RFC 3550 §5.1: this specification defines version 2. */
    public static final int VERSION = 2;
    /** Octets before the CSRC list. */
    public static final int FIXED_LENGTH = 12;
    /** The CC field is 4 bits. */
    public static final int MAX_CSRCS = 15;

    public RtpHeader {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0..65535: " + sequenceNumber);
        }
        csrcs = List.copyOf(csrcs);
        if (csrcs.size() > MAX_CSRCS) {
            throw new IllegalArgumentException("at most 15 CSRCs: " + csrcs.size());
        }
    }

    /** A header with no padding, CSRCs or extension. */
    public static RtpHeader of(boolean marker, int payloadType, int sequenceNumber, int timestamp, int ssrc) {
        return new RtpHeader(false, marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null);
    }

    /**
     * Reads a header at the reader index and moves the reader index to the first payload octet.
     * The padding count is not checked here: it sits at the end of the packet, which a header
     * alone does not know; {@link RtpPacket#decode} checks it.
     *
     * @throws RtpFormatException naming the field when a length read from the header does not
     *     fit the readable bytes, or the version is not 2
     */
    public static RtpHeader decode(ByteBuf in) {
        RtpValidity validity = RtpPacket.checkHeader(in, in.readerIndex(), in.readableBytes());
        if (validity != RtpValidity.VALID) {
            throw new RtpFormatException(validity);
        }
        RtpHeader header = read(in, in.readerIndex(), in.writerIndex());
        in.skipBytes(header.encodedLength());
        return header;
    }

    /**
     * Reads a header in {@code [offset, end)} already checked by {@link RtpPacket#checkHeader};
     * does not move indexes.
     */
    static RtpHeader read(ByteBuf buf, int offset, int end) {
        int first = buf.getUnsignedByte(offset);
        int second = buf.getUnsignedByte(offset + 1);
        int count = first & 0x0F;
        List<Integer> csrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            csrcs.add(buf.getInt(offset + FIXED_LENGTH + 4 * i));
        }
        HeaderExtension extension = null;
        if ((first & 0x10) != 0) {
            int at = offset + FIXED_LENGTH + 4 * count;
            extension = HeaderExtension.decode(buf.slice(at, end - at));
        }
        return new RtpHeader((first & 0x20) != 0, (second & 0x80) != 0, second & 0x7F,
                buf.getUnsignedShort(offset + 2), buf.getInt(offset + 4), buf.getInt(offset + 8),
                csrcs, extension);
    }

    /** Writes the header at the writer index. */
    public void encode(ByteBuf out) {
        int first = VERSION << 6 | (padding ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs.size();
        out.writeByte(first);
        out.writeByte((marker ? 0x80 : 0) | payloadType);
        out.writeShort(sequenceNumber);
        out.writeInt(timestamp);
        out.writeInt(ssrc);
        for (int csrc : csrcs) {
            out.writeInt(csrc);
        }
        if (extension != null) {
            extension.encode(out);
        }
    }

    /** Octets {@link #encode} writes. */
    public int encodedLength() {
        return FIXED_LENGTH + 4 * csrcs.size() + (extension == null ? 0 : extension.encodedLength());
    }

    /** Whether the X bit is set. */
    public boolean hasExtension() {
        return extension != null;
    }

    /** A copy with another SSRC, as a relay writes per subscriber. */
    public RtpHeader withSsrc(int newSsrc) {
        return new RtpHeader(padding, marker, payloadType, sequenceNumber, timestamp, newSsrc, csrcs, extension);
    }

    /** A copy with another P bit; {@link RtpPacket#encode} sets it from the padding length. */
    public RtpHeader withPadding(boolean newPadding) {
        return new RtpHeader(newPadding, marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension);
    }
}
