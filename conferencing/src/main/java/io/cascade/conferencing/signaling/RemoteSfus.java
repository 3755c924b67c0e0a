// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The SFUs of other nodes, as a room's home uses them for members connected there (docs/signaling.md,
 * "Rooms across nodes"): a member publishes to and plays from its own node's gateway, so the home
 * sends the member's offer to that node ({@link SfuOfferReceiver} at {@value #PATH}, cluster token
 * as bearer) and gets the answer in the response; the session's life comes back later as {@link
 * NodeMessage.SfuEvent}s, and closing or capping it goes there as {@link NodeMessage.SfuControl}.
 *
 * <p>The offer is an asynchronous HTTP call (at most {@code TIMEOUT}): the home's signaling thread
 * goes on serving the room while the other node answers, and {@link Rooms} applies the answer on
 * that thread when it comes (or closes its session, when the member left meanwhile). The session
 * map is concurrent: answers are recorded on the HTTP client's threads.
 */
public final class RemoteSfus implements AutoCloseable {
    public static final String PATH = "/internal/signaling/v1/sfu";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The home's request: a sendonly ({@code publish}) or recvonly ({@code play}) offer for a room stream. */
    public record Offer(String from, String kind, String stream, String sdp) {}

    /** The member node's answer. */
    public record Answer(String session, String sdp) {}

    /** Why the member's SFU refused (also the HTTP status). */
    public record Refusal(int status, String message) {}

    private record Pending(String node, CompletableFuture<Void> live, CompletableFuture<String> ended) {}

    private final String self;
    private final String token;
    private final Function<String, Optional<URI>> signalingAddresses;
    private final NodeLink link;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Pending> sessions = new ConcurrentHashMap<>();
    private final Map<String, Sfu> nodes = new ConcurrentHashMap<>();

    /** @param signalingAddresses a node's {@link HttpNodeLink#PATH} URL ({@link HttpNodeLink#fromDirectory}) */
    public RemoteSfus(String self, String token, Function<String, Optional<URI>> signalingAddresses, NodeLink link) {
        this.self = self;
        this.token = token;
        this.signalingAddresses = signalingAddresses;
        this.link = link;
    }

    /** The SFU of {@code node}. */
    public Sfu at(String node) {
        return nodes.computeIfAbsent(node, NodeSfu::new);
    }

    /** A session on another node became live or ended. */
    void event(NodeMessage.SfuEvent e) {
        Pending p = e.live() ? sessions.get(e.session()) : sessions.remove(e.session());
        if (p == null) {
            return;
        }
        if (e.live()) {
            p.live().complete(null);
        } else {
            p.live().completeExceptionally(new IllegalStateException("session ended: " + e.reason()));
            p.ended().complete(e.reason() == null ? "ended" : e.reason());
        }
    }

    /** Sessions on nodes that died end here (no event will come from there). */
    void sweep(Predicate<String> alive) {
        sessions.forEach((id, p) -> {
            if (!alive.test(p.node())) {
                event(new NodeMessage.SfuEvent(id, false, "node " + p.node() + " went away"));
            }
        });
    }

    @Override
    public void close() {
        http.close();
    }

    private final class NodeSfu implements Sfu {
        private final String node;

        NodeSfu(String node) {
            this.node = node;
        }

        @Override
        public CompletionStage<Session> publish(String stream, String offerSdp) {
            return offer("publish", stream, offerSdp);
        }

        @Override
        public CompletionStage<Session> play(String stream, String offerSdp) {
            return offer("play", stream, offerSdp);
        }

        @Override
        public void close(String sessionId) {
            link.send(node, new NodeMessage.SfuControl(sessionId, null));
        }

        @Override
        public void limitDownlink(String sessionId, int kbps) {
            link.send(node, new NodeMessage.SfuControl(sessionId, kbps));
        }

        private CompletableFuture<Session> offer(String kind, String stream, String sdp) {
            Optional<URI> address = signalingAddresses.apply(node).map(u -> u.resolve("sfu"));
            if (address.isEmpty()) {
                return CompletableFuture.failedFuture(new Refused(503, "node " + node + " has no signaling address (gone?)"));
            }
            HttpRequest request = HttpRequest.newBuilder(address.get()).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SignalingJson.write(new Offer(self, kind, stream, sdp))))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    throw new Refused(503, "the SFU of node " + node + " did not answer: " + cause);
                }
                return answered(response);
            });
        }

        private Session answered(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new Refused(response.statusCode(), refusal(response));
            }
            Answer a;
            try {
                a = SignalingJson.read(response.body(), Answer.class);
            } catch (RuntimeException e) {
                throw new Refused(502, "node " + node + " answered what is not an answer");
            }
            if (a == null || a.session() == null || a.sdp() == null) {
                throw new Refused(502, "node " + node + " answered without a session");
            }
            Pending p = new Pending(node, new CompletableFuture<>(), new CompletableFuture<>());
            sessions.put(a.session(), p);
            return new Session(a.session(), a.sdp(), p.live(), p.ended());
        }

        private String refusal(HttpResponse<String> response) {
            try {
                Refusal r = SignalingJson.read(response.body(), Refusal.class);
                return r != null && r.message() != null ? r.message() : "HTTP " + response.statusCode();
            } catch (RuntimeException e) {
                return "node " + node + " refused: HTTP " + response.statusCode();
            }
        }
    }
}
