// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The network a party is on, as the page learns it (Network Information API {@code type}), worst
 * first: the agreed network of a call is the worse of the two. "unknown" ranks below wifi so
 * that not knowing never raises the agreed configuration.
 */
public enum NetworkType {
    CELLULAR("cellular"),
    UNKNOWN("unknown"),
    WIFI("wifi"),
    ETHERNET("ethernet");

    private final String wire;

    NetworkType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static NetworkType parse(String value) {
        for (NetworkType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        throw SignalingException.field("network", "one of cellular, unknown, wifi, ethernet; got " + value);
    }

    public static NetworkType worse(NetworkType a, NetworkType b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
