// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code code} of an {@code error} reply (docs/signaling.md, "Errors"). None closes the connection. */
public enum ErrorCode {
    /** The frame is not a JSON object. */
    BAD_JSON("bad_json"),
    /** {@code type} is missing or names no client message. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field is missing, of the wrong type or out of range; the message names it. */
    INVALID_FIELD("invalid_field"),
    /** The frame exceeds the per-connection message size limit. */
    TOO_LARGE("too_large"),
    /** More messages than the per-connection rate allows; the message was dropped. */
    RATE_LIMITED("rate_limited"),
    /** Only {@code hello} and {@code ping} are accepted before authentication. */
    UNAUTHENTICATED("unauthenticated"),
    /** The token was refused (bad signature, expired, unknown scheme). */
    AUTH_FAILED("auth_failed"),
    /** A second {@code hello} on an authenticated connection. */
    ALREADY_AUTHENTICATED("already_authenticated"),
    /** The call does not exist or the sender is not one of its parties. */
    UNKNOWN_CALL("unknown_call"),
    /** The message does not fit the call's state (accepting a call that is already active...). */
    WRONG_STATE("wrong_state"),
    /** The sender is already in a call (1:1 calls: one at a time). */
    BUSY("busy"),
    /** A user cannot call themself. */
    SELF_CALL("self_call"),
    /** The sender is not in that room, or the room member named does not exist. */
    NOT_IN_ROOM("not_in_room"),
    /** The SFU refused an offer (malformed, nothing acceptable, stream not live yet, no SFU here). */
    SFU_REFUSED("sfu_refused"),
    /** A bug on our side; the connection stays usable. */
    INTERNAL("internal");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
