// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks playback tokens: {@code <expiry>.<mac>}, where expiry is Unix seconds and mac
 * is the unpadded base64url HMAC-SHA256 (RFC 2104) of {@code "<broadcastId>\n<expiry>"} under
 * the shared secret. The token names one broadcast, so it cannot open another; it carries no
 * viewer identity. Comparison is constant-time; time comes from the injected clock.
 */
public final class PlaybackTokens {
    /** At least 256 bits of key, the HMAC-SHA256 block's worth of security (RFC 2104 §3). */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What checking a token found. */
    public enum Verdict {
        VALID,
        /** No token given: HTTP 401. */
        MISSING,
        /** Malformed, signed for something else, or forged: HTTP 403. */
        INVALID,
        /** Correctly signed but past its expiry: HTTP 403. */
        EXPIRED
    }

    private final SecretKeySpec key;
    private final InstantSource clock;

    /** @throws IllegalArgumentException a secret shorter than {@value #MIN_SECRET_BYTES} bytes */
    public PlaybackTokens(String secret, InstantSource clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a playback token secret needs at least " + MIN_SECRET_BYTES
                    + " bytes, has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.clock = clock;
    }

    /** A token for {@code broadcastId} valid for {@code ttl} from now. */
    public String mint(String broadcastId, Duration ttl) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        return expiry + "." + B64.encodeToString(mac(broadcastId, expiry));
    }

    public Verdict check(String broadcastId, String token) {
        if (token == null || token.isEmpty()) {
            return Verdict.MISSING;
        }
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_LENGTH || dot < 1 || dot > 12) {
            return Verdict.INVALID;
        }
        long expiry;
        byte[] given;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (expiry < 0 || !MessageDigest.isEqual(mac(broadcastId, expiry), given)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < expiry ? Verdict.VALID : Verdict.EXPIRED;
    }

    private byte[] mac(String broadcastId, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((broadcastId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
