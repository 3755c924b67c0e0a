// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg's error codes, read once: {@code AVERROR(EAGAIN)} is a function in JavaCV, not a constant. */
public final class AvErrors {

    public static final int EAGAIN;
    public static final int EOF;

    static {
        Natives.load();
        EAGAIN = AVERROR_EAGAIN();
        EOF = AVERROR_EOF;
    }

    private AvErrors() {
    }

    /** FFmpeg's text for {@code code} ({@code av_strerror}). */
    public static String describe(int code) {
        byte[] buf = new byte[128];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "error " + code;
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** Throws when {@code code} is negative; returns it otherwise. */
    public static int check(int code, String operation) {
        if (code < 0) {
            throw new FfmpegException(operation, code);
        }
        return code;
    }
}
