// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Objects;
import java.util.Set;

/**
 * One user as the calling service sees them.
 *
 * @param name         unique name ({@link UserNames})
 * @param contacts     users this one knows; they see this user's presence and may call when
 *                     {@code contactsOnly} is set
 * @param blocked      users who may neither call this one nor see their presence
 * @param contactsOnly take calls from contacts only
 */
public record User(String name, Set<String> contacts, Set<String> blocked, boolean contactsOnly) {
    public User {
        if (!UserNames.valid(name)) {
            throw new IllegalArgumentException("invalid user name: " + name);
        }
        contacts = Set.copyOf(Objects.requireNonNull(contacts, "contacts"));
        blocked = Set.copyOf(Objects.requireNonNull(blocked, "blocked"));
    }

    public static User named(String name) {
        return new User(name, Set.of(), Set.of(), false);
    }

    public boolean hasContact(String other) {
        return contacts.contains(other);
    }

    public boolean blocks(String other) {
        return blocked.contains(other);
    }
}
