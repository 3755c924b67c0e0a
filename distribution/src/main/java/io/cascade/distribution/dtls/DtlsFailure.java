// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

/** Why a DTLS handshake ended without keys; also the label of the failure counters. */
public enum DtlsFailure {
    /** The client's certificate does not hash to the SDP's {@code a=fingerprint} (RFC 8122 §5). */
    FINGERPRINT_MISMATCH,
    /** The client sent no certificate; WebRTC peers always present one (RFC 8842 §5). */
    NO_CLIENT_CERTIFICATE,
    /** The client did not offer use_srtp, or none of the profiles we accept (RFC 5764 §4.1.1). */
    NO_SRTP_PROFILE,
    /** The handshake did not finish within the session's bound. */
    TIMEOUT,
    /** The peer sent a fatal alert. */
    PEER_ALERT,
    /** Anything else the TLS layer rejected (bad message, unsupported version or suite). */
    PROTOCOL_ERROR,
    /** The session was closed by its owner before the handshake finished. */
    CLOSED,
    /** A bug or a crypto-provider failure on our side. */
    INTERNAL_ERROR
}
