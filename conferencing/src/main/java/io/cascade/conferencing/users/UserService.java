// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The local profile's users: alice, bob, carol, dave and erin are everybody's contacts;
     * {@code frank} takes calls from his contacts only (alice); {@code mallory} is blocked by bob.
     */
    static List<User> localSeeds() {
        List<String> friends = List.of("alice", "bob", "carol", "dave", "erin");
        List<User> seeds = new ArrayList<>();
        for (String name : friends) {
            Set<String> others = new HashSet<>(friends);
            others.remove(name);
            others.add("frank");
            seeds.add(new User(name, others, name.equals("bob") ? Set.of("mallory") : Set.of(), false));
        }
        seeds.add(new User("frank", Set.of("alice"), Set.of(), true));
        seeds.add(User.named("mallory"));
        return List.copyOf(seeds);
    }
}
