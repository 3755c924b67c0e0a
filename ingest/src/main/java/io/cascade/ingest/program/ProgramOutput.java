// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import java.util.Arrays;

/**
 * The program side of the input manager: remembers what went out (the configs, the last video and
 * audio timestamps) so that a config is sent only when it changes and video never goes back in
 * time, whichever source or the slate is feeding it. Used under the input manager's lock.
 */
final class ProgramOutput {
    static final long NONE = Long.MIN_VALUE;

    private final ProgramSink sink;
    private byte[] videoConfig;
    private byte[] audioConfig;
    private long lastVideoDts = NONE;
    private long lastAudioDts = NONE;

    ProgramOutput(ProgramSink sink) {
        this.sink = sink;
    }

    void videoConfig(byte[] config) {
        if (!Arrays.equals(videoConfig, config)) {
            videoConfig = config.clone();
            sink.videoConfig(videoConfig);
        }
    }

    void audioConfig(byte[] config) {
        if (!Arrays.equals(audioConfig, config)) {
            audioConfig = config.clone();
            sink.audioConfig(audioConfig);
        }
    }

    /** Sends a picture unless it is not after the last one out (a source whose clock went back). */
    boolean video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc) {
        if (lastVideoDts != NONE && dtsMs <= lastVideoDts) {
            return false;
        }
        lastVideoDts = dtsMs;
        sink.video(dtsMs, compositionOffsetMs, keyframe, avcc);
        return true;
    }

    void audio(long dtsMs, byte[] aac) {
        lastAudioDts = Math.max(lastAudioDts, dtsMs);
        sink.audio(dtsMs, aac);
    }

    /** The next picture starts a new program source (see {@link ProgramSink#programSwitch}). */
    void programSwitch() {
        sink.programSwitch();
    }

    long lastVideoDts() {
        return lastVideoDts;
    }

    long lastAudioDts() {
        return lastAudioDts;
    }

    /** The latest timestamp out on either track, or {@link #NONE}. */
    long lastDts() {
        return Math.max(lastVideoDts, lastAudioDts);
    }

    /** The AudioSpecificConfig last sent, or null. */
    byte[] audioConfig() {
        return audioConfig;
    }
}
