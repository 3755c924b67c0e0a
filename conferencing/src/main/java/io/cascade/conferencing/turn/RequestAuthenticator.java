// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.MessageIntegrity;
import io.cascade.distribution.stun.MessageIntegritySha256;
import io.cascade.distribution.stun.Nonce;
import io.cascade.distribution.stun.PasswordAlgorithm;
import io.cascade.distribution.stun.Realm;
import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.StunIntegrity;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.Username;
import java.util.Arrays;
import java.util.Optional;

/**
 * The long-term credential mechanism on the server side (RFC 8489 §9.2.4), which RFC 8656 §5
 * requires for every TURN request. Steps, in the RFC's order:
 *
 * <ol>
 *   <li>No MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256: 401 with REALM and NONCE.
 *   <li>Integrity present but USERNAME, REALM or NONCE missing: 400.
 *   <li>NONCE no longer valid: 438 (Stale Nonce) with a fresh NONCE and REALM.
 *   <li>Unknown USERNAME (or expired REST credentials): 401 with REALM and NONCE.
 *   <li>Integrity value wrong: 401 with REALM and NONCE.
 * </ol>
 *
 * <p>None of these answers carries integrity (no key is agreed), and all of them go through the
 * per-source {@link SourceRateLimiter}: over its rate the request is dropped unanswered. With
 * both integrity attributes present, MESSAGE-INTEGRITY-SHA256 is the one checked (§14.6). A
 * PASSWORD-ALGORITHM other than MD5 is 400: this server never offers PASSWORD-ALGORITHMS, so a
 * client has no business choosing one (§9.2.4). One instance per event loop.
 */
final class RequestAuthenticator {
    private final TurnContext context;
    private final SourceRateLimiter limiter;

    RequestAuthenticator(TurnContext context) {
        this.context = context;
        this.limiter = new SourceRateLimiter(context.config.unauthenticatedPerSecond());
    }

    /**
     * Authenticates the exchange's request; on success records the credential in it and returns
     * true. On failure it has answered (or dropped) already and returns false. {@code existing} is
     * the 5-tuple's allocation, whose key is reused when the username is the same.
     */
    boolean authenticate(Exchange ex, Allocation existing) {
        StunMessage request = ex.request;
        boolean sha256 = request.contains(MessageIntegritySha256.TYPE);
        if (!sha256 && !request.contains(MessageIntegrity.TYPE)) {
            return challenge(ex, StunError.UNAUTHENTICATED); // step 1
        }
        Optional<Username> username = request.find(Username.class);
        Optional<Nonce> nonce = request.find(Nonce.class);
        if (username.isEmpty() || request.find(Realm.class).isEmpty() || nonce.isEmpty()) {
            return refuse(ex, StunError.BAD_REQUEST); // step 2
        }
        Optional<PasswordAlgorithm> algorithm = request.find(PasswordAlgorithm.class);
        if (algorithm.isPresent() && algorithm.get().algorithm() != PasswordAlgorithm.MD5) {
            return refuse(ex, StunError.BAD_REQUEST);
        }
        StatelessNonces.Check check = context.nonces.check(nonce.get().value(), ex.link.client(), ex.nowMillis);
        if (check != StatelessNonces.Check.VALID) {
            return challenge(ex, StunError.STALE_NONCE); // step 3
        }
        String name = username.get().value();
        byte[] key = keyFor(name, existing);
        if (key == null) {
            return challenge(ex, StunError.UNAUTHENTICATED); // step 4
        }
        boolean valid = sha256 ? StunIntegrity.verifyMessageIntegritySha256(request, key, 16)
                : StunIntegrity.verifyMessageIntegrity(request, key);
        if (!valid) {
            return challenge(ex, StunError.UNAUTHENTICATED); // step 5
        }
        ex.authenticated(new Exchange.Credential(name, key, sha256));
        return true;
    }

    /** The allocation's key when the username matches and is still valid, else a fresh lookup. */
    private byte[] keyFor(String name, Allocation existing) {
        if (existing != null && existing.username.equals(name)) {
            return context.credentials.stillValid(name) ? Arrays.copyOf(existing.key, existing.key.length) : null;
        }
        return context.credentials.key(name);
    }

    /** 401 or 438 with REALM and a fresh NONCE, if the source's rate allows. */
    private boolean challenge(Exchange ex, StunError error) {
        if (allowed(ex)) {
            ex.fail(error, new Realm(context.credentials.realm()),
                    new Nonce(context.nonces.issue(ex.link.client(), ex.nowMillis)));
        }
        return false;
    }

    private boolean refuse(Exchange ex, StunError error) {
        if (allowed(ex)) {
            ex.fail(error);
        }
        return false;
    }

    private boolean allowed(Exchange ex) {
        if (limiter.tryAcquire(ex.link.client().getAddress(), ex.nowMillis)) {
            return true;
        }
        ex.counters.increment(TurnCounter.DROPPED_RATE_LIMITED);
        return false;
    }
}
