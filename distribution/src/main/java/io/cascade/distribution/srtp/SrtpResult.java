// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * What {@code protect} and {@code unprotect} did with a packet. The packet path returns one of
 * these instead of throwing; callers drop on anything but {@link #OK} and count per constant
 * (the contexts count too: {@link SrtpReceiveContext#count(SrtpResult)}).
 *
 * <p>On any result but {@code OK} the buffer's bytes and indices are unchanged, and so is the
 * context: a forged, replayed or truncated packet never moves a rollover counter, a replay
 * window or an SRTCP index, and never creates per-SSRC state.
 */
public enum SrtpResult {
    /** Protected or verified and decrypted in place. */
    OK,
    /**
     * Shorter than its own headers (RTP fixed header, CSRC list, header extension; the RTCP
     * header and SSRC) plus the tag and, for SRTCP, the E flag and index.
     */
    TOO_SHORT,
    /** The version field is not 2 (RFC 3550 §5.1, §6.4.1). */
    MALFORMED,
    /** The authentication tag did not verify (RFC 3711 §3.3 step 5, §3.4; RFC 7714 §8.2). */
    AUTH_FAILED,
    /** The packet index was already received, or already protected (RFC 3711 §3.3.2). */
    REPLAYED,
    /**
     * The packet index is older than the replay window, or precedes the stream's first index;
     * RFC 3711 §3.3.2 says such packets are discarded.
     */
    TOO_OLD,
    /** A new SSRC would exceed {@link SrtpConfig#maxStreams()}. */
    STREAM_LIMIT,
    /**
     * The index space of the master key is used up (2^48 SRTP packets or 2^31 SRTCP packets
     * per SSRC, RFC 3711 §3.3.1, §3.4, §9.2): re-key.
     */
    KEY_EXHAUSTED,
    /** {@code protect} only: the buffer has less writable room than the profile appends. */
    NO_TAILROOM
}
