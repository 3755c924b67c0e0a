// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import io.cascade.ingest.program.InputManager;
import io.cascade.ingest.program.ProgramSink;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The broadcasts of this node, with their sources and stream keys. A new broadcast has one
 * source, {@code main}; more are added by name. A key resolves to its broadcast and source
 * through the SHA-256 of the presented key (so no timing reveals which keys exist) and a
 * constant-time comparison of the hashes.
 */
public final class BroadcastRegistry {
    /** Source names: 1-32 of letters, digits, dash and underscore. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    public static final String MAIN = "main";
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

    /** What a created broadcast or source hands back once: the key is not kept. */
    public record Created(Broadcast broadcast, String source, String streamKey) {}

    /** A key's owner. */
    public record KeyOwner(Broadcast broadcast, String source) {}

    private record KeyEntry(byte[] hash, Broadcast broadcast, String source) {}

    private final Map<String, Broadcast> broadcasts = new ConcurrentHashMap<>();
    private final Map<String, KeyEntry> keys = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Function<String, InputManager> inputs;
    private final java.util.function.Supplier<String> ids;

    /**
     * @param ids    makes broadcast ids
     * @param inputs makes the input manager (with its program sink and listener) of the broadcast
     *               with the given id
     */
    public BroadcastRegistry(InstantSource clock, java.util.function.Supplier<String> ids,
                             Function<String, InputManager> inputs) {
        this.clock = clock;
        this.ids = ids;
        this.inputs = inputs;
    }

    /** Creates a broadcast with its {@code main} source; the key is returned once. */
    public Created create(String name) {
        String id = ids.get();
        Broadcast b = new Broadcast(id, name, clock.instant(), inputs.apply(id));
        broadcasts.put(id, b);
        String key = addKey(b, MAIN);
        return new Created(b, MAIN, key);
    }

    /**
     * Adds a named source with its own key.
     *
     * @throws NoSuchElementException no such broadcast
     * @throws IllegalArgumentException a bad or taken name
     */
    public Created addSource(String broadcastId, String source) {
        Broadcast b = get(broadcastId).orElseThrow(() -> new NoSuchElementException("no broadcast " + broadcastId));
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("source name must be 1-32 of A-Z a-z 0-9 _ -");
        }
        synchronized (b) {
            if (b.sources().contains(source)) {
                throw new IllegalArgumentException("source " + source + " exists");
            }
            return new Created(b, source, addKey(b, source));
        }
    }

    private String addKey(Broadcast b, String source) {
        String key = StreamKey.generate();
        byte[] hash = StreamKey.hash(key);
        keys.put(StreamKey.hex(hash), new KeyEntry(hash, b, source));
        b.addSource(source);
        return key;
    }

    /**
     * Whether {@code key} has the shape of the keys this registry hands out (32 characters of
     * base64url, 192 random bits), whether or not it is one: a protocol that also takes other
     * names (WHIP's {@code live/K} streams) refuses a key of this shape that resolves to nothing.
     */
    public static boolean isKeyShaped(String key) {
        return key != null && KEY_SHAPE.matcher(key).matches();
    }

    /** The broadcast and source a stream key belongs to. */
    public Optional<KeyOwner> resolve(String streamKey) {
        if (streamKey == null || streamKey.isEmpty() || streamKey.length() > 256) {
            return Optional.empty();
        }
        byte[] hash = StreamKey.hash(streamKey);
        KeyEntry e = keys.get(StreamKey.hex(hash));
        if (e == null || !MessageDigest.isEqual(e.hash(), hash) || !broadcasts.containsKey(e.broadcast().id())) {
            return Optional.empty();
        }
        return Optional.of(new KeyOwner(e.broadcast(), e.source()));
    }

    public Optional<Broadcast> get(String id) {
        return Optional.ofNullable(id == null ? null : broadcasts.get(id));
    }

    public List<Broadcast> all() {
        return List.copyOf(broadcasts.values());
    }

    /** Removes a broadcast and its keys. */
    public boolean delete(String id) {
        Broadcast b = broadcasts.remove(id);
        if (b == null) {
            return false;
        }
        keys.values().removeIf(e -> e.broadcast() == b);
        return true;
    }

    /** A program sink that drops everything, for broadcasts without an origin yet. */
    public static ProgramSink nowhere() {
        return new ProgramSink() {
            @Override
            public void videoConfig(byte[] c) {
            }

            @Override
            public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
            }

            @Override
            public void audioConfig(byte[] c) {
            }

            @Override
            public void audio(long dtsMs, byte[] aac) {
            }
        };
    }
}
