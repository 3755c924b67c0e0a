// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An SFU that answers every offer with a canned SDP; the test completes sessions by hand. */
final class FakeSfu implements Sfu {
    record Opened(String id, String kind, String stream, CompletableFuture<Void> live, CompletableFuture<String> ended) {}

    final Map<String, Opened> sessions = new LinkedHashMap<>();
    final List<String> closed = new ArrayList<>();
    final Map<String, Integer> limits = new LinkedHashMap<>();
    private int next;

    @Override
    public Session publish(String stream, String offerSdp) {
        return open("publish", stream);
    }

    @Override
    public Session play(String stream, String offerSdp) {
        return open("play", stream);
    }

    private Session open(String kind, String stream) {
        Opened o = new Opened("s" + ++next, kind, stream, new CompletableFuture<>(), new CompletableFuture<>());
        sessions.put(o.id(), o);
        return new Session(o.id(), "v=0 answer " + o.id(), o.live(), o.ended());
    }

    @Override
    public void close(String sessionId) {
        closed.add(sessionId);
    }

    @Override
    public void limitDownlink(String sessionId, int kbps) {
        limits.put(sessionId, kbps);
    }

    Opened last(String kind) {
        return sessions.values().stream().filter(o -> o.kind().equals(kind)).reduce((a, b) -> b).orElseThrow();
    }
}
