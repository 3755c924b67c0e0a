// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

/**
 * Where one WHIP publisher's media goes, in the input manager's form (as {@code SrtMediaSink} for
 * SRT). Called from the bridge's thread only, in stream order.
 */
public interface WhipMediaSink {
    /** A new AVCDecoderConfigurationRecord (4-octet NAL lengths) for the access units that follow. */
    void videoConfig(byte[] avcDecoderConfigurationRecord);

    /** One access unit, AVCC with 4-octet lengths, without SPS/PPS/AUD; ms on the source's timeline. */
    void video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc);

    /** A new AudioSpecificConfig for the frames that follow. */
    void audioConfig(byte[] audioSpecificConfig);

    /** One raw AAC frame (no ADTS header). */
    void audio(long dtsMs, byte[] aac);

    /** The publisher is gone. */
    void end();
}
