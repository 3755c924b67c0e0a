// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.cascade.transcode.media.SourceSink;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * One publisher's demuxed MPEG-TS (an opened {@link FFmpegFrameGrabber}, packets grabbed without
 * decoding) into its {@link SourceSink} through a {@link PacketConverter}: H.264 and AAC
 * packets, other streams skipped. Shared by both SRT listeners.
 */
final class MpegTsPackets {
    private MpegTsPackets() {
    }

    /** True when the probed stream has H.264 video (what a broadcast source needs). */
    static boolean hasH264(FFmpegFrameGrabber g) {
        AVFormatContext fc = g.getFormatContext();
        for (int i = 0; i < fc.nb_streams(); i++) {
            if (fc.streams(i).codecpar().codec_id() == AV_CODEC_ID_H264) {
                return true;
            }
        }
        return false;
    }

    /**
     * Grabs packets into the sink until the input ends or {@code running} turns false.
     *
     * @return the number of packets dropped as malformed
     */
    static long pump(FFmpegFrameGrabber g, SourceSink sink, BooleanSupplier running) throws Exception {
        PacketConverter convert = new PacketConverter(sink);
        AVFormatContext fc = g.getFormatContext();
        AVPacket p;
        while (running.getAsBoolean() && (p = g.grabPacket()) != null) {
            AVStream stream = fc.streams(p.stream_index());
            int codec = stream.codecpar().codec_id();
            if (codec != AV_CODEC_ID_H264 && codec != AV_CODEC_ID_AAC) {
                continue;
            }
            byte[] data = new byte[p.size()];
            p.data().position(0).get(data);
            long dts = millis(p.dts() != AV_NOPTS_VALUE ? p.dts() : p.pts(), stream.time_base());
            if (codec == AV_CODEC_ID_H264) {
                long pts = p.pts() != AV_NOPTS_VALUE ? millis(p.pts(), stream.time_base()) : dts;
                convert.video(data, dts, pts, (p.flags() & AV_PKT_FLAG_KEY) != 0);
            } else {
                convert.audio(data, dts);
            }
        }
        return convert.dropped();
    }

    private static long millis(long ts, AVRational tb) {
        return ts * 1000L * tb.num() / tb.den();
    }
}
