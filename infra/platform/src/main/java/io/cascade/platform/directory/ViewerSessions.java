// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.infinispan.commons.api.BasicCache;
import org.jboss.logging.Logger;

/**
 * Which edge serves which viewer session, across the cluster: one directory entry per session
 * (WHEP session or HLS client), written by the node that serves it. {@link ViewerCounts} stays the
 * cheap aggregate (one entry per node); this is the per-viewer record a support tool or a router
 * looks up ({@code GET /api/v1/viewers/{id}}).
 *
 * <p>Writes: each node calls {@link #sync} with its live sessions every heartbeat. A session is
 * written when it appears, rewritten when half its TTL has passed (entries carry their own expiry,
 * judged with the injected clock, so a dead node's sessions vanish one TTL after its last sync),
 * and removed when it ends. Steady state is therefore about sessions / (TTL / 2) writes per second
 * per node, all in one {@code putAll}. Because the caches are replicated, a node lists at most
 * {@code maxPerNode} sessions; the rest are served and counted (by {@link ViewerCounts}) but not
 * listed, and {@link Sync#unlisted} says how many.
 */
public final class ViewerSessions {
    /** The cache this needs, besides the directory's. */
    public static final List<String> CACHES = List.of("cascade-viewer-sessions");
    /** What a session id may look like (ids come from the network: WHEP session paths). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = Logger.getLogger(ViewerSessions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A session as the serving node sees it. {@code kind} is {@code whep} or {@code hls}. */
    public record Live(String id, String broadcast, String kind) {}

    /** A session as the directory holds it; {@code since} and {@code expiresAtMillis} are epoch ms. */
    public record Session(String id, String broadcast, String node, String region, String kind, long since,
                          long expiresAtMillis) {}

    /** What one {@link #sync} did. */
    public record Sync(int written, int removed, int listed, int unlisted) {}

    private record Written(String broadcast, String kind, long since, long at) {}

    private final BasicCache<String, String> cache;
    private final InstantSource clock;
    private final Duration ttl;
    private final int maxPerNode;
    /** This node's entries in the cache, by session id. Guarded by {@code this}. */
    private final Map<String, Written> mine = new HashMap<>();

    public ViewerSessions(BasicCache<String, String> cache, InstantSource clock, Duration ttl, int maxPerNode) {
        if (ttl.isNegative() || ttl.isZero() || maxPerNode < 0) {
            throw new IllegalArgumentException("a positive ttl and a limit of 0 or more are needed");
        }
        this.cache = cache;
        this.clock = clock;
        this.ttl = ttl;
        this.maxPerNode = maxPerNode;
    }

    /**
     * Makes the directory hold exactly {@code live} (up to the limit) as {@code node}'s sessions:
     * new ones and ones half a TTL old are written, ended ones removed. Sessions with an id of the
     * wrong shape are skipped.
     */
    public synchronized Sync sync(String node, String region, Collection<Live> live) {
        long now = clock.millis();
        Map<String, String> puts = new HashMap<>();
        Set<String> current = new HashSet<>();
        int unlisted = 0;
        for (Live l : live) {
            if (l.id() == null || !ID.matcher(l.id()).matches() || !current.add(l.id())) {
                continue;
            }
            Written w = mine.get(l.id());
            if (w == null && mine.size() >= maxPerNode) {
                current.remove(l.id());
                unlisted++;
                continue;
            }
            boolean changed = w == null || !w.broadcast().equals(l.broadcast()) || !w.kind().equals(l.kind());
            if (changed || now - w.at() >= ttl.toMillis() / 2) {
                long since = changed ? now : w.since();
                puts.put(l.id(), write(new Session(l.id(), l.broadcast(), node, region, l.kind(), since,
                        now + ttl.toMillis())));
                mine.put(l.id(), new Written(l.broadcast(), l.kind(), since, now));
            }
        }
        List<String> ended = mine.keySet().stream().filter(id -> !current.contains(id)).toList();
        ended.forEach(id -> {
            mine.remove(id);
            cache.remove(id);
        });
        if (!puts.isEmpty()) {
            cache.putAll(puts, ttl.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
        return new Sync(puts.size(), ended.size(), mine.size(), unlisted);
    }

    /** The live session {@code id}, on whichever node serves it. */
    public Optional<Session> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String json = cache.get(id);
        return Optional.ofNullable(json == null ? null : read(json)).filter(s -> s.expiresAtMillis() > clock.millis());
    }

    /**
     * Up to {@code limit} live sessions of {@code broadcast}, oldest first. This reads the whole
     * (local, replicated) cache: an operator's view, not a per-request path.
     */
    public List<Session> of(String broadcast, int limit) {
        long now = clock.millis();
        List<Session> out = new ArrayList<>();
        for (String json : List.copyOf(cache.values())) {
            Session s = read(json);
            if (s != null && s.expiresAtMillis() > now && broadcast.equals(s.broadcast())) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(Session::since).thenComparing(Session::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Removes every session this node wrote (clean shutdown). */
    public synchronized void withdraw() {
        mine.keySet().forEach(cache::remove);
        mine.clear();
    }

    private static String write(Session s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Session read(String json) {
        try {
            return JSON.readValue(json, Session.class);
        } catch (JsonProcessingException e) {
            LOG.debugf("unreadable viewer session skipped: %s", e.getOriginalMessage());
            return null;
        }
    }
}
