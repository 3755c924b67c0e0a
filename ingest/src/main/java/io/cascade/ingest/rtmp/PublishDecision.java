// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.Objects;

/** What {@link RtmpPublishHandler#onPublish} decided. */
public sealed interface PublishDecision {

    /**
     * Publish into {@code sink}. When the key is already live, the server refuses this publisher
     * (NetStream.Publish.BadName, {@link CloseReason#DUPLICATE_PUBLISH}) and ends {@code sink}
     * at once with {@link PublishEnd.Kind#REFUSED}, unless {@code allowDuplicate}.
     *
     * @param sink           receives the media; every accepted sink gets exactly one
     *                       {@link RtmpMediaSink#onEnd}
     * @param allowDuplicate whether a second publisher of a live key may run beside the first
     */
    record Accept(RtmpMediaSink sink, boolean allowDuplicate) implements PublishDecision {
        public Accept {
            Objects.requireNonNull(sink, "sink");
        }
    }

    /**
     * Refuse; {@code reason} goes to the client in the onStatus description and to the log, so
     * it must not contain the key.
     */
    record Refuse(String reason) implements PublishDecision {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Accept into {@code sink}; a duplicate of a live key is refused. */
    static PublishDecision accept(RtmpMediaSink sink) {
        return new Accept(sink, false);
    }

    /** Accept into {@code sink} even when the key is already live (for backup inputs). */
    static PublishDecision acceptAlongside(RtmpMediaSink sink) {
        return new Accept(sink, true);
    }

    /** Refuse with {@code reason} (no secrets in it). */
    static PublishDecision refuse(String reason) {
        return new Refuse(reason);
    }
}
