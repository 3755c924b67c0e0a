// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Scales decoded pictures to one output size in YUV 4:2:0 (swscale). A picture already at that size
 * and format passes through untouched, as FFmpeg's scale filter does. The swscale context follows
 * the source if its size or format changes mid-stream ({@code sws_getCachedContext}).
 *
 * <p>The output frame is reused; before each scale it is made writable, so a picture an encoder
 * still holds a reference to is never overwritten. Not thread-safe: one encoder thread owns it.
 */
public final class Scaler implements AutoCloseable {

    private final int width;
    private final int height;
    private final int flags;
    private final AVFrame out;
    private SwsContext sws;

    /** @param flags {@code SWS_*} algorithm, e.g. {@code SWS_BICUBIC} (the ffmpeg CLI's default) */
    public Scaler(int width, int height, int flags) {
        this.width = width;
        this.height = height;
        this.flags = flags;
        this.out = Frames.alloc();
    }

    /** The picture to encode: {@code src} itself, or the reused output frame holding the scaled picture. */
    public AVFrame scale(AVFrame src) {
        if (src.width() == width && src.height() == height && src.format() == AV_PIX_FMT_YUV420P) {
            return src;
        }
        if (out.width() == 0) {
            out.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            AvErrors.check(av_frame_get_buffer(out, 0), "av_frame_get_buffer(" + width + "x" + height + ")");
        } else {
            AvErrors.check(av_frame_make_writable(out), "av_frame_make_writable");
        }
        SwsContext next = sws_getCachedContext(sws, src.width(), src.height(), src.format(), width, height,
                AV_PIX_FMT_YUV420P, flags, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (next == null || next.isNull()) {
            throw new FfmpegException("sws_getCachedContext(" + src.width() + "x" + src.height() + " fmt "
                    + src.format() + " -> " + width + "x" + height + ") returned NULL");
        }
        if (sws == null) {
            NativeLedger.allocated(NativeLedger.Kind.SCALER);
        }
        sws = next;
        sws_scale(sws, src.data(), src.linesize(), 0, src.height(), out.data(), out.linesize());
        return out;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            NativeLedger.freed(NativeLedger.Kind.SCALER);
            sws = null;
        }
        Frames.free(out);
    }
}
