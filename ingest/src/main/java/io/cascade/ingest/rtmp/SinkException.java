// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/** Wraps what the platform's sink or handler threw, so the connection closes as {@link CloseReason#SINK_FAILURE}. */
final class SinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkException(String call, Throwable cause) {
        super(call + " threw " + cause, cause);
    }
}
