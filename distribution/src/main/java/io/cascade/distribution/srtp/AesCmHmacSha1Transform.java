// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * AES_128_CM encryption with HMAC-SHA1 authentication (RFC 3711 §4.1.1, §4.2.1): the
 * SRTP_AES128_CM_HMAC_SHA1_80 and _32 profiles.
 *
 * <p>SRTP (§3.1, §4.2): {@code header || E(payload) || tag}, where the tag is HMAC-SHA1 over the
 * header, the encrypted payload and the 32-bit ROC, truncated to 80 or 32 bits. SRTCP (§3.4):
 * {@code header(8) || E(rest) || E-flag|index || tag(80)}, the tag over everything before it.
 * The IV is {@code (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)} with {@code i} the SRTP packet
 * index or the SRTCP index (§4.1.1). No MKI: DTLS-SRTP as browsers use it has none.
 */
final class AesCmHmacSha1Transform implements SrtpTransform {
    private static final int RTCP_HEADER = 8;

    private final AesCmKeystream rtpCipher;
    private final AesCmKeystream rtcpCipher;
    private final HmacSha1 rtpMac;
    private final HmacSha1 rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTag;
    private final int rtcpTag;
    private final byte[] iv = new byte[AesCmKeystream.BLOCK];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    AesCmHmacSha1Transform(SrtpProfile profile, SessionKeys rtp, SessionKeys rtcp) {
        rtpCipher = new AesCmKeystream(rtp.cipherKey());
        rtcpCipher = new AesCmKeystream(rtcp.cipherKey());
        rtpMac = new HmacSha1(rtp.authKey());
        rtcpMac = new HmacSha1(rtcp.authKey());
        rtpSalt = rtp.salt().clone();
        rtcpSalt = rtcp.salt().clone();
        rtpTag = profile.rtpOverhead();
        rtcpTag = profile.rtcpTagLength();
    }

    @Override
    public int protectRtp(byte[] a, int off, int header, int len, int ssrc, long index) {
        rtpCipher.xor(iv(rtpSalt, ssrc, index), a, off + header, len - header);
        rtpTag(a, off, len, (int) (index >>> 16));
        System.arraycopy(mac, 0, a, off + len, rtpTag);
        return len + rtpTag;
    }

    @Override
    public int unprotectRtp(byte[] a, int off, int header, int len, int ssrc, long index) {
        int body = len - rtpTag;
        rtpTag(a, off, body, (int) (index >>> 16));
        if (!equal(mac, a, off + body, rtpTag)) {
            return -1;
        }
        rtpCipher.xor(iv(rtpSalt, ssrc, index), a, off + header, body - header);
        return body;
    }

    /** §4.2: the authenticated portion, then the ROC, which is not on the wire. */
    private void rtpTag(byte[] a, int off, int len, int roc) {
        rtpMac.start();
        rtpMac.update(a, off, len);
        rtpMac.updateInt(roc);
        rtpMac.finish(mac, 0);
    }

    @Override
    public int protectRtcp(byte[] a, int off, int len, int ssrc, int srtcpIndex) {
        rtcpCipher.xor(iv(rtcpSalt, ssrc, srtcpIndex), a, off + RTCP_HEADER, len - RTCP_HEADER);
        BigEndian.putInt(a, off + len, srtcpIndex | 0x8000_0000);
        int authenticated = len + SrtpProfile.SRTCP_INDEX_LENGTH;
        rtcpTag(a, off, authenticated);
        System.arraycopy(mac, 0, a, off + authenticated, rtcpTag);
        return authenticated + rtcpTag;
    }

    @Override
    public int srtcpIndexOffset(int len) {
        return len - rtcpTag - SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] a, int off, int len, int ssrc, int eAndIndex) {
        int authenticated = len - rtcpTag;
        rtcpTag(a, off, authenticated);
        if (!equal(mac, a, off + authenticated, rtcpTag)) {
            return -1;
        }
        int plain = authenticated - SrtpProfile.SRTCP_INDEX_LENGTH;
        if (eAndIndex < 0) {
            rtcpCipher.xor(iv(rtcpSalt, ssrc, eAndIndex & 0x7FFF_FFFF), a, off + RTCP_HEADER, plain - RTCP_HEADER);
        }
        return plain;
    }

    private void rtcpTag(byte[] a, int off, int len) {
        rtcpMac.start();
        rtcpMac.update(a, off, len);
        rtcpMac.finish(mac, 0);
    }

    /** §4.1.1: salt in octets 0-13, SSRC XORed into octets 4-7, the 48-bit index into 8-13. */
    private byte[] iv(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        return iv;
    }

    /** Constant-time comparison of {@code expected[0, len)} with {@code a[at, at+len)}. */
    private static boolean equal(byte[] expected, byte[] a, int at, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= expected[i] ^ a[at + i];
        }
        return diff == 0;
    }
}
