// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

/** Bytes that are not a valid event; names the field at fault. */
public final class EventFormatException extends RuntimeException {
    private final String field;

    public EventFormatException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public EventFormatException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
