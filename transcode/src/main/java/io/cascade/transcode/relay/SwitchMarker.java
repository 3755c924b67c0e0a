// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import java.util.Arrays;
import java.util.List;

/**
 * Recognises the origin's program-switch mark: an H.264 SEI NAL unit (ITU-T H.264 §7.3.2.3) with
 * one user_data_unregistered message (payloadType 5, §D.1.7), Cascade's UUID and the text
 * {@code cascade:program-switch}. The writer is {@code io.cascade.ingest.origin.SwitchMarker};
 * the octets are repeated here because ingest and transcode do not depend on each other.
 */
final class SwitchMarker {
    private static final byte[] NAL = {
        0x06, 0x05, 38,
        (byte) 0xc4, 0x5c, (byte) 0xad, (byte) 0xe0, (byte) 0x9f, 0x1b, 0x4d, 0x2a,
        (byte) 0x8e, 0x37, 0x51, (byte) 0xa9, 0x62, (byte) 0xb0, (byte) 0xf3, (byte) 0xd8,
        'c', 'a', 's', 'c', 'a', 'd', 'e', ':', 'p', 'r', 'o', 'g', 'r', 'a', 'm', '-', 's', 'w', 'i', 't', 'c', 'h',
        (byte) 0x80,
    };

    private SwitchMarker() {
    }

    /** Whether an access unit's NAL units hold the mark. */
    static boolean marks(List<byte[]> nals) {
        for (byte[] nal : nals) {
            if (nal.length == NAL.length && (nal[0] & 0x1F) == 6 && Arrays.equals(nal, 1, nal.length, NAL, 1, NAL.length)) {
                return true;
            }
        }
        return false;
    }

    /** The mark itself, for tests. */
    static byte[] nal() {
        return NAL.clone();
    }
}
