// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Stream keys: 24 random octets (192 bits) in unpadded base64url, 32 characters, usable in RTMP
 * paths, SRT stream ids and URLs as they are. Only their SHA-256 is kept.
 */
final class StreamKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamKey() {
    }

    static String generate() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** A short, non-reversible label for logs: the first 8 hex digits of the hash. */
    static String label(String key) {
        return hex(hash(key)).substring(0, 8);
    }
}
