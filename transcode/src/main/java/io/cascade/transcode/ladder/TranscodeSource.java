// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.audio.AudioSource;

/** What a broadcast sends: video, audio, or both (either may be null, not both). */
public record TranscodeSource(VideoSource video, AudioSource audio) {

    public TranscodeSource {
        if (video == null && audio == null) {
            throw new IllegalArgumentException("a source needs video, audio or both");
        }
    }
}
