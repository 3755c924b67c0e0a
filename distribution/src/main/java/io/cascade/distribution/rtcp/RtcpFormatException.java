// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import java.util.Objects;

/**
 * Bytes that are not a valid RTCP packet (RFC 3550 §6, RFC 4585, RFC 5104). Thrown by decoders
 * at boundaries; {@link RtcpCursor} reports the framing errors as {@link RtcpValidity} codes
 * instead. {@link #field()} names the wire field that failed so handlers can count per cause.
 */
public final class RtcpFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the wire field that failed, e.g. {@code "reportCount"}
     * @param message what was wrong with it
     */
    public RtcpFormatException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** Builds the exception for a framing error found by {@link RtcpCursor}. */
    public RtcpFormatException(RtcpValidity validity) {
        this(validity.field(), validity.description());
        if (validity == RtcpValidity.VALID) {
            throw new IllegalArgumentException("VALID is not an error");
        }
    }

    /** The wire field that failed, e.g. {@code "length"} or {@code "sourceCount"}. */
    public String field() {
        return field;
    }
}
