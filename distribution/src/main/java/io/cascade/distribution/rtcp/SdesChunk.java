// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk of an SDES packet (RFC 3550 §6.5): an SSRC or CSRC followed by items, ended by a
 * null octet (item type 0) and more null octets up to the next 32-bit boundary.
 *
 * <p>§6.5: "The list of items in each chunk MUST be terminated by one or more null octets ...
 * additional null octets MUST be included if needed to pad until the next 32-bit boundary".
 * Decode insists on the terminator and on the padding fitting the packet; it does not check
 * that the padding octets are zero, as nothing reads them.
 *
 * @param ssrc  the source the items describe
 * @param items the items, in wire order
 */
public record SdesChunk(int ssrc, List<SdesItem> items) {
    public SdesChunk {
        items = List.copyOf(items);
    }

    /** A chunk holding a single CNAME, as every compound packet needs (§6.1). */
    public static SdesChunk cname(int ssrc, String cname) {
        return new SdesChunk(ssrc, List.of(SdesItem.cname(cname)));
    }

    /**
     * Reads a chunk at the reader index, which must be 32-bit aligned relative to the packet,
     * and moves past its padding.
     *
     * @throws RtcpFormatException {@code chunk} when the SSRC, an item or the terminator runs
     *     past the readable bytes, {@code itemLength} when an item's data does
     */
    public static SdesChunk decode(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 4) {
            throw new RtcpFormatException("chunk", "SDES chunk shorter than its SSRC");
        }
        int ssrc = in.readInt();
        List<SdesItem> items = new ArrayList<>();
        while (true) {
            if (!in.isReadable()) {
                throw new RtcpFormatException("chunk", "SDES chunk has no null terminator");
            }
            int type = in.readUnsignedByte();
            if (type == 0) {
                break;
            }
            if (!in.isReadable()) {
                throw new RtcpFormatException("itemLength", "SDES item has no length octet");
            }
            int length = in.readUnsignedByte();
            if (in.readableBytes() < length) {
                throw new RtcpFormatException("itemLength", "SDES item of " + length + " octets runs past the packet");
            }
            byte[] value = new byte[length];
            in.readBytes(value);
            items.add(new SdesItem(type, value));
        }
        int padding = (4 - (in.readerIndex() - start) % 4) % 4;
        if (in.readableBytes() < padding) {
            throw new RtcpFormatException("chunk", "SDES chunk padding runs past the packet");
        }
        in.skipBytes(padding);
        return new SdesChunk(ssrc, items);
    }

    /** Writes the chunk with its terminator and padding. */
    public void encode(ByteBuf out) {
        out.writeInt(ssrc);
        for (SdesItem item : items) {
            byte[] value = item.value();
            out.writeByte(item.type());
            out.writeByte(value.length);
            out.writeBytes(value);
        }
        int used = 4 + itemsLength();
        out.writeZero(encodedLength() - used);
    }

    /** Octets on the wire: SSRC, items, at least one null octet, padded to a 32-bit boundary. */
    public int encodedLength() {
        return (4 + itemsLength() + 1 + 3) & ~3;
    }

    private int itemsLength() {
        int length = 0;
        for (SdesItem item : items) {
            length += item.encodedLength();
        }
        return length;
    }
}
