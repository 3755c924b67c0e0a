// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.metrics;

/**
 * Cumulative counters of one output at one instant.
 *
 * @param frames      frames (audio: packets) encoded and delivered
 * @param dropped     frames dropped before encoding because the encoder fell behind
 * @param bytes       payload bytes delivered
 * @param mediaMicros media time covered by delivered output: last PTS - first PTS + one frame
 */
public record OutputStats(String name, long frames, long dropped, long bytes, long mediaMicros) {
}
