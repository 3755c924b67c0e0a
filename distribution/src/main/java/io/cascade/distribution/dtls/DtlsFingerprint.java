// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate fingerprint as carried by SDP's {@code a=fingerprint} (RFC 8122 §5):
 * {@code hash-func SP fingerprint}, where the fingerprint is the hash of the DER certificate as
 * upper-case hex pairs joined by colons. Only the SHA-2 functions are accepted: RFC 8122 §5 keeps
 * "sha-1" and "md5" for old peers, but RFC 8842 §5 requires a fingerprint with a hash function at
 * least as strong as SHA-256, and every browser sends sha-256.
 *
 * <p>{@link #matches} compares in constant time, so a peer probing with guessed fingerprints
 * learns nothing from timing.
 */
public final class DtlsFingerprint {

    /** Hash functions from the IANA "Hash Function Textual Names" registry that we accept. */
    public enum HashFunction {
        SHA_256("sha-256", "SHA-256", 32),
        SHA_384("sha-384", "SHA-384", 48),
        SHA_512("sha-512", "SHA-512", 64);

        private final String sdpName;
        private final String jcaName;
        private final int length;

        HashFunction(String sdpName, String jcaName, int length) {
            this.sdpName = sdpName;
            this.jcaName = jcaName;
            this.length = length;
        }

        /** @return the textual name used in SDP, e.g. {@code sha-256} */
        public String sdpName() {
            return sdpName;
        }

        byte[] digest(byte[] der) {
            try {
                return MessageDigest.getInstance(jcaName).digest(der);
            } catch (NoSuchAlgorithmException e) {
                // SHA-2 is mandatory in every Java platform (java.security.MessageDigest javadoc).
                throw new IllegalStateException(jcaName + " missing from the JDK", e);
            }
        }

        static HashFunction fromSdpName(String name) {
            // RFC 8122 §5: hash-func is case-insensitive ("SHA-256" appears in the wild).
            String lower = name.toLowerCase(Locale.ROOT);
            for (HashFunction f : values()) {
                if (f.sdpName.equals(lower)) {
                    return f;
                }
            }
            throw new DtlsFingerprintFormatException("hash-func", "unsupported: " + name);
        }
    }

    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final HashFunction hashFunction;
    private final byte[] value;

    private DtlsFingerprint(HashFunction hashFunction, byte[] value) {
        this.hashFunction = hashFunction;
        this.value = value;
    }

    /** @return the fingerprint of a DER-encoded certificate under {@code hashFunction} */
    public static DtlsFingerprint of(HashFunction hashFunction, byte[] derCertificate) {
        return new DtlsFingerprint(hashFunction, hashFunction.digest(derCertificate));
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute (without the {@code a=fingerprint:}
     * prefix), e.g. {@code sha-256 AB:CD:...}.
     *
     * @throws DtlsFingerprintFormatException naming the field that is wrong
     */
    public static DtlsFingerprint parse(String attributeValue) {
        String trimmed = attributeValue.strip();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            throw new DtlsFingerprintFormatException("hash-func", "missing separator");
        }
        HashFunction f = HashFunction.fromSdpName(trimmed.substring(0, space));
        String hex = trimmed.substring(space + 1).strip();
        // Exact length first: 2 hex digits per byte plus a colon between bytes (RFC 8122 §5).
        if (hex.length() != f.length * 3 - 1) {
            throw new DtlsFingerprintFormatException("fingerprint",
                    "expected " + f.length + " bytes for " + f.sdpName);
        }
        try {
            return new DtlsFingerprint(f, HEX.parseHex(hex.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new DtlsFingerprintFormatException("fingerprint", "not colon-separated hex");
        }
    }

    /** @return the hash function */
    public HashFunction hashFunction() {
        return hashFunction;
    }

    /** @return a copy of the hash bytes */
    public byte[] value() {
        return value.clone();
    }

    /**
     * Constant-time comparison (MessageDigest.isEqual does not stop at the first difference).
     *
     * @return whether {@code other} has the same hash function and value
     */
    public boolean matches(DtlsFingerprint other) {
        return hashFunction == other.hashFunction && MessageDigest.isEqual(value, other.value);
    }

    /** @return whether the DER certificate hashes to this fingerprint, in constant time */
    public boolean matchesCertificate(byte[] derCertificate) {
        return matches(of(hashFunction, derCertificate));
    }

    /** @return the SDP form, {@code sha-256 AB:CD:...} */
    public String toSdp() {
        return hashFunction.sdpName + " " + HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsFingerprint other && matches(other);
    }

    @Override
    public int hashCode() {
        return 31 * hashFunction.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
