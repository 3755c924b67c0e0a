// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

/**
 * A sample as a {@code trun} entry describes it.
 *
 * @param duration sample_duration in the track's timescale
 * @param compositionOffset sample_composition_time_offset (pts - dts)
 * @param sync whether it is a sync sample (a keyframe; every audio frame)
 * @param data the sample bytes, copied into {@code mdat}
 */
public record FragmentSample(int duration, int compositionOffset, boolean sync, byte[] data) {
}
