// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Users in a map: the store for tests and the local profile. Thread-safe per user. */
public final class InMemoryUserService implements UserService {
    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();

    /**
     * The local profile's users: alice, bob, carol, dave and erin are everybody's contacts;
     * {@code frank} takes calls from his contacts only (alice); {@code mallory} is blocked by bob.
     */
    public static InMemoryUserService seeded() {
        InMemoryUserService s = new InMemoryUserService();
        List<String> friends = List.of("alice", "bob", "carol", "dave", "erin");
        for (String name : friends) {
            Set<String> others = new HashSet<>(friends);
            others.remove(name);
            others.add("frank");
            s.put(new User(name, others, name.equals("bob") ? Set.of("mallory") : Set.of(), false));
        }
        s.put(new User("frank", Set.of("alice"), Set.of(), true));
        s.put(User.named("mallory"));
        return s;
    }

    public void put(User user) {
        users.put(user.name(), user);
    }

    @Override
    public Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public User ensure(String name) {
        return users.computeIfAbsent(name, User::named);
    }

    @Override
    public Collection<User> all() {
        return List.copyOf(users.values());
    }

    @Override
    public User update(String name, Change change) {
        return users.compute(name, (n, old) -> {
            User u = old == null ? User.named(n) : old;
            Set<String> contacts = new HashSet<>(u.contacts());
            Set<String> blocked = new HashSet<>(u.blocked());
            addValid(contacts, change.addContacts(), n);
            remove(contacts, change.removeContacts());
            addValid(blocked, change.block(), n);
            remove(blocked, change.unblock());
            boolean contactsOnly = change.contactsOnly() == null ? u.contactsOnly() : change.contactsOnly();
            return new User(n, contacts, blocked, contactsOnly);
        });
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
