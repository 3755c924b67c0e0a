// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

/**
 * Where one ingest publisher's media goes (an SRT caller, a WHIP bridge), in the input manager's
 * form. Called from that publisher's thread only, in stream order.
 */
public interface SourceSink {
    /** A new AVCDecoderConfigurationRecord (4-octet NAL lengths) for the samples that follow. */
    void videoConfig(byte[] avcDecoderConfigurationRecord);

    /** One access unit, AVCC with 4-octet lengths, without SPS/PPS/AUD; times in ms. */
    void video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc);

    /** A new AudioSpecificConfig for the frames that follow. */
    void audioConfig(byte[] audioSpecificConfig);

    /** One raw AAC frame (no ADTS header). */
    void audio(long dtsMs, byte[] aac);

    /** The publisher is gone (closed, timed out or broken). */
    void end();
}
