// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import java.util.Objects;

/**
 * Bytes that are not a valid FLV tag body or codec configuration record. {@link #field()} names
 * the wire field that failed so callers can count per cause.
 */
public final class FlvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the wire field that failed, e.g. {@code "numOfSequenceParameterSets"}
     * @param message what was wrong with it
     */
    public FlvFormatException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** The wire field that failed. */
    public String field() {
        return field;
    }
}
