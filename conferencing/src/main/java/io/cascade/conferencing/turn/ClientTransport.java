// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

/**
 * How a client reaches the server (RFC 8656 §3.1: UDP, TCP, or TLS-over-TCP). The relay to peers
 * is UDP in every case.
 */
public enum ClientTransport {
    UDP(false),
    TCP(true),
    TLS(true);

    private final boolean stream;

    ClientTransport(boolean stream) {
        this.stream = stream;
    }

    /** Whether messages travel in a byte stream, where ChannelData is padded (RFC 8656 §12.5). */
    public boolean stream() {
        return stream;
    }
}
