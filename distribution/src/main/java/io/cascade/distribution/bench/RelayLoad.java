// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.netty.util.ResourceLeakDetector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Load generator for UDP forwarders: publishers send RTP at real rates, subscribers receive what
 * is forwarded; the figures are forwarded packets per CPU-second of the forwarder (its per-core
 * rate), one-way latency p50/p99 at fractions of saturation, and loss. Each forwarder named in
 * {@code --forwarders} is measured in turn under the same load, and each is compared with the
 * first (the raw recvmmsg/sendmmsg forwarder, the kernel's limit).
 *
 * The options and their defaults are in {@link #USAGE} ({@code bin/cascade bench relay --help}).
 *
 * {@code --receiver native} receives with {@code tsrecv.c} (compiled with gcc, as the raw
 * forwarder is), which takes latency from kernel receive timestamps so that the receiver's own
 * scheduling delay is not in it; without gcc the java receivers measure, and the report says so.
 * Every forwarder after the first is also measured at the first's fraction phases' offered rates
 * (phases named {@code @raw 50%} and so on): equal load, side by side.
 *
 * Prints a human summary, then one JSON line last. Everything is on 127.0.0.1 and bounded in
 * time (about warm-up + 2.4 s rehearsal + up to 5 x (1.5 s settling + phase) + two drains of up
 * to 3 s per forwarder and fan-out).
 */
public final class RelayLoad {

    /** Makes a forwarder for one run, or says why it cannot (empty, reason on stderr). */
    @FunctionalInterface
    public interface ForwarderFactory {
        /**
         * @param launchPrefix what goes before the forwarder's command line (CPU pinning), or empty
         */
        Optional<ForwarderUnderTest> create(Duration safetyLimit, List<String> launchPrefix);
    }

    private RelayLoad() {
    }

    static final String USAGE = """
            bin/cascade bench relay [options]: relay vs a raw recvmmsg/sendmmsg forwarder on loopback
              --forwarders raw,relay   --fan-out 10,100        --fractions 0.5,0.9    --phase-ms 3000
              --video-pps 250          --video-size 1200       --audio-pps 50         --audio-size 160
              --probe-out-pps 400000   --warmup-ms 1000        --receive-threads 1
              --receiver java|native   --receiver-poll-us 1000
              --pin off|on             on: the forwarder alone on the last CPU, the load on the others
            Prints a summary per forwarder and phase, then one JSON line (docs/BENCHMARKS.md).
            """;

    public static void main(String[] args) throws Exception {
        List<String> given = List.of(args);
        if (given.contains("--help") || given.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        LoadConfig config = LoadConfig.parse(args);
        System.out.println(Json.write(run(config, knownForwarders())));
    }

    /** The forwarders this build knows; the relay node adds itself here. */
    public static Map<String, ForwarderFactory> knownForwarders() {
        return Map.of("raw", (safety, prefix) -> RawForwarder.compile(safety, prefix).map(ForwarderUnderTest.class::cast),
                "relay", (safety, prefix) -> Optional.of(new RelayForwarder(safety, prefix)));
    }

    /**
     * Runs every forwarder of {@code config} at every fan-out, printing the summaries as it goes.
     *
     * @return the report, for the one JSON line
     */
    public static Map<String, Object> run(LoadConfig config, Map<String, ForwarderFactory> factories)
            throws Exception {
        // The leak detector's sampling costs a stack trace per tracked buffer: keep it off the load.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        String loadAtStart = BenchArgs.loadAverage();
        System.out.println("load average at start: " + loadAtStart);
        // the probe, the fractions and, for all but the first forwarder, the first's fractions again
        int phases = Math.min(LoadRun.phaseRoom(), 2 * config.fractions().size()) + 1;
        Duration safety = config.warmUp().plus(LoadRun.REHEARSAL)
                .plus(config.phase().plus(LoadRun.SETTLE).multipliedBy(phases)).plusSeconds(15);
        int cores = Runtime.getRuntime().availableProcessors(); // before pinning narrows what this JVM sees
        Optional<CpuPinning> pinning = config.pin() ? CpuPinning.pinned() : Optional.empty();
        if (pinning.isPresent()) {
            pinning.get().pinThisProcess();
            System.out.println("pinned: " + pinning.get());
        }
        List<String> prefix = pinning.map(CpuPinning::forwarderPrefix).orElse(List.of());
        // The receiver outlives the forwarder: it reports after the final drain.
        Receivers receivers = receivers(config, safety.plusSeconds(30));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int fanOut : config.fanOuts()) {
            List<RunResult> results = new ArrayList<>();
            for (String name : config.forwarders()) {
                ForwarderFactory factory = factories.get(name);
                if (factory == null) {
                    throw new IllegalArgumentException("unknown forwarder " + name + "; known: " + factories.keySet());
                }
                Optional<ForwarderUnderTest> forwarder = factory.create(safety, prefix);
                if (forwarder.isEmpty()) {
                    System.out.println(name + " forwarder unavailable: skipped");
                    continue;
                }
                // After the first (the yardstick): its fraction phases again, at its offered rates.
                List<LoadRun.MatchedPhase> matched = results.isEmpty() ? List.of() : results.get(0).phases().stream()
                        .skip(1).map(p -> new LoadRun.MatchedPhase("@" + results.get(0).forwarder() + " " + p.name(),
                                p.publishers())).toList();
                RunResult result = LoadRun.run(config, fanOut, forwarder.get(), receivers.factory(), matched);
                System.out.print(result.summary());
                results.add(result);
            }
            runs.add(compare(fanOut, results));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("bench", "relay");
        report.put("cores", cores);
        report.put("pinned", pinning.map(CpuPinning::toString).orElse("no"));
        report.put("latency_receiver", receivers.name());
        report.put("runs", runs);
        String loadAtEnd = BenchArgs.loadAverage();
        System.out.println("load average at end: " + loadAtEnd);
        report.put("load_average_start", loadAtStart);
        report.put("load_average_end", loadAtEnd);
        return report;
    }

    private record Receivers(String name, SubscriberSide.Factory factory) {}

    /** The subscriber side {@code --receiver} asks for; the java one when the native one cannot be built. */
    private static Receivers receivers(LoadConfig config, Duration safety) {
        if (LoadConfig.NATIVE_RECEIVER.equals(config.receiver())) {
            Optional<Path> binary = NativeSubscribers.compile();
            if (binary.isPresent()) {
                System.out.println("latency: native receiver (kernel receive timestamps), reading every "
                        + config.receiverPollMicros() + " us while traffic flows (0: woken per arrival)");
                return new Receivers(LoadConfig.NATIVE_RECEIVER,
                        fanOut -> NativeSubscribers.start(binary.get(), fanOut, config.receiverPollMicros(), safety));
            }
            System.out.println("native receiver unavailable (see stderr): latency measured by the java receivers");
        }
        return new Receivers(LoadConfig.JAVA_RECEIVER, fanOut -> JavaSubscribers.open(config, fanOut));
    }

    /** Per-core rate of each forwarder against the first's, the target being >= 0.7 for the relay. */
    private static Map<String, Object> compare(int fanOut, List<RunResult> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fan_out", fanOut);
        out.put("results", results.stream().map(RunResult::json).toList());
        if (results.size() > 1) {
            double base = results.get(0).probe().perCpuSecond();
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (RunResult result : results.subList(1, results.size())) {
                double ratio = result.probe().perCpuSecond() / base;
                ratios.put(result.forwarder(), ratio);
                System.out.printf(Locale.ROOT, "fan-out 1:%d: %s / %s per-core rate = %.2f%n", fanOut,
                        result.forwarder(), results.get(0).forwarder(), ratio);
            }
            out.put("ratio_to_" + results.get(0).forwarder(), ratios);
        }
        return out;
    }
}
