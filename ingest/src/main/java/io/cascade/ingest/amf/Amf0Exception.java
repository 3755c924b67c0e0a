// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import java.util.Objects;

/**
 * Bytes that are not a valid AMF0 value (AMF0 spec §2). {@link #field()} names what failed
 * (a marker, a length, a string's bytes) so callers can count per cause.
 */
public final class Amf0Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the wire field that failed, e.g. {@code "marker"} or {@code "string.length"}
     * @param message what was wrong with it
     */
    public Amf0Exception(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** The wire field that failed. */
    public String field() {
        return field;
    }
}
