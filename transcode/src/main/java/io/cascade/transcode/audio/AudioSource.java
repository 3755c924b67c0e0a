// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.audio;

import io.cascade.transcode.media.Codec;
import java.util.Objects;

/**
 * The audio a transcoder reads.
 *
 * @param codec      AAC (raw frames, no ADTS) or Opus
 * @param config     AAC: the AudioSpecificConfig (required); Opus: the OpusHead, or null
 * @param sampleRate used when the config does not say (Opus without a head: 48000)
 * @param channels   likewise
 */
public record AudioSource(Codec codec, byte[] config, int sampleRate, int channels) {

    public AudioSource {
        Objects.requireNonNull(codec, "codec");
        if (codec == Codec.H264) {
            throw new IllegalArgumentException("not an audio codec: " + codec);
        }
        if (codec == Codec.AAC && (config == null || config.length < 2)) {
            throw new IllegalArgumentException("AAC needs its AudioSpecificConfig (at least 2 bytes)");
        }
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sample rate and channels must be positive");
        }
        config = config == null ? null : config.clone();
    }

    public static AudioSource aac(byte[] audioSpecificConfig) {
        return new AudioSource(Codec.AAC, audioSpecificConfig, 48000, 2);
    }

    public static AudioSource opus(byte[] opusHead, int channels) {
        return new AudioSource(Codec.OPUS, opusHead, 48000, channels);
    }

    @Override
    public byte[] config() {
        return config == null ? null : config.clone();
    }
}
