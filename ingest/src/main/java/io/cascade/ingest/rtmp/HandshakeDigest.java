// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 digests of the Flash Player 9 ("complex") handshake, which the Adobe RTMP
 * 1.0 specification does not describe but FFmpeg, librtmp and Flash clients may use: a 32-byte
 * digest hidden in the 1536-byte C1/S1 at an offset derived from four other bytes, and an S2
 * whose last 32 bytes sign the rest with a key derived from the client's digest.
 *
 * <p>Two layouts ("schemes") exist. In scheme 0 the offset is the sum of bytes 8..11 modulo
 * 728, plus 12; in scheme 1 it is the sum of bytes 772..775 modulo 728, plus 776. The digest is
 * HMAC-SHA256 over the packet without those 32 bytes. Clients key theirs with the 30-byte
 * "Genuine Adobe Flash Player 001"; servers with the 36-byte "Genuine Adobe Flash Media Server
 * 001". S2's signature key is HMAC-SHA256 of the client digest under the 68-byte server key
 * (those 36 bytes and 32 more below).
 */
final class HandshakeDigest {
    static final int PACKET = 1536;
    static final int DIGEST = 32;
    private static final byte[] TAIL = {
        (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, 0x4A, (byte) 0x80, 0x68, (byte) 0xBE, (byte) 0xE8,
        0x2E, 0x00, (byte) 0xD0, (byte) 0xD1, 0x02, (byte) 0x9E, 0x7E, 0x57,
        0x6E, (byte) 0xEC, 0x5D, 0x2D, 0x29, (byte) 0x80, 0x6F, (byte) 0xAB,
        (byte) 0x93, (byte) 0xB8, (byte) 0xE6, 0x36, (byte) 0xCF, (byte) 0xEB, 0x31, (byte) 0xAE,
    };
    /** "Genuine Adobe Flash Player 001": the key of client digests. */
    static final byte[] CLIENT_KEY = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
    /** "Genuine Adobe Flash Media Server 001": the key of server digests. */
    static final byte[] SERVER_KEY = "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);
    /** The server key followed by the 32 constant bytes: the key of the S2 signature key. */
    static final byte[] SERVER_FULL_KEY = concat(SERVER_KEY, TAIL);

    private HandshakeDigest() {
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * Loads and initialises HMAC-SHA256 once, so the first client's handshake does not pay for
     * provider start-up (hundreds of milliseconds in a cold JVM, against a handshake timeout).
     */
    static void warmUp() {
        hmac(SERVER_KEY).doFinal(TAIL);
    }

    /** Where the digest sits in {@code packet} for {@code scheme} 0 or 1. */
    static int offset(byte[] packet, int scheme) {
        int base = scheme == 0 ? 8 : 772;
        int sum = (packet[base] & 0xFF) + (packet[base + 1] & 0xFF) + (packet[base + 2] & 0xFF) + (packet[base + 3] & 0xFF);
        return sum % 728 + base + 4;
    }

    /** The digest of {@code packet} without the 32 bytes at {@code offset}. */
    static byte[] compute(byte[] packet, int offset, byte[] key) {
        Mac mac = hmac(key);
        mac.update(packet, 0, offset);
        mac.update(packet, offset + DIGEST, PACKET - offset - DIGEST);
        return mac.doFinal();
    }

    /**
     * Finds the client digest in C1.
     *
     * @return the scheme (0 or 1) whose digest verifies, or -1 when neither does
     */
    static int findClientScheme(byte[] c1) {
        for (int scheme = 0; scheme <= 1; scheme++) {
            int offset = offset(c1, scheme);
            byte[] expected = compute(c1, offset, CLIENT_KEY);
            if (MessageDigest.isEqual(expected, Arrays.copyOfRange(c1, offset, offset + DIGEST))) {
                return scheme;
            }
        }
        return -1;
    }

    /** Writes the server digest into {@code s1} for {@code scheme}. */
    static void sign(byte[] s1, int scheme) {
        int offset = offset(s1, scheme);
        System.arraycopy(compute(s1, offset, SERVER_KEY), 0, s1, offset, DIGEST);
    }

    /** Signs {@code s2} in place: its last 32 bytes, keyed by the client's C1 digest. */
    static void signResponse(byte[] s2, byte[] clientDigest) {
        byte[] key = hmac(SERVER_FULL_KEY).doFinal(clientDigest);
        Mac mac = hmac(key);
        mac.update(s2, 0, PACKET - DIGEST);
        System.arraycopy(mac.doFinal(), 0, s2, PACKET - DIGEST, DIGEST);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
