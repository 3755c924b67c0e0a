// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import io.cascade.conferencing.users.InMemoryUserService;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signaling nodes in one thread for deterministic tests: a manual clock, a shared in-memory
 * directory and user store, and links that hold messages until {@link #flush()}, so a test
 * decides when messages between nodes arrive (two invites can cross, as in real glare).
 */
final class Net {
    static final String CAPS = "{\"maxBitrateKbps\":2000,\"codecs\":[\"VP8\",\"H264\"],"
            + "\"maxResolution\":{\"width\":1280,\"height\":720},\"network\":\"wifi\"}";

    private record InFlight(String to, NodeMessage message) {}

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    final InMemoryUserService users = InMemoryUserService.seeded();
    final InMemoryLocator.Cluster cluster = new InMemoryLocator.Cluster();
    final RecordingEvents events = new RecordingEvents();
    final Map<String, SignalingNode> nodes = new LinkedHashMap<>();
    private final Deque<InFlight> wire = new ArrayDeque<>();
    private final SignalingSettings settings;

    Net(SignalingSettings settings) {
        this.settings = settings;
    }

    Net() {
        this(SignalingSettings.defaults("unused"));
    }

    SignalingNode node(String id) {
        return nodes.computeIfAbsent(id, n -> new SignalingNode(
                new SignalingSettings(n, settings.ringTimeout(), settings.maxMessageBytes(), settings.messagesPerSecond(),
                        settings.burst(), settings.presenceToEveryone()),
                clock, users, new Authenticator(Optional.of("dev"), Optional.empty(), clock),
                new InMemoryLocator(cluster, n), (to, m) -> wire.add(new InFlight(to, m)), events));
    }

    /** A page of {@code user} connected to {@code node}, welcomed. */
    TestClient connect(String node, String user) {
        TestClient c = new TestClient(user);
        c.connection = node(node).open(c, "dev", user);
        c.take(ServerMessage.Welcome.class);
        return c;
    }

    void send(String node, TestClient c, String json) {
        node(node).onText(c.connection, json);
    }

    void invite(String node, TestClient c, String to, String callId) {
        send(node, c, "{\"type\":\"call.invite\",\"to\":\"" + to + "\",\"callId\":\"" + callId + "\",\"caps\":" + CAPS + "}");
    }

    void callScoped(String node, TestClient c, String type, String callId) {
        send(node, c, "{\"type\":\"" + type + "\",\"callId\":\"" + callId + "\"}");
    }

    void accept(String node, TestClient c, String callId) {
        send(node, c, "{\"type\":\"call.accept\",\"callId\":\"" + callId + "\",\"caps\":" + CAPS + "}");
    }

    void close(String node, TestClient c) {
        node(node).onClose(c.connection);
    }

    /** Delivers messages between nodes until none is left. */
    void flush() {
        InFlight m;
        while ((m = wire.poll()) != null) {
            if (!cluster.dead.contains(m.to())) {
                node(m.to()).onNode(m.message());
            }
        }
    }

    void advance(Duration d) {
        clock.advance(d);
        nodes.values().forEach(SignalingNode::tick);
        flush();
    }

    List<String> events() {
        return events.lines;
    }
}
