// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.cascade.distribution.udp.UdpStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One forwarder at one fan-out: its phases, and the evidence that the load generator kept up
 * (no skipped sends, bounded pacer lateness, receive threads below a full core, no send-queue
 * drops) and where any loss happened (host UDP counters).
 *
 * @param forwarder        the forwarder's name
 * @param fanOut           subscribers per publisher
 * @param saturationPps    forwarded packets per second taken as saturation (probe per-core rate x cores)
 * @param phases           probe first, then the fractions
 * @param forwarderSummary the forwarder's own JSON summary, or {@code {}}
 * @param publishedTotal   packets the publishers sent over the whole run, warm-up and settling included
 * @param deliveredTotal   packets the subscribers received over the whole run
 * @param invalid          received packets that were not the load generator's RTP
 * @param subscribers      counters of the subscriber sockets
 * @param publishers       counters of the publisher sockets
 * @param kernelUdp        change of the host's UDP counters over the run
 * @param receiver         which subscriber side measured the latency columns, and what else it counted
 */
record RunResult(String forwarder, int fanOut, double saturationPps, List<PhaseResult> phases,
        String forwarderSummary, long publishedTotal, long deliveredTotal, long invalid, UdpStats subscribers,
        UdpStats publishers, Map<String, Long> kernelUdp, Receiver receiver) {

    /**
     * @param name    {@code java} or {@code native} ({@link SubscriberSide#name})
     * @param note    what its latency figures include, for the summary
     * @param details its own counters (the native receiver's sequence gaps), or empty
     */
    record Receiver(String name, String note, Map<String, Object> details) {}

    PhaseResult probe() {
        return phases.get(0);
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s forwarder, fan-out 1:%d: %.0f packets per CPU-second in the probe;"
                + " saturation taken as %.0f pps; latency measured by the %s%n", forwarder, fanOut,
                probe().perCpuSecond(), saturationPps, receiver.note()));
        phases.forEach(phase -> out.append(phase.summary()).append('\n'));
        out.append(String.format(Locale.ROOT, "  whole run: published %d, delivered %d of %d expected;"
                + " load generator: %d send-queue drops, %.1f datagrams per receive batch, %d invalid%n",
                publishedTotal, deliveredTotal, publishedTotal * fanOut, publishers.sendDropped(),
                subscribers.received() / (double) Math.max(1, subscribers.batches()), invalid));
        out.append("  host UDP counters over the run: ").append(kernelUdp).append('\n');
        out.append("  forwarder's own summary: ").append(forwarderSummary).append('\n');
        if (!receiver.details().isEmpty()) {
            out.append("  receiver's own counters: ").append(receiver.details()).append('\n');
        }
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("forwarder", forwarder);
        out.put("fan_out", fanOut);
        out.put("packets_per_cpu_s", probe().perCpuSecond());
        out.put("saturation_pps", saturationPps);
        out.put("latency_receiver", receiver.name());
        out.put("phases", phases.stream().map(PhaseResult::json).toList());
        out.put("published_total", publishedTotal);
        out.put("delivered_total", deliveredTotal);
        out.put("load_send_dropped", publishers.sendDropped());
        out.put("load_receive_batch", subscribers.received() / (double) Math.max(1, subscribers.batches()));
        out.put("invalid", invalid);
        out.put("kernel_udp", kernelUdp);
        out.put("receiver_counters", receiver.details());
        out.put("forwarder_summary", new Json.RawJson(forwarderSummary.isBlank() ? "{}" : forwarderSummary));
        return out;
    }
}
