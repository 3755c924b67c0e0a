// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.relay.StreamName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The formats of streams ({@link TrackFormat} per track), for consumers that join later
 * (transcoders, packagers, WHEP viewers). Publishers on this node describe their stream and update
 * it when a config changes; listeners hear of every update.
 *
 * <p>In a cluster the catalog is shared through {@link Shared} (the directory): what is described
 * here is announced to the other nodes, a stream published elsewhere is looked up there, and
 * {@link #remoteChanged} tells the listeners of a stream that appeared or changed on another node.
 * On its own ({@link #StreamCatalog()}) it knows only this node's streams.
 */
public final class StreamCatalog {
    /** Where the formats of this node's streams are shared with other nodes, and theirs found. */
    public interface Shared {
        /** No other node: nothing is shared. */
        Shared NONE = new Shared() {
            @Override
            public void announce(StreamName stream, List<TrackFormat> tracks) {}

            @Override
            public void withdraw(StreamName stream) {}

            @Override
            public Optional<List<TrackFormat>> lookup(StreamName stream) {
                return Optional.empty();
            }
        };

        /** This node publishes the stream with these formats (again on every change). */
        void announce(StreamName stream, List<TrackFormat> tracks);

        /** This node no longer publishes the stream. */
        void withdraw(StreamName stream);

        /** The formats of a stream another node publishes. */
        Optional<List<TrackFormat>> lookup(StreamName stream);
    }

    private final Map<StreamName, List<TrackFormat>> formats = new ConcurrentHashMap<>();
    private final List<Consumer<StreamName>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Shared shared;

    public StreamCatalog() {
        this(Shared.NONE);
    }

    public StreamCatalog(Shared shared) {
        this.shared = shared;
    }

    /** Shares the catalog from now on (the directory may come up after the catalog's first users). */
    public void share(Shared with) {
        this.shared = with;
        formats.forEach(with::announce);
    }

    /** A publisher on this node describes its stream: kept, announced, and listeners told. */
    public void describe(StreamName stream, List<TrackFormat> tracks) {
        List<TrackFormat> copy = List.copyOf(tracks);
        formats.put(stream, copy);
        try {
            shared.announce(stream, copy);
        } finally {
            listeners.forEach(l -> l.accept(stream));
        }
    }

    /** The stream's formats: this node's if it publishes the stream, else another node's. */
    public Optional<List<TrackFormat>> get(StreamName stream) {
        List<TrackFormat> here = formats.get(stream);
        return here != null ? Optional.of(here) : shared.lookup(stream);
    }

    /** Whether the stream is published on this node (rather than only known from another). */
    public boolean isLocal(StreamName stream) {
        return formats.containsKey(stream);
    }

    public void remove(StreamName stream) {
        if (formats.remove(stream) != null) {
            shared.withdraw(stream);
        }
    }

    /** A stream published on another node appeared or changed its formats: listeners are told. */
    public void remoteChanged(StreamName stream) {
        listeners.forEach(l -> l.accept(stream));
    }

    /** Called (on the describing thread) after each {@link #describe} and {@link #remoteChanged}. */
    public void onChange(Consumer<StreamName> listener) {
        listeners.add(listener);
    }
}
