// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RFC 8285 header-extension element: a local identifier negotiated with
 * {@code a=extmap} and its data. Whether it fits a given form (one-byte ids 1..14 with 1..16
 * octets, two-byte ids 1..255 with 0..255 octets) is checked by {@link HeaderExtension#of}.
 *
 * @param id    local identifier, 1..255 (0 is reserved for padding, RFC 8285 §4.2 and §4.3)
 * @param value element data, 0..255 octets; copied in and out
 */
public record ExtensionElement(int id, byte[] value) {
    public ExtensionElement {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("extension id must be 1..255: " + id);
        }
        if (value.length > 255) {
            throw new IllegalArgumentException("extension data is at most 255 octets: " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Data length in octets. */
    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionElement that && id == that.id && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ExtensionElement[id=" + id + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
