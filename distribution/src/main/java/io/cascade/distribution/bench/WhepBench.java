// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WHEP egress benchmark ({@code bin/cascade bench whep}): how many Gbps of SRTP one core of
 * the relay sends to WebRTC viewers. A child JVM runs the relay and gateway ({@link WhepRelayMain})
 * with one stream published as plain RTP at 2.5 Mbps; this process publishes it ({@link
 * RtpPublisher}) and plays it with synthetic WHEP viewers ({@link ViewerFleet}), ramped through
 * the configured steps. Per step: egress, relay CPU, Gbps per relay core, viewers per core, loss,
 * and the load process's own CPU (the machine is shared; if the load saturates a core, the figures
 * are the load's, not the relay's).
 *
 * <pre>
 * java -cp ... io.cascade.distribution.bench.WhepBench [--steps 50,100,200,400,800,1600]
 *      [--phase-ms 5000] [--settle-ms 2000] [--budget-s 150] [--max-loss 0.1]
 *      [--viewer-threads 1] [--relay-threads 1] [--video-bitrate 2500000] [--video-size 1200]
 *      [--connect-at-once 32]
 * </pre>
 *
 * Prints a table, a verdict against the target (>= 1 Gbps of SRTP egress per core; anchors:
 * OvenMediaEngine ~0.6 Gbps per vCPU, SRS 2,000 WebRTC players per core), then one JSON line last.
 */
public final class WhepBench {
    static final double TARGET_GBPS_PER_CORE = 1.0;

    private WhepBench() {
    }

    public static void main(String[] args) throws Exception {
        WhepBenchConfig config = WhepBenchConfig.parse(args);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        System.out.println(Json.write(run(config)));
        System.exit(0);
    }

    /** Runs the ramp, printing as it goes; returns the report for the JSON line. */
    static Map<String, Object> run(WhepBenchConfig config) throws Exception {
        long start = System.nanoTime();
        String loadAtStart = BenchArgs.loadAverage();
        List<WhepStep> steps = new ArrayList<>();
        String stopped = "all steps done";
        String relayFinal;
        try (WhepRelayProcess relay = new WhepRelayProcess(config.relayThreads(), config.budget().plusSeconds(60));
             RtpPublisher publisher = new RtpPublisher(relay.ingress(), config.videoBitrate(), config.videoSize());
             ViewerFleet fleet = new ViewerFleet(relay.whep(), config.maxViewers(), config.viewerThreads())) {
            publisher.start();
            System.out.printf(Locale.ROOT, "whep bench: relay (child JVM) at %s, %d relay thread(s), %d viewer thread(s),"
                    + " %d cores, load average at start %s%n", relay.whep(), config.relayThreads(), config.viewerThreads(),
                    Runtime.getRuntime().availableProcessors(), loadAtStart);
            System.out.println(WhepStep.header());
            double lastStepSeconds = 0;
            for (int target : config.steps()) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                double estimate = config.phase().toMillis() / 1e3 + config.settle().toMillis() / 1e3
                        + Math.max(lastStepSeconds, 5) * (steps.isEmpty() ? 1 : 2);
                if (elapsed + estimate > config.budget().toSeconds()) {
                    stopped = String.format(Locale.ROOT, "time budget: %.0f s used, next step needs ~%.0f s", elapsed, estimate);
                    break;
                }
                long stepStart = System.nanoTime();
                String failure = connect(fleet, target, config.connectAtOnce());
                double connectSeconds = (System.nanoTime() - stepStart) / 1e9;
                // a step where some viewers failed is still measured with those that connected, then ends the ramp
                WhepStep step = measure(config, fleet, relay, connectSeconds);
                steps.add(step);
                System.out.println(step.row());
                lastStepSeconds = (System.nanoTime() - stepStart) / 1e9;
                String why = failure != null ? failure : stopReason(config, step);
                if (why != null) {
                    stopped = why;
                    break;
                }
            }
            relayFinal = relay.stats();
        }
        return report(config, steps, stopped, relayFinal, loadAtStart, (System.nanoTime() - start) / 1e9);
    }

    /** Adds viewers up to {@code target}, {@code atOnce} offers in flight; null, or why it failed. */
    private static String connect(ViewerFleet fleet, int target, int atOnce) throws InterruptedException {
        return Connect.all(target - fleet.size(), i -> fleet.add(), atOnce, "viewers");
    }

    private static WhepStep measure(WhepBenchConfig config, ViewerFleet fleet, WhepRelayProcess relay,
                                    double connectSeconds) throws Exception {
        Thread.sleep(config.settle().toMillis());
        long self = ProcessHandle.current().pid();
        ViewerTotals before = fleet.totals();
        Map<String, Long> kernelBefore = KernelUdpCounters.read();
        long droppedBefore = WhepRelayProcess.counter(relay.stats(), "udp_send_dropped");
        Duration relayBefore = relay.cpu();
        Duration selfBefore = ProcessCpu.of(self);
        long t0 = System.nanoTime();
        Thread.sleep(config.phase().toMillis());
        long t1 = System.nanoTime();
        Duration relayAfter = relay.cpu();
        Duration selfAfter = ProcessCpu.of(self);
        ViewerTotals after = fleet.totals();
        Map<String, Long> kernel = KernelUdpCounters.delta(kernelBefore, KernelUdpCounters.read());
        long droppedAfter = WhepRelayProcess.counter(relay.stats(), "udp_send_dropped");
        double seconds = (t1 - t0) / 1e9;
        return new WhepStep(before.secure, connectSeconds, seconds, after.minus(before),
                relayAfter.minus(relayBefore).toNanos() / 1e9 / seconds,
                selfAfter.minus(selfBefore).toNanos() / 1e9 / seconds,
                kernel.getOrDefault("RcvbufErrors", -1L), droppedAfter - droppedBefore);
    }

    /** Loss over the limit, or a saturated relay thread or machine: no point in going higher. */
    private static String stopReason(WhepBenchConfig config, WhepStep step) {
        if (step.traffic().lossPercent() > config.maxLossPercent()) {
            return String.format(Locale.ROOT, "loss %.3f%% > %.3f%%", step.traffic().lossPercent(), config.maxLossPercent());
        }
        if (step.relayCpu() >= 0.9 * config.relayThreads()) {
            return String.format(Locale.ROOT, "relay CPU saturated (%.2f cores for %d media thread(s))",
                    step.relayCpu(), config.relayThreads());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (step.relayCpu() + step.loadCpu() >= 0.9 * cores) {
            return String.format(Locale.ROOT, "machine saturated (relay %.2f + load %.2f of %d cores)",
                    step.relayCpu(), step.loadCpu(), cores);
        }
        return null;
    }

    private static Map<String, Object> report(WhepBenchConfig config, List<WhepStep> steps, String stopped,
                                              String relayFinal, String loadAtStart, double seconds) {
        WhepStep best = steps.stream().filter(s -> s.traffic().lossPercent() <= config.maxLossPercent())
                .max((a, b) -> Double.compare(a.gbpsPerCore(), b.gbpsPerCore())).orElse(null);
        WhepStep most = steps.stream().filter(s -> s.traffic().lossPercent() <= config.maxLossPercent())
                .reduce((a, b) -> b).orElse(null);
        System.out.println("stopped: " + stopped);
        if (best != null) {
            System.out.printf(Locale.ROOT, "best loss-free step: %d viewers, %.3f Gbps at %.2f relay cores ="
                            + " %.2f Gbps per core (target >= %.1f: %s), %.0f viewers per core;"
                            + " anchors: OvenMediaEngine ~0.6 Gbps/vCPU, SRS ~2000 players/core%n",
                    best.viewers(), best.egressGbps(), best.relayCpu(), best.gbpsPerCore(), TARGET_GBPS_PER_CORE,
                    best.gbpsPerCore() >= TARGET_GBPS_PER_CORE ? "met" : "NOT met", best.viewersPerCore());
        }
        System.out.printf(Locale.ROOT, "whole run %.0f s; relay's counters: %s%n", seconds, relayFinal);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "whep");
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", loadAtStart);
        out.put("relay_threads", config.relayThreads());
        out.put("viewer_threads", config.viewerThreads());
        out.put("video_bitrate", config.videoBitrate());
        out.put("video_size", config.videoSize());
        out.put("steps", steps.stream().map(WhepStep::json).toList());
        out.put("best_gbps_per_core", best == null ? null : best.gbpsPerCore());
        out.put("max_loss_free_viewers", most == null ? null : most.viewers());
        out.put("target_gbps_per_core", TARGET_GBPS_PER_CORE);
        out.put("stopped", stopped);
        out.put("relay_counters", new Json.RawJson(relayFinal.startsWith("{") ? relayFinal : "{}"));
        out.put("seconds", seconds);
        return out;
    }

}
