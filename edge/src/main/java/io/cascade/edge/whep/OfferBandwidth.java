// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import java.util.OptionalLong;

/**
 * The bandwidth a WHEP viewer's offer says it can receive, in bit/s. RFC 8866 §5.8: {@code
 * b=AS:<kbit/s>} is the application-specific maximum, at session level for the whole session or
 * in a media section for that section; RFC 3890 §6.2: {@code b=TIAS:<bit/s>} is the same without
 * packet overhead, and is preferred where both are given. A session-level value wins; otherwise
 * the media sections' values add up. Lines that do not parse are ignored (an offer is not refused
 * for a bandwidth line we merely read as a hint).
 */
public final class OfferBandwidth {
    /** Far above any rendition; larger numbers are treated as "no limit stated". */
    private static final long MAX_BPS = 100_000_000_000L;

    private OfferBandwidth() {}

    /** The declared receive bandwidth, or empty when the offer states none. */
    public static OptionalLong of(String sdp) {
        if (sdp == null) {
            return OptionalLong.empty();
        }
        Level session = new Level();
        Level section = null;
        long media = 0;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                media += section == null ? 0 : section.bps();
                section = new Level();
            } else {
                (section == null ? session : section).read(line);
            }
        }
        media += section == null ? 0 : section.bps();
        long bps = session.bps() > 0 ? session.bps() : media;
        return bps > 0 && bps <= MAX_BPS ? OptionalLong.of(bps) : OptionalLong.empty();
    }

    /** The bandwidth lines of one level (session or a media section). */
    private static final class Level {
        private long as = -1;
        private long tias = -1;

        void read(String line) {
            long t = value(line, "b=TIAS:", 1);
            long a = value(line, "b=AS:", 1000);
            tias = t >= 0 ? t : tias;
            as = a >= 0 ? a : as;
        }

        /** TIAS where given (RFC 3890 §6.2), else AS; 0 when neither. */
        long bps() {
            return tias >= 0 ? tias : Math.max(as, 0);
        }
    }

    /** The number after {@code prefix} times {@code unit}, or -1. At most 12 digits. */
    private static long value(String line, String prefix, long unit) {
        if (!line.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return -1;
        }
        String digits = line.substring(prefix.length()).strip();
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits) * unit;
    }
}
