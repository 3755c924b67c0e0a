// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Decoder;
import io.cascade.transcode.ffmpeg.Frames;
import io.cascade.transcode.h264.AnnexB;
import io.cascade.transcode.h264.H264Framing;
import io.cascade.transcode.h264.H264SourceConfig;
import io.cascade.transcode.h264.MalformedH264Exception;
import io.cascade.transcode.h264.NalWriter;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.InputCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The video half of a ladder, read top to bottom:
 * <pre>
 *   packet -> framing to Annex B (+ out-of-band SPS/PPS before keyframes)
 *          -> H.264 decode (once, on the submitting thread)
 *          -> keyframe schedule (one decision per picture, shared by all renditions)
 *          -> per rendition: bounded queue -> scale -> x264 -> sink   (one thread each)
 * </pre>
 * Renditions are planned from the first decoded picture's size. A packet the framing parser or the
 * decoder rejects is counted and dropped; decoding goes on with the next one.
 *
 * <p>Decoding uses the avcodec send/receive API directly rather than FFmpegFrameGrabber: the
 * input is packets, not a file or URL, so a grabber would need a custom AVIOContext and a demuxer
 * guessing a format we already know, and it would hide the AVFrame references the fan-out shares.
 *
 * <p>Threading: {@link #submit}, {@link #finish} and {@link #abort} from one thread at a time (the
 * facade serialises them); {@link #forceKeyframe} from any thread.
 */
final class VideoLadder {

    private final VideoSource source;
    private final LadderConfig config;
    private final RenditionSink sink;
    private final InputCounters counters;
    private final Decoder decoder;
    private final AVFrame decoded;
    private final NalWriter annexB = new NalWriter(64 * 1024);
    private final NalWriter withParameterSets = new NalWriter(64 * 1024);
    private final KeyframeScheduler schedule;
    private final AtomicBoolean forceRequested = new AtomicBoolean();
    private volatile List<RenditionEncoder> encoders = List.of();
    private byte[] parameterSets;
    private H264Framing framing;
    private long lastPts = Long.MIN_VALUE;

    VideoLadder(VideoSource source, LadderConfig config, RenditionSink sink, InputCounters counters)
            throws MalformedH264Exception {
        this.source = source;
        this.config = config;
        this.sink = sink;
        this.counters = counters;
        this.framing = source.framing();
        if (source.config() != null) {
            applyConfig(source.config());
        }
        long interval = config.keyframeInterval().toNanos() / 1000;
        this.schedule = new KeyframeScheduler(interval, source.frameRate().framesIn(interval),
                source.frameRate().frameMicros());
        this.decoder = Decoder.open(AV_CODEC_ID_H264, null, 0, 0, config.decoderThreads());
        this.decoded = Frames.alloc();
    }

    /** New out-of-band SPS/PPS (a program switch): used before every following keyframe. */
    void config(byte[] config) throws MalformedH264Exception {
        applyConfig(config);
    }

    private void applyConfig(byte[] config) throws MalformedH264Exception {
        H264SourceConfig parsed = H264SourceConfig.parse(config);
        parameterSets = parsed.parameterSets();
        if (parsed.lengthSize() != 0 && !source.framing().isAnnexB()) {
            // The record is the authority on the NAL length size of the samples that follow it.
            framing = H264Framing.avcc(parsed.lengthSize());
        }
    }

    void forceKeyframe() {
        forceRequested.set(true);
    }

    List<RenditionEncoder> encoders() {
        return encoders;
    }

    void submit(EncodedPacket p) throws InterruptedException {
        counters.videoPacket();
        if (forceRequested.getAndSet(false)) {
            schedule.forceAt(p.ptsMicros());
        }
        annexB.reset();
        try {
            framing.toAnnexB(p.data(), annexB);
        } catch (MalformedH264Exception e) {
            counters.corrupt();
            return;
        }
        NalWriter in = annexB;
        // Out-of-band SPS/PPS go before every IDR, found by NAL type too: a source that flags
        // keyframes wrongly must not leave the decoder without parameter sets.
        if (parameterSets != null && (p.keyframe() || AnnexB.containsIdr(annexB.array(), annexB.size()))) {
            withParameterSets.reset();
            withParameterSets.append(parameterSets, 0, parameterSets.length);
            withParameterSets.append(annexB.array(), 0, annexB.size());
            in = withParameterSets;
        }
        int ret = decoder.send(in.array(), in.size(), p.ptsMicros(), p.dtsMicros(), p.keyframe());
        if (ret < 0 && ret != AvErrors.EAGAIN) {
            counters.corrupt();
        }
        receiveFrames();
    }

    private void receiveFrames() throws InterruptedException {
        int ret;
        while ((ret = decoder.receive(decoded)) == 0) {
            try {
                fanOut(decoded);
            } finally {
                av_frame_unref(decoded);
            }
        }
        if (ret != AvErrors.EAGAIN && ret != AvErrors.EOF) {
            counters.corrupt();
        }
    }

    private void fanOut(AVFrame frame) throws InterruptedException {
        counters.decoded();
        if (frame.decode_error_flags() != 0 || (frame.flags() & Frames.FLAG_CORRUPT) != 0) {
            counters.concealed();
        }
        long pts = frame.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = frame.pts() != AV_NOPTS_VALUE ? frame.pts()
                    : lastPts == Long.MIN_VALUE ? 0 : lastPts + source.frameRate().frameMicros();
        }
        lastPts = pts;
        if (encoders.isEmpty()) {
            startEncoders(frame.width(), frame.height());
        }
        boolean key = schedule.isKeyframe(pts);
        for (RenditionEncoder e : encoders) {
            e.offer(frame, pts, key);
        }
    }

    private void startEncoders(int width, int height) {
        List<RenditionEncoder> started = new ArrayList<>();
        try {
            for (PlannedRendition r : LadderPlanner.plan(width, height, config.renditions())) {
                started.add(new RenditionEncoder(r, config, source.frameRate(), sink));
            }
        } catch (RuntimeException e) {
            started.forEach(RenditionEncoder::release);
            throw e;
        }
        started.forEach(RenditionEncoder::start);
        encoders = List.copyOf(started);
    }

    /** Decodes what the decoder holds back, lets every encoder drain and flush, and frees everything. */
    boolean finish() throws InterruptedException {
        if (decoder.sendFlush() == 0) {
            receiveFrames();
        }
        encoders.forEach(RenditionEncoder::finish);
        return awaitAndRelease();
    }

    /** Drops queued frames, stops the encoders and frees everything. */
    boolean abort() throws InterruptedException {
        encoders.forEach(RenditionEncoder::abort);
        return awaitAndRelease();
    }

    /** @return false if an encoder thread did not end in time (its natives are then left allocated) */
    private boolean awaitAndRelease() throws InterruptedException {
        boolean all = true;
        for (RenditionEncoder e : encoders) {
            if (e.await(config.shutdownTimeout())) {
                e.release();
            } else {
                all = false;
            }
        }
        decoder.close();
        Frames.free(decoded);
        return all;
    }
}
