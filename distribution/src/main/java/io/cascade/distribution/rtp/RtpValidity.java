// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

/**
 * Outcome of {@link RtpPacket#validate()}: the hot path returns one of these instead of
 * throwing, and counts drops per constant. The checks are the header-validity checks of
 * RFC 3550 Appendix A.1 that do not need per-source state, plus the length checks every
 * wire-supplied count needs (CSRC count, extension length, padding count).
 */
public enum RtpValidity {
    /** Every length read from the header fits the packet. */
    VALID("", "valid"),
    /** Fewer than the 12 octets of the fixed header (RFC 3550 §5.1). */
    TRUNCATED_HEADER("length", "shorter than the 12-octet fixed header"),
    /** The version field is not 2 (RFC 3550 §5.1; RFC 3550 A.1 check). */
    BAD_VERSION("version", "version is not 2"),
    /** The CSRC count points past the end of the packet. */
    CSRC_OVERRUN("csrcCount", "CSRC list runs past the end of the packet"),
    /** The X bit is set but the 4-octet extension header does not fit (RFC 3550 §5.3.1). */
    EXTENSION_HEADER_OVERRUN("extension", "header extension runs past the end of the packet"),
    /** The extension length field points past the end of the packet (RFC 3550 §5.3.1). */
    EXTENSION_LENGTH_OVERRUN("extensionLength", "extension length runs past the end of the packet"),
    /** An RFC 8285 element's length runs past the extension block (RFC 8285 §4.2, §4.3). */
    EXTENSION_ELEMENT_OVERRUN("extensionElement", "extension element runs past the extension block"),
    /** The P bit is set but no octet is left for the padding count (RFC 3550 §5.1). */
    PADDING_MISSING("padding", "padding bit set but the packet has no padding octets"),
    /** The padding count is 0, but it must count itself (RFC 3550 §5.1). */
    PADDING_ZERO("padding", "padding count is 0"),
    /** The padding count is larger than what follows the header (RFC 3550 A.1). */
    PADDING_OVERRUN("padding", "padding count exceeds the octets after the header");

    private final String field;
    private final String description;

    RtpValidity(String field, String description) {
        this.field = field;
        this.description = description;
    }

    /** The wire field the check is about; empty for {@link #VALID}. */
    public String field() {
        return field;
    }

    /** One line saying what failed, for logs and exception messages. */
    public String description() {
        return description;
    }
}
