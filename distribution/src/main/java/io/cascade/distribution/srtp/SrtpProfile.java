// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * The SRTP protection profiles this package implements, with their DTLS-SRTP codes (RFC 5764
 * §4.1.2 for the AES-CM profiles, RFC 7714 §14.2 for AES-GCM) and transform parameters.
 *
 * <p>All three use a 128-bit AES master key and session key. The HMAC profiles take a 112-bit
 * master salt and a 160-bit HMAC-SHA1 session key; SRTCP always carries an 80-bit tag (RFC 5764
 * §4.1.2 lists {@code SRTCP_auth_tag_length} 80 for both). AES-GCM takes a 96-bit salt and a
 * 128-bit tag for SRTP and SRTCP (RFC 7714 §12, §14.2).
 */
public enum SrtpProfile {
    /** SRTP_AES128_CM_HMAC_SHA1_80 {0x00,0x01}: AES-CM, HMAC-SHA1 truncated to 80 bits. */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 14, 10, 10),
    /** SRTP_AES128_CM_HMAC_SHA1_32 {0x00,0x02}: as above with a 32-bit SRTP tag (SRTCP keeps 80). */
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 14, 4, 10),
    /** SRTP_AEAD_AES_128_GCM {0x00,0x07}: AES-GCM with a 16-octet tag (RFC 7714). */
    SRTP_AEAD_AES_128_GCM(0x0007, 12, 16, 16);

    /** Master and session cipher key length in octets (AES-128). */
    public static final int KEY_LENGTH = 16;
    /** HMAC-SHA1 session authentication key length in octets (RFC 3711 §8.2: n_a = 160). */
    static final int AUTH_KEY_LENGTH = 20;
    /** The E flag and 31-bit SRTCP index that every SRTCP packet carries (RFC 3711 §3.4). */
    static final int SRTCP_INDEX_LENGTH = 4;
    /**
     * The most octets {@code protect} appends to any RTP or RTCP packet under any profile
     * (SRTCP with AES-GCM: 16-octet tag plus the 4-octet E flag and index). Buffers handed to a
     * send context need this much writable tailroom.
     */
    public static final int MAX_OVERHEAD = 20;

    private final int code;
    private final int saltLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int code, int saltLength, int rtpTagLength, int rtcpTagLength) {
        this.code = code;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
    }

    /** The profile for a DTLS-SRTP protection profile code. */
    public static SrtpProfile fromCode(int code) {
        for (SrtpProfile profile : values()) {
            if (profile.code == code) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unsupported SRTP protection profile 0x%04x".formatted(code));
    }

    /** The two-octet SRTPProtectionProfile value of the use_srtp extension. */
    public int code() {
        return code;
    }

    /** Whether this is an AEAD profile (RFC 7714) rather than AES-CM with HMAC-SHA1. */
    public boolean aead() {
        return this == SRTP_AEAD_AES_128_GCM;
    }

    /** Master and session salt length in octets. */
    public int saltLength() {
        return saltLength;
    }

    /** Octets {@code protect} appends to an RTP packet: the SRTP authentication tag. */
    public int rtpOverhead() {
        return rtpTagLength;
    }

    /** Octets {@code protectRtcp} appends to an RTCP packet: E flag, SRTCP index and tag. */
    public int rtcpOverhead() {
        return SRTCP_INDEX_LENGTH + rtcpTagLength;
    }

    int rtcpTagLength() {
        return rtcpTagLength;
    }

    /**
     * Length of the keying material to export from DTLS for this profile (RFC 5764 §4.2): two
     * master keys and two master salts.
     */
    public int keyingMaterialLength() {
        return 2 * (KEY_LENGTH + saltLength);
    }
}
