// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

/**
 * Where the program goes (the origin publisher). Called with the input manager's lock held, in
 * output order: a video config before the first keyframe and again before the keyframe of every
 * cut to a source whose config differs; an audio config before the first audio of a source.
 * Implementations must not block for long.
 */
public interface ProgramSink {
    /** A new AVCDecoderConfigurationRecord (SPS/PPS) for the frames that follow. */
    void videoConfig(byte[] avcDecoderConfigurationRecord);

    /** One access unit; timestamps in ms on the program's continuous timeline. */
    void video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc);

    /** A new AudioSpecificConfig for the frames that follow. */
    void audioConfig(byte[] audioSpecificConfig);

    /** One raw AAC frame. */
    void audio(long dtsMs, byte[] aac);

    /**
     * The next picture (a keyframe) is the first of another source or of the slate: downstream may
     * start a new GOP there (the origin marks it in band so the transcoder cuts an IDR on every
     * rendition at the switch).
     */
    default void programSwitch() {
    }
}
