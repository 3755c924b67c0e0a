// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;

import io.cascade.transcode.ffmpeg.AvErrors;
import io.cascade.transcode.ffmpeg.Encoder;
import io.cascade.transcode.ffmpeg.FfmpegException;
import io.cascade.transcode.ffmpeg.Frames;
import io.cascade.transcode.ffmpeg.Packets;
import io.cascade.transcode.ffmpeg.Scaler;
import io.cascade.transcode.h264.AvcConfigurationRecord;
import io.cascade.transcode.h264.KeyframeParameterSets;
import io.cascade.transcode.h264.MalformedH264Exception;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.FrameRate;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.OutputCounters;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One rendition on its own thread: take a decoded picture from the queue, scale it, encode it with
 * x264, hand the packet to the sink. One thread per rendition because x264 with
 * {@code tune=zerolatency} has no lookahead to overlap work within a stream, so parallelism has to
 * come from encoding renditions side by side (measured in STACK.md: ~11% faster than one thread
 * for the ladder).
 *
 * <p>Lifecycle: constructed (natives opened on the caller's thread, so a bad setting fails there),
 * {@link #start}, any number of {@link #offer}, then {@link #finish} (drain, flush x264) or
 * {@link #abort} (drop what is queued), {@link #await}, and {@link #release} to free the natives once
 * the thread has ended.
 */
final class RenditionEncoder {

    private final PlannedRendition plan;
    private final OutputTrack track;
    private final RenditionSink sink;
    private final OutputCounters counters;
    private final long frameMicros;
    private final Encoder encoder;
    private final Scaler scaler;
    private final AVPacket packet;
    private final HandoffQueue<QueuedFrame> queue;
    private final KeyframeParameterSets parameterSets = new KeyframeParameterSets(4);
    private final Thread thread;
    private volatile boolean aborted;
    private volatile Throwable failure;
    private AvcConfigurationRecord announced;

    RenditionEncoder(PlannedRendition plan, LadderConfig config, FrameRate rate, RenditionSink sink) {
        this.plan = plan;
        this.track = plan.track();
        this.sink = sink;
        this.counters = new OutputCounters(track.name());
        this.frameMicros = rate.frameMicros();
        int keyint = rate.framesIn(config.keyframeInterval().toNanos() / 1000);
        this.encoder = Encoder.open("libx264", X264Settings.context(plan, config, rate, keyint),
                X264Settings.options(plan, config, keyint));
        this.scaler = new Scaler(plan.width(), plan.height(), SWS_BICUBIC);
        this.packet = Packets.alloc();
        this.queue = new HandoffQueue<>(config.queueCapacity(), config.overflow(), QueuedFrame::keyframe,
                f -> Frames.free(f.frame()));
        this.thread = Thread.ofPlatform().name("transcode-" + track.name()).daemon().unstarted(this::run);
    }

    OutputTrack track() {
        return track;
    }

    OutputCounters counters() {
        return counters;
    }

    Throwable failure() {
        return failure;
    }

    void start() {
        thread.start();
    }

    /** Queues a new reference to {@code decoded}; may block (BLOCK policy) or drop the oldest frame. */
    void offer(AVFrame decoded, long ptsMicros, boolean keyframe) throws InterruptedException {
        AVFrame ref = Frames.cloneRef(decoded);
        if (ref == null) {
            counters.dropped(1);
            return;
        }
        counters.dropped(queue.put(new QueuedFrame(ref, ptsMicros, keyframe)));
    }

    /** No more frames: encode what is queued, flush x264, end the thread. */
    void finish() {
        queue.finish();
    }

    /** Stop now: queued frames are dropped, x264 is not flushed. */
    void abort() {
        aborted = true;
        queue.abort();
    }

    /** Waits for the thread to end; false if it is still running after {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        return thread.join(timeout);
    }

    /** Frees the natives. Only after {@link #await} returned true: the thread uses them until it ends. */
    void release() {
        queue.abort();
        encoder.close();
        scaler.close();
        Packets.free(packet);
    }

    private void run() {
        try {
            QueuedFrame f;
            while ((f = queue.take()) != null) {
                try {
                    encode(f);
                } finally {
                    Frames.free(f.frame());
                }
            }
            if (!aborted) {
                flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | MalformedH264Exception e) {
            failure = e;
            queue.abort();
        }
    }

    private void encode(QueuedFrame f) throws MalformedH264Exception {
        AVFrame picture = scaler.scale(f.frame());
        picture.pts(f.ptsMicros());
        // Decoded pictures keep the source's picture type; left set, x264 would copy the source's
        // frame types. NONE lets x264 choose; I makes this an IDR (forced-idr=1).
        picture.pict_type(f.keyframe() ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        picture.flags(picture.flags() & ~Frames.FLAG_KEY);
        if (encoder.send(picture) < 0) {
            // x264 refused this picture (it does not, short of running out of memory): the frame is
            // lost like a dropped one, and counted with them.
            counters.dropped(1);
            return;
        }
        drain();
    }

    private void flush() throws MalformedH264Exception {
        encoder.send(null);
        drain();
    }

    private void drain() throws MalformedH264Exception {
        int ret;
        while ((ret = encoder.receive(packet)) == 0) {
            try {
                deliver();
            } finally {
                av_packet_unref(packet);
            }
        }
        if (ret != AvErrors.EAGAIN && ret != AvErrors.EOF) {
            throw new FfmpegException("avcodec_receive_packet(" + track.name() + ")", ret);
        }
    }

    private void deliver() throws MalformedH264Exception {
        byte[] data = Packets.payload(packet);
        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        if (key) {
            data = parameterSets.onKeyframe(data);
            AvcConfigurationRecord record = parameterSets.record();
            if (record != announced) {
                announced = record;
                sink.config(track, new CodecConfig(Codec.H264, record.encode()));
            }
        }
        long pts = packet.pts();
        sink.packet(track, EncodedPacket.video(pts, packet.dts(), key, data));
        counters.delivered(data.length, pts, frameMicros);
    }

    @Override
    public String toString() {
        return "RenditionEncoder[" + track.name() + " " + plan.width() + "x" + plan.height() + "]";
    }
}
