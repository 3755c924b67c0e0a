// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * Why a connection was closed: the key of the close counters in {@link RtmpStats} and the
 * label in the one log line each violation writes.
 */
public enum CloseReason {
    /** The client closed the TCP connection (after unpublishing, or not). */
    CLIENT_CLOSED("client closed"),
    /** C0 was not version 3, or the handshake bytes were not RTMP. */
    HANDSHAKE_INVALID("invalid handshake"),
    /** The handshake did not complete within its timeout. */
    HANDSHAKE_TIMEOUT("handshake timeout"),
    /** Nothing was received for the idle timeout. */
    IDLE_TIMEOUT("idle timeout"),
    /** A malformed chunk, control message or command. */
    PROTOCOL_ERROR("protocol error"),
    /** Set Chunk Size above the configured maximum (or not a valid size). */
    CHUNK_SIZE_LIMIT("chunk size limit"),
    /** A message longer than the configured maximum. */
    MESSAGE_SIZE_LIMIT("message size limit"),
    /** Buffered, not yet complete input above the per-connection maximum. */
    PENDING_BYTES_LIMIT("pending bytes limit"),
    /** More distinct chunk stream ids than the configured maximum. */
    CHUNK_STREAM_LIMIT("chunk stream limit"),
    /** More createStream calls than allowed on one connection. */
    STREAM_LIMIT("stream limit"),
    /** The client did not read what the server sent, past the write buffer's high mark. */
    SLOW_READER("slow reader"),
    /** The publish handler refused the stream key. */
    PUBLISH_REFUSED("publish refused"),
    /** The stream key is already being published. */
    DUPLICATE_PUBLISH("duplicate publish"),
    /** The client asked for something ingest does not serve (playback). */
    UNSUPPORTED("unsupported request"),
    /** The server was at its connection limit. */
    CONNECTION_LIMIT("connection limit"),
    /** The media sink or publish handler threw. */
    SINK_FAILURE("sink failure"),
    /** A transport error (connection reset and the like). */
    IO_ERROR("i/o error"),
    /** A bug in this server: logged with its stack trace. */
    INTERNAL_ERROR("internal error"),
    /** The server is stopping. */
    SERVER_STOPPED("server stopped");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    /** A short human label for log lines. */
    public String label() {
        return label;
    }

    /** Whether the client did something it must not: logged as a warning. */
    public boolean isViolation() {
        return switch (this) {
            case HANDSHAKE_INVALID, HANDSHAKE_TIMEOUT, IDLE_TIMEOUT, PROTOCOL_ERROR, CHUNK_SIZE_LIMIT,
                    MESSAGE_SIZE_LIMIT, PENDING_BYTES_LIMIT, CHUNK_STREAM_LIMIT, STREAM_LIMIT, SLOW_READER -> true;
            default -> false;
        };
    }
}
