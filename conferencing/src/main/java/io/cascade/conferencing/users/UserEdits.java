// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** What every user store does with a {@link UserService.Change}. */
final class UserEdits {
    private UserEdits() {}

    /** {@code u} after {@code change}; an invalid name, or the user's own, is refused. */
    static User apply(User u, UserService.Change change) {
        String self = u.name();
        Set<String> contacts = new HashSet<>(u.contacts());
        Set<String> blocked = new HashSet<>(u.blocked());
        addValid(contacts, change.addContacts(), self);
        remove(contacts, change.removeContacts());
        addValid(blocked, change.block(), self);
        remove(blocked, change.unblock());
        boolean contactsOnly = change.contactsOnly() == null ? u.contactsOnly() : change.contactsOnly();
        return new User(self, contacts, blocked, contactsOnly);
    }

    private static void addValid(Set<String> to, Collection<String> names, String self) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (!UserNames.valid(name) || name.equals(self)) {
                throw new IllegalArgumentException("invalid user name: " + name);
            }
            to.add(name);
        }
    }

    private static void remove(Set<String> from, Collection<String> names) {
        if (names != null) {
            from.removeAll(names);
        }
    }
}
