// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one measured phase showed.
 *
 * @param name            {@code probe} or {@code 50%}, {@code 90%}...
 * @param publishers      publishers sending
 * @param seconds         wall time of the phase
 * @param published       packets the publishers sent
 * @param delivered       packets the subscribers received (each published packet is expected fan-out times)
 * @param fanOut          subscribers
 * @param forwarderCpu    CPU seconds the forwarder used in the phase
 * @param loadCpu         CPU seconds the whole load-generator process used
 * @param receiverCpu     CPU seconds of the load generator's receive threads
 * @param p50Micros       one-way latency, publisher stamp to subscriber receive (read time with the
 *                        java receivers, kernel receive time with the native one), median
 * @param p99Micros       the 99th percentile
 * @param maxMicros       the worst
 * @param skipped         publisher packets the pacer skipped because it fell behind: non-zero
 *                        means the load generator did not offer the rate
 * @param maxLateMicros   worst lateness of a publisher send against its schedule
 * @param sendSideP99Micros the publishers' send side, per pacer tick from the first stamp to the
 *                        return of the last flush (sendmmsg): the 99th percentile; this much of
 *                        the latency can be the load generator's own send path
 * @param sendSideMaxMicros the worst tick
 */
record PhaseResult(String name, int publishers, double seconds, long published, long delivered, int fanOut,
        double forwarderCpu, double loadCpu, double receiverCpu, long p50Micros, long p99Micros, long maxMicros,
        long skipped, long maxLateMicros, long sendSideP99Micros, long sendSideMaxMicros) {

    double offeredOutPps() {
        return published * (double) fanOut / seconds;
    }

    double deliveredPps() {
        return delivered / seconds;
    }

    /** Fraction of expected deliveries that did not arrive. */
    double loss() {
        long expected = published * (long) fanOut;
        return expected == 0 ? 0 : Math.max(0, 1 - delivered / (double) expected);
    }

    /** Forwarded (delivered) packets per CPU-second of the forwarder: its per-core rate. */
    double perCpuSecond() {
        return forwarderCpu <= 0 ? Double.NaN : delivered / forwarderCpu;
    }

    String summary() {
        return String.format(Locale.ROOT,
                "  %-9s %4d pub  offered %8.0f pps  delivered %8.0f pps  loss %6.2f%%  fwd cpu %4.0f%%  "
                        + "%8.0f pkt/cpu-s  p50 %6d us  p99 %6d us  max %6d us  load cpu %4.0f%% (recv %3.0f%%)"
                        + "  pacer skipped %d, late <= %d us, send side p99 %d / max %d us",
                name, publishers, offeredOutPps(), deliveredPps(), 100 * loss(), 100 * forwarderCpu / seconds,
                perCpuSecond(), p50Micros, p99Micros, maxMicros, 100 * loadCpu / seconds, 100 * receiverCpu / seconds,
                skipped, maxLateMicros, sendSideP99Micros, sendSideMaxMicros);
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", name);
        out.put("publishers", publishers);
        out.put("seconds", seconds);
        out.put("published", published);
        out.put("delivered", delivered);
        out.put("offered_out_pps", offeredOutPps());
        out.put("delivered_pps", deliveredPps());
        out.put("loss", loss());
        out.put("forwarder_cpu_s", forwarderCpu);
        out.put("packets_per_cpu_s", perCpuSecond());
        out.put("latency_p50_us", p50Micros);
        out.put("latency_p99_us", p99Micros);
        out.put("latency_max_us", maxMicros);
        out.put("load_cpu_s", loadCpu);
        out.put("load_receiver_cpu_s", receiverCpu);
        out.put("pacer_skipped", skipped);
        out.put("pacer_max_late_us", maxLateMicros);
        out.put("send_side_p99_us", sendSideP99Micros);
        out.put("send_side_max_us", sendSideMaxMicros);
        return out;
    }
}
