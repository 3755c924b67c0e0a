// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.cascade.transcode.media.FrameRate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/**
 * libx264 settings for one rendition. The same, option for option, as the CLI reference in
 * {@code TranscodeBench}: {@code -preset veryfast -tune zerolatency -profile:v P -bf 0
 * -x264-params keyint=K:min-keyint=K:scenecut=0 -b:v B -maxrate M -bufsize S}, plus
 * {@code forced-idr} so a keyframe the schedule asks for is an IDR, not an open-GOP I frame.
 *
 * <p>No global header: x264 then writes SPS/PPS in-band before every IDR (b_repeat_headers), Annex B.
 * Time base is 1/1000000 so packet timestamps are the input's microseconds, untouched.
 */
final class X264Settings {

    private X264Settings() {
    }

    static Map<String, String> options(PlannedRendition r, LadderConfig config, int keyintFrames) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("preset", config.preset());
        o.put("tune", config.tune());
        o.put("profile", r.spec().profile().x264Name());
        o.put("forced-idr", "1");
        o.put("x264-params", "keyint=" + keyintFrames + ":min-keyint=" + keyintFrames + ":scenecut=0");
        return o;
    }

    static Consumer<AVCodecContext> context(PlannedRendition r, LadderConfig config, FrameRate rate,
            int keyintFrames) {
        return ctx -> {
            ctx.width(r.width());
            ctx.height(r.height());
            ctx.pix_fmt(AV_PIX_FMT_YUV420P);
            ctx.time_base(av_make_q(1, 1_000_000));
            ctx.framerate(av_make_q(rate.num(), rate.den()));
            ctx.bit_rate(r.spec().bitrate().bitsPerSecond());
            ctx.rc_max_rate(r.spec().maxrate().bitsPerSecond());
            ctx.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, r.spec().bufsize().bitsPerSecond()));
            ctx.gop_size(keyintFrames);
            ctx.max_b_frames(0);
            ctx.thread_count(config.x264Threads());
        };
    }
}
