// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A directory in a map shared by the nodes of a test; nodes die when the test says. */
final class InMemoryLocator implements Locator {
    /** What the nodes share. */
    static final class Cluster {
        final Map<String, String> sessions = new ConcurrentHashMap<>();
        final Set<String> dead = ConcurrentHashMap.newKeySet();
    }

    private final Cluster cluster;
    private final String self;

    InMemoryLocator(Cluster cluster, String self) {
        this.cluster = cluster;
        this.self = self;
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public void bind(String user) {
        cluster.sessions.put(user, self);
    }

    @Override
    public void unbind(String user) {
        cluster.sessions.remove(user, self);
    }

    @Override
    public Optional<String> nodeOf(String user) {
        return Optional.ofNullable(cluster.sessions.get(user)).filter(this::alive);
    }

    @Override
    public boolean alive(String node) {
        return !cluster.dead.contains(node);
    }
}
