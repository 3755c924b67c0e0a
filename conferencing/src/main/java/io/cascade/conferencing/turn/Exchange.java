// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunAttribute;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.netty.buffer.Unpooled;

/**
 * One request being answered: the decoded request, the link it came on, the time it is handled
 * at and, once authenticated, the credential that protects the answer.
 *
 * <p>Answers to authenticated requests carry the integrity attribute the request used
 * (MESSAGE-INTEGRITY, or MESSAGE-INTEGRITY-SHA256: RFC 8489 §9.2.4 has the response use the same
 * one) keyed with the request's key; every answer ends with FINGERPRINT.
 */
final class Exchange {
    final StunMessage request;
    final ClientLink link;
    final long nowMillis;
    final TurnCounters counters;
    private Credential credential;

    /** The authenticated username, its long-term key and which integrity attribute was used. */
    record Credential(String username, byte[] key, boolean sha256) {}

    Exchange(StunMessage request, ClientLink link, long nowMillis, TurnCounters counters) {
        this.request = request;
        this.link = link;
        this.nowMillis = nowMillis;
        this.counters = counters;
    }

    void authenticated(Credential value) {
        this.credential = value;
    }

    Credential credential() {
        return credential;
    }

    /** Sends a success response with these attributes. */
    void succeed(StunAttribute... attributes) {
        StunMessageBuilder builder = StunMessageBuilder.successResponse(request);
        for (StunAttribute attribute : attributes) {
            builder.add(attribute);
        }
        send(builder);
    }

    /** Sends an error response with these attributes after ERROR-CODE. */
    void fail(StunError error, StunAttribute... attributes) {
        StunMessageBuilder builder = StunMessageBuilder.errorResponse(request, error);
        for (StunAttribute attribute : attributes) {
            builder.add(attribute);
        }
        counters.increment(error == StunError.UNAUTHENTICATED ? TurnCounter.CHALLENGES_SENT : TurnCounter.ERRORS_SENT);
        send(builder);
    }

    /** Adds integrity (when authenticated) and FINGERPRINT, encodes and queues the answer. */
    byte[] send(StunMessageBuilder builder) {
        if (credential != null) {
            if (credential.sha256()) {
                builder.messageIntegritySha256(credential.key());
            } else {
                builder.messageIntegrity(credential.key());
            }
        }
        byte[] encoded = builder.fingerprint().encode();
        link.send(Unpooled.wrappedBuffer(encoded));
        return encoded;
    }
}
