// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * The two RFC 8285 header-extension forms, identified by the 16-bit "defined by profile" field
 * of the RFC 3550 §5.3.1 extension header. Any other value is a profile-specific extension that
 * this package carries opaquely.
 */
public enum ExtensionProfile {
    /**
     * RFC 8285 §4.2: profile {@code 0xBEDE}; each element has a one-octet header (4-bit ID
     * 1..14, 4-bit length minus one), so data is 1..16 octets.
     */
    ONE_BYTE(0xBEDE, 0xFFFF, 14, 1, 16, 1),
    /**
     * RFC 8285 §4.3: profile {@code 0x100} in the top 12 bits, the low 4 bits are
     * "appbits"; each element has an 8-bit ID (1..255) and an 8-bit length (0..255).
     */
    TWO_BYTE(0x1000, 0xFFF0, 255, 0, 255, 2);

    private final int profile;
    private final int mask;
    private final int maxId;
    private final int minLength;
    private final int maxLength;
    private final int elementHeaderLength;

    ExtensionProfile(int profile, int mask, int maxId, int minLength, int maxLength, int headerLength) {
        this.profile = profile;
        this.mask = mask;
        this.maxId = maxId;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.elementHeaderLength = headerLength;
    }

    /**
     * The form for a "defined by profile" value, or {@code null} when it is neither RFC 8285
     * form. Null rather than an exception because other profiles are legal RTP.
     */
    public static ExtensionProfile of(int definedByProfile) {
        if (definedByProfile == ONE_BYTE.profile) {
            return ONE_BYTE;
        }
        if ((definedByProfile & TWO_BYTE.mask) == TWO_BYTE.profile) {
            return TWO_BYTE;
        }
        return null;
    }

    /** The wire value of the "defined by profile" field (appbits 0 for the two-byte form). */
    public int profile() {
        return profile;
    }

    /** Largest local identifier this form can carry; 0 is reserved for padding in both. */
    public int maxId() {
        return maxId;
    }

    /** Smallest element data length the form can express. */
    public int minLength() {
        return minLength;
    }

    /** Largest element data length the form can express. */
    public int maxLength() {
        return maxLength;
    }

    /** Octets before each element's data: 1 for one-byte, 2 for two-byte. */
    public int elementHeaderLength() {
        return elementHeaderLength;
    }

    /** Whether an element with this id and data length can be written in this form. */
    public boolean fits(int id, int length) {
        return id >= 1 && id <= maxId && length >= minLength && length <= maxLength;
    }
}
