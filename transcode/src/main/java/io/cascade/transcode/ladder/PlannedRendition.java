// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.media.OutputTrack;

/** A rendition sized for a particular source: what one encoder thread produces. */
public record PlannedRendition(Rendition spec, int width, int height) {

    /** The output name renditions are published under: {@code video/<name>}. */
    public String outputName() {
        return "video/" + spec.name();
    }

    public OutputTrack track() {
        return OutputTrack.video(outputName(), width, height, spec.bitrate().bitsPerSecond());
    }
}
