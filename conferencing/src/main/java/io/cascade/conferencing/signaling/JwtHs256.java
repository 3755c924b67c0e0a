// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.conferencing.users.UserNames;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a compact JWS (RFC 7515 §7.1) carrying a JWT (RFC 7519) signed with HMAC-SHA256
 * (RFC 7518 §3.2), and returns its subject.
 *
 * <ul>
 *   <li>The header's {@code alg} must be exactly {@code HS256}: never "none", never another
 *       algorithm (RFC 8725 §3.1, the algorithm-confusion attacks); {@code crit} is refused
 *       (RFC 7515 §4.1.11: we understand no extension).
 *   <li>The signature is compared in constant time before any claim is read.
 *   <li>{@code exp} is required and must be in the future; {@code nbf}, when present, in the past;
 *       both with {@link #LEEWAY_SECONDS} of clock skew (RFC 7519 §4.1.4-5).
 *   <li>{@code sub} is required and must be a valid user name.
 * </ul>
 */
final class JwtHs256 {
    static final long LEEWAY_SECONDS = 30;
    private static final int MAX_TOKEN = 4096;

    private final SecretKeySpec key;
    private final InstantSource clock;

    JwtHs256(byte[] secret, InstantSource clock) {
        if (secret.length < 32) {
            // RFC 7518 §3.2: a key of the same size as the hash output or larger
            throw new IllegalArgumentException("JWT HS256 secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    String subject(String token) {
        if (token.length() > MAX_TOKEN) {
            throw fail("token too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw fail("not a compact JWS");
        }
        JsonNode header = json(parts[0], "header");
        if (!"HS256".equals(header.path("alg").asText()) || header.has("crit")) {
            throw fail("alg must be HS256");
        }
        byte[] signature = decode(parts[2], "signature");
        if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), signature)) {
            throw fail("bad signature");
        }
        JsonNode claims = json(parts[1], "claims");
        long now = clock.millis() / 1000;
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || now > exp.asLong() + LEEWAY_SECONDS) {
            throw fail("expired or no exp");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || now + LEEWAY_SECONDS < nbf.asLong())) {
            throw fail("not valid yet");
        }
        String sub = claims.path("sub").asText(null);
        if (!UserNames.valid(sub)) {
            throw fail("sub must be a user name");
        }
        return sub;
    }

    /** Signs {@code header.claims} (tests and tools mint tokens with it). */
    String mint(String headerJson, String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(sign(input));
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode n = SignalingJson.mapper().readTree(decode(part, what));
            if (n == null || !n.isObject()) {
                throw fail(what + " is not a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            throw fail(what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw fail(what + " is not base64url");
        }
    }

    private static SignalingException fail(String why) {
        return new SignalingException(ErrorCode.AUTH_FAILED, "JWT refused: " + why);
    }
}
