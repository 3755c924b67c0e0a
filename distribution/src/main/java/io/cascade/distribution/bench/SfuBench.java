// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.netty.util.ResourceLeakDetector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SFU capacity benchmark ({@code bin/cascade bench sfu}): how many room participants, each
 * sending a 720p simulcast camera, one core of the relay carries. A child JVM runs the relay, the
 * WebRTC gateway and the WHIP/WHEP routes ({@link WhepRelayMain}); this process holds the
 * synthetic participants ({@link SimulcastPublisher} cameras and {@link WhepViewer} subscriptions
 * in one {@link ViewerFleet}, real ICE, DTLS and SRTP on loopback) and ramps them through the
 * configured steps ({@link SfuRooms}). Per step: participants, relay CPU, ingress and egress,
 * loss, the layer each subscription is being sent, keyframes and PLIs, and the load process's own
 * CPU (the machine is shared: when the load saturates, the figures are the load's).
 *
 * <pre>
 * java -cp ... io.cascade.distribution.bench.SfuBench [--shape rooms|big] [--room-size 5]
 *      [--publishers 10] [--steps 1,2,4,8,16,32] [--phase-ms 5000] [--settle-ms 3000]
 *      [--budget-s 150] [--max-loss 0.1] [--load-threads 1] [--relay-threads 1]
 *      [--codec H264|VP8] [--fps 30] [--layers-kbps 150,500,1700] [--connect-at-once 16]
 * </pre>
 *
 * Prints a table, participants per relay core against the anchors (LiveKit: 150 publishers + 150
 * subscribers in one room on 16 vCPU, ~19 participants per vCPU; Jitsi: Jicofo puts at most 80
 * participants of one conference on a bridge), then one JSON line last.
 */
public final class SfuBench {
    static final double LIVEKIT_PER_VCPU = 300.0 / 16;
    static final int JITSI_PER_BRIDGE = 80;

    private SfuBench() {
    }

    public static void main(String[] args) throws Exception {
        SfuBenchConfig config = SfuBenchConfig.parse(args);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        System.out.println(Json.write(run(config)));
        System.exit(0);
    }

    /** Runs the ramp, printing as it goes; returns the report for the JSON line. */
    static Map<String, Object> run(SfuBenchConfig config) throws Exception {
        long start = System.nanoTime();
        String loadAtStart = BenchArgs.loadAverage();
        List<SfuStep> steps = new ArrayList<>();
        String stopped = "all steps done";
        String relayFinal;
        List<String> failures = List.of();
        try (WhepRelayProcess relay = new WhepRelayProcess(config.relayThreads(), config.budget().plusSeconds(60));
             ViewerFleet fleet = new ViewerFleet(null, config.sessions(config.steps().getLast()), config.loadThreads(), 5)) {
            URI base = relay.whep().resolve("/");
            SfuRooms rooms = new SfuRooms(fleet, base, config);
            System.out.printf(Locale.ROOT, "sfu bench: %s; camera %s %d fps, layers q/h/f %s kbps; relay (child JVM)"
                            + " at %s, %d relay thread(s), %d load thread(s), %d cores, load average at start %s%n",
                    config.describe(), config.camera().codec(), config.camera().fps(), config.camera().layerKbps(),
                    base, config.relayThreads(), config.loadThreads(), Runtime.getRuntime().availableProcessors(),
                    loadAtStart);
            System.out.println(SfuStep.header());
            int current = 0;
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
                String failure = rooms.grow(current, target);
                current = target;
                double connectSeconds = (System.nanoTime() - stepStart) / 1e9;
                // a step where some sessions failed is still measured with those that connected, then ends the ramp
                SfuStep step = measure(config, fleet, relay, target, connectSeconds);
                steps.add(step);
                System.out.println(step.row());
                lastStepSeconds = (System.nanoTime() - stepStart) / 1e9;
                String why = failure != null ? failure : stopReason(config, step);
                if (why != null) {
                    stopped = why;
                    break;
                }
            }
            failures = fleet.failures(3);
            relayFinal = relay.stats();
        }
        return report(config, steps, stopped, failures, relayFinal, loadAtStart, (System.nanoTime() - start) / 1e9);
    }

    private static SfuStep measure(SfuBenchConfig config, ViewerFleet fleet, WhepRelayProcess relay, int target,
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
        return new SfuStep(target, config.participants(target), connectSeconds, seconds, after.minus(before),
                relayAfter.minus(relayBefore).toNanos() / 1e9 / seconds,
                selfAfter.minus(selfBefore).toNanos() / 1e9 / seconds,
                kernel.getOrDefault("RcvbufErrors", -1L), droppedAfter - droppedBefore);
    }

    /** Loss over the limit, a saturated relay, load or machine: no point in going higher. */
    private static String stopReason(SfuBenchConfig config, SfuStep step) {
        ViewerTotals t = step.traffic();
        if (t.lossPercent() > config.maxLossPercent()) {
            return String.format(Locale.ROOT, "loss %.3f%% > %.3f%%", t.lossPercent(), config.maxLossPercent());
        }
        if (step.relayCpu() >= 0.9 * config.relayThreads()) {
            return String.format(Locale.ROOT, "relay CPU saturated (%.2f cores for %d media thread(s))",
                    step.relayCpu(), config.relayThreads());
        }
        if (step.loadCpu() >= 0.9 * config.loadThreads()) {
            return String.format(Locale.ROOT, "load generator saturated (%.2f cores for %d thread(s); %d frames late)",
                    step.loadCpu(), config.loadThreads(), t.framesLate);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (step.relayCpu() + step.loadCpu() >= 0.9 * cores) {
            return String.format(Locale.ROOT, "machine saturated (relay %.2f + load %.2f of %d cores)",
                    step.relayCpu(), step.loadCpu(), cores);
        }
        return null;
    }

    private static Map<String, Object> report(SfuBenchConfig config, List<SfuStep> steps, String stopped,
                                              List<String> failures, String relayFinal, String loadAtStart,
                                              double seconds) {
        SfuStep most = steps.stream().filter(s -> s.traffic().lossPercent() <= config.maxLossPercent()
                && s.traffic().failed == 0).reduce((a, b) -> b).orElse(null);
        System.out.println("stopped: " + stopped + (failures.isEmpty() ? "" : "; first failures: " + failures));
        if (most != null) {
            System.out.printf(Locale.ROOT, "largest clean step: %d participants (%d subscriptions), %.0f Mbps out,"
                            + " relay %.2f cores = %.0f participants per relay core (load generator %.2f cores);"
                            + " anchors: LiveKit ~%.0f participants per vCPU (150+150 in one room on 16 vCPU),"
                            + " Jitsi at most %d of one conference per bridge (Jicofo)%n",
                    most.participants(), most.traffic().secure, most.egressMbps(), most.relayCpu(),
                    most.participantsPerCore(), most.loadCpu(), LIVEKIT_PER_VCPU, JITSI_PER_BRIDGE);
        }
        System.out.printf(Locale.ROOT, "whole run %.0f s; relay's counters: %s%n", seconds, relayFinal);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "sfu");
        out.put("shape", config.shape());
        out.put("room_size", config.shape().equals("rooms") ? config.roomSize() : null);
        out.put("publishers", config.shape().equals("big") ? config.publishers() : null);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", loadAtStart);
        out.put("relay_threads", config.relayThreads());
        out.put("load_threads", config.loadThreads());
        out.put("codec", config.camera().codec());
        out.put("fps", config.camera().fps());
        out.put("layers_kbps", config.camera().layerKbps());
        out.put("steps", steps.stream().map(SfuStep::json).toList());
        out.put("max_clean_participants", most == null ? null : most.participants());
        out.put("participants_per_core", most == null ? null : most.participantsPerCore());
        out.put("anchor_livekit_participants_per_vcpu", LIVEKIT_PER_VCPU);
        out.put("anchor_jitsi_participants_per_bridge", JITSI_PER_BRIDGE);
        out.put("stopped", stopped);
        out.put("failures", failures);
        out.put("relay_counters", new Json.RawJson(relayFinal.startsWith("{") ? relayFinal : "{}"));
        out.put("seconds", seconds);
        return out;
    }

}
