// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/**
 * FFmpeg 8's {@code whip} muxer, through JavaCV, publishing a synthetic 640x360 30 fps picture
 * (H.264 constrained baseline from libx264, no B-frames) and a 440 Hz tone (Opus, 48 kHz stereo:
 * the muxer accepts nothing else) in real time, on a thread of its own.
 *
 * <p>Everything that touches the recorder runs on that one thread, paced by a fixed-rate 20 ms
 * tick (one Opus frame per tick, a video frame whenever the 30 fps clock is due), so the muxer
 * sends at the rate a camera would. {@code startUnsafe()} and {@code releaseUnsafe()} keep off
 * JavaCV's global lock on {@code avcodec.class} (../shared/STACK.md); releasing the format context
 * runs the muxer's deinit, which DELETEs the WHIP session (RFC 9725 §4.2).
 */
final class FfmpegWhipPublisher implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final int FPS = 30;
    private static final int SAMPLE_RATE = 48_000;
    private static final int TICK_MS = 20;
    private static final int SAMPLES_PER_TICK = SAMPLE_RATE * TICK_MS / 1000;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("ffmpeg-whip").daemon().unstarted(r));
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioFrames = new AtomicLong();
    private final String url;
    private final String token;
    private final int ticksToSend;
    // Confined to the publisher's thread.
    private FFmpegFrameRecorder recorder;
    private ScheduledFuture<?> ticks;
    private final Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
    private final ShortBuffer tone = ShortBuffer.allocate(SAMPLES_PER_TICK * 2);
    private int tick;

    private FfmpegWhipPublisher(String url, String token, Duration duration) {
        this.url = url;
        this.token = token;
        this.ticksToSend = (int) (duration.toMillis() / TICK_MS);
    }

    /** Starts publishing to {@code url} (http://host/whip/key) with bearer {@code token} for {@code duration}. */
    static FfmpegWhipPublisher start(String url, String token, Duration duration) {
        FFmpegLogCallback.set(); // FFmpeg's own log, muxer state and errors, into the test output
        FFmpegLogCallback.setLevel(AV_LOG_VERBOSE);
        FfmpegWhipPublisher publisher = new FfmpegWhipPublisher(url, token, duration);
        publisher.thread.execute(publisher::open);
        return publisher;
    }

    /** Completes once the muxer's header is written: WHIP offer/answer, ICE and DTLS are done. */
    CompletableFuture<Void> connected() {
        return connected;
    }

    /** Completes when publishing ended and the recorder was released (its session DELETEd). */
    CompletableFuture<Void> finished() {
        return finished;
    }

    long videoFrames() {
        return videoFrames.get();
    }

    long audioFrames() {
        return audioFrames.get();
    }

    private void open() {
        try {
            recorder = new FFmpegFrameRecorder(url, WIDTH, HEIGHT, 2);
            recorder.setFormat("whip");
            recorder.setOption("authorization", token); // the muxer sends "Authorization: Bearer <token>"
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS); // a keyframe a second: the muxer ignores PLI, a late viewer waits for one
            recorder.setMaxBFrames(0);
            recorder.setVideoBitrate(800_000);
            recorder.setVideoOption("profile", "baseline");
            recorder.setVideoOption("tune", "zerolatency");
            recorder.setVideoOption("preset", "veryfast");
            recorder.setAudioCodec(AV_CODEC_ID_OPUS);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(2);
            recorder.setAudioBitrate(64_000);
            recorder.startUnsafe();
            connected.complete(null);
            ticks = thread.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        } catch (Exception | Error e) {
            connected.completeExceptionally(e);
            finish(e);
        }
    }

    private void tick() {
        try {
            recorder.recordSamples(SAMPLE_RATE, 2, nextTone());
            audioFrames.incrementAndGet();
            long dueFrames = (long) tick * TICK_MS * FPS / 1000 + 1;
            while (videoFrames.get() < dueFrames) {
                recorder.record(nextPicture(videoFrames.get()));
                videoFrames.incrementAndGet();
            }
            if (++tick >= ticksToSend) {
                finish(null);
            }
        } catch (Exception | Error e) {
            finish(e);
        }
    }

    /** Publisher thread: stops the ticks and releases the recorder; completes {@link #finished}. */
    private void finish(Throwable error) {
        if (ticks != null) {
            ticks.cancel(false);
        }
        Throwable failure = error;
        try {
            if (recorder != null) {
                if (error == null) {
                    recorder.flush();
                }
                recorder.releaseUnsafe();
            }
        } catch (Exception e) {
            failure = failure == null ? e : failure;
        }
        recorder = null;
        if (failure == null) {
            finished.complete(null);
        } else {
            finished.completeExceptionally(failure);
        }
    }

    /** A grey picture with a white bar that moves a few pixels a frame, in BGR24. */
    private Frame nextPicture(long index) {
        ByteBuffer bgr = (ByteBuffer) picture.image[0];
        int stride = picture.imageStride;
        int bar = (int) (index * 8 % WIDTH);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                byte v = (byte) (x >= bar && x < bar + 40 ? 235 : 16 + (y * 200 / HEIGHT));
                int at = y * stride + x * 3;
                bgr.put(at, v).put(at + 1, v).put(at + 2, (byte) (x * 255 / WIDTH));
            }
        }
        return picture;
    }

    /** 20 ms of a 440 Hz tone, interleaved stereo. */
    private ShortBuffer nextTone() {
        tone.clear();
        long first = (long) tick * SAMPLES_PER_TICK;
        for (int i = 0; i < SAMPLES_PER_TICK; i++) {
            short s = (short) (Math.sin(2 * Math.PI * 440 * (first + i) / SAMPLE_RATE) * 8000);
            tone.put(s).put(s);
        }
        return tone.flip();
    }

    /** Ends publishing now if it has not ended, and waits for the thread (bounded). */
    @Override
    public void close() throws InterruptedException {
        thread.execute(() -> {
            if (!finished.isDone()) {
                finish(null);
            }
        });
        thread.shutdown();
        thread.awaitTermination(15, TimeUnit.SECONDS);
    }
}
