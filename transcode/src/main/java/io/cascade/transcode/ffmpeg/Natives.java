// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads JavaCV's FFmpeg natives once. The natives unpack to {@code org.bytedeco.javacpp.cachedir}
 * (default {@code ~/.javacpp/cache}) on first use.
 *
 * <p>FFmpeg's log level is process-wide state; it is lowered to errors here because encoders print
 * per-stream statistics at info level on every close. {@code -Dcascade.transcode.ffmpegLogLevel=N}
 * (FFmpeg's numeric levels: 16 error, 24 warning, 32 info) overrides it.
 */
public final class Natives {

    private static final Object LOCK = new Object();
    private static boolean loaded;

    private Natives() {
    }

    public static void load() {
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            Loader.load(avcodec.class);
            Loader.load(swscale.class);
            Loader.load(swresample.class);
            int level = Integer.getInteger("cascade.transcode.ffmpegLogLevel", AV_LOG_ERROR);
            if (av_log_get_level() != level) {
                av_log_set_level(level);
            }
            loaded = true;
        }
    }
}
