// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.Map;

/**
 * A snapshot of the server's counters ({@link RtmpServer#stats()}). Counts are totals since
 * the server was built; {@code connectionsOpen} is the current number.
 *
 * @param connectionsAccepted  TCP connections taken in (refused ones included)
 * @param connectionsRefused   closed on accept because of {@link CloseReason#CONNECTION_LIMIT}
 * @param connectionsOpen      connections open now
 * @param closedByReason       closed connections by reason (every reason present, zeros included)
 * @param bytesIn              bytes received, handshake included
 * @param messagesIn           RTMP messages reassembled
 * @param publishesAccepted    publishes that started
 * @param publishesRefused     publishes refused (by the handler, as duplicates, or malformed)
 * @param videoConfigs         AVC sequence headers delivered
 * @param videoFrames          H.264 frames delivered
 * @param audioConfigs         AAC sequence headers delivered
 * @param audioFrames          AAC frames delivered
 * @param unsupportedMedia     audio/video tags of other codecs, and aggregate messages, dropped
 * @param malformedMedia       audio/video/data messages that did not parse, dropped
 * @param acknowledgementsSent Acknowledgement messages sent
 */
public record RtmpStats(long connectionsAccepted, long connectionsRefused, long connectionsOpen,
        Map<CloseReason, Long> closedByReason, long bytesIn, long messagesIn, long publishesAccepted,
        long publishesRefused, long videoConfigs, long videoFrames, long audioConfigs, long audioFrames,
        long unsupportedMedia, long malformedMedia, long acknowledgementsSent) {

    public RtmpStats {
        closedByReason = Map.copyOf(closedByReason);
    }

    /** Connections closed for {@code reason}. */
    public long closed(CloseReason reason) {
        return closedByReason.getOrDefault(reason, 0L);
    }
}
