// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Walks the RFC 8285 elements of an extension block in place, shared by the {@link RtpPacket}
 * view and the {@link HeaderExtension} value so both read the same rules.
 *
 * <p>One element is returned as a packed {@code long} (data offset, id, length) so the
 * forwarding path allocates nothing: {@code offset << 16 | id << 8 | length}. An offset is a
 * buffer index (&lt; 2^31), an id at most 255 and a length at most 255, so the packing is lossless.
 *
 * <p>Rules (RFC 8285 §4.1-§4.3): a zero octet where an element header would start is padding and
 * is skipped (libwebrtc and pion also skip a one-byte header whose ID nibble is 0, whatever its
 * length nibble; we do the same so both ends agree). In the one-byte form ID 15 ends processing
 * of the whole block. An element whose data runs past the block is malformed.
 */
final class ExtensionScanner {
    /** No further element: end of block reached, or a one-byte ID 15 stopped processing. */
    static final long END = -1;
    /** An element header or its data runs past the end of the block. */
    static final long MALFORMED = -2;

    private ExtensionScanner() {
    }

    /**
     * The element starting at or after {@code pos} (padding skipped), or {@link #END} or
     * {@link #MALFORMED}. Never reads outside {@code [pos, end)}.
     */
    static long next(ByteBuf buf, int pos, int end, ExtensionProfile form) {
        int at = pos;
        while (at < end) {
            int first = buf.getUnsignedByte(at);
            if (form == ExtensionProfile.ONE_BYTE) {
                int id = first >>> 4;
                if (id == 0) {
                    at++;
                    continue;
                }
                if (id == 15) {
                    return END;
                }
                return element(at + 1, id, (first & 0x0F) + 1, end);
            }
            if (first == 0) {
                at++;
                continue;
            }
            if (at + 2 > end) {
                return MALFORMED;
            }
            return element(at + 2, first, buf.getUnsignedByte(at + 1), end);
        }
        return END;
    }

    private static long element(int dataOffset, int id, int length, int end) {
        if (dataOffset + length > end) {
            return MALFORMED;
        }
        return ((long) dataOffset << 16) | ((long) id << 8) | length;
    }

    /**
     * The first element with this id, or {@link #END} when there is none. Stops at the first
     * malformation: elements before it are still found, as the RFC's "stop processing" rule has
     * it for ID 15.
     */
    static long find(ByteBuf buf, int start, int end, ExtensionProfile form, int id) {
        int pos = start;
        while (true) {
            long element = next(buf, pos, end, form);
            if (element < 0) {
                return END;
            }
            if (id(element) == id) {
                return element;
            }
            pos = dataOffset(element) + length(element);
        }
    }

    /** Whether every element up to the end of the block (or a one-byte ID 15) is in bounds. */
    static boolean isWellFormed(ByteBuf buf, int start, int end, ExtensionProfile form) {
        int pos = start;
        while (true) {
            long element = next(buf, pos, end, form);
            if (element == END) {
                return true;
            }
            if (element == MALFORMED) {
                return false;
            }
            pos = dataOffset(element) + length(element);
        }
    }

    static int dataOffset(long element) {
        return (int) (element >>> 16);
    }

    static int id(long element) {
        return (int) (element >>> 8) & 0xFF;
    }

    static int length(long element) {
        return (int) element & 0xFF;
    }
}
