// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a reused {@code MessageDigest}, for SRTP's default authentication
 * transform (RFC 3711 §4.2.1).
 *
 * <p>Why not {@code javax.crypto.Mac}: {@code Mac.doFinal(byte[], int)} allocates the MAC array
 * on every call (40 B per packet measured). {@code MessageDigest.digest(byte[], int, int)} writes
 * into ours, and SunJCE's SHA-1 intrinsic is the same either way. The cost is the same two extra
 * compressions (ipad, opad blocks) that {@code HmacCore} also pays per message.
 *
 * <p>Not thread-safe: one instance per context.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];
    private final byte[] word = new byte[4];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC keys longer than the block are hashed first; SRTP's are 20 octets");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JDK", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
    }

    /** Starts a MAC: H(K XOR ipad || ... */
    void start() {
        sha1.reset();
        sha1.update(ipad);
    }

    void update(byte[] data, int off, int len) {
        sha1.update(data, off, len);
    }

    /** Appends a 32-bit big-endian value (the ROC of RFC 3711 §4.2). */
    void updateInt(int value) {
        word[0] = (byte) (value >>> 24);
        word[1] = (byte) (value >>> 16);
        word[2] = (byte) (value >>> 8);
        word[3] = (byte) value;
        sha1.update(word, 0, 4);
    }

    /** Finishes into {@code out[off, off+20)}. */
    void finish(byte[] out, int off) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(opad);
            sha1.update(inner);
            sha1.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("output arrays hold 20 octets", e);
        }
    }
}
