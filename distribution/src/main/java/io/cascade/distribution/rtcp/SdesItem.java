// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One SDES item (RFC 3550 §6.5): type octet, length octet, then up to 255 octets of text. Text
 * is UTF-8 (§6.5) but kept as octets, so an item that is not valid UTF-8 still round-trips.
 *
 * @param type  item type code, 1..255 ({@link SdesItemType} names the RFC 3550 ones)
 * @param value item data, 0..255 octets; copied in and out
 */
public record SdesItem(int type, byte[] value) {
    public SdesItem {
        if (type < 1 || type > 0xFF) {
            throw new IllegalArgumentException("SDES item type must be 1..255 (0 ends the list): " + type);
        }
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("SDES item data is at most 255 octets: " + value.length);
        }
        value = value.clone();
    }

    /** An item of a known type with UTF-8 text. */
    public static SdesItem of(SdesItemType type, String text) {
        return new SdesItem(type.code(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A CNAME item (§6.5.1). */
    public static SdesItem cname(String cname) {
        return of(SdesItemType.CNAME, cname);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The data as UTF-8 text; malformed sequences become U+FFFD. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Octets on the wire: type, length, data. */
    public int encodedLength() {
        return 2 + value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SdesItem that && type == that.type && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String name = SdesItemType.isKnown(type) ? SdesItemType.fromCode(type).name() : Integer.toString(type);
        return "SdesItem[" + name + "=" + text() + "]";
    }
}
