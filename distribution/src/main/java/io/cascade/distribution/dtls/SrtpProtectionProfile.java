// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.util.Optional;

/**
 * The DTLS-SRTP protection profiles we negotiate in use_srtp (RFC 5764 §4.1.2, IANA "DTLS-SRTP
 * Protection Profiles"), in our order of preference, with the master key and salt lengths that
 * size the exported keying material (RFC 5764 §4.2).
 */
public enum SrtpProtectionProfile {
    /** RFC 7714 §14.2: AEAD_AES_128_GCM, 128-bit master key, 96-bit master salt (§12). */
    AEAD_AES_128_GCM(0x0007, 16, 12),
    /** RFC 5764 §4.1.2: AES-128 counter mode, HMAC-SHA1 80-bit tag, 112-bit master salt. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14);

    private final int code;
    private final int masterKeyLength;
    private final int masterSaltLength;

    SrtpProtectionProfile(int code, int masterKeyLength, int masterSaltLength) {
        this.code = code;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
    }

    /** @return the two-byte SRTPProtectionProfile value on the wire */
    public int code() {
        return code;
    }

    /** @return master key length in bytes */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /** @return master salt length in bytes */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** @return bytes to export: client and server key, then client and server salt (§4.2) */
    public int keyingMaterialLength() {
        return 2 * (masterKeyLength + masterSaltLength);
    }

    /** @return the profile with this wire value, empty for those we do not support */
    public static Optional<SrtpProtectionProfile> fromCode(int code) {
        for (SrtpProtectionProfile p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Picks our most preferred profile among those the client offered (RFC 5764 §4.1.1: the server
     * chooses one profile from the client's list).
     *
     * @return empty when none of the offered values is one we support
     */
    static Optional<SrtpProtectionProfile> select(int[] offered) {
        for (SrtpProtectionProfile p : values()) {
            for (int code : offered) {
                if (code == p.code) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
