// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletionException;

/**
 * The receiving end of {@link RemoteSfus}, independent of the HTTP server that carries it: another
 * node's room home asks this node's SFU for a session of a member connected here. Checks the
 * cluster token, answers the offer with this node's SFU, and reports the session's life back to
 * the asking node over the node link. Only room streams ({@code room/...}) may be named. Thread-safe
 * (the SFU is); runs on the HTTP server's threads, not the signaling loop, and waits there for the
 * SFU's answer.
 */
public final class SfuOfferReceiver {
    /** Larger bodies are refused (413): an SDP offer is a few KiB. */
    public static final int MAX_BODY = 256 * 1024;

    /** What to answer: status and JSON body. */
    public record Reply(int status, String body) {}

    private final byte[] expected;
    private final Sfu sfu;
    private final NodeLink link;

    public SfuOfferReceiver(String token, Sfu sfu, NodeLink link) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.sfu = sfu;
        this.link = link;
    }

    /** Handles one POST of {@link RemoteSfus#PATH}. */
    public Reply receive(String authorization, byte[] body) {
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return refuse(401, "cluster token required");
        }
        if (body.length > MAX_BODY) {
            return refuse(413, "offer larger than " + MAX_BODY + " bytes");
        }
        RemoteSfus.Offer offer;
        try {
            offer = SignalingJson.read(new String(body, StandardCharsets.UTF_8), RemoteSfus.Offer.class);
        } catch (SignalingException e) {
            return refuse(400, "not an offer: " + e.getMessage());
        }
        if (offer == null || offer.from() == null || offer.from().isBlank() || offer.stream() == null
                || !offer.stream().startsWith("room/") || offer.sdp() == null) {
            return refuse(400, "an offer needs from, stream (room/...) and sdp");
        }
        Sfu.Session s;
        try {
            s = switch (offer.kind() == null ? "" : offer.kind()) {
                case "publish" -> sfu.publish(offer.stream(), offer.sdp()).toCompletableFuture().join();
                case "play" -> sfu.play(offer.stream(), offer.sdp()).toCompletableFuture().join();
                default -> throw new Sfu.Refused(400, "kind: publish or play");
            };
        } catch (Sfu.Refused e) {
            return refuse(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return refuse(400, e.getMessage());
        } catch (CompletionException e) {
            Sfu.Refused r = e.getCause() instanceof IllegalArgumentException bad ? new Sfu.Refused(400, bad.getMessage())
                    : Sfu.refusal(e);
            return refuse(r.status(), r.getMessage());
        }
        String home = offer.from();
        s.live().whenComplete((v, e) -> {
            if (e == null) {
                link.send(home, new NodeMessage.SfuEvent(s.id(), true, null));
            }
        });
        s.ended().whenComplete((reason, e) -> link.send(home, new NodeMessage.SfuEvent(s.id(), false,
                e == null ? reason : String.valueOf(e))));
        return new Reply(200, SignalingJson.write(new RemoteSfus.Answer(s.id(), s.answerSdp())));
    }

    private static Reply refuse(int status, String message) {
        return new Reply(status, SignalingJson.write(new RemoteSfus.Refusal(status, message)));
    }
}
