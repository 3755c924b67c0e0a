// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Playlist number and date formats (RFC 8216bis §4.2 decimal-floating-point, §4.4.4.6 dates). */
final class Decimals {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private Decimals() {
    }

    /** Seconds with three decimals, rounded to the nearest millisecond (EXTINF). */
    static String seconds(long ticks, int timescale) {
        return millis((ticks * 1000 + timescale / 2) / timescale);
    }

    /** Seconds with five decimals, rounded down, so a part never prints longer than PART-TARGET. */
    static String secondsFloor(long ticks, int timescale) {
        long units = ticks * 100_000 / timescale;
        return units / 100_000 + "." + pad(units % 100_000, 5);
    }

    /** A whole number of milliseconds as seconds with three decimals. */
    static String millis(long millis) {
        return millis / 1000 + "." + pad(millis % 1000, 3);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
