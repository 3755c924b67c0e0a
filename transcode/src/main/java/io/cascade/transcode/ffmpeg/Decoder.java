// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * One FFmpeg decoder (avcodec send/receive API) fed with byte arrays. Timestamps are microseconds
 * ({@code pkt_timebase} 1/1000000), so decoded frames carry the input's timeline unchanged.
 *
 * <p>Packets are passed without a reference-counted buffer: the decoder copies them
 * ({@code avcodec_send_packet} contract), so one native staging buffer serves every packet. Not
 * thread-safe: one thread sends and receives.
 */
public final class Decoder implements AutoCloseable {

    private static final byte[] PADDING = new byte[AV_INPUT_BUFFER_PADDING_SIZE];

    private final AVCodecContext ctx;
    private final AVPacket packet;
    private BytePointer staging;
    private long stagingCapacity;

    private Decoder(AVCodecContext ctx) {
        this.ctx = ctx;
        this.packet = Packets.alloc();
    }

    /**
     * Opens a decoder.
     *
     * @param codecId    {@code AV_CODEC_ID_*}
     * @param extradata  out-of-band config in the codec's own form, or null
     * @param sampleRate audio: the rate to assume when the config does not say; 0 for video
     * @param channels   audio: likewise; 0 for video
     * @param threads    decoder threads, 0 = FFmpeg's choice
     */
    public static Decoder open(int codecId, byte[] extradata, int sampleRate, int channels, int threads) {
        Natives.load();
        AVCodec codec = avcodec_find_decoder(codecId);
        if (codec == null || codec.isNull()) {
            throw new FfmpegException("no FFmpeg decoder for codec id " + codecId);
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        if (ctx == null || ctx.isNull()) {
            throw new FfmpegException("avcodec_alloc_context3 returned NULL");
        }
        NativeLedger.allocated(NativeLedger.Kind.CODEC_CONTEXT);
        Decoder d = new Decoder(ctx);
        try {
            ctx.pkt_timebase(av_make_q(1, 1_000_000));
            ctx.thread_count(threads);
            if (sampleRate > 0) {
                ctx.sample_rate(sampleRate);
            }
            if (channels > 0) {
                av_channel_layout_default(ctx.ch_layout(), channels);
            }
            if (extradata != null && extradata.length > 0) {
                setExtradata(ctx, extradata);
            }
            AvErrors.check(avcodec_open2(ctx, codec, (AVDictionary) null), "avcodec_open2(" + codec.name().getString() + ")");
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** Copies {@code data} into {@code ctx.extradata} (av_malloc'ed, padded; freed with the context). */
    static void setExtradata(AVCodecContext ctx, byte[] data) {
        BytePointer p = new BytePointer(av_malloc(data.length + AV_INPUT_BUFFER_PADDING_SIZE));
        if (p.isNull()) {
            throw new FfmpegException("av_malloc(extradata) returned NULL");
        }
        p.capacity(data.length + AV_INPUT_BUFFER_PADDING_SIZE);
        p.put(data, 0, data.length);
        p.position(data.length).put(PADDING, 0, PADDING.length).position(0);
        ctx.extradata(p);
        ctx.extradata_size(data.length);
    }

    public AVCodecContext context() {
        return ctx;
    }

    /**
     * Sends {@code data[0, length)} as one packet.
     *
     * @return 0, {@link AvErrors#EAGAIN} when frames must be received first, or a negative error
     */
    public int send(byte[] data, int length, long ptsMicros, long dtsMicros, boolean keyframe) {
        ensureStaging(length + PADDING.length);
        staging.position(0).put(data, 0, length);
        staging.position(length).put(PADDING, 0, PADDING.length).position(0);
        packet.data(staging);
        packet.size(length);
        packet.pts(ptsMicros);
        packet.dts(dtsMicros);
        packet.flags(keyframe ? AV_PKT_FLAG_KEY : 0);
        int ret = avcodec_send_packet(ctx, packet);
        packet.data(null);
        packet.size(0);
        return ret;
    }

    /** Signals end of stream: buffered frames can then be received until {@link AvErrors#EOF}. */
    public int sendFlush() {
        return avcodec_send_packet(ctx, (AVPacket) null);
    }

    /** @return 0 with a frame in {@code frame}, {@link AvErrors#EAGAIN}, {@link AvErrors#EOF} or an error */
    public int receive(AVFrame frame) {
        return avcodec_receive_frame(ctx, frame);
    }

    private void ensureStaging(long size) {
        if (size > stagingCapacity) {
            if (staging != null) {
                staging.close();
            }
            stagingCapacity = Math.max(size, Math.max(64 * 1024, stagingCapacity * 2));
            staging = new BytePointer(stagingCapacity);
        }
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        NativeLedger.freed(NativeLedger.Kind.CODEC_CONTEXT);
        Packets.free(packet);
        if (staging != null) {
            staging.close();
            staging = null;
        }
    }
}
