// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/**
 * A 1:1 call's life at its home node:
 * <pre>
 *  INVITING --ring result RINGING--> RINGING --accept--> ACTIVE --hangup / left--> ENDED
 *     |  busy, offline, glare, policy     |  decline, cancel, timeout, left
 *     +-----------------------------------+-------------------------------------> ENDED
 * </pre>
 * INVITING: the ring is on its way to the callee's node; an accept that overtakes the ring result
 * is taken as if ringing.
 */
public enum CallState {
    INVITING,
    RINGING,
    ACTIVE,
    ENDED;

    boolean unanswered() {
        return this == INVITING || this == RINGING;
    }
}
