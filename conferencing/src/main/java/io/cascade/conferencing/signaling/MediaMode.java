// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How media flows, as the page sees its selected ICE candidate pair: directly, through TURN, or through an SFU (rooms, later). */
public enum MediaMode implements WireEnum.Valued {
    P2P("p2p"),
    RELAY("relay"),
    SFU("sfu");

    private final String wire;

    MediaMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static MediaMode parse(String value) {
        return WireEnum.parse(MediaMode.class, "mode", value);
    }
}
