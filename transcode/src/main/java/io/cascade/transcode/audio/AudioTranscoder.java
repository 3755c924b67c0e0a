// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Decoder;
import io.cascade.transcode.ffmpeg.Frames;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.InputCounters;
import io.cascade.transcode.metrics.OutputStats;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The audio half of a ladder: decode once (AAC or Opus), then one {@link AudioEncoderChain} per
 * audio output. Runs on the submitting thread: audio is a few percent of the work, and a thread of
 * its own would add a queue and a hand-off for no gain. Outputs open at the first decoded frame,
 * when the source's channel count is known.
 *
 * <p>Threading: one thread at a time calls {@link #submit}, {@link #finish}, {@link #close}.
 */
public final class AudioTranscoder {

    private final List<AudioRendition> outputs;
    private final RenditionSink sink;
    private final InputCounters counters;
    private final Decoder decoder;
    private final AVFrame decoded;
    private volatile List<AudioEncoderChain> chains = List.of();
    private boolean closed;

    public AudioTranscoder(AudioSource source, List<AudioRendition> outputs, RenditionSink sink,
            InputCounters counters) {
        this.outputs = List.copyOf(outputs);
        this.sink = sink;
        this.counters = counters;
        int codecId = source.codec() == Codec.AAC ? AV_CODEC_ID_AAC : AV_CODEC_ID_OPUS;
        this.decoder = Decoder.open(codecId, source.config(), source.sampleRate(), source.channels(), 1);
        this.decoded = Frames.alloc();
    }

    public List<OutputTrack> tracks() {
        return chains.stream().map(AudioEncoderChain::track).toList();
    }

    public List<OutputStats> stats() {
        return chains.stream().map(c -> c.counters().snapshot()).toList();
    }

    public void submit(EncodedPacket p) {
        counters.audioPacket();
        int ret = decoder.send(p.data(), p.data().length, p.ptsMicros(), p.dtsMicros(), true);
        if (ret < 0 && ret != AvErrors.EAGAIN) {
            counters.corrupt();
        }
        receiveFrames();
    }

    private void receiveFrames() {
        int ret;
        while ((ret = decoder.receive(decoded)) == 0) {
            try {
                long pts = decoded.best_effort_timestamp();
                if (pts == AV_NOPTS_VALUE) {
                    pts = decoded.pts();
                }
                if (pts != AV_NOPTS_VALUE && !outputs.isEmpty()) {
                    if (chains.isEmpty()) {
                        openChains(decoded.ch_layout().nb_channels());
                    }
                    for (AudioEncoderChain c : chains) {
                        c.accept(decoded, pts);
                    }
                }
            } finally {
                av_frame_unref(decoded);
            }
        }
        if (ret != AvErrors.EAGAIN && ret != AvErrors.EOF) {
            counters.corrupt();
        }
    }

    private void openChains(int sourceChannels) {
        List<AudioEncoderChain> opened = new ArrayList<>();
        try {
            for (AudioRendition r : outputs) {
                opened.add(new AudioEncoderChain(r, Math.max(1, Math.min(sourceChannels, r.maxChannels())), sink));
            }
        } catch (RuntimeException e) {
            opened.forEach(AudioEncoderChain::close);
            throw e;
        }
        chains = List.copyOf(opened);
    }

    /** Decodes and encodes what is buffered, flushes every encoder, then frees the natives. */
    public void finish() {
        if (closed) {
            return;
        }
        try {
            if (decoder.sendFlush() == 0) {
                receiveFrames();
            }
            chains.forEach(AudioEncoderChain::finish);
        } finally {
            close();
        }
    }

    /** Frees the natives without flushing. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chains.forEach(AudioEncoderChain::close);
        decoder.close();
        Frames.free(decoded);
    }
}
