// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

/**
 * Why a call may not be placed. The wire value is the {@code reason} of the caller's
 * {@code call.ended} (docs/signaling.md).
 */
public enum Refusal {
    /** The callee does not exist. */
    UNKNOWN_USER("unknown_user"),
    /** The callee blocks the caller, or the caller blocks the callee. */
    BLOCKED("blocked"),
    /** The callee takes calls from contacts only and the caller is not one. */
    CONTACTS_ONLY("contacts_only");

    private final String wire;

    Refusal(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
