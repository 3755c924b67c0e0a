// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Users in a map of this process: the store for tests of one node. The application shares its
 * users between nodes ({@link SharedUserService}). Thread-safe per user.
 */
public final class InMemoryUserService implements UserService {
    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();

    /** The local profile's users ({@link UserService#localSeeds()}). */
    public static InMemoryUserService seeded() {
        InMemoryUserService s = new InMemoryUserService();
        UserService.localSeeds().forEach(s::put);
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
        return users.compute(name, (n, old) -> UserEdits.apply(old == null ? User.named(n) : old, change));
    }
}
