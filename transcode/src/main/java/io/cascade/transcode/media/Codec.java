// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

/**
 * Codecs the transcoder reads and writes, each with the form its {@link CodecConfig} record takes.
 */
public enum Codec {
    /** ITU-T H.264; config is an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1). */
    H264(MediaType.VIDEO),
    /** MPEG-4 AAC raw frames (no ADTS); config is an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1). */
    AAC(MediaType.AUDIO),
    /** Opus packets (RFC 6716); config is an OpusHead (RFC 7845 §5.1), optional on input. */
    OPUS(MediaType.AUDIO);

    private final MediaType type;

    Codec(MediaType type) {
        this.type = type;
    }

    public MediaType type() {
        return type;
    }
}
