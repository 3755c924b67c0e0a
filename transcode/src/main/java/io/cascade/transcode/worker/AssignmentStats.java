// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import java.util.Map;

/**
 * One assignment's rates over the window since the previous {@link TranscodeWorker#stats()} call
 * (since assignment for the first), plus cumulative drop and error counts.
 *
 * @param inputFps       pictures decoded per wall second
 * @param outputFps      frames (audio: packets) delivered per wall second, by output name
 * @param encodeSpeed    media seconds delivered per wall second by the slowest output: 1.0 keeps up
 *                       with a live source, more means headroom (a file fed as fast as possible)
 * @param droppedFrames  frames dropped by full encoder queues, all outputs, since assignment
 * @param corruptPackets input packets rejected, since assignment
 * @param failure        why an output stopped, or null
 */
public record AssignmentStats(AssignmentKey key, double inputFps, Map<String, Double> outputFps,
        double encodeSpeed, long droppedFrames, long corruptPackets, String failure) {

    public AssignmentStats {
        outputFps = Map.copyOf(outputFps);
    }
}
