// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import io.cascade.ingest.program.InputManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One broadcast: its sources (cameras) by name, and the input manager that makes the program.
 * The stream keys themselves are not here: the registry holds only their hashes.
 */
public final class Broadcast {
    private final String id;
    private final String name;
    private final Instant created;
    private final InputManager inputs;
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    Broadcast(String id, String name, Instant created, InputManager inputs) {
        this.id = id;
        this.name = name;
        this.created = created;
        this.inputs = inputs;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public InputManager inputs() {
        return inputs;
    }

    /** Source names in the order they were added. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    void addSource(String source) {
        sources.add(source);
    }

    /** Per-broadcast objects other services attach (the origin publisher, the HLS packager). */
    public Map<String, Object> attributes() {
        return attributes;
    }
}
