// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode;

import io.cascade.transcode.metrics.OutputStats;
import java.util.List;

/**
 * Cumulative counters of one transcoder at one instant; rates are the worker's business
 * (it has the clock).
 *
 * @param corruptPackets  packets the framing parser or a decoder rejected (dropped, decoding went on)
 * @param concealedFrames pictures decoded with damage concealed (encoded anyway)
 * @param decodedFrames   video pictures decoded
 * @param failure         why an output stopped early, or null
 */
public record TranscoderStats(long videoPackets, long audioPackets, long corruptPackets, long concealedFrames,
        long decodedFrames, long ignoredPackets, List<OutputStats> outputs, String failure) {

    public TranscoderStats {
        outputs = List.copyOf(outputs);
    }

    /** Frames dropped before encoding, all outputs together. */
    public long droppedFrames() {
        return outputs.stream().mapToLong(OutputStats::dropped).sum();
    }
}
