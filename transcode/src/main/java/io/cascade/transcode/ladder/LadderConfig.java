// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.media.Bitrate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The video ladder and how it is encoded. Defaults (one place): 1080p 5 Mbps high, 720p 2.5 Mbps
 * high, 480p 1 Mbps main, 360p 600 kbps main; x264 {@code veryfast}/{@code zerolatency}; an IDR every
 * 2 s; 8-frame encoder queues that drop the oldest frame when full; x264 threads left to x264 (0,
 * as the ffmpeg CLI does); one decoder thread, because frame threading would add a frame of
 * latency per thread and the encoders already keep every core busy.
 *
 * @param renditions       the rungs; {@link LadderPlanner} drops those above the source
 * @param keyframeInterval IDR spacing, aligned across renditions; x264 {@code keyint} is this many frames
 * @param queueCapacity    decoded frames waiting per encoder, 1..120
 * @param overflow         what a full encoder queue does
 * @param preset           x264 preset
 * @param tune             x264 tune
 * @param x264Threads      threads inside each x264 encoder, 0 = auto
 * @param decoderThreads   H.264 decoder threads, 0 = auto
 * @param shutdownTimeout  how long closing waits for an encoder thread
 */
public record LadderConfig(List<Rendition> renditions, Duration keyframeInterval, int queueCapacity,
        OverflowPolicy overflow, String preset, String tune, int x264Threads, int decoderThreads,
        Duration shutdownTimeout) {

    private static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");
    private static final Set<String> TUNES = Set.of("film", "animation", "grain", "stillimage", "psnr", "ssim",
            "fastdecode", "zerolatency");

    public LadderConfig {
        renditions = List.copyOf(Objects.requireNonNull(renditions, "renditions"));
        Objects.requireNonNull(keyframeInterval, "keyframeInterval");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("ladder has no renditions");
        }
        Set<String> names = new HashSet<>();
        for (Rendition r : renditions) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate rendition name " + r.name());
            }
        }
        if (keyframeInterval.compareTo(Duration.ofMillis(250)) < 0
                || keyframeInterval.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalArgumentException("keyframeInterval must be 250 ms..20 s, got " + keyframeInterval);
        }
        if (queueCapacity < 1 || queueCapacity > 120) {
            throw new IllegalArgumentException("queueCapacity must be 1..120 frames, got " + queueCapacity);
        }
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown x264 preset '" + preset + "', one of " + PRESETS);
        }
        if (!TUNES.contains(tune)) {
            throw new IllegalArgumentException("unknown x264 tune '" + tune + "', one of " + TUNES);
        }
        if (x264Threads < 0 || x264Threads > 64 || decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("thread counts must be 0 (auto)..64");
        }
        if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout must be positive");
        }
    }

    public static List<Rendition> defaultLadder() {
        return List.of(
                Rendition.of("1080p", 1080, Bitrate.kbps(5000), H264Profile.HIGH),
                Rendition.of("720p", 720, Bitrate.kbps(2500), H264Profile.HIGH),
                Rendition.of("480p", 480, Bitrate.kbps(1000), H264Profile.MAIN),
                Rendition.of("360p", 360, Bitrate.kbps(600), H264Profile.MAIN));
    }

    public static LadderConfig defaults() {
        return new LadderConfig(defaultLadder(), Duration.ofSeconds(2), 8, OverflowPolicy.DROP_OLDEST, "veryfast",
                "zerolatency", 0, 1, Duration.ofSeconds(10));
    }

    public LadderConfig withRenditions(List<Rendition> r) {
        return new LadderConfig(r, keyframeInterval, queueCapacity, overflow, preset, tune, x264Threads,
                decoderThreads, shutdownTimeout);
    }

    public LadderConfig withOverflow(OverflowPolicy o, int capacity) {
        return new LadderConfig(renditions, keyframeInterval, capacity, o, preset, tune, x264Threads,
                decoderThreads, shutdownTimeout);
    }

    public LadderConfig withThreads(int x264, int decoder) {
        return new LadderConfig(renditions, keyframeInterval, queueCapacity, overflow, preset, tune, x264, decoder,
                shutdownTimeout);
    }

    public LadderConfig withKeyframeInterval(Duration interval) {
        return new LadderConfig(renditions, interval, queueCapacity, overflow, preset, tune, x264Threads,
                decoderThreads, shutdownTimeout);
    }
}
