// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import io.cascade.transcode.media.SourceSink;
import java.util.Optional;

/**
 * Decides whether an SRT caller may publish, by its stream id ({@code publish:{streamKey}}). With
 * libsrt it is called inside the caller's handshake on libsrt's receiver thread, which every
 * publisher's packets on the port also wait for: it must be quick (a lookup, no I/O).
 */
@FunctionalInterface
public interface SrtPublishHandler {
    /**
     * @param streamId the caller's SRTO_STREAMID, or null when it sent none
     * @return where its media goes, or empty to refuse it (the connection is closed)
     */
    Optional<SourceSink> onPublish(String streamId);
}
