// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * Finds keyframe requests in an RTCP compound: PLI (PSFB FMT 1, RFC 4585 §6.3.1: the media
 * SSRC field) and FIR (PSFB FMT 4, RFC 5104 §4.3.1: one SSRC per FCI entry). Walks the packets
 * by their length fields and stops at the first that does not fit.
 */
final class RtcpKeyframeRequests {
    private static final int PSFB = 206;

    private RtcpKeyframeRequests() {
    }

    static void forEach(ByteBuffer b, IntConsumer ssrcs) {
        int at = b.position();
        int end = b.limit();
        while (at + 4 <= end) {
            int first = b.get(at) & 0xFF;
            if ((first >> 6) != 2) {
                return;
            }
            int type = b.get(at + 1) & 0xFF;
            int length = 4 * ((b.getShort(at + 2) & 0xFFFF) + 1);
            if (at + length > end) {
                return;
            }
            int fmt = first & 0x1F;
            if (type == PSFB && fmt == 1 && length >= 12) {
                ssrcs.accept(b.getInt(at + 8));
            } else if (type == PSFB && fmt == 4) {
                for (int fci = at + 12; fci + 8 <= at + length; fci += 8) {
                    ssrcs.accept(b.getInt(fci));
                }
            }
            at += length;
        }
    }
}
