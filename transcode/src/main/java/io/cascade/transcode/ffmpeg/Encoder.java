// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One FFmpeg encoder (avcodec send/receive API). Opening fails loudly on an option the encoder did
 * not consume: FFmpeg otherwise ignores a misspelt option silently and the ladder would run with
 * defaults nobody chose. Not thread-safe: one thread sends and receives.
 */
public final class Encoder implements AutoCloseable {

    private final AVCodecContext ctx;
    private final String name;

    private Encoder(AVCodecContext ctx, String name) {
        this.ctx = ctx;
        this.name = name;
    }

    /**
     * Opens encoder {@code name} ({@code libx264}, {@code aac}, {@code libopus}).
     *
     * @param setup   sets the context's fields before opening
     * @param options codec private options ({@code preset}, {@code x264-params}, ...)
     */
    public static Encoder open(String name, Consumer<AVCodecContext> setup, Map<String, String> options) {
        Natives.load();
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new FfmpegException("no FFmpeg encoder named " + name + " in these natives");
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        if (ctx == null || ctx.isNull()) {
            throw new FfmpegException("avcodec_alloc_context3(" + name + ") returned NULL");
        }
        NativeLedger.allocated(NativeLedger.Kind.CODEC_CONTEXT);
        Encoder e = new Encoder(ctx, name);
        AVDictionary dict = new AVDictionary(null);
        try {
            setup.accept(ctx);
            options.forEach((k, v) -> av_dict_set(dict, k, v, 0));
            AvErrors.check(avcodec_open2(ctx, codec, dict), "avcodec_open2(" + name + ")");
            if (av_dict_count(dict) > 0) {
                throw new FfmpegException(name + " did not take option(s) " + leftovers(dict));
            }
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        } finally {
            av_dict_free(dict);
        }
    }

    private static List<String> leftovers(AVDictionary dict) {
        List<String> keys = new ArrayList<>();
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            keys.add(entry.key().getString());
        }
        return keys;
    }

    public AVCodecContext context() {
        return ctx;
    }

    public String name() {
        return name;
    }

    /** Sends a frame, or null to flush. Returns 0, {@link AvErrors#EAGAIN}, {@link AvErrors#EOF} or an error. */
    public int send(AVFrame frame) {
        return avcodec_send_frame(ctx, frame);
    }

    /** Returns 0 with a packet in {@code packet}, {@link AvErrors#EAGAIN}, {@link AvErrors#EOF} or an error. */
    public int receive(AVPacket packet) {
        return avcodec_receive_packet(ctx, packet);
    }

    /** The encoder's global header after opening (AudioSpecificConfig, OpusHead), or an empty array. */
    public byte[] extradata() {
        int size = ctx.extradata_size();
        if (size <= 0 || ctx.extradata() == null || ctx.extradata().isNull()) {
            return new byte[0];
        }
        byte[] out = new byte[size];
        ctx.extradata().get(out);
        return out;
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        NativeLedger.freed(NativeLedger.Kind.CODEC_CONTEXT);
    }
}
