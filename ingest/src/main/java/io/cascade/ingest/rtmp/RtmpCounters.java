// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, shared by all its connections: adders written from every event loop,
 * read as one {@link RtmpStats} snapshot (each value is exact; the set is not atomic).
 */
final class RtmpCounters {
    final LongAdder connectionsAccepted = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final AtomicLong connectionsOpen = new AtomicLong();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder messagesIn = new LongAdder();
    final LongAdder publishesAccepted = new LongAdder();
    final LongAdder publishesRefused = new LongAdder();
    final LongAdder videoConfigs = new LongAdder();
    final LongAdder videoFrames = new LongAdder();
    final LongAdder audioConfigs = new LongAdder();
    final LongAdder audioFrames = new LongAdder();
    final LongAdder unsupportedMedia = new LongAdder();
    final LongAdder malformedMedia = new LongAdder();
    final LongAdder acknowledgementsSent = new LongAdder();
    private final Map<CloseReason, LongAdder> closed = new EnumMap<>(CloseReason.class);

    RtmpCounters() {
        for (CloseReason reason : CloseReason.values()) {
            closed.put(reason, new LongAdder());
        }
    }

    void closed(CloseReason reason) {
        closed.get(reason).increment();
    }

    RtmpStats snapshot() {
        Map<CloseReason, Long> byReason = new EnumMap<>(CloseReason.class);
        closed.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new RtmpStats(connectionsAccepted.sum(), connectionsRefused.sum(), connectionsOpen.get(), byReason,
                bytesIn.sum(), messagesIn.sum(), publishesAccepted.sum(), publishesRefused.sum(), videoConfigs.sum(),
                videoFrames.sum(), audioConfigs.sum(), audioFrames.sum(), unsupportedMedia.sum(), malformedMedia.sum(),
                acknowledgementsSent.sum());
    }
}
