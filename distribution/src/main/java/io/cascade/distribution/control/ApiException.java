// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

/** A request the API refuses, with the HTTP status and a message naming what is wrong. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
