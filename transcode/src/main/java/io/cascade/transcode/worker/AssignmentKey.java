// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import java.util.Objects;

/**
 * What a worker is asked to transcode: one broadcast in one output format. Today there is one
 * format, {@link #LADDER} (the H.264 ladder with AAC and Opus); others (an HEVC ladder, a
 * low-latency audio-only set) get their own names. The text form {@code {broadcast}/{format}} is
 * the key of the assignment in the directory.
 */
public record AssignmentKey(String broadcast, String format) {
    /** The H.264 ladder plus audio of one broadcast ({@code relay.TranscodeJob}). */
    public static final String LADDER = "ladder";

    public AssignmentKey {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(format, "format");
        if (broadcast.isBlank() || format.isBlank()) {
            throw new IllegalArgumentException("broadcast and format must not be blank");
        }
        if (broadcast.indexOf('/') >= 0 || format.indexOf('/') >= 0) {
            throw new IllegalArgumentException("broadcast and format must not contain '/': " + broadcast + ", " + format);
        }
    }

    public static AssignmentKey ladder(String broadcast) {
        return new AssignmentKey(broadcast, LADDER);
    }

    /** Reads the text form {@code {broadcast}/{format}}. */
    public static AssignmentKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an assignment key (broadcast/format): " + text);
        }
        return new AssignmentKey(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return broadcast + "/" + format;
    }
}
