// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

import java.util.Objects;

/**
 * One output of a transcoder: a video rendition ({@code video/720p}) or an audio rendition
 * ({@code audio/aac}, {@code audio/opus}). Width and height are 0 for audio; sample rate and
 * channels are 0 for video.
 */
public record OutputTrack(String name, Codec codec, int width, int height, int sampleRate, int channels,
        long bitrate) {

    public OutputTrack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if (name.isBlank()) {
            throw new IllegalArgumentException("output name is blank");
        }
        if (bitrate <= 0) {
            throw new IllegalArgumentException(name + ": bitrate must be > 0, got " + bitrate);
        }
        boolean video = codec.type() == MediaType.VIDEO;
        if (video && (width <= 0 || height <= 0)) {
            throw new IllegalArgumentException(name + ": video needs width and height, got " + width + "x" + height);
        }
        if (!video && (sampleRate <= 0 || channels <= 0)) {
            throw new IllegalArgumentException(name + ": audio needs sample rate and channels");
        }
    }

    public static OutputTrack video(String name, int width, int height, long bitrate) {
        return new OutputTrack(name, Codec.H264, width, height, 0, 0, bitrate);
    }

    public static OutputTrack audio(String name, Codec codec, int sampleRate, int channels, long bitrate) {
        return new OutputTrack(name, codec, 0, 0, sampleRate, channels, bitrate);
    }

    public MediaType type() {
        return codec.type();
    }
}
