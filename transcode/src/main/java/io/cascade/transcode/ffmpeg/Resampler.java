// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded audio to one encoder's sample format, rate and layout (swresample) and
 * re-blocks it into that encoder's frame size (an AVAudioFifo): AAC takes 1024 samples a frame,
 * Opus 960 at 48 kHz, and decoders hand out whatever they decoded. The swresample context is
 * rebuilt if the input's format, rate or layout changes. Not thread-safe.
 */
public final class Resampler implements AutoCloseable {

    private final int outFormat;
    private final int outRate;
    private final AVChannelLayout outLayout;
    private final AVAudioFifo fifo;
    private final AVFrame scratch;
    private final AVChannelLayout inLayout = new AVChannelLayout();
    private int scratchCapacity;
    private SwrContext swr;
    private int inFormat = -1;
    private int inRate;

    public Resampler(int outFormat, int outRate, AVChannelLayout outLayout, int frameSize) {
        this.outFormat = outFormat;
        this.outRate = outRate;
        this.outLayout = outLayout;
        this.fifo = av_audio_fifo_alloc(outFormat, outLayout.nb_channels(), Math.max(frameSize * 4, 4096));
        if (fifo == null || fifo.isNull()) {
            throw new FfmpegException("av_audio_fifo_alloc returned NULL");
        }
        NativeLedger.allocated(NativeLedger.Kind.AUDIO_FIFO);
        this.scratch = Frames.alloc();
    }

    /** Converts {@code frame}'s samples and queues them; returns the number of output samples queued. */
    public int write(AVFrame frame) {
        configureFor(frame);
        return convert(frame.extended_data(), frame.nb_samples());
    }

    /** Pushes out what the resampler still holds (end of stream); returns samples queued. */
    public int drain() {
        return swr == null ? 0 : convert(null, 0);
    }

    /** Samples waiting, in output samples. */
    public int available() {
        return av_audio_fifo_size(fifo);
    }

    /** Moves {@code samples} queued samples into {@code frame} (allocated by the caller for at least that many). */
    public void read(AVFrame frame, int samples) {
        frame.nb_samples(samples);
        int got = av_audio_fifo_read(fifo, frame.data(), samples);
        if (got != samples) {
            throw new FfmpegException("av_audio_fifo_read returned " + got + " of " + samples + " samples");
        }
    }

    private int convert(PointerPointer in, int inSamples) {
        int maxOut = swr_get_out_samples(swr, inSamples);
        if (maxOut <= 0) {
            return 0;
        }
        ensureScratch(maxOut);
        int n = swr_convert(swr, scratch.data(), maxOut, in, inSamples);
        AvErrors.check(n, "swr_convert");
        if (n > 0) {
            AvErrors.check(av_audio_fifo_write(fifo, scratch.data(), n), "av_audio_fifo_write");
        }
        return n;
    }

    private void configureFor(AVFrame frame) {
        if (swr != null && frame.format() == inFormat && frame.sample_rate() == inRate
                && av_channel_layout_compare(frame.ch_layout(), inLayout) == 0) {
            return;
        }
        freeSwr();
        SwrContext ctx = new SwrContext(null);
        AvErrors.check(swr_alloc_set_opts2(ctx, outLayout, outFormat, outRate, frame.ch_layout(), frame.format(),
                frame.sample_rate(), 0, null), "swr_alloc_set_opts2");
        NativeLedger.allocated(NativeLedger.Kind.RESAMPLER);
        swr = ctx;
        AvErrors.check(swr_init(swr), "swr_init");
        inFormat = frame.format();
        inRate = frame.sample_rate();
        av_channel_layout_uninit(inLayout);
        AvErrors.check(av_channel_layout_copy(inLayout, frame.ch_layout()), "av_channel_layout_copy");
    }

    private void ensureScratch(int samples) {
        if (samples <= scratchCapacity) {
            return;
        }
        av_frame_unref(scratch);
        scratchCapacity = Math.max(samples, 2048);
        scratch.format(outFormat).sample_rate(outRate).nb_samples(scratchCapacity);
        AvErrors.check(av_channel_layout_copy(scratch.ch_layout(), outLayout), "av_channel_layout_copy");
        AvErrors.check(av_frame_get_buffer(scratch, 0), "av_frame_get_buffer(audio)");
    }

    private void freeSwr() {
        if (swr != null) {
            swr_free(swr);
            NativeLedger.freed(NativeLedger.Kind.RESAMPLER);
            swr = null;
        }
    }

    @Override
    public void close() {
        freeSwr();
        av_audio_fifo_free(fifo);
        NativeLedger.freed(NativeLedger.Kind.AUDIO_FIFO);
        Frames.free(scratch);
        av_channel_layout_uninit(inLayout);
        inLayout.close();
    }
}
