// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stream keys are secrets: compare them in constant time and log only a fingerprint.
 */
public final class StreamKeys {
    private static final int FINGERPRINT_HEX = 8;

    private StreamKeys() {
    }

    /**
     * Whether {@code presented} equals {@code expected}, comparing the UTF-8 bytes with
     * {@link MessageDigest#isEqual}, whose running time depends only on the length of its
     * first argument: the presented key, which the client already knows. A null never matches.
     */
    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A short, non-reversible tag for logs: {@code "sha256:"} and the first 8 hex digits of the
     * SHA-256 of the key's UTF-8 bytes. Enough to tell streams apart in a log, useless for
     * publishing.
     */
    public static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
