// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import io.cascade.distribution.sdp.H264ProfileLevelId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The H.264 profiles a viewer's offer can receive with packetization mode 1 (RFC 6184 §8.1:
 * {@code a=fmtp:<pt> ...;packetization-mode=1;profile-level-id=PPCCLL}), so the default rendition
 * is one its decoder takes: Chromium without a hardware decoder offers Constrained Baseline,
 * Baseline, Main and High 4:4:4 Predictive (whose decoders take High), with one also High and
 * Constrained High.
 */
public final class OfferedH264 {
    private OfferedH264() {}

    public static Set<H264ProfileLevelId.Profile> profiles(String sdp) {
        Set<H264ProfileLevelId.Profile> out = EnumSet.noneOf(H264ProfileLevelId.Profile.class);
        if (sdp == null) {
            return out;
        }
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (!line.startsWith("a=fmtp:") || !line.contains("packetization-mode=1")) {
                continue;
            }
            int at = line.indexOf("profile-level-id=");
            if (at >= 0 && line.length() >= at + 23) {
                H264ProfileLevelId.parse(line.substring(at + 17, at + 23)).ifPresent(p -> out.add(p.profile()));
            }
        }
        return out;
    }

    /** The profile of a rendition's {@code profile-level-id}, or null when it has none we know. */
    public static H264ProfileLevelId.Profile profileOf(String profileLevelId) {
        return profileLevelId == null ? null : H264ProfileLevelId.parse(profileLevelId).map(H264ProfileLevelId::profile).orElse(null);
    }
}
