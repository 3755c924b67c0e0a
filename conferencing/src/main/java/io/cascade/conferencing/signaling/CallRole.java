// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a call a party is: the caller makes the SDP offer (docs/signaling.md). */
public enum CallRole implements WireEnum.Valued {
    CALLER("caller"),
    CALLEE("callee");

    private final String wire;

    CallRole(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CallRole parse(String value) {
        return WireEnum.parse(CallRole.class, "role", value);
    }
}
