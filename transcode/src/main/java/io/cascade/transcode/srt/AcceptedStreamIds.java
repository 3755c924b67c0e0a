// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.cascade.transcode.ffmpeg.Natives;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jboss.logging.Logger;

/**
 * The caller's stream id, as FFmpeg's libsrt listener logs it on accept
 * ({@code [srt @ 0x..] accept streamid [publish:KEY], length N}, AV_LOG_VERBOSE). FFmpeg reads
 * SRTO_STREAMID of the accepted socket but keeps it to that log line, so this installs FFmpeg's
 * process-wide log callback, raises FFmpeg's level to VERBOSE, and files each stream id under the
 * thread that accepted it (FFmpeg logs on the thread that called {@code avformat_open_input}).
 * Every other line at or above the level the rest of the process asked for (errors by default,
 * {@link Natives}) goes to this class's logger; the more verbose lines are dropped here.
 *
 * <p>Cost: FFmpeg now formats VERBOSE lines and calls into Java for them; they come at opens and
 * closes, not per packet. The line itself never holds more than the stream id (the key is a
 * secret: it is not logged).
 */
final class AcceptedStreamIds {
    private static final Logger LOG = Logger.getLogger(AcceptedStreamIds.class);
    private static final Pattern ACCEPT = Pattern.compile("accept streamid \\[(.*)\\], length \\d+");
    private static final Map<Thread, String> BY_THREAD = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static Tap tap;
    private static int passLevel = AV_LOG_ERROR;

    private AcceptedStreamIds() {
    }

    /** Installs the tap (once per process). */
    static void install() {
        synchronized (LOCK) {
            if (tap != null) {
                return;
            }
            Natives.load(); // first: it sets the level the rest of the process wants
            passLevel = av_log_get_level();
            tap = new Tap();
            avutil.setLogCallback(tap);
            if (av_log_get_level() < AV_LOG_VERBOSE) {
                av_log_set_level(AV_LOG_VERBOSE);
            }
        }
    }

    /** Forgets what this thread accepted (before it listens again). */
    static void clear() {
        BY_THREAD.remove(Thread.currentThread());
    }

    /** The stream id the current thread's last accept logged, or null. */
    static String take() {
        return BY_THREAD.remove(Thread.currentThread());
    }

    /** Parses one log line; visible for tests. */
    static String streamIdIn(String line) {
        Matcher m = ACCEPT.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static final class Tap extends LogCallback {
        @Override
        public void call(int level, BytePointer msg) {
            if (msg == null) {
                return;
            }
            String line = msg.getString();
            if (level == AV_LOG_VERBOSE && line.contains("accept streamid")) {
                String id = streamIdIn(line);
                if (id != null) {
                    BY_THREAD.put(Thread.currentThread(), id);
                }
                return;
            }
            if (level > passLevel) {
                return;
            }
            String text = line.stripTrailing();
            if (level <= AV_LOG_ERROR) {
                LOG.error(text);
            } else if (level <= AV_LOG_WARNING) {
                LOG.warn(text);
            } else if (level <= AV_LOG_INFO) {
                LOG.info(text);
            } else {
                LOG.debug(text);
            }
        }
    }
}
