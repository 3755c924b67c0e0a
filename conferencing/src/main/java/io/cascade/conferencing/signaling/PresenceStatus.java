// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a user has a live signaling connection on a live node. */
public enum PresenceStatus implements WireEnum.Valued {
    ONLINE("online"),
    OFFLINE("offline");

    private final String wire;

    PresenceStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static PresenceStatus parse(String value) {
        return WireEnum.parse(PresenceStatus.class, "status", value);
    }
}
