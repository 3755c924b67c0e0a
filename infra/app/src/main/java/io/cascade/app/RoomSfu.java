// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.signaling.Sfu;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.webrtc.WebRtcException;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSession;
import java.util.concurrent.TimeUnit;

/**
 * The rooms' SFU ({@link Sfu}) on this node's WebRTC gateway: {@code room.publish} is a WHIP-like
 * publish, {@code room.subscribe} a WHEP-like play, on stream names {@code room/...}. The gateway
 * is looked up at each call: it starts after signaling, and is absent on a node without a relay.
 */
final class RoomSfu implements Sfu {
    /** How long a new publish waits for the same stream's previous session to be released. */
    private static final long RELEASE_WAIT_MS = 2000;

    private final WebRtcService webrtc;

    RoomSfu(WebRtcService webrtc) {
        this.webrtc = webrtc;
    }

    @Override
    public Session publish(String stream, String offerSdp) {
        WebRtcGateway g = gateway();
        StreamName name = StreamName.of(stream);
        // a republish (mesh -> SFU -> mesh -> SFU) must not find the old session still closing
        for (WebRtcSession old : g.sessions()) {
            if (old.kind() == WebRtcSession.Kind.PUBLISH && old.stream().equals(name)) {
                g.close(old.id());
                old.closed().toCompletableFuture().completeOnTimeout(null, RELEASE_WAIT_MS, TimeUnit.MILLISECONDS).join();
            }
        }
        return session(() -> g.publish(name, offerSdp));
    }

    @Override
    public Session play(String stream, String offerSdp) {
        WebRtcGateway g = gateway();
        return session(() -> g.play(StreamName.of(stream), offerSdp));
    }

    @Override
    public void close(String sessionId) {
        WebRtcGateway g = webrtc.gateway();
        if (g != null) {
            g.close(sessionId);
        }
    }

    @Override
    public void limitDownlink(String sessionId, int kbps) {
        WebRtcGateway g = webrtc.gateway();
        if (g != null) {
            g.limitDownlink(sessionId, kbps);
        }
    }

    private WebRtcGateway gateway() {
        WebRtcGateway g = webrtc.gateway();
        if (g == null) {
            throw new Refused(503, "no SFU on this node (the relay role is off)");
        }
        return g;
    }

    private interface Offer {
        WebRtcGateway.Answer answer() throws WebRtcException;
    }

    private static Session session(Offer offer) {
        try {
            WebRtcGateway.Answer a = offer.answer();
            return new Session(a.session().id(), a.sdp(), a.session().secured(), a.session().closed());
        } catch (WebRtcException e) {
            throw new Refused(e.status(), e.getMessage());
        }
    }
}
