// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** A message the service refuses; becomes an {@code error} reply with {@link #code()}. */
public final class SignalingException extends RuntimeException {
    private final ErrorCode code;

    public SignalingException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** An invalid field: the message names it. */
    public static SignalingException field(String field, String problem) {
        return new SignalingException(ErrorCode.INVALID_FIELD, field + ": " + problem);
    }

    public ErrorCode code() {
        return code;
    }
}
