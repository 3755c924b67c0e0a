// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Arrays;
import java.util.List;

/**
 * The in-band mark of a program switch: an H.264 SEI NAL unit (ITU-T H.264 §7.3.2.3) holding one
 * user_data_unregistered message (payloadType 5, §D.1.7) with Cascade's UUID and the text
 * {@code cascade:program-switch}. The origin puts it before the slices of the first keyframe of a
 * new program source; the transcode job, finding it, cuts an IDR on every rendition there.
 * Decoders ignore unknown user data (§D.2.7), so the mark is harmless to any player.
 *
 * <p>Carried in the program's RTP stream rather than on a side channel so that the mark stays on
 * the exact access unit it belongs to across relays and tiers. The UUID and text contain no two
 * zero octets in a row, so the NAL needs no emulation prevention.
 */
public final class ProgramSwitchMarker {
    /** NAL header (nal_ref_idc 0, type 6), payloadType 5, payloadSize 38, UUID, text, rbsp trailing bits. */
    private static final byte[] NAL = {
        0x06, 0x05, 38,
        (byte) 0xc4, 0x5c, (byte) 0xad, (byte) 0xe0, (byte) 0x9f, 0x1b, 0x4d, 0x2a,
        (byte) 0x8e, 0x37, 0x51, (byte) 0xa9, 0x62, (byte) 0xb0, (byte) 0xf3, (byte) 0xd8,
        'c', 'a', 's', 'c', 'a', 'd', 'e', ':', 'p', 'r', 'o', 'g', 'r', 'a', 'm', '-', 's', 'w', 'i', 't', 'c', 'h',
        (byte) 0x80,
    };

    private ProgramSwitchMarker() {
    }

    /** A fresh copy of the SEI NAL unit (no start code, no length prefix). */
    public static byte[] nal() {
        return NAL.clone();
    }

    /** Whether an access unit's NAL units hold the mark. */
    public static boolean marks(List<byte[]> nals) {
        for (byte[] nal : nals) {
            if (nal.length == NAL.length && H264Nal.type(nal) == H264Nal.SEI
                    && Arrays.equals(nal, 1, nal.length, NAL, 1, NAL.length)) {
                return true;
            }
        }
        return false;
    }
}
