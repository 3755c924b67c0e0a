// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import java.util.Objects;

/**
 * Bytes that are not a valid RTP packet (RFC 3550 §5.1, RFC 8285, RFC 4588). Thrown only at
 * boundaries and in tests; the forwarding path uses {@link RtpPacket#validate()} instead and
 * never throws. The message and {@link #field()} name the wire field that failed, so a network
 * handler can count drops per cause.
 */
public final class RtpFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the wire field that failed, e.g. {@code "csrcCount"}
     * @param message what was wrong with it
     */
    public RtpFormatException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** Builds the exception for a failed {@link RtpPacket#validate()} result. */
    public RtpFormatException(RtpValidity validity) {
        this(validity.field(), validity.description());
        if (validity == RtpValidity.VALID) {
            throw new IllegalArgumentException("VALID is not an error");
        }
    }

    /** The wire field that failed, e.g. {@code "version"} or {@code "extensionLength"}. */
    public String field() {
        return field;
    }
}
