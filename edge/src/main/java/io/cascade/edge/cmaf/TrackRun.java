// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.util.List;

/**
 * The samples of one track in one fragment.
 *
 * @param trackId the track_ID from {@link CmafTracks}
 * @param baseMediaDecodeTime decode time of the first sample, in the track's timescale ({@code tfdt})
 * @param samples at least one sample
 * @param withCompositionOffsets whether {@code trun} carries per-sample composition offsets (video)
 */
public record TrackRun(int trackId, long baseMediaDecodeTime, List<FragmentSample> samples,
        boolean withCompositionOffsets) {
    public TrackRun {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a track run needs at least one sample");
        }
        if (baseMediaDecodeTime < 0) {
            throw new IllegalArgumentException("baseMediaDecodeTime " + baseMediaDecodeTime);
        }
    }

    long dataBytes() {
        long n = 0;
        for (FragmentSample s : samples) {
            n += s.data().length;
        }
        return n;
    }
}
