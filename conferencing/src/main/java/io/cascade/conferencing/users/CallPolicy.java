// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Optional;

/**
 * Whether {@code caller} may call {@code callee}, and whether a watcher may see a user's presence.
 * Blocking works both ways (a user who blocked someone cannot call them either, which avoids a
 * one-sided conversation the other cannot answer); "contacts only" means the caller must be in
 * the callee's contacts.
 */
public final class CallPolicy {
    private final UserService users;

    public CallPolicy(UserService users) {
        this.users = users;
    }

    /** Empty when the call may go ahead; otherwise why not, and the message the caller sees. */
    public Optional<Decision> check(String caller, String callee) {
        Optional<User> to = users.find(callee);
        if (to.isEmpty()) {
            return Optional.of(new Decision(Refusal.UNKNOWN_USER, "there is no user " + callee));
        }
        User from = users.ensure(caller);
        if (to.get().blocks(caller)) {
            return Optional.of(new Decision(Refusal.BLOCKED, callee + " does not accept calls from you"));
        }
        if (from.blocks(callee)) {
            return Optional.of(new Decision(Refusal.BLOCKED, "you blocked " + callee + "; unblock to call"));
        }
        if (to.get().contactsOnly() && !to.get().hasContact(caller)) {
            return Optional.of(new Decision(Refusal.CONTACTS_ONLY, callee + " accepts calls from contacts only"));
        }
        return Optional.empty();
    }

    /** Whether {@code watcher} may see {@code user}'s presence: a contact the user does not block. */
    public boolean mayWatch(String watcher, String user) {
        return users.find(watcher).map(w -> w.hasContact(user)).orElse(false)
                && users.find(user).map(u -> !u.blocks(watcher)).orElse(true);
    }

    /** A refusal and its human-readable message. */
    public record Decision(Refusal refusal, String message) {}
}
