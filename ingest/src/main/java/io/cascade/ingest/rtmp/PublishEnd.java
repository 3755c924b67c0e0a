// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.Objects;

/**
 * How a publish ended, given to {@link RtmpMediaSink#onEnd} once.
 *
 * @param kind   normal, error or refused
 * @param reason what happened, for logs (never contains the stream key)
 */
public record PublishEnd(Kind kind, String reason) {

    /** The kinds of ending. */
    public enum Kind {
        /** The client unpublished (FCUnpublish, closeStream or deleteStream). */
        NORMAL,
        /** The connection closed or broke without unpublishing, or the server stopped. */
        ERROR,
        /** The sink was never used: the server refused the publish after the handler accepted it. */
        REFUSED
    }

    public PublishEnd {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the client ended the stream itself. */
    public boolean isNormal() {
        return kind == Kind.NORMAL;
    }
}
