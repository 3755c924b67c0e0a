// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Out-of-band decoder configuration of one stream, in the record form its {@link Codec} defines:
 * AVCDecoderConfigurationRecord for H.264, AudioSpecificConfig for AAC, OpusHead for Opus.
 */
public record CodecConfig(Codec codec, byte[] record) {

    public CodecConfig {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(record, "record");
        record = record.clone();
    }

    /** A copy of the record's bytes. */
    @Override
    public byte[] record() {
        return record.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodecConfig c && c.codec == codec && Arrays.equals(c.record, record);
    }

    @Override
    public int hashCode() {
        return codec.hashCode() * 31 + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return "CodecConfig[" + codec + " " + HexFormat.of().formatHex(record) + "]";
    }
}
