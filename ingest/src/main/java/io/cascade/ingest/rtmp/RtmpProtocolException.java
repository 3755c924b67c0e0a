// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.Objects;

/**
 * Input that breaks the RTMP specification or one of the server's limits. {@link #field()}
 * names the wire field; {@link #reason()} is what the connection is closed for. The message
 * never carries client-sent strings (stream keys are secrets).
 */
public final class RtmpProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CloseReason reason;
    private final String field;

    /**
     * @param reason  the close reason to count
     * @param field   the wire field that failed, e.g. {@code "chunkSize"}
     * @param message what was wrong with it
     */
    public RtmpProtocolException(CloseReason reason, String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    /** A {@link CloseReason#PROTOCOL_ERROR}. */
    public static RtmpProtocolException malformed(String field, String message) {
        return new RtmpProtocolException(CloseReason.PROTOCOL_ERROR, field, message);
    }

    /** The close reason. */
    public CloseReason reason() {
        return reason;
    }

    /** The wire field that failed. */
    public String field() {
        return field;
    }
}
