// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * AVFrame allocation, counted in the {@link NativeLedger}. A clone is a new AVFrame holding new
 * references to the same refcounted buffers: how one decoded picture reaches every encoder thread
 * without a copy.
 */
public final class Frames {

    /** {@code AV_FRAME_FLAG_CORRUPT} (libavutil/frame.h; a macro JavaCV does not map). */
    public static final int FLAG_CORRUPT = 1;
    /** {@code AV_FRAME_FLAG_KEY}. */
    public static final int FLAG_KEY = 1 << 1;

    private Frames() {
    }

    public static AVFrame alloc() {
        AVFrame f = av_frame_alloc();
        if (f == null || f.isNull()) {
            throw new FfmpegException("av_frame_alloc returned NULL");
        }
        NativeLedger.allocated(NativeLedger.Kind.FRAME);
        return f;
    }

    /** A new reference to {@code src}'s buffers, or null when out of memory. */
    public static AVFrame cloneRef(AVFrame src) {
        AVFrame f = av_frame_clone(src);
        if (f == null || f.isNull()) {
            return null;
        }
        NativeLedger.allocated(NativeLedger.Kind.FRAME);
        return f;
    }

    /** Frees the frame and its references; null is ignored. */
    public static void free(AVFrame frame) {
        if (frame != null && !frame.isNull()) {
            av_frame_free(frame);
            NativeLedger.freed(NativeLedger.Kind.FRAME);
        }
    }
}
