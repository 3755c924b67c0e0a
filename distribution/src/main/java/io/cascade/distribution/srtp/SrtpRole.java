// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

/**
 * Which end of the DTLS handshake this endpoint was. RFC 5764 §4.2: the client sends with the
 * client write key and salt and receives with the server's; the server does the opposite.
 */
public enum SrtpRole {
    /** The DTLS client (for WebRTC: the endpoint whose SDP said {@code a=setup:active}). */
    CLIENT,
    /** The DTLS server ({@code a=setup:passive}). */
    SERVER
}
