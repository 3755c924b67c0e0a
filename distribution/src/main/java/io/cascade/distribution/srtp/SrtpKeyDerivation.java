// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * Session-key derivation with the AES-CM PRF (RFC 3711 §4.3.1 - §4.3.3), used unchanged by
 * AES-GCM (RFC 7714 §11).
 *
 * <p>{@code key_id = label || r} with {@code r = index DIV key_derivation_rate}; DTLS-SRTP
 * signals no key derivation rate, so it is the default 0 and {@code r} is 0 (§4.3.1): the
 * session keys are derived once per master key. {@code x = key_id XOR master_salt}, the 56-bit
 * key_id aligned to the low end of the 112-bit salt, puts the label at octet 7. The PRF output is
 * the AES-CM keystream of the master key with IV {@code x * 2^16} (§4.3.3). RFC 7714's 96-bit
 * salt is placed in the high 96 bits of that 112-bit field, zero-padded below, as libsrtp and the
 * browsers do; {@code JitsiInteropTest} checks that against an independent implementation.
 */
final class SrtpKeyDerivation {
    /** §4.3.1 labels for SRTP and §4.3.2 for SRTCP. */
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTHENTICATION = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTHENTICATION = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    private static final int LABEL_OCTET = 7;
    private static final int MAX_SALT = 14;

    private SrtpKeyDerivation() {
    }

    /** {@code length} octets of PRF output for {@code label} (§4.3.1, with r = 0). */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > MAX_SALT) {
            throw new IllegalArgumentException("master salt longer than 112 bits");
        }
        byte[] iv = new byte[AesCmKeystream.BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[LABEL_OCTET] ^= (byte) label;
        byte[] out = new byte[length];
        new AesCmKeystream(masterKey).xor(iv, out, 0, length);
        return out;
    }

    /** The SRTP session keys of {@code master} under {@code profile}. */
    static SessionKeys rtp(SrtpProfile profile, SrtpMasterKey master) {
        return keys(profile, master, LABEL_RTP_ENCRYPTION, LABEL_RTP_AUTHENTICATION, LABEL_RTP_SALT);
    }

    /** The SRTCP session keys of {@code master} under {@code profile}. */
    static SessionKeys rtcp(SrtpProfile profile, SrtpMasterKey master) {
        return keys(profile, master, LABEL_RTCP_ENCRYPTION, LABEL_RTCP_AUTHENTICATION, LABEL_RTCP_SALT);
    }

    private static SessionKeys keys(SrtpProfile profile, SrtpMasterKey master, int cipherLabel, int authLabel,
            int saltLabel) {
        byte[] cipherKey = derive(master.key(), master.salt(), cipherLabel, SrtpProfile.KEY_LENGTH);
        byte[] authKey = profile.aead() ? new byte[0]
                : derive(master.key(), master.salt(), authLabel, SrtpProfile.AUTH_KEY_LENGTH);
        byte[] salt = derive(master.key(), master.salt(), saltLabel, profile.saltLength());
        return new SessionKeys(cipherKey, authKey, salt);
    }
}
