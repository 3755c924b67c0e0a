// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

/**
 * SDES item types defined by RFC 3550 §6.5.1-§6.5.8. Type 0 is not an item but the end of a
 * chunk's item list. Other registered types (RFC 8852 stream ids, RFC 8843 MID, ...) are legal
 * and carried by their code in {@link SdesItem}; {@link #isKnown} tells them apart.
 */
public enum SdesItemType {
    /** Canonical end-point identifier, §6.5.1: the one item every compound packet carries. */
    CNAME(1),
    /** User name, §6.5.2. */
    NAME(2),
    /** Electronic mail address, §6.5.3. */
    EMAIL(3),
    /** Phone number, §6.5.4. */
    PHONE(4),
    /** Geographic user location, §6.5.5. */
    LOC(5),
    /** Application or tool name, §6.5.6. */
    TOOL(6),
    /** Notice/status, §6.5.7. */
    NOTE(7),
    /** Private extensions, §6.5.8: a prefix length, prefix and value inside the item data. */
    PRIV(8);

    private final int code;

    SdesItemType(int code) {
        this.code = code;
    }

    /** The item type octet. */
    public int code() {
        return code;
    }

    /** Whether {@link #fromCode} knows this code. */
    public static boolean isKnown(int code) {
        return code >= CNAME.code && code <= PRIV.code;
    }

    /**
     * The type with this code.
     *
     * @throws RtcpFormatException {@code itemType} for a code not defined by RFC 3550
     */
    public static SdesItemType fromCode(int code) {
        if (!isKnown(code)) {
            throw new RtcpFormatException("itemType", "SDES item type " + code + " is not defined by RFC 3550");
        }
        // The codes are contiguous from 1 and declared in order.
        return values()[code - CNAME.code];
    }
}
