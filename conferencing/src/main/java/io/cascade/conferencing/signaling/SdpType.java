// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** RTCSdpType (W3C WebRTC §4.1.4). */
public enum SdpType implements WireEnum.Valued {
    OFFER("offer"),
    ANSWER("answer"),
    PRANSWER("pranswer"),
    ROLLBACK("rollback");

    private final String wire;

    SdpType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SdpType parse(String value) {
        return WireEnum.parse(SdpType.class, "description.type", value);
    }
}
