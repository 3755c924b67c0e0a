// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load: per publisher one video stream (1200-octet packets at {@code videoPps}, about
 * 2.4 Mbit/s at the default 250) and one audio stream (160-octet packets at 50 pps, 20 ms Opus
 * frames); publishers are added until the offered rate is reached. A run is a warm-up, a probe at
 * {@code probeOutPps} forwarded packets per second (meant to exceed what the forwarder can do)
 * which measures its per-core rate, then one phase per fraction of the saturation that rate
 * implies. Bounded: every duration and count has a ceiling, and everything stays on 127.0.0.1.
 *
 * @param forwarders     forwarder names to measure in turn, the first being the yardstick
 * @param fanOuts        subscriber counts, one run each
 * @param videoPps       video packets per second per publisher
 * @param videoSize      video packet size in octets, RTP header included
 * @param audioPps       audio packets per second per publisher
 * @param audioSize      audio packet size in octets
 * @param probeOutPps    offered forwarded packets per second in the probe phase
 * @param fractions      fractions of saturation for the latency phases
 * @param warmUp         unmeasured time before the probe
 * @param phase          length of each measured phase
 * @param receiveThreads event-loop threads receiving on the subscriber sockets
 * @param pin            forwarder alone on the last CPU, load generator on the others ({@link CpuPinning})
 * @param receiver       who receives and measures latency: {@code java} (UdpEngine threads, read
 *                       time) or {@code native} ({@code tsrecv.c}, kernel receive timestamps)
 * @param receiverPollMicros the native receiver's pause between passes over its sockets while
 *                       traffic flows, 0 to wait on them instead (see {@link NativeSubscribers})
 */
public record LoadConfig(List<String> forwarders, List<Integer> fanOuts, int videoPps, int videoSize, int audioPps,
        int audioSize, long probeOutPps, List<Double> fractions, Duration warmUp, Duration phase, int receiveThreads,
        boolean pin, String receiver, int receiverPollMicros) {
    public static final String JAVA_RECEIVER = "java";
    public static final String NATIVE_RECEIVER = "native";
    /** Payload after the 12-octet RTP header: send time (8 octets), phase (1). */
    static final int MIN_PACKET = 12 + 9;
    static final int MAX_PUBLISHERS = 2000;
    static final Set<String> KEYS = Set.of("forwarders", "fan-out", "video-pps", "video-size", "audio-pps",
            "audio-size", "probe-out-pps", "fractions", "warmup-ms", "phase-ms", "receive-threads", "pin", "receiver",
            "receiver-poll-us");

    public LoadConfig {
        forwarders = List.copyOf(forwarders);
        fanOuts = List.copyOf(fanOuts);
        fractions = List.copyOf(fractions);
        require(!forwarders.isEmpty(), "at least one forwarder");
        require(!fanOuts.isEmpty() && fanOuts.stream().allMatch(f -> f >= 1 && f <= 1000), "fan-out 1..1000");
        require(videoPps >= 0 && videoPps <= 10_000 && audioPps >= 0 && audioPps <= 1000, "rates");
        require(videoPps + audioPps > 0, "some traffic");
        require(videoSize >= MIN_PACKET && videoSize <= 1472 && audioSize >= MIN_PACKET && audioSize <= 1472,
                "packet sizes " + MIN_PACKET + "..1472");
        require(probeOutPps >= 1 && probeOutPps <= 5_000_000, "probe-out-pps 1..5000000");
        require(fractions.size() <= 8 && fractions.stream().allMatch(f -> f > 0 && f <= 1.5), "fractions 0..1.5");
        require(!warmUp.isNegative() && warmUp.compareTo(Duration.ofSeconds(30)) <= 0, "warm-up 0..30 s");
        require(phase.compareTo(Duration.ofMillis(200)) >= 0 && phase.compareTo(Duration.ofSeconds(60)) <= 0,
                "phase 0.2..60 s");
        require(receiveThreads >= 1 && receiveThreads <= 64, "receive-threads 1..64");
        require(JAVA_RECEIVER.equals(receiver) || NATIVE_RECEIVER.equals(receiver), "--receiver java|native");
        require(receiverPollMicros >= 0 && receiverPollMicros <= 100_000, "receiver-poll-us 0..100000");
    }

    /** 1 s warm-up and three 3-second phases: about 10 s of load per forwarder and fan-out. */
    public static LoadConfig defaults() {
        return new LoadConfig(List.of("raw", "relay"), List.of(10), 250, 1200, 50, 160, 400_000, List.of(0.5, 0.9),
                Duration.ofSeconds(1), Duration.ofSeconds(3), 1, false, JAVA_RECEIVER, 1000);
    }

    /** Packets per second one publisher sends. */
    int publisherPps() {
        return videoPps + audioPps;
    }

    /** Publishers needed to offer {@code outPps} forwarded packets per second at this fan-out. */
    int publishersFor(double outPps, int fanOut) {
        long publishers = Math.round(outPps / fanOut / publisherPps());
        return (int) Math.max(1, Math.min(MAX_PUBLISHERS, publishers));
    }

    /** Parses {@code --key value} or {@code --key=value} over {@link #defaults()}; unknown keys fail. */
    public static LoadConfig parse(String... args) {
        Map<String, String> values = BenchArgs.parse(KEYS, args);
        LoadConfig d = defaults();
        return new LoadConfig(
                values.containsKey("forwarders") ? split(values.get("forwarders")) : d.forwarders(),
                values.containsKey("fan-out") ? ints(values.get("fan-out")) : d.fanOuts(),
                integer(values, "video-pps", d.videoPps()), integer(values, "video-size", d.videoSize()),
                integer(values, "audio-pps", d.audioPps()), integer(values, "audio-size", d.audioSize()),
                Long.parseLong(values.getOrDefault("probe-out-pps", Long.toString(d.probeOutPps()))),
                values.containsKey("fractions") ? doubles(values.get("fractions")) : d.fractions(),
                Duration.ofMillis(integer(values, "warmup-ms", (int) d.warmUp().toMillis())),
                Duration.ofMillis(integer(values, "phase-ms", (int) d.phase().toMillis())),
                integer(values, "receive-threads", d.receiveThreads()),
                bool(values, "pin", d.pin()),
                values.getOrDefault("receiver", d.receiver()),
                integer(values, "receiver-poll-us", d.receiverPollMicros()));
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        require(v.equals("true") || v.equals("false") || v.equals("on") || v.equals("off"), "--" + key + " on|off");
        return v.equals("true") || v.equals("on");
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Integer> ints(String list) {
        return split(list).stream().map(Integer::valueOf).toList();
    }

    private static List<Double> doubles(String list) {
        List<Double> out = new ArrayList<>();
        split(list).forEach(s -> out.add(Double.valueOf(s)));
        return out;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
