// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The (app, stream key) pairs being published on this server, so a second publisher of a live
 * key can be refused. Shared by all connections; each change is atomic per key.
 */
final class ActivePublishers {
    private final ConcurrentMap<String, List<Object>> live = new ConcurrentHashMap<>();

    private static String id(String app, String key) {
        return app + '\0' + key;
    }

    /**
     * Registers {@code owner} as a publisher of the key.
     *
     * @param allowDuplicate register even when another owner holds the key
     * @return false when the key is live and duplicates are not allowed (nothing registered)
     */
    boolean register(String app, String key, Object owner, boolean allowDuplicate) {
        boolean[] registered = {false};
        live.compute(id(app, key), (k, owners) -> {
            if (owners != null && !owners.isEmpty() && !allowDuplicate) {
                return owners;
            }
            List<Object> next = owners == null ? new ArrayList<>(1) : new ArrayList<>(owners);
            next.add(owner);
            registered[0] = true;
            return next;
        });
        return registered[0];
    }

    /** Removes {@code owner}'s registration, if any. */
    void unregister(String app, String key, Object owner) {
        live.computeIfPresent(id(app, key), (k, owners) -> {
            List<Object> next = new ArrayList<>(owners);
            next.remove(owner);
            return next.isEmpty() ? null : next;
        });
    }

    boolean isLive(String app, String key) {
        return live.containsKey(id(app, key));
    }
}
