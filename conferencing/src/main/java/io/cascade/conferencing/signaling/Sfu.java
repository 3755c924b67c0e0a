// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The SFU as rooms see it: a relay node's WebRTC gateway (in the app, {@code WebRtcGateway}),
 * which answers a publisher's sendonly offer for a stream and a viewer's recvonly offer to play
 * one. An answer is a stage: this node's gateway has it at once, another node's ({@link
 * RemoteSfus}) after an HTTP round trip, which the room's signaling thread must not wait for. A
 * refusal fails the stage with {@link Refused}. A session becomes live after ICE and DTLS ({@link
 * Session#live()}), and its end is reported through {@link Session#ended()}. Implementations
 * complete those stages on any thread; {@link Rooms} moves the work back onto the signaling
 * thread.
 */
public interface Sfu {

    /** A session the SFU answered. */
    record Session(String id, String answerSdp, CompletionStage<?> live, CompletionStage<String> ended) {}

    /** The SFU refused an offer; {@code status} as the HTTP status WHIP/WHEP would give. */
    final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Answers a sendonly offer: the session becomes the publisher of {@code stream}. */
    CompletionStage<Session> publish(String stream, String offerSdp);

    /** Answers a recvonly offer: the session plays {@code stream} (404 while it is not live). */
    CompletionStage<Session> play(String stream, String offerSdp);

    /** Ends a session; nothing when it is gone already. */
    void close(String sessionId);

    /** Caps what a playing session may be sent, in kbps (0: no cap); it picks simulcast layers. */
    void limitDownlink(String sessionId, int kbps);

    /** The null object: a node without an SFU refuses every offer. */
    static Sfu none() {
        return new Sfu() {
            @Override
            public CompletionStage<Session> publish(String stream, String offerSdp) {
                return CompletableFuture.failedFuture(new Refused(503, "no SFU on this node"));
            }

            @Override
            public CompletionStage<Session> play(String stream, String offerSdp) {
                return CompletableFuture.failedFuture(new Refused(503, "no SFU on this node"));
            }

            @Override
            public void close(String sessionId) {}

            @Override
            public void limitDownlink(String sessionId, int kbps) {}
        };
    }

    /** What a stage failed with: the {@link Refused} inside a completion wrapper, or a 500 for anything else. */
    static Refused refusal(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Refused r ? r : new Refused(500, "the SFU failed: " + t);
    }

    /** A stage that never completes, for sessions whose end is not reported. */
    static CompletionStage<String> never() {
        return new CompletableFuture<>();
    }
}
