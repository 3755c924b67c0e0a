// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import io.cascade.distribution.relay.StreamName;
import java.util.concurrent.CompletableFuture;

/**
 * Where streams come from, as the control API sees it: on an origin only from publishers; on a
 * mid-tier or edge also pulled from an upstream on first demand. The API calls it around its
 * operations; the tier layer implements it.
 */
public interface StreamSource {
    /** Completes when the stream exists on this node (pulling it first if this node pulls). */
    CompletableFuture<Void> ensure(StreamName stream);

    /** A publisher opened the stream here. */
    default void published(StreamName stream) {}

    /** The stream was closed here. */
    default void closed(StreamName stream) {}

    /** An origin: streams exist only when published to it. */
    StreamSource PUBLISHED_ONLY = stream -> CompletableFuture.completedFuture(null);
}
