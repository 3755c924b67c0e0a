// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.audio;

import io.cascade.transcode.media.Bitrate;
import io.cascade.transcode.media.Codec;
import java.util.List;
import java.util.Objects;

/**
 * One audio output, shared by every video rendition: published on its own as {@code audio/aac} or
 * {@code audio/opus}. Channels are the source's, capped at {@code maxChannels}.
 */
public record AudioRendition(String name, Codec codec, Bitrate bitrate, int sampleRate, int maxChannels) {

    public AudioRendition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(bitrate, "bitrate");
        if (codec == Codec.H264) {
            throw new IllegalArgumentException(name + ": not an audio codec: " + codec);
        }
        if (codec == Codec.OPUS && sampleRate != 48000) {
            throw new IllegalArgumentException(name + ": Opus runs at 48000 Hz here, got " + sampleRate);
        }
        if (sampleRate < 8000 || sampleRate > 96000) {
            throw new IllegalArgumentException(name + ": sample rate must be 8000..96000 Hz, got " + sampleRate);
        }
        if (maxChannels < 1 || maxChannels > 2) {
            throw new IllegalArgumentException(name + ": maxChannels must be 1 or 2, got " + maxChannels);
        }
    }

    /** AAC-LC 128 kbps and Opus 64 kbps, both 48 kHz, up to stereo. */
    public static List<AudioRendition> defaults() {
        return List.of(
                new AudioRendition("audio/aac", Codec.AAC, Bitrate.kbps(128), 48000, 2),
                new AudioRendition("audio/opus", Codec.OPUS, Bitrate.kbps(64), 48000, 2));
    }

    /** The FFmpeg encoder: FFmpeg's native AAC (JavaCV has no fdk_aac), libopus. */
    String encoderName() {
        return codec == Codec.AAC ? "aac" : "libopus";
    }
}
