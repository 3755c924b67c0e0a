// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.TurnRestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the long-term key (RFC 8489 §9.2.2: {@code MD5(username ":" realm ":" password)}) for a
 * USERNAME, from two sources:
 *
 * <ul>
 *   <li>TURN REST API ephemeral credentials (draft-uberti-behave-turn-rest-00): a username that
 *       starts with an expiry ({@code 1767225600:alice}) gets the password
 *       {@code base64(HMAC-SHA1(secret, username))}, until the expiry passes;
 *   <li>static users from the configuration, whose keys are derived once here.
 * </ul>
 *
 * <p>A username that looks like a REST one is never looked up among the static users, so a static
 * user cannot shadow, or be shadowed by, an ephemeral one. Thread-safe (immutable after
 * construction; {@link TurnRestCredentials} is stateless).
 */
public final class LongTermCredentials {
    private final String realm;
    private final Map<String, byte[]> staticKeys;
    private final TurnRestCredentials rest;
    private final InstantSource clock;

    public LongTermCredentials(String realm, Map<String, String> users, Optional<String> sharedSecret,
            InstantSource clock) {
        this.realm = realm;
        this.clock = clock;
        Map<String, byte[]> keys = new HashMap<>();
        users.forEach((name, password) -> keys.put(name, StunCredentials.longTermKey(name, realm, password)));
        this.staticKeys = Map.copyOf(keys);
        this.rest = sharedSecret
                .map(s -> new TurnRestCredentials(s.getBytes(StandardCharsets.UTF_8), clock))
                .orElse(null);
    }

    public String realm() {
        return realm;
    }

    /** The REST credential issuer, when a shared secret is configured. */
    public Optional<TurnRestCredentials> rest() {
        return Optional.ofNullable(rest);
    }

    /**
     * The key for {@code username}, or null when the user is unknown or its REST credentials have
     * expired. A new array each call; callers may keep it.
     */
    public byte[] key(String username) {
        if (TurnRestCredentials.expiry(username).isPresent()) {
            if (rest == null) {
                return null;
            }
            return rest.passwordIfUnexpired(username)
                    .map(password -> StunCredentials.longTermKey(username, realm, password))
                    .orElse(null);
        }
        byte[] key = staticKeys.get(username);
        return key == null ? null : key.clone();
    }

    /**
     * Whom quotas count against (RFC 8656 §7.2 step 10): the user part of a REST username
     * ({@code 1767225600:alice} counts as {@code alice}, whatever expiry she fetched), otherwise
     * the username itself. Without this, fetching fresh credentials would reset the quota.
     */
    public static String quotaKey(String username) {
        int colon = username.indexOf(':');
        return colon >= 0 && TurnRestCredentials.expiry(username).isPresent() ? username.substring(colon + 1) : username;
    }

    /** Whether a key found earlier for {@code username} is still good (REST expiry). */
    public boolean stillValid(String username) {
        Optional<Instant> expiry = TurnRestCredentials.expiry(username);
        if (expiry.isEmpty()) {
            return staticKeys.containsKey(username);
        }
        return rest != null && clock.instant().isBefore(expiry.get());
    }
}
