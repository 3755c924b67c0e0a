// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;

/**
 * A reusable, allocation-free view of one RTP packet (RFC 3550 §5.1) in a {@link ByteBuf}: the
 * forwarding path reads SSRC and sequence number and rewrites SSRC, sequence number, timestamp,
 * payload type and header-extension values in place, once per subscriber.
 *
 * <p>Design notes. The view spans the buffer's readable bytes at {@link #wrap} time and holds no
 * state besides the buffer and that span, so one instance per thread can be re-pointed at each
 * packet. It neither retains nor releases: whoever owns the buffer releases it. Call
 * {@link #validate()} once after {@link #wrap}; the accessors assume a {@link RtpValidity#VALID}
 * packet and rely on the buffer's own bounds checks otherwise. Nothing here allocates, throws or
 * logs on a valid packet. The packet is plain RTP: SRTP is removed before (RFC 3711 §3.1 puts
 * the authentication tag after the padding, and this view would read the tag's last octet as
 * the padding count).
 */
public final class RtpPacket {
    private ByteBuf buf;
    private int offset;
    private int length;

    /**
     * Points the view at the readable bytes of {@code packet}. Indexes of the buffer are not
     * moved; changing them later needs another {@code wrap}.
     *
     * @return this view
     */
    public RtpPacket wrap(ByteBuf packet) {
        this.buf = packet;
        this.offset = packet.readerIndex();
        this.length = packet.readableBytes();
        return this;
    }

    /**
     * A new view of {@code packet} after checking it, for boundaries and tests.
     *
     * @throws RtpFormatException naming the first field that does not fit
     */
    public static RtpPacket decode(ByteBuf packet) {
        RtpPacket view = new RtpPacket().wrap(packet);
        RtpValidity validity = view.validate();
        if (validity != RtpValidity.VALID) {
            throw new RtpFormatException(validity);
        }
        return view;
    }

    /**
     * Checks every length the header claims against the packet: version, CSRC count, extension
     * length, RFC 8285 element lengths and the padding count. Allocation-free, never throws.
     */
    public RtpValidity validate() {
        RtpValidity header = checkHeader(buf, offset, length);
        if (header != RtpValidity.VALID || !hasPadding()) {
            return header;
        }
        int afterHeader = length - headerLength();
        if (afterHeader == 0) {
            return RtpValidity.PADDING_MISSING;
        }
        // RFC 3550 §5.1: the last octet counts the padding "including itself", so 0 is invalid.
        // A.1 asks for a count "less than the total packet length minus the header size"; we
        // also accept equal, a packet that is all padding, because libwebrtc sends exactly
        // those (on the RTX stream) to probe bandwidth, and they must not be counted as corrupt.
        int count = buf.getUnsignedByte(offset + length - 1);
        if (count == 0) {
            return RtpValidity.PADDING_ZERO;
        }
        return count > afterHeader ? RtpValidity.PADDING_OVERRUN : RtpValidity.VALID;
    }

    /** Header checks shared with {@link RtpHeader#decode}; every read stays in {@code [offset, offset+length)}. */
    static RtpValidity checkHeader(ByteBuf buf, int offset, int length) {
        if (length < RtpHeader.FIXED_LENGTH) {
            return RtpValidity.TRUNCATED_HEADER;
        }
        int first = buf.getUnsignedByte(offset);
        if (first >>> 6 != RtpHeader.VERSION) {
            return RtpValidity.BAD_VERSION;
        }
        int headerLength = RtpHeader.FIXED_LENGTH + 4 * (first & 0x0F);
        if (headerLength > length) {
            return RtpValidity.CSRC_OVERRUN;
        }
        if ((first & 0x10) == 0) {
            return RtpValidity.VALID;
        }
        if (headerLength + HeaderExtension.HEADER_LENGTH > length) {
            return RtpValidity.EXTENSION_HEADER_OVERRUN;
        }
        int extensionAt = offset + headerLength;
        int dataLength = 4 * buf.getUnsignedShort(extensionAt + 2);
        if (headerLength + HeaderExtension.HEADER_LENGTH + dataLength > length) {
            return RtpValidity.EXTENSION_LENGTH_OVERRUN;
        }
        ExtensionProfile form = ExtensionProfile.of(buf.getUnsignedShort(extensionAt));
        int dataAt = extensionAt + HeaderExtension.HEADER_LENGTH;
        if (form != null && !ExtensionScanner.isWellFormed(buf, dataAt, dataAt + dataLength, form)) {
            return RtpValidity.EXTENSION_ELEMENT_OVERRUN;
        }
        return RtpValidity.VALID;
    }

    /** The buffer this view reads; the view does not own it. */
    public ByteBuf buffer() {
        return buf;
    }

    /** Buffer index of the first octet of the packet. */
    public int offset() {
        return offset;
    }

    /** Packet length in octets, padding included. */
    public int length() {
        return length;
    }

    public int version() {
        return buf.getUnsignedByte(offset) >>> 6;
    }

    /** The P bit: the packet ends with padding (RFC 3550 §5.1). */
    public boolean hasPadding() {
        return (buf.getByte(offset) & 0x20) != 0;
    }

    /** The X bit: a header extension follows the CSRC list (RFC 3550 §5.3.1). */
    public boolean hasExtension() {
        return (buf.getByte(offset) & 0x10) != 0;
    }

    public int csrcCount() {
        return buf.getByte(offset) & 0x0F;
    }

    /** The {@code index}-th CSRC, 0-based. */
    public int csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException("CSRC " + index + " of " + csrcCount());
        }
        return buf.getInt(offset + RtpHeader.FIXED_LENGTH + 4 * index);
    }

    public boolean marker() {
        return (buf.getByte(offset + 1) & 0x80) != 0;
    }

    public int payloadType() {
        return buf.getByte(offset + 1) & 0x7F;
    }

    public int sequenceNumber() {
        return buf.getUnsignedShort(offset + 2);
    }

    public int timestamp() {
        return buf.getInt(offset + 4);
    }

    public int ssrc() {
        return buf.getInt(offset + 8);
    }

    /** Octets of fixed header, CSRC list and header extension. */
    public int headerLength() {
        int headerLength = RtpHeader.FIXED_LENGTH + 4 * csrcCount();
        if (hasExtension()) {
            headerLength += HeaderExtension.HEADER_LENGTH + 4 * buf.getUnsignedShort(offset + headerLength + 2);
        }
        return headerLength;
    }

    /** Padding octets at the end, the count octet included; 0 when the P bit is clear. */
    public int paddingLength() {
        return hasPadding() ? buf.getUnsignedByte(offset + length - 1) : 0;
    }

    /** Buffer index of the first payload octet. */
    public int payloadOffset() {
        return offset + headerLength();
    }

    /** Payload octets, header and padding excluded. */
    public int payloadLength() {
        return length - headerLength() - paddingLength();
    }

    /** The "defined by profile" field of the header extension, or -1 when the X bit is clear. */
    public int extensionProfile() {
        return hasExtension() ? buf.getUnsignedShort(offset + RtpHeader.FIXED_LENGTH + 4 * csrcCount()) : -1;
    }

    /**
     * Buffer index of the data of the first RFC 8285 element with this id, or -1 when the packet
     * has no such element (or no RFC 8285 extension). Read it with the buffer's absolute getters,
     * e.g. {@code getUnsignedMedium} for abs-send-time.
     */
    public int extensionOffset(int id) {
        long element = findExtension(id);
        return element < 0 ? -1 : ExtensionScanner.dataOffset(element);
    }

    /** Data length of the first RFC 8285 element with this id, or -1 when there is none. */
    public int extensionLength(int id) {
        long element = findExtension(id);
        return element < 0 ? -1 : ExtensionScanner.length(element);
    }

    /**
     * Overwrites the data of the first element with this id with the low {@code 8 * length}
     * bits of {@code value}, big-endian, where {@code length} is the element's own length (1..8).
     * Used to restamp transport-wide sequence numbers (2 octets) and abs-send-time (3 octets)
     * per subscriber without moving any byte.
     *
     * @return false when there is no such element or it is longer than 8 octets
     */
    public boolean setExtensionValue(int id, long value) {
        long element = findExtension(id);
        if (element < 0 || ExtensionScanner.length(element) > Long.BYTES) {
            return false;
        }
        int at = ExtensionScanner.dataOffset(element);
        for (int i = ExtensionScanner.length(element) - 1; i >= 0; i--) {
            buf.setByte(at + i, (int) value);
            value >>>= 8;
        }
        return true;
    }

    private long findExtension(int id) {
        ExtensionProfile form = ExtensionProfile.of(extensionProfile());
        if (form == null || id < 1) {
            return ExtensionScanner.END;
        }
        int dataAt = offset + RtpHeader.FIXED_LENGTH + 4 * csrcCount() + HeaderExtension.HEADER_LENGTH;
        return ExtensionScanner.find(buf, dataAt, offset + headerLength(), form, id);
    }

    public void setMarker(boolean marker) {
        int second = buf.getByte(offset + 1);
        buf.setByte(offset + 1, marker ? second | 0x80 : second & 0x7F);
    }

    /** @throws IllegalArgumentException unless 0..127 */
    public void setPayloadType(int payloadType) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        buf.setByte(offset + 1, (buf.getByte(offset + 1) & 0x80) | payloadType);
    }

    /** Taken modulo 2^16, so {@code sequenceNumber() + delta} can be passed as is. */
    public void setSequenceNumber(int sequenceNumber) {
        buf.setShort(offset + 2, sequenceNumber);
    }

    public void setTimestamp(int timestamp) {
        buf.setInt(offset + 4, timestamp);
    }

    public void setSsrc(int ssrc) {
        buf.setInt(offset + 8, ssrc);
    }

    /** The header as an immutable value (allocates; not for the forwarding path). */
    public RtpHeader header() {
        return RtpHeader.read(buf, offset, offset + length);
    }

    /**
     * Writes a whole packet: the header with its P bit set from {@code paddingLength}, the
     * readable bytes of {@code payload} (not consumed), then {@code paddingLength} octets of
     * padding: zeros and a final count octet (RFC 3550 §5.1).
     *
     * @param paddingLength 0 for none, else 1..255
     */
    public static void encode(RtpHeader header, ByteBuf payload, int paddingLength, ByteBuf out) {
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("padding length must be 0..255: " + paddingLength);
        }
        header.withPadding(paddingLength > 0).encode(out);
        out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        if (paddingLength > 0) {
            out.writeZero(paddingLength - 1);
            out.writeByte(paddingLength);
        }
    }

    @Override
    public String toString() {
        if (buf == null || length < RtpHeader.FIXED_LENGTH) {
            return "RtpPacket[length=" + length + "]";
        }
        return "RtpPacket[ssrc=" + Integer.toUnsignedString(ssrc()) + ", seq=" + sequenceNumber()
                + ", pt=" + payloadType() + ", length=" + length + "]";
    }
}
