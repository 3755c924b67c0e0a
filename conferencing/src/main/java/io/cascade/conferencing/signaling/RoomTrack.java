// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a room member publishes to the SFU: the camera (with the microphone) or a screen share. */
public enum RoomTrack implements WireEnum.Valued {
    CAM("cam"),
    SCREEN("screen");

    private final String wire;

    RoomTrack(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RoomTrack parse(String value) {
        return WireEnum.parse(RoomTrack.class, "track", value);
    }
}
