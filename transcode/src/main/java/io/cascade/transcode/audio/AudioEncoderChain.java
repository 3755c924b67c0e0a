// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Encoder;
import io.cascade.transcode.ffmpeg.Frames;
import io.cascade.transcode.ffmpeg.Packets;
import io.cascade.transcode.ffmpeg.Resampler;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.OutputCounters;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Decoded audio to one audio output: resample to the encoder's format and rate, re-block into its
 * frame size, encode, deliver.
 *
 * <p>Timestamps: the first decoded frame anchors the output sample clock; after that each encoder
 * frame's PTS is the anchor plus the samples already sent, so rounding never accumulates. A jump of
 * more than {@link #RESYNC_MICROS} in the input timeline re-anchors the clock (counted). Encoders
 * delay their output by their priming samples (AAC 1024, Opus 312); like FFmpeg, the first packets
 * then carry timestamps that much before the first input PTS, and containers trim them with an
 * edit list or pre-skip.
 */
final class AudioEncoderChain implements AutoCloseable {

    static final long RESYNC_MICROS = 100_000;
    private static final long NONE = Long.MIN_VALUE;

    private final OutputTrack track;
    private final RenditionSink sink;
    private final OutputCounters counters;
    private final Encoder encoder;
    private final Resampler resampler;
    private final AVFrame frame;
    private final AVPacket packet;
    private final AVRational samples;
    private final AVRational micros;
    private final int frameSize;
    private final int sampleRate;
    private long nextPts = NONE;
    private long expectedInputMicros = NONE;
    private long resyncs;

    AudioEncoderChain(AudioRendition r, int channels, RenditionSink sink) {
        this.sink = sink;
        this.sampleRate = r.sampleRate();
        this.track = OutputTrack.audio(r.name(), r.codec(), sampleRate, channels, r.bitrate().bitsPerSecond());
        this.counters = new OutputCounters(r.name());
        this.samples = av_make_q(1, sampleRate);
        this.micros = av_make_q(1, 1_000_000);
        int format = r.codec() == Codec.AAC ? AV_SAMPLE_FMT_FLTP : AV_SAMPLE_FMT_FLT;
        AVChannelLayout layout = new AVChannelLayout();
        av_channel_layout_default(layout, channels);
        this.encoder = Encoder.open(r.encoderName(), ctx -> {
            ctx.sample_fmt(format);
            ctx.sample_rate(sampleRate);
            av_channel_layout_copy(ctx.ch_layout(), layout);
            ctx.bit_rate(r.bitrate().bitsPerSecond());
            ctx.time_base(samples);
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }, Map.of());
        int size = encoder.context().frame_size();
        this.frameSize = size > 0 ? size : 1024;
        this.resampler = new Resampler(format, sampleRate, layout, frameSize);
        this.frame = Frames.alloc();
        this.packet = Packets.alloc();
        frame.format(format).sample_rate(sampleRate).nb_samples(frameSize);
        av_channel_layout_copy(frame.ch_layout(), layout);
        AvErrors.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer(" + r.name() + ")");
        sink.config(track, new CodecConfig(r.codec(), encoder.extradata()));
    }

    OutputTrack track() {
        return track;
    }

    OutputCounters counters() {
        return counters;
    }

    long resyncs() {
        return resyncs;
    }

    void accept(AVFrame decoded, long ptsMicros) {
        long anchor = av_rescale_q(ptsMicros, micros, samples);
        if (nextPts == NONE) {
            nextPts = anchor;
        } else if (Math.abs(ptsMicros - expectedInputMicros) > RESYNC_MICROS) {
            resyncs++;
            nextPts = anchor - resampler.available();
        }
        expectedInputMicros = ptsMicros + decoded.nb_samples() * 1_000_000L / Math.max(1, decoded.sample_rate());
        resampler.write(decoded);
        while (resampler.available() >= frameSize) {
            encodeFromFifo(frameSize);
        }
    }

    /** Encodes what is left (a short last frame included) and flushes the encoder. */
    void finish() {
        if (nextPts != NONE) {
            resampler.drain();
            while (resampler.available() > 0) {
                encodeFromFifo(Math.min(frameSize, resampler.available()));
            }
        }
        encoder.send(null);
        drain();
    }

    private void encodeFromFifo(int n) {
        AvErrors.check(av_frame_make_writable(frame), "av_frame_make_writable(audio)");
        resampler.read(frame, n);
        frame.pts(nextPts);
        nextPts += n;
        if (encoder.send(frame) >= 0) {
            drain();
        }
    }

    private void drain() {
        while (encoder.receive(packet) == 0) {
            try {
                byte[] data = Packets.payload(packet);
                long pts = av_rescale_q(packet.pts(), samples, micros);
                long dts = av_rescale_q(packet.dts(), samples, micros);
                long duration = av_rescale_q(packet.duration(), samples, micros);
                sink.packet(track, new EncodedPacket(track.type(), pts, dts, true, data));
                counters.delivered(data.length, pts, duration);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        encoder.close();
        resampler.close();
        Frames.free(frame);
        Packets.free(packet);
    }
}
