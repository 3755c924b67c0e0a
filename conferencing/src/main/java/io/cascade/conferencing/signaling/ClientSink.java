// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** The page's end of a connection, as the WebSocket adapter provides it. Must not block. */
public interface ClientSink {

    /** Sends one text frame; frames keep the order of calls. */
    void send(String text);

    /** Closes the connection with a WebSocket close code (RFC 6455 §7.4). */
    void close(int code, String reason);
}
