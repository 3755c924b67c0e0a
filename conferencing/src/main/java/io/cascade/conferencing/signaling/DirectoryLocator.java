// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.platform.directory.Directory;
import java.util.Optional;

/**
 * {@link Locator} on the platform {@link Directory}: sessions user -> node in Infinispan, node
 * liveness by heartbeat TTL. Reads are local (the caches are replicated), so the signaling thread
 * may call it. A node that dies stops heartbeating; one TTL later its users read as offline
 * everywhere.
 */
public final class DirectoryLocator implements Locator {
    private final Directory directory;
    private final String self;

    public DirectoryLocator(Directory directory, String self) {
        this.directory = directory;
        this.self = self;
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public void bind(String user) {
        directory.bindSession(user, self);
    }

    @Override
    public void unbind(String user) {
        directory.unbindSession(user, self);
    }

    @Override
    public Optional<String> nodeOf(String user) {
        return directory.sessionNode(user);
    }

    @Override
    public boolean alive(String node) {
        return directory.isAlive(node);
    }
}
