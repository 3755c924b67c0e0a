// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

/**
 * What the decoder does when a rendition's encoder queue is full.
 *
 * <p>{@link #DROP_OLDEST} is the live default: an encoder that cannot keep up loses its oldest
 * waiting frames (counted) and stays near real time, instead of making every viewer of that
 * rendition fall further behind. Frames the keyframe schedule marked as IDR are dropped last so
 * renditions keep switching points aligned. {@link #BLOCK} holds the submitter until there is room:
 * for files, tests and benchmarks, where every frame must be encoded and latency does not matter.
 */
public enum OverflowPolicy {
    DROP_OLDEST,
    BLOCK
}
