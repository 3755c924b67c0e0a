// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Collection;
import java.util.Optional;

/**
 * The user store. Every signaling node must see the same users: the application's store is
 * {@link SharedUserService} on a replicated cache; {@link InMemoryUserService} serves tests of
 * one node.
 */
public interface UserService {

    Optional<User> find(String name);

    /** The user, created without contacts when unknown (dev logins and verified tokens name users). */
    User ensure(String name);

    Collection<User> all();

    /** Adds and removes contacts and blocks, sets contacts-only when given; returns the user after. */
    User update(String name, Change change);

    /** One edit of a user's lists; null or empty members mean "no change". */
    record Change(Collection<String> addContacts, Collection<String> removeContacts, Collection<String> block,
                  Collection<String> unblock, Boolean contactsOnly) {}
}
