// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cascade.conferencing.users.Refusal;

/** Why a call ended: the {@code reason} of {@code call.ended} and of the {@code call.ended} event. */
public enum EndReason implements WireEnum.Valued {
    /** The callee declined. */
    DECLINED("declined"),
    /** The callee is in another call. */
    BUSY("busy"),
    /** The callee has no live connection (or its node died while ringing). */
    OFFLINE("offline"),
    /** Nobody answered within the ring timeout. */
    TIMEOUT("timeout"),
    /** A party hung up an answered call. */
    HANGUP("hangup"),
    /** The caller hung up before an answer. */
    CANCELLED("cancelled"),
    /** Both invited each other at once and this call lost (docs/signaling.md, "Glare"). */
    GLARE("glare"),
    /** Policy: there is no such user. */
    UNKNOWN_USER("unknown_user"),
    /** Policy: one blocks the other. */
    BLOCKED("blocked"),
    /** Policy: the callee takes calls from contacts only. */
    CONTACTS_ONLY("contacts_only"),
    /** The parties share no video codec. */
    INCOMPATIBLE("incompatible"),
    /** A party's connection or node went away during the call. */
    DISCONNECTED("disconnected");

    private final String wire;

    EndReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static EndReason parse(String value) {
        return WireEnum.parse(EndReason.class, "reason", value);
    }

    public static EndReason of(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_USER -> UNKNOWN_USER;
            case BLOCKED -> BLOCKED;
            case CONTACTS_ONLY -> CONTACTS_ONLY;
        };
    }
}
