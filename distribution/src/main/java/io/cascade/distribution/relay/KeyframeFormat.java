// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;

/**
 * Tells whether an RTP payload starts a keyframe, per codec, so that a subscriber can switch
 * simulcast layers where the new layer decodes on its own. Reads the payload in place.
 */
public enum KeyframeFormat {
    /**
     * RFC 7741 §4.2: payload descriptor X|R|N|S|R|PID, optional extension octets (I: picture id
     * of 7 or 15 bits, L: TL0PICIDX, T/K: TID/KEYIDX); a keyframe starts where S=1 and PID=0 and
     * the payload header's P bit (§4.3, the frame header's inverse key frame flag) is 0.
     */
    VP8 {
        @Override
        public boolean isKeyframeStart(ByteBuf buf, int at, int length) {
            if (length < 2) {
                return false;
            }
            int first = buf.getUnsignedByte(at);
            if ((first & 0x10) == 0 || (first & 0x07) != 0) {
                return false;
            }
            int i = at + 1;
            if ((first & 0x80) != 0) {
                int x = buf.getUnsignedByte(i++);
                if ((x & 0x80) != 0) {
                    i += (buf.getUnsignedByte(i) & 0x80) != 0 ? 2 : 1;
                }
                if ((x & 0x40) != 0) {
                    i++;
                }
                if ((x & 0x30) != 0) {
                    i++;
                }
            }
            return i < at + length && (buf.getUnsignedByte(i) & 0x01) == 0;
        }
    },
    /**
     * RFC 6184 §5.2-5.8: a single NAL unit (types 1-23), a STAP-A (24) whose aggregated units
     * are walked by their 16-bit sizes, or an FU-A (28) with its start bit; a keyframe starts
     * with an SPS (7) or an IDR slice (5).
     */
    H264 {
        @Override
        public boolean isKeyframeStart(ByteBuf buf, int at, int length) {
            if (length < 1) {
                return false;
            }
            int type = buf.getUnsignedByte(at) & 0x1F;
            if (type == 24) {
                for (int i = at + 1; i + 3 <= at + length; ) {
                    int size = buf.getUnsignedShort(i);
                    if (startsKeyframe(buf.getUnsignedByte(i + 2) & 0x1F)) {
                        return true;
                    }
                    i += 2 + size;
                }
                return false;
            }
            if (type == 28) {
                return length >= 2 && (buf.getUnsignedByte(at + 1) & 0x80) != 0
                        && startsKeyframe(buf.getUnsignedByte(at + 1) & 0x1F);
            }
            return startsKeyframe(type);
        }

        private static boolean startsKeyframe(int nalType) {
            return nalType == 5 || nalType == 7;
        }
    },
    /** Unknown codec: every packet is a switch point (used only for tracks that are not layered). */
    ANY {
        @Override
        public boolean isKeyframeStart(ByteBuf buf, int at, int length) {
            return true;
        }
    };

    /** Whether the payload at {@code at} (length octets) is the first packet of a keyframe. */
    public abstract boolean isKeyframeStart(ByteBuf buf, int at, int length);

    public static KeyframeFormat of(String encodingName) {
        return switch (encodingName.toUpperCase(java.util.Locale.ROOT)) {
            case "VP8" -> VP8;
            case "H264" -> H264;
            default -> ANY;
        };
    }
}
