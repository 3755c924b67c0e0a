// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Users in a map every signaling node shares: in the application a replicated Infinispan cache
 * ({@value #CACHE}), so a user who signed in on node A, or contacts edited there, are what node B
 * sees when one of its users calls them. Values are text ({@link #encode}), the form every other
 * directory cache uses; edits are compare-and-set loops ({@code replace(key, old, new)}), so two
 * nodes editing one user at once both land.
 *
 * <p>Seeding ({@link #seed}) only adds users that are absent, so a node that starts later does
 * not undo edits made since. An entry that does not decode (another version's, or damaged) reads
 * as a user with no lists and is logged once per read, never thrown at the caller.
 */
public final class SharedUserService implements UserService {
    public static final String CACHE = "cascade-users";
    public static final List<String> CACHES = List.of(CACHE);
    private static final Logger LOG = Logger.getLogger(SharedUserService.class);
    /** Attempts of one edit against concurrent edits of the same user before giving up. */
    private static final int EDIT_ATTEMPTS = 64;

    private final ConcurrentMap<String, String> users;

    /** @param users the shared map (an Infinispan {@code BasicCache} in a cluster; any map on one node) */
    public SharedUserService(ConcurrentMap<String, String> users) {
        this.users = users;
    }

    /** Adds each user that is not there yet; existing entries, edited or not, stay as they are. */
    public SharedUserService seed(Collection<User> seeds) {
        for (User u : seeds) {
            users.putIfAbsent(u.name(), encode(u));
        }
        return this;
    }

    @Override
    public Optional<User> find(String name) {
        if (!UserNames.valid(name)) {
            return Optional.empty();
        }
        String value = users.get(name);
        return value == null ? Optional.empty() : Optional.of(decode(name, value));
    }

    @Override
    public User ensure(String name) {
        User fresh = User.named(name);
        String held = users.putIfAbsent(name, encode(fresh));
        return held == null ? fresh : decode(name, held);
    }

    @Override
    public Collection<User> all() {
        List<User> all = new ArrayList<>();
        users.forEach((name, value) -> {
            if (UserNames.valid(name)) {
                all.add(decode(name, value));
            }
        });
        return all;
    }

    @Override
    public User update(String name, Change change) {
        if (!UserNames.valid(name)) {
            throw new IllegalArgumentException("invalid user name: " + name);
        }
        for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
            String before = users.get(name);
            User edited = UserEdits.apply(before == null ? User.named(name) : decode(name, before), change);
            String after = encode(edited);
            boolean written = before == null ? users.putIfAbsent(name, after) == null : users.replace(name, before, after);
            if (written) {
                return edited;
            }
        }
        throw new IllegalStateException("user " + name + " is being edited elsewhere; try again");
    }

    /**
     * {@code contactsOnly|contact,contact|blocked,blocked}: names cannot hold '|' or ','
     * ({@link UserNames}), so no escaping is needed.
     */
    static String encode(User u) {
        return (u.contactsOnly() ? "1" : "0") + "|" + String.join(",", sorted(u.contacts())) + "|"
                + String.join(",", sorted(u.blocked()));
    }

    static User decode(String name, String value) {
        try {
            String[] parts = value.split("\\|", -1);
            if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw new IllegalArgumentException("not contactsOnly|contacts|blocked");
            }
            return new User(name, names(parts[1]), names(parts[2]), parts[0].equals("1"));
        } catch (IllegalArgumentException e) {
            LOG.warnf("user %s: stored entry unreadable (%s), read as a user with no lists", name, e.getMessage());
            return User.named(name);
        }
    }

    private static Set<String> names(String list) {
        if (list.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>(Arrays.asList(list.split(",")));
        for (String n : names) {
            if (!UserNames.valid(n)) {
                throw new IllegalArgumentException("bad name in list");
            }
        }
        return names;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
