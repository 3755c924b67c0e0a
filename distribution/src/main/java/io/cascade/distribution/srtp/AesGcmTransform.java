// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714), on the JDK's {@code AES/GCM/NoPadding}.
 *
 * <p>SRTP (§8): the 12-octet IV is {@code 00 00 || SSRC || ROC || SEQ} XOR the session salt
 * (§8.1), derived from the packet index and never random (a repeated IV under one key gives away
 * the GHASH key: pion CVE-2026-26014); the AAD is the RTP header with CSRCs and extension (§8.2);
 * the 16-octet tag follows the ciphertext. SRTCP (§9): IV {@code 00 00 || SSRC || 00 00 ||
 * 0 || SRTCP index} XOR salt (§9.1); with the E flag set the AAD is the first 8 octets and the
 * E flag with the index, and the rest is encrypted (§9.2); with it clear, the whole RTCP packet
 * and the E flag with index are AAD and nothing is encrypted (§9.3). On the wire the tag comes
 * before the E flag and index (§9, Figure 9).
 *
 * <p>Costs the JDK imposes: GCM must be re-initialised per packet, which allocates the parameter
 * spec and SunJCE's per-init GCM engine (about 1.1 KB per packet, measured); decryption reports a
 * bad tag by throwing {@link AEADBadTagException}, caught here and turned into -1. Output goes to
 * a scratch array first, so a packet that fails authentication is left as it was.
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG = 16;
    private static final int TAG_BITS = TAG * 8;
    private static final int IV = 12;
    private static final int RTCP_HEADER = 8;

    private final Cipher rtpCipher;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[IV];
    private final byte[] trailer = new byte[SrtpProfile.SRTCP_INDEX_LENGTH];
    private byte[] out = new byte[2048];

    AesGcmTransform(SessionKeys rtp, SessionKeys rtcp) {
        try {
            rtpCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rtcpCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is mandatory in every JDK", e);
        }
        rtpKey = new SecretKeySpec(rtp.cipherKey(), "AES");
        rtcpKey = new SecretKeySpec(rtcp.cipherKey(), "AES");
        rtpSalt = rtp.salt().clone();
        rtcpSalt = rtcp.salt().clone();
    }

    @Override
    public int protectRtp(byte[] a, int off, int header, int len, int ssrc, long index) {
        rtpIv(ssrc, index);
        int sealed = seal(rtpCipher, rtpKey, a, off, header, null, off + header, len - header);
        System.arraycopy(out, 0, a, off + header, sealed);
        return header + sealed;
    }

    @Override
    public int unprotectRtp(byte[] a, int off, int header, int len, int ssrc, long index) {
        rtpIv(ssrc, index);
        int plain = open(rtpCipher, rtpKey, a, off, header, null, off + header, len - header);
        if (plain < 0) {
            return -1;
        }
        System.arraycopy(out, 0, a, off + header, plain);
        return header + plain;
    }

    @Override
    public int protectRtcp(byte[] a, int off, int len, int ssrc, int srtcpIndex) {
        int eAndIndex = srtcpIndex | 0x8000_0000;
        rtcpIv(ssrc, srtcpIndex);
        BigEndian.putInt(trailer, 0, eAndIndex);
        int sealed = seal(rtcpCipher, rtcpKey, a, off, RTCP_HEADER, trailer, off + RTCP_HEADER, len - RTCP_HEADER);
        System.arraycopy(out, 0, a, off + RTCP_HEADER, sealed);
        BigEndian.putInt(a, off + RTCP_HEADER + sealed, eAndIndex);
        return RTCP_HEADER + sealed + SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int srtcpIndexOffset(int len) {
        return len - SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] a, int off, int len, int ssrc, int eAndIndex) {
        rtcpIv(ssrc, eAndIndex & 0x7FFF_FFFF);
        BigEndian.putInt(trailer, 0, eAndIndex);
        int sealedEnd = len - SrtpProfile.SRTCP_INDEX_LENGTH;
        if (eAndIndex >= 0) {
            // §9.3: authentication only; the packet up to the tag is AAD, the tag is all the "ciphertext".
            int tagAt = sealedEnd - TAG;
            return open(rtcpCipher, rtcpKey, a, off, tagAt, trailer, off + tagAt, TAG) < 0 ? -1 : tagAt;
        }
        int plain = open(rtcpCipher, rtcpKey, a, off, RTCP_HEADER, trailer, off + RTCP_HEADER, sealedEnd - RTCP_HEADER);
        if (plain < 0) {
            return -1;
        }
        System.arraycopy(out, 0, a, off + RTCP_HEADER, plain);
        return RTCP_HEADER + plain;
    }

    /** Encrypts {@code a[at, at+len)} into {@code out} (ciphertext and tag); returns its length. */
    private int seal(Cipher cipher, SecretKeySpec key, byte[] a, int aadAt, int aadLen, byte[] moreAad, int at,
            int len) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(a, aadAt, aadLen);
            if (moreAad != null) {
                cipher.updateAAD(moreAad, 0, moreAad.length);
            }
            ensureOut(len + TAG);
            return cipher.doFinal(a, at, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail for valid keys and unique IVs", e);
        }
    }

    /** Decrypts {@code a[at, at+len)} (ciphertext and tag) into {@code out}; -1 on a bad tag. */
    private int open(Cipher cipher, SecretKeySpec key, byte[] a, int aadAt, int aadLen, byte[] moreAad, int at,
            int len) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(a, aadAt, aadLen);
            if (moreAad != null) {
                cipher.updateAAD(moreAad, 0, moreAad.length);
            }
            ensureOut(len);
            return cipher.doFinal(a, at, len, out, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for a reason other than the tag", e);
        }
    }

    private void ensureOut(int length) {
        if (out.length < length) {
            out = new byte[length];
        }
    }

    /** §8.1: {@code 00 00 || SSRC || ROC || SEQ} XOR salt. */
    private void rtpIv(int ssrc, long index) {
        iv[0] = 0;
        iv[1] = 0;
        BigEndian.putInt(iv, 2, ssrc);
        BigEndian.putInt(iv, 6, (int) (index >>> 16));
        iv[10] = (byte) (index >>> 8);
        iv[11] = (byte) index;
        xorSalt(rtpSalt);
    }

    /** §9.1: {@code 00 00 || SSRC || 00 00 || 0 || SRTCP index} XOR salt. */
    private void rtcpIv(int ssrc, int srtcpIndex) {
        iv[0] = 0;
        iv[1] = 0;
        BigEndian.putInt(iv, 2, ssrc);
        iv[6] = 0;
        iv[7] = 0;
        BigEndian.putInt(iv, 8, srtcpIndex & 0x7FFF_FFFF);
        xorSalt(rtcpSalt);
    }

    private void xorSalt(byte[] salt) {
        for (int i = 0; i < IV; i++) {
            iv[i] ^= salt[i];
        }
    }
}
