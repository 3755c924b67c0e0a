// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.FlvFormatException;

/**
 * Plays the slate into the program while nothing is live: the still picture once a second (each
 * one an IDR, so a viewer joining mid-slate starts at once) and AAC silence frame by frame, on the
 * program's timeline continued from the last frame out, advanced by the wall clock of the ticks
 * that drive it. Silence is sent only for an AAC-LC program in mono or stereo (the layouts the
 * slate carries); otherwise the slate is picture only. Used under the input manager's lock.
 */
final class SlateFeed {
    static final long PICTURE_EVERY_MS = 1000;
    private static final int AAC_LC = 2;
    private static final int SAMPLES_PER_FRAME = 1024;
    /** The first picture follows the last one out by one frame at 30 fps. */
    private static final int NOMINAL_FRAME_MS = 33;

    private final Slate slate;
    private final ProgramOutput out;
    private boolean on;
    private long startWallMs;
    private long startDts;
    private long nextPictureDts;
    private byte[] silence;
    private long audioStartDts;
    private int sampleRate;
    private long samples;
    private long pictures;

    SlateFeed(Slate slate, ProgramOutput out) {
        this.slate = slate;
        this.out = out;
    }

    /** Starts the slate (if there is one and the program ever had a timeline). */
    void start(long nowMs) {
        if (on || slate.isNone() || out.lastVideoDts() == ProgramOutput.NONE) {
            return;
        }
        on = true;
        startWallMs = nowMs;
        startDts = out.lastVideoDts() + NOMINAL_FRAME_MS;
        nextPictureDts = startDts;
        silence = null;
        byte[] asc = out.audioConfig();
        if (asc != null) {
            try {
                AudioSpecificConfig c = AudioSpecificConfig.decode(asc);
                if (c.audioObjectType() == AAC_LC && c.samplingFrequency() > 0) {
                    silence = slate.silence(c.channelConfiguration());
                    sampleRate = c.samplingFrequency();
                }
            } catch (FlvFormatException e) {
                silence = null; // an unusual config: picture only
            }
        }
        // Silence continues the program's audio one frame after its last, or starts with the picture.
        audioStartDts = out.lastAudioDts() == ProgramOutput.NONE || silence == null ? startDts
                : Math.max(startDts - NOMINAL_FRAME_MS, out.lastAudioDts() + SAMPLES_PER_FRAME * 1000L / sampleRate);
        samples = 0;
        out.programSwitch();
        tick(nowMs);
    }

    void stop() {
        on = false;
    }

    boolean on() {
        return on;
    }

    /** Pictures sent since this feed was made. */
    long pictures() {
        return pictures;
    }

    /** Sends what is due by {@code nowMs}: at most one picture, and the silence up to now. */
    void tick(long nowMs) {
        if (!on) {
            return;
        }
        long position = startDts + Math.max(0, nowMs - startWallMs);
        if (nextPictureDts <= position) {
            out.videoConfig(slate.videoConfig());
            out.video(nextPictureDts, 0, true, slate.picture());
            pictures++;
            // After a stalled tick, skip the missed pictures rather than send a burst.
            nextPictureDts = Math.max(nextPictureDts + PICTURE_EVERY_MS, position);
        }
        if (silence == null) {
            return;
        }
        for (long dts = audioDts(); dts <= position; dts = audioDts()) {
            out.audio(dts, silence);
            samples += SAMPLES_PER_FRAME;
        }
    }

    private long audioDts() {
        return audioStartDts + samples * 1000 / sampleRate;
    }
}
