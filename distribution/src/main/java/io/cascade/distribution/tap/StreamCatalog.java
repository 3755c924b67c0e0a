// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.relay.StreamName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The formats of the streams published on this node ({@link TrackFormat} per track), for
 * consumers that join later (transcoders, packagers, WHEP viewers). Publishers describe their
 * stream and update it when a config changes; listeners hear of every update.
 */
public final class StreamCatalog {
    private final Map<StreamName, List<TrackFormat>> formats = new ConcurrentHashMap<>();
    private final List<Consumer<StreamName>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void describe(StreamName stream, List<TrackFormat> tracks) {
        formats.put(stream, List.copyOf(tracks));
        listeners.forEach(l -> l.accept(stream));
    }

    public Optional<List<TrackFormat>> get(StreamName stream) {
        return Optional.ofNullable(formats.get(stream));
    }

    public void remove(StreamName stream) {
        formats.remove(stream);
    }

    /** Called (on the describing thread) after each {@link #describe}. */
    public void onChange(Consumer<StreamName> listener) {
        listeners.add(listener);
    }
}
