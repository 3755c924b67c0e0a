// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An SFU that answers every offer with a canned SDP; the test completes sessions by hand. With
 * {@link #slow} it answers nothing until the test releases the answers ({@link #answerAll}), as a
 * remote node's SFU whose HTTP answer is still on its way.
 */
final class FakeSfu implements Sfu {
    record Opened(String id, String kind, String stream, CompletableFuture<Void> live, CompletableFuture<String> ended) {}

    final Map<String, Opened> sessions = new LinkedHashMap<>();
    final List<String> closed = new ArrayList<>();
    final Map<String, Integer> limits = new LinkedHashMap<>();
    /** Offers whose answers are held back while {@link #slow}. */
    final List<Runnable> held = new ArrayList<>();
    boolean slow;
    private int next;

    @Override
    public CompletionStage<Session> publish(String stream, String offerSdp) {
        return open("publish", stream);
    }

    @Override
    public CompletionStage<Session> play(String stream, String offerSdp) {
        return open("play", stream);
    }

    private CompletionStage<Session> open(String kind, String stream) {
        Opened o = new Opened("s" + ++next, kind, stream, new CompletableFuture<>(), new CompletableFuture<>());
        sessions.put(o.id(), o);
        Session s = new Session(o.id(), "v=0 answer " + o.id(), o.live(), o.ended());
        if (!slow) {
            return CompletableFuture.completedFuture(s);
        }
        CompletableFuture<Session> answer = new CompletableFuture<>();
        held.add(() -> answer.complete(s));
        return answer;
    }

    /** Releases the held answers, in the order asked. */
    void answerAll() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
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
