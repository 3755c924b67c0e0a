// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WHEP egress load: one stream (H.264 video at {@code videoBitrate} in {@code videoSize}-octet
 * packets plus 50 pps of 160-octet Opus), viewers ramped through {@code steps}, each step measured
 * for {@code phase} after {@code settle}. The ramp stops at the first step with loss above
 * {@code maxLossPercent}, at CPU saturation, or when the next step would end after {@code budget}.
 *
 * @param steps          viewer counts, increasing, 1..4000
 * @param phase          measured time per step, 1..60 s
 * @param settle         unmeasured time after the step's viewers connected, 0..10 s
 * @param budget         wall-clock bound of the whole ramp, 10..600 s
 * @param maxLossPercent loss that ends the ramp, in percent
 * @param viewerThreads  event-loop threads of the viewers, 1..64
 * @param relayThreads   media threads of the relay, 1..64 (the stream lives on one of them)
 * @param videoBitrate   bits per second of video, RTP headers included, 100 kbps..20 Mbps
 * @param videoSize      octets per video packet, RTP header included, 200..1400
 * @param connectAtOnce  WHEP offers in flight at once while a step connects, 1..256
 */
public record WhepBenchConfig(List<Integer> steps, Duration phase, Duration settle, Duration budget,
                              double maxLossPercent, int viewerThreads, int relayThreads, long videoBitrate,
                              int videoSize, int connectAtOnce) {
    private static final Set<String> KEYS = Set.of("steps", "phase-ms", "settle-ms", "budget-s", "max-loss",
            "viewer-threads", "relay-threads", "video-bitrate", "video-size", "connect-at-once");

    public WhepBenchConfig {
        steps = List.copyOf(steps);
        require(!steps.isEmpty() && steps.stream().allMatch(s -> s >= 1 && s <= 4000), "steps 1..4000");
        for (int i = 1; i < steps.size(); i++) {
            require(steps.get(i) > steps.get(i - 1), "steps must increase");
        }
        require(phase.compareTo(Duration.ofSeconds(1)) >= 0 && phase.compareTo(Duration.ofSeconds(60)) <= 0,
                "phase 1..60 s");
        require(!settle.isNegative() && settle.compareTo(Duration.ofSeconds(10)) <= 0, "settle 0..10 s");
        require(budget.compareTo(Duration.ofSeconds(10)) >= 0 && budget.compareTo(Duration.ofSeconds(600)) <= 0,
                "budget 10..600 s");
        require(maxLossPercent >= 0 && maxLossPercent <= 100, "max-loss 0..100 (percent)");
        require(viewerThreads >= 1 && viewerThreads <= 64, "viewer-threads 1..64");
        require(relayThreads >= 1 && relayThreads <= 64, "relay-threads 1..64");
        require(videoBitrate >= 100_000 && videoBitrate <= 20_000_000, "video-bitrate 100000..20000000 bit/s");
        require(videoSize >= 200 && videoSize <= 1400, "video-size 200..1400 octets");
        require(connectAtOnce >= 1 && connectAtOnce <= 256, "connect-at-once 1..256");
    }

    /** 50 to 1600 viewers, 5 s phases after 2 s of settling, within 150 s; 2.5 Mbps of 1200-octet video. */
    public static WhepBenchConfig defaults() {
        return new WhepBenchConfig(List.of(50, 100, 200, 400, 800, 1600), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(150), 0.1, 1, 1, 2_500_000, 1200, 32);
    }

    /** The most viewers the ramp can reach. */
    int maxViewers() {
        return steps.getLast();
    }

    /** Parses {@code --key value} or {@code --key=value} over {@link #defaults()}; unknown keys fail. */
    public static WhepBenchConfig parse(String... args) {
        Map<String, String> v = BenchArgs.parse(KEYS, args);
        WhepBenchConfig d = defaults();
        return new WhepBenchConfig(
                v.containsKey("steps") ? Arrays.stream(v.get("steps").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList() : d.steps(),
                Duration.ofMillis(number(v, "phase-ms", d.phase().toMillis())),
                Duration.ofMillis(number(v, "settle-ms", d.settle().toMillis())),
                Duration.ofSeconds(number(v, "budget-s", d.budget().toSeconds())),
                v.containsKey("max-loss") ? Double.parseDouble(v.get("max-loss")) : d.maxLossPercent(),
                (int) number(v, "viewer-threads", d.viewerThreads()),
                (int) number(v, "relay-threads", d.relayThreads()),
                number(v, "video-bitrate", d.videoBitrate()),
                (int) number(v, "video-size", d.videoSize()),
                (int) number(v, "connect-at-once", d.connectAtOnce()));
    }

    private static long number(Map<String, String> values, String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
