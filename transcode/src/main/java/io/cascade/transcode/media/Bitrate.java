// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

import java.util.Locale;

/** A bit rate with its unit stated where it is written: {@code Bitrate.kbps(2500)}, {@code Bitrate.parse("5M")}. */
public record Bitrate(long bitsPerSecond) {

    public Bitrate {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("bit rate must be > 0 bit/s, got " + bitsPerSecond);
        }
    }

    public static Bitrate kbps(long kbps) {
        return new Bitrate(Math.multiplyExact(kbps, 1000L));
    }

    public static Bitrate mbps(long mbps) {
        return new Bitrate(Math.multiplyExact(mbps, 1_000_000L));
    }

    /** Parses {@code 600k}, {@code 2500 kbps}, {@code 5M}, {@code 5mbps} or plain bit/s. */
    public static Bitrate parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long factor = 1;
        if (t.endsWith("kbps") || t.endsWith("k")) {
            factor = 1000;
            t = t.substring(0, t.length() - (t.endsWith("kbps") ? 4 : 1));
        } else if (t.endsWith("mbps") || t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - (t.endsWith("mbps") ? 4 : 1));
        } else if (t.endsWith("bps")) {
            t = t.substring(0, t.length() - 3);
        }
        try {
            return new Bitrate(Math.multiplyExact(Long.parseLong(t), factor));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a bit rate: '" + text + "' (expected e.g. 600k, 2500kbps, 5M)");
        }
    }

    public Bitrate times(double factor) {
        return new Bitrate(Math.round(bitsPerSecond * factor));
    }

    public long kbps() {
        return bitsPerSecond / 1000;
    }

    @Override
    public String toString() {
        return bitsPerSecond % 1000 == 0 ? kbps() + " kbps" : bitsPerSecond + " bit/s";
    }
}
