// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a room's media flows: pairwise between pages, or through the SFU (a relay node). */
public enum RoomMode implements WireEnum.Valued {
    MESH("mesh"),
    SFU("sfu");

    private final String wire;

    RoomMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RoomMode parse(String value) {
        return WireEnum.parse(RoomMode.class, "mode", value);
    }
}
