// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.commons.api.BasicCache;
import org.jboss.logging.Logger;

/**
 * Who is where, shared by all nodes through Infinispan: nodes (role, region, addresses, load),
 * sessions (user -> node) and streams (stream -> nodes serving it, with the stream's formats).
 *
 * <p>Liveness: each node entry carries its own expiry, refreshed by {@link NodeHeartbeat}. Reads
 * judge expiry with the injected clock, so a dead node disappears exactly one TTL after its last
 * heartbeat and tests can move time instead of sleeping; Infinispan's lifespan (TTL plus slack)
 * only garbage-collects. Sessions and streams of a node that is gone read as absent. Clocks of
 * cluster nodes are assumed NTP-synchronised to well within a TTL.
 *
 * <p>Values are JSON strings, so any cache (embedded, clustered or Hot Rod) can hold them.
 */
public final class Directory {
    /** Cache names, in the order the constructor takes them. */
    public static final List<String> CACHES = List.of("cascade-nodes", "cascade-sessions", "cascade-streams");

    private static final Logger LOG = Logger.getLogger(Directory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lifespan of session and stream entries: a safety net; liveness comes from the node entry. */
    private static final Duration BINDING_LIFESPAN = Duration.ofHours(24);

    private record NodeEntry(NodeInfo node, long expiresAtMillis) {}

    private record Binding(String nodeId, long sinceMillis) {}

    /** A stream announcement: who serves it since when, and (optionally) its formats as JSON. */
    private record StreamBinding(String nodeId, long sinceMillis, String formats) {}

    /**
     * A live node's announcement of a stream.
     *
     * @param formats the stream's track formats as the announcer wrote them (JSON), or null
     */
    public record StreamAnnouncement(String stream, String nodeId, long sinceMillis, String formats) {}

    private final BasicCache<String, String> nodes;
    private final BasicCache<String, String> sessions;
    private final BasicCache<String, String> streams;
    private final InstantSource clock;
    private final Duration ttl;

    public Directory(BasicCache<String, String> nodes, BasicCache<String, String> sessions,
                     BasicCache<String, String> streams, InstantSource clock, Duration ttl) {
        this.nodes = nodes;
        this.sessions = sessions;
        this.streams = streams;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    // ---- nodes

    /** Registers or refreshes a node for one TTL. */
    public void register(NodeInfo node) {
        long expires = clock.millis() + ttl.toMillis();
        nodes.put(node.id(), write(new NodeEntry(node, expires)), ttl.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Removes a node at once (clean shutdown), instead of waiting for its TTL. */
    public void deregister(String nodeId) {
        nodes.remove(nodeId);
    }

    public Optional<NodeInfo> node(String nodeId) {
        String v = nodes.get(nodeId);
        return Optional.ofNullable(v).map(this::liveNode);
    }

    public boolean isAlive(String nodeId) {
        return node(nodeId).isPresent();
    }

    /** Live nodes with the role, least loaded first; a null region means any region. */
    public List<NodeInfo> nodes(String role, String region) {
        List<NodeInfo> out = new ArrayList<>();
        for (String v : List.copyOf(nodes.values())) {
            NodeInfo n = liveNode(v);
            if (n != null && (role == null || n.hasRole(role)) && (region == null || region.equals(n.region()))) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparingDouble(NodeInfo::load).thenComparing(NodeInfo::id));
        return out;
    }

    private NodeInfo liveNode(String json) {
        NodeEntry e = read(json, NodeEntry.class);
        return e != null && e.expiresAtMillis() > clock.millis() ? e.node() : null;
    }

    // ---- sessions: user -> node

    public void bindSession(String user, String nodeId) {
        sessions.put(user, write(new Binding(nodeId, clock.millis())), BINDING_LIFESPAN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Unbinds only if the user is still bound to that node (a newer login elsewhere wins). */
    public void unbindSession(String user, String nodeId) {
        String v = sessions.get(user);
        Binding b = v == null ? null : read(v, Binding.class);
        if (b != null && b.nodeId().equals(nodeId)) {
            sessions.remove(user, v);
        }
    }

    /** The node a user is connected to, if that node is alive. */
    public Optional<String> sessionNode(String user) {
        String v = sessions.get(user);
        Binding b = v == null ? null : read(v, Binding.class);
        return b != null && isAlive(b.nodeId()) ? Optional.of(b.nodeId()) : Optional.empty();
    }

    // ---- streams: stream name -> nodes serving it

    public void announceStream(String stream, String nodeId) {
        announceStream(stream, nodeId, null);
    }

    /**
     * Announces that {@code nodeId} serves the stream, with its formats (opaque JSON, e.g. codec
     * parameters a consumer on another node needs), so that other nodes can find and decode it.
     * Re-announcing replaces the formats. Like every binding, it reads as absent once the node is gone.
     */
    public void announceStream(String stream, String nodeId, String formats) {
        streams.put(streamKey(stream, nodeId), write(new StreamBinding(nodeId, clock.millis(), formats)),
                BINDING_LIFESPAN.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void withdrawStream(String stream, String nodeId) {
        streams.remove(streamKey(stream, nodeId));
    }

    /** Live nodes that serve the stream. */
    public List<NodeInfo> streamNodes(String stream) {
        String prefix = stream + "@";
        List<NodeInfo> out = new ArrayList<>();
        for (String key : List.copyOf(streams.keySet())) {
            if (key.startsWith(prefix)) {
                node(key.substring(prefix.length())).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparingDouble(NodeInfo::load).thenComparing(NodeInfo::id));
        return out;
    }

    /**
     * Announcements by live nodes of streams whose names start with {@code prefix}, newest first
     * (one scan of the streams cache: for a node's periodic look at what the cluster publishes).
     */
    public List<StreamAnnouncement> announcements(String prefix) {
        List<StreamAnnouncement> out = new ArrayList<>();
        java.util.Map<String, Boolean> alive = new java.util.HashMap<>();
        for (String key : List.copyOf(streams.keySet())) {
            int at = key.lastIndexOf('@');
            if (at <= 0 || !key.startsWith(prefix)) {
                continue;
            }
            String nodeId = key.substring(at + 1);
            if (!alive.computeIfAbsent(nodeId, this::isAlive)) {
                continue;
            }
            String v = streams.get(key);
            StreamBinding b = v == null ? null : read(v, StreamBinding.class);
            if (b != null) {
                out.add(new StreamAnnouncement(key.substring(0, at), nodeId, b.sinceMillis(), b.formats()));
            }
        }
        out.sort(Comparator.comparingLong(StreamAnnouncement::sinceMillis).reversed());
        return out;
    }

    /** Live nodes' announcements of exactly this stream, newest first. */
    public List<StreamAnnouncement> announcementsOf(String stream) {
        return announcements(stream + "@");
    }

    private static String streamKey(String stream, String nodeId) {
        return stream + "@" + nodeId;
    }

    // ---- JSON

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable directory entry skipped: %s", e.getOriginalMessage());
            return null;
        }
    }
}
