// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * The cryptographic half of a profile: encrypt-and-tag and verify-and-decrypt one packet held
 * in {@code a[off, off+len)}, given the index the context chose. The contexts own framing checks,
 * index estimation, replay windows and per-SSRC state; a transform owns keys, cipher instances
 * and scratch arrays, allocates nothing per packet of its own and never throws for bad input.
 *
 * <p>The unprotect methods verify before they decrypt and leave {@code a} untouched when the tag
 * does not verify. The protect methods need {@code a} to have room for the overhead after
 * {@code len}.
 */
interface SrtpTransform {
    /**
     * Encrypts the payload after the {@code header} octets and appends the tag.
     *
     * @param index the 48-bit packet index {@code ROC * 2^16 + SEQ} (RFC 3711 §3.3.1)
     * @return the protected length
     */
    int protectRtp(byte[] a, int off, int header, int len, int ssrc, long index);

    /** @return the plain length, or -1 when authentication fails */
    int unprotectRtp(byte[] a, int off, int header, int len, int ssrc, long index);

    /**
     * Encrypts everything after the first 8 octets (RTCP header and sender SSRC), appends the E
     * flag (set) with {@code srtcpIndex}, and the tag, in the profile's order.
     *
     * @return the protected length
     */
    int protectRtcp(byte[] a, int off, int len, int ssrc, int srtcpIndex);

    /** Where the E flag and SRTCP index sit in a protected packet of {@code len} octets. */
    int srtcpIndexOffset(int len);

    /**
     * Verifies, then decrypts when the E flag of {@code eAndIndex} is set.
     *
     * @return the plain RTCP length, or -1 when authentication fails
     */
    int unprotectRtcp(byte[] a, int off, int len, int ssrc, int eAndIndex);

    /** The transform for {@code profile} keyed with the given session keys. */
    static SrtpTransform create(SrtpProfile profile, SessionKeys rtp, SessionKeys rtcp) {
        return profile.aead() ? new AesGcmTransform(rtp, rtcp)
                : new AesCmHmacSha1Transform(profile, rtp, rtcp);
    }

    /** The transform for {@code profile} keyed from {@code master} (RFC 3711 §4.3). */
    static SrtpTransform derive(SrtpProfile profile, SrtpMasterKey master) {
        return create(profile, SrtpKeyDerivation.rtp(profile, master), SrtpKeyDerivation.rtcp(profile, master));
    }
}
