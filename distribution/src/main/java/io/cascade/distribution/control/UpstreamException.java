// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

/** No upstream could provide a stream (all candidates failed or none exists). */
public final class UpstreamException extends RuntimeException {
    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
