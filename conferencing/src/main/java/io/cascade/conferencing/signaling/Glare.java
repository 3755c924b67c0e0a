// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/**
 * Glare: two users invite each other before either sees the other's invite. Both nodes involved
 * must pick the same survivor without talking, whatever order the invites reach them in, so the
 * rule depends only on the names: the call placed by the user whose name sorts first (Java
 * {@code String.compareTo}, i.e. by UTF-16 code unit) wins; the other ends with reason
 * {@code glare} and its caller gets the winning call as an incoming one. (Call ids cannot serve:
 * an id is chosen independently on each side, and comparing them would need both at both ends.)
 */
final class Glare {
    private Glare() {}

    /** Whether the call placed by {@code caller} beats the crossing call placed by {@code other}. */
    static boolean wins(String caller, String other) {
        return caller.compareTo(other) < 0;
    }
}
