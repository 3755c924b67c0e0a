// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SFU as rooms see it: a relay node's WebRTC gateway (in the app, {@code WebRtcGateway}),
 * which answers a publisher's sendonly offer for a stream and a viewer's recvonly offer to play
 * one. Offers are answered at once; a session becomes live after ICE and DTLS ({@link
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
    Session publish(String stream, String offerSdp);

    /** Answers a recvonly offer: the session plays {@code stream} (404 while it is not live). */
    Session play(String stream, String offerSdp);

    /** Ends a session; nothing when it is gone already. */
    void close(String sessionId);

    /** Caps what a playing session may be sent, in kbps (0: no cap); it picks simulcast layers. */
    void limitDownlink(String sessionId, int kbps);

    /** The null object: a node without an SFU refuses every offer. */
    static Sfu none() {
        return new Sfu() {
            @Override
            public Session publish(String stream, String offerSdp) {
                throw new Refused(503, "no SFU on this node");
            }

            @Override
            public Session play(String stream, String offerSdp) {
                throw new Refused(503, "no SFU on this node");
            }

            @Override
            public void close(String sessionId) {}

            @Override
            public void limitDownlink(String sessionId, int kbps) {}
        };
    }

    /** A stage that never completes, for sessions whose end is not reported. */
    static CompletionStage<String> never() {
        return new CompletableFuture<>();
    }
}
