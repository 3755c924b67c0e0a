// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

/**
 * 64-bit NTP timestamps (RFC 3550 §4: seconds since 1900 in the high 32 bits, the fraction in
 * the low 32) and their conversion to and from media clocks. A timestamp is an unsigned 32.32
 * fixed-point number, so adding a signed offset in the same format is plain {@code long}
 * addition; the seconds are read unsigned ({@code >>> 32}).
 *
 * <p>Converting {@code ticks} of a clock to NTP and back gives the same ticks (the fraction's
 * resolution, 2^-32 s, is far below a tick of any media clock), which is what lets every
 * rendition of a broadcast land on exactly the same timestamps.
 */
public final class NtpTime {
    /** Seconds from 1900 (NTP era 0) to 1970 (the Unix epoch). */
    public static final long UNIX_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    public static long ofUnixMillis(long unixMillis) {
        return ofSeconds(Math.floorDiv(unixMillis, 1000) + UNIX_OFFSET_SECONDS) + duration(Math.floorMod(unixMillis, 1000), 1000);
    }

    /** Whole NTP seconds (since 1900) as a timestamp. */
    public static long ofSeconds(long ntpSeconds) {
        return ntpSeconds << 32;
    }

    /** {@code ticks} of a {@code rate} Hz clock as a (signed) NTP duration, rounded to the nearest 2^-32 s. */
    public static long duration(long ticks, int rate) {
        long seconds = Math.floorDiv(ticks, rate);
        long rest = Math.floorMod(ticks, rate);
        return (seconds << 32) + ((rest << 32) + rate / 2) / rate;
    }

    /** Whole NTP seconds of a timestamp. */
    public static long seconds(long ntp) {
        return ntp >>> 32;
    }

    /**
     * The timestamp as ticks of a {@code rate} Hz clock counted from {@code epochSeconds} (NTP
     * seconds), rounded to the nearest tick. The epoch keeps the result small enough that it can
     * be multiplied by another clock rate without overflow.
     */
    public static long ticksSince(long ntp, long epochSeconds, int rate) {
        long fraction = ntp & 0xFFFFFFFFL;
        return (seconds(ntp) - epochSeconds) * rate + ((fraction * rate + (1L << 31)) >>> 32);
    }
}
