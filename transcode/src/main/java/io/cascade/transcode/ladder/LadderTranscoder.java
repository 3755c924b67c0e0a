// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.Transcoder;
import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.audio.AudioTranscoder;
import io.cascade.transcode.h264.MalformedH264Exception;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.cascade.transcode.metrics.InputCounters;
import io.cascade.transcode.metrics.OutputStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ABR ladder for one broadcast: H.264 decoded once and encoded per rendition on its own thread
 * ({@link VideoLadder}), audio decoded once and encoded as AAC and Opus ({@link AudioTranscoder}).
 * Output timestamps are the input's: nothing here rebases or resets them, across program switches
 * included (the input manager keeps the input continuous).
 */
public final class LadderTranscoder implements Transcoder {

    private final InputCounters counters = new InputCounters();
    private final ReentrantLock lock = new ReentrantLock();
    private final VideoLadder video;
    private final AudioTranscoder audio;
    private volatile boolean closed;

    private LadderTranscoder(TranscodeSource source, LadderConfig config, List<AudioRendition> audioOutputs,
            RenditionSink sink) throws MalformedH264Exception {
        VideoLadder v = source.video() == null ? null : new VideoLadder(source.video(), config, sink, counters);
        try {
            this.audio = source.audio() == null ? null
                    : new AudioTranscoder(source.audio(), audioOutputs, sink, counters);
        } catch (RuntimeException e) {
            if (v != null) {
                abortQuietly(v);
            }
            throw e;
        }
        this.video = v;
    }

    /**
     * Opens the decoders. Encoders open at the first decoded picture or audio frame.
     *
     * @throws MalformedH264Exception when the source's out-of-band H.264 config does not parse
     */
    public static LadderTranscoder start(TranscodeSource source, LadderConfig config, List<AudioRendition> audio,
            RenditionSink sink) throws MalformedH264Exception {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(sink, "sink");
        return new LadderTranscoder(source, config, audio, sink);
    }

    /** The default ladder, the default audio outputs. */
    public static LadderTranscoder start(TranscodeSource source, RenditionSink sink) throws MalformedH264Exception {
        return start(source, LadderConfig.defaults(), AudioRendition.defaults(), sink);
    }

    @Override
    public void submit(EncodedPacket packet) throws InterruptedException {
        lock.lock();
        try {
            ensureOpen();
            if (packet.type() == MediaType.VIDEO && video != null) {
                video.submit(packet);
            } else if (packet.type() == MediaType.AUDIO && audio != null) {
                audio.submit(packet);
            } else {
                counters.ignored();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void videoConfig(byte[] config) throws MalformedH264Exception {
        lock.lock();
        try {
            ensureOpen();
            if (video != null) {
                video.config(config);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void forceKeyframe() {
        if (video != null) {
            video.forceKeyframe();
        }
    }

    @Override
    public List<OutputTrack> outputs() {
        List<OutputTrack> out = new ArrayList<>();
        if (video != null) {
            video.encoders().forEach(e -> out.add(e.track()));
        }
        if (audio != null) {
            out.addAll(audio.tracks());
        }
        return out;
    }

    @Override
    public TranscoderStats stats() {
        List<OutputStats> outputs = new ArrayList<>();
        String failure = null;
        if (video != null) {
            for (RenditionEncoder e : video.encoders()) {
                outputs.add(e.counters().snapshot());
                if (e.failure() != null && failure == null) {
                    failure = e.track().name() + ": " + e.failure();
                }
            }
        }
        if (audio != null) {
            outputs.addAll(audio.stats());
        }
        return new TranscoderStats(counters.videoPackets(), counters.audioPackets(), counters.corruptPackets(),
                counters.concealedFrames(), counters.decodedFrames(), counters.ignoredPackets(), outputs, failure);
    }

    /**
     * @throws IllegalStateException when an encoder thread did not stop within the shutdown timeout
     *     (its natives are then left allocated rather than freed under a running thread)
     */
    @Override
    public void finish() throws InterruptedException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            boolean clean = true;
            try {
                if (video != null) {
                    clean = video.finish();
                }
            } finally {
                if (audio != null) {
                    audio.finish();
                }
            }
            if (!clean) {
                throw new IllegalStateException("an encoder thread did not stop in time; its natives were not freed");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (video != null) {
            // Wakes a submit blocked on a full queue, so the lock below is not held forever.
            video.encoders().forEach(RenditionEncoder::abort);
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (video != null) {
                abortQuietly(video);
            }
            if (audio != null) {
                audio.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void abortQuietly(VideoLadder v) {
        try {
            v.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("transcoder is closed");
        }
    }
}
