// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.file;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Natives;
import io.cascade.transcode.h264.Avcc;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * One output written to a Matroska file with libavformat, so an independent reader (ffprobe) can
 * check it. H.264 goes in as Matroska wants it: the AVCDecoderConfigurationRecord as CodecPrivate
 * and length-prefixed samples, which also proves the record the transcoder derived is usable.
 */
final class MkvFileWriter implements AutoCloseable {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final OutputTrack track;
    private final AVFormatContext fmt;
    private final AVStream stream;
    private final AVPacket packet;

    MkvFileWriter(Path file, OutputTrack track, byte[] config) {
        Natives.load();
        this.track = track;
        this.fmt = new AVFormatContext(null);
        AvErrors.check(avformat_alloc_output_context2(fmt, null, "matroska", file.toString()),
                "avformat_alloc_output_context2");
        this.stream = avformat_new_stream(fmt, (AVCodec) null);
        describe(stream.codecpar(), track, config);
        stream.time_base(av_make_q(1, 1000));
        AVIOContext pb = new AVIOContext(null);
        AvErrors.check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "avio_open(" + file + ")");
        fmt.pb(pb);
        AvErrors.check(avformat_write_header(fmt, (AVDictionary) null), "avformat_write_header");
        this.packet = av_packet_alloc();
    }

    private static void describe(AVCodecParameters par, OutputTrack track, byte[] config) {
        if (track.codec() == Codec.H264) {
            par.codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_H264).width(track.width()).height(track.height());
        } else {
            par.codec_type(AVMEDIA_TYPE_AUDIO).codec_id(track.codec() == Codec.AAC ? AV_CODEC_ID_AAC : AV_CODEC_ID_OPUS)
                    .sample_rate(track.sampleRate());
            av_channel_layout_default(par.ch_layout(), track.channels());
        }
        BytePointer p = new BytePointer(av_malloc(config.length + AV_INPUT_BUFFER_PADDING_SIZE));
        p.capacity(config.length + AV_INPUT_BUFFER_PADDING_SIZE);
        p.put(new byte[config.length + AV_INPUT_BUFFER_PADDING_SIZE]);
        p.put(config, 0, config.length);
        par.extradata(p).extradata_size(config.length);
    }

    void write(EncodedPacket p) {
        byte[] data = track.codec() == Codec.H264 ? Avcc.fromAnnexB(p.data(), 4) : p.data();
        AvErrors.check(av_new_packet(packet, data.length), "av_new_packet");
        try {
            packet.data().put(data, 0, data.length);
            packet.pts(av_rescale_q(p.ptsMicros(), MICROS, stream.time_base()));
            packet.dts(av_rescale_q(p.dtsMicros(), MICROS, stream.time_base()));
            packet.flags(p.keyframe() ? AV_PKT_FLAG_KEY : 0);
            packet.stream_index(0);
            AvErrors.check(av_write_frame(fmt, packet), "av_write_frame(" + track.name() + ")");
        } finally {
            av_packet_unref(packet);
        }
    }

    @Override
    public void close() {
        av_write_trailer(fmt);
        AVIOContext pb = fmt.pb();
        avio_closep(pb);
        fmt.pb((AVIOContext) null);
        avformat_free_context(fmt);
        av_packet_free(packet);
    }
}
