// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NONCE values (RFC 8489 §9.2) that the server does not store: each one is its own proof.
 *
 * <pre>
 * nonce = base64url( expiry (4 bytes, Unix seconds) || HMAC-SHA256(key, expiry || client IP || client port)[0..12) )
 * </pre>
 *
 * <p>A spoofed-source flood of Allocate requests therefore costs the server one HMAC per request
 * and no memory (SPECS: "stateless nonces"); a nonce issued to one client address does not work
 * from another; an expired one is answered with 438 (Stale Nonce) and a fresh one, as §9.2.4
 * asks. The key is random per process: after a restart clients see one 438 and carry on. The
 * value is 22 characters of the base64url alphabet, all allowed in a NONCE's quoted-string
 * (§14.10), and carries none of §9.2's "obMatJos2" security-feature cookie: this server offers
 * neither PASSWORD-ALGORITHMS nor USERHASH, so RFC 5389 clients and RFC 8489 clients behave
 * the same.
 */
public final class StatelessNonces {
    private static final int MAC_BYTES = 12;
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(StatelessNonces::newMac);

    private final long lifetimeSeconds;
    private final SecretKeySpec keySpec;

    /** Verdict on a nonce a client sent back. */
    public enum Check { VALID, STALE, INVALID }

    public StatelessNonces(RandomGenerator random, Duration lifetime) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.keySpec = new SecretKeySpec(key, "HmacSHA256");
        this.lifetimeSeconds = Math.max(1, lifetime.toSeconds());
    }

    /** A nonce for this client, valid for the configured lifetime from {@code nowMillis}. */
    public String issue(InetSocketAddress client, long nowMillis) {
        long expiry = nowMillis / 1000 + lifetimeSeconds;
        byte[] value = new byte[4 + MAC_BYTES];
        putInt(value, (int) expiry);
        System.arraycopy(mac(value, client), 0, value, 4, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** Whether this client may use this nonce at {@code nowMillis}. */
    public Check check(String nonce, InetSocketAddress client, long nowMillis) {
        byte[] value;
        try {
            value = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (value.length != 4 + MAC_BYTES) {
            return Check.INVALID;
        }
        byte[] expected = mac(value, client);
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES),
                Arrays.copyOfRange(value, 4, 4 + MAC_BYTES))) {
            return Check.INVALID;
        }
        long expiry = getInt(value) & 0xFFFF_FFFFL;
        return nowMillis / 1000 < expiry ? Check.VALID : Check.STALE;
    }

    private byte[] mac(byte[] value, InetSocketAddress client) {
        Mac mac = MACS.get();
        try {
            mac.init(keySpec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 refused a 32-byte key", e);
        }
        mac.update(value, 0, 4);
        mac.update(client.getAddress().getAddress());
        mac.update((byte) (client.getPort() >>> 8));
        mac.update((byte) client.getPort());
        return mac.doFinal();
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256 (javax.crypto.Mac javadoc).
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static void putInt(byte[] b, int v) {
        b[0] = (byte) (v >>> 24);
        b[1] = (byte) (v >>> 16);
        b[2] = (byte) (v >>> 8);
        b[3] = (byte) v;
    }

    private static int getInt(byte[] b) {
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }
}
