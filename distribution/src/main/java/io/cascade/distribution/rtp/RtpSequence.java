// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1), which wrap from 65535 to 0.
 * "Newer" follows serial-number arithmetic (RFC 1982 §3.2): {@code a} is newer than {@code b}
 * when going forward from {@code b} reaches {@code a} in fewer than 2^15 steps. At exactly 2^15
 * apart RFC 1982 leaves the order undefined; like libwebrtc's {@code IsNewerSequenceNumber} we
 * call the numerically larger one newer, so that of two distinct numbers exactly one is newer.
 */
public final class RtpSequence {
    /** Number of distinct sequence numbers (RTP_SEQ_MOD in RFC 3550 A.1). */
    public static final int MODULUS = 1 << 16;
    private static final int HALF = 1 << 15;

    private RtpSequence() {
    }

    /** {@code sequence + delta} modulo 2^16; {@code delta} may be negative. */
    public static int add(int sequence, int delta) {
        return (sequence + delta) & 0xFFFF;
    }

    /** The next sequence number. */
    public static int next(int sequence) {
        return add(sequence, 1);
    }

    /**
     * Signed distance from {@code from} to {@code to}, in -32768..32767: positive when
     * {@code to} is ahead. The half-way case comes out as -32768.
     */
    public static int delta(int from, int to) {
        return (short) (to - from);
    }

    /** Forward distance from {@code from} to {@code to}, in 0..65535. */
    public static int forwardDistance(int from, int to) {
        return (to - from) & 0xFFFF;
    }

    /** Whether {@code a} comes after {@code b}, with the tie rule above. */
    public static boolean isNewer(int a, int b) {
        int forward = forwardDistance(b, a);
        if (forward == HALF) {
            return (a & 0xFFFF) > (b & 0xFFFF);
        }
        return forward != 0 && forward < HALF;
    }

    /** The newer of two sequence numbers. */
    public static int newest(int a, int b) {
        return isNewer(a, b) ? a : b;
    }
}
