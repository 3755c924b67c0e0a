// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.file;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.cascade.transcode.audio.AudioSource;
import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.FfmpegException;
import io.cascade.transcode.ffmpeg.Natives;
import io.cascade.transcode.h264.AnnexB;
import io.cascade.transcode.h264.AvcConfigurationRecord;
import io.cascade.transcode.h264.H264Framing;
import io.cascade.transcode.h264.MalformedH264Exception;
import io.cascade.transcode.ladder.TranscodeSource;
import io.cascade.transcode.ladder.VideoSource;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.FrameRate;
import io.cascade.transcode.media.MediaType;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads a media file (MP4, FLV, MPEG-TS, ...) into {@link EncodedPacket}s with libavformat, the
 * way an input manager would hand them over: H.264 in the file's own framing (AVCC from MP4/FLV,
 * Annex B from TS) with its config record, AAC as raw frames with its AudioSpecificConfig, Opus
 * with its OpusHead.
 * Timestamps are rescaled to microseconds, nothing else. For tests and the benchmark.
 */
public final class FileDemuxer implements AutoCloseable {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final AVFormatContext fmt;
    private final AVPacket packet;
    private final int videoIndex;
    private final int audioIndex;

    private FileDemuxer(AVFormatContext fmt) {
        this.fmt = fmt;
        this.packet = av_packet_alloc();
        this.videoIndex = findStream(AVMEDIA_TYPE_VIDEO, AV_CODEC_ID_H264);
        int aac = findStream(AVMEDIA_TYPE_AUDIO, AV_CODEC_ID_AAC);
        this.audioIndex = aac >= 0 ? aac : findStream(AVMEDIA_TYPE_AUDIO, AV_CODEC_ID_OPUS);
    }

    public static FileDemuxer open(Path file) {
        Natives.load();
        AVFormatContext fmt = new AVFormatContext(null);
        AvErrors.check(avformat_open_input(fmt, file.toString(), null, (AVDictionary) null),
                "avformat_open_input(" + file + ")");
        try {
            AvErrors.check(avformat_find_stream_info(fmt, (AVDictionary) null), "avformat_find_stream_info");
            return new FileDemuxer(fmt);
        } catch (RuntimeException e) {
            avformat_close_input(fmt);
            throw e;
        }
    }

    private int findStream(int mediaType, int codecId) {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            AVCodecParameters par = fmt.streams(i).codecpar();
            if (par.codec_type() == mediaType && par.codec_id() == codecId) {
                return i;
            }
        }
        return -1;
    }

    /** Video and audio as this file carries them; audio is left out when it has no AudioSpecificConfig (ADTS). */
    public TranscodeSource source() throws MalformedH264Exception {
        return new TranscodeSource(videoSource(), audioSource());
    }

    public VideoSource videoSource() throws MalformedH264Exception {
        if (videoIndex < 0) {
            return null;
        }
        AVStream s = fmt.streams(videoIndex);
        byte[] extradata = extradata(s.codecpar());
        H264Framing framing = H264Framing.annexB();
        if (extradata.length > 0 && !AnnexB.startsWithStartCode(extradata)) {
            framing = H264Framing.avcc(AvcConfigurationRecord.decode(extradata).lengthSize());
        }
        AVRational r = s.avg_frame_rate().num() > 0 ? s.avg_frame_rate() : s.r_frame_rate();
        FrameRate rate = r.num() > 0 && r.den() > 0 ? new FrameRate(r.num(), r.den()) : FrameRate.of(30);
        return new VideoSource(framing, extradata.length == 0 ? null : extradata, rate);
    }

    /** AAC with its AudioSpecificConfig, or Opus with its OpusHead; null for none or for ADTS AAC. */
    public AudioSource audioSource() {
        if (audioIndex < 0) {
            return null;
        }
        AVCodecParameters par = fmt.streams(audioIndex).codecpar();
        byte[] config = extradata(par);
        int channels = Math.max(1, par.ch_layout().nb_channels());
        if (par.codec_id() == AV_CODEC_ID_OPUS) {
            return new AudioSource(Codec.OPUS, config.length == 0 ? null : config, 48000, channels);
        }
        return config.length < 2 ? null : new AudioSource(Codec.AAC, config, par.sample_rate(), channels);
    }

    /** Media duration in microseconds, or 0 when unknown. */
    public long durationMicros() {
        return Math.max(0, fmt.duration());
    }

    /** The next H.264 or audio packet, or null at the end of the file. */
    public EncodedPacket next() {
        while (true) {
            int ret = av_read_frame(fmt, packet);
            if (ret == AvErrors.EOF) {
                return null;
            }
            if (ret < 0) {
                throw new FfmpegException("av_read_frame", ret);
            }
            try {
                int idx = packet.stream_index();
                if (idx == videoIndex || (idx == audioIndex && audioIndex >= 0)) {
                    return convert(idx == videoIndex ? MediaType.VIDEO : MediaType.AUDIO, fmt.streams(idx));
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private EncodedPacket convert(MediaType type, AVStream s) {
        long dts = packet.dts() == AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        long pts = packet.pts() == AV_NOPTS_VALUE ? dts : packet.pts();
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        return new EncodedPacket(type, av_rescale_q(pts, s.time_base(), MICROS),
                av_rescale_q(dts, s.time_base(), MICROS), (packet.flags() & AV_PKT_FLAG_KEY) != 0, data);
    }

    private static byte[] extradata(AVCodecParameters par) {
        int n = par.extradata_size();
        if (n <= 0 || par.extradata() == null || par.extradata().isNull()) {
            return new byte[0];
        }
        byte[] out = new byte[n];
        par.extradata().get(out);
        return out;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avformat_close_input(fmt);
    }
}
