// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured step of the SFU ramp. Ingress is SRTP as the publishers sent it, egress SRTP and
 * SRTCP as the subscribers received it (UDP payload octets; IP and UDP headers not counted); CPU
 * is user + system time of a whole process over the phase, in cores (CPU-seconds per second).
 *
 * @param step          the step's value: rooms, or the big room's subscribers
 * @param participants  participants (publishers plus subscribers-only members)
 * @param connectSeconds how long this step's new sessions took from first POST to last DTLS done
 * @param seconds       the phase's wall-clock length
 * @param traffic       what the peers counted during the phase
 * @param relayCpu      the relay process's CPU, cores
 * @param loadCpu       this (load) process's CPU, cores
 * @param rcvbufErrors  datagrams the kernel dropped at full receive buffers (host-wide)
 * @param relaySendDropped datagrams the relay's send queues dropped
 */
record SfuStep(int step, int participants, double connectSeconds, double seconds, ViewerTotals traffic,
               double relayCpu, double loadCpu, long rcvbufErrors, long relaySendDropped) {

    double ingressMbps() {
        return traffic.octetsSent * 8.0 / seconds / 1e6;
    }

    double egressMbps() {
        return traffic.mediaOctets * 8.0 / seconds / 1e6;
    }

    /** Packets the relay received and sent per second (publishers' RTP, subscribers' SRTP/SRTCP datagrams). */
    double forwardedPps() {
        return traffic.mediaDatagrams / seconds;
    }

    double participantsPerCore() {
        return relayCpu <= 0 ? 0 : participants / relayCpu;
    }

    /** Share of the phase's tagged video packets per layer (q, h, f), percent. */
    double[] layerShares() {
        long all = 0;
        for (long p : traffic.layerPackets) {
            all += p;
        }
        double[] out = new double[traffic.layerPackets.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = all == 0 ? 0 : 100.0 * traffic.layerPackets[l] / all;
        }
        return out;
    }

    static String header() {
        return String.format(Locale.ROOT, "%6s %6s %6s %9s %9s %9s %9s %8s %8s %6s %8s %-14s %6s %6s %7s",
                "step", "partic", "subs", "in Mbps", "out Mbps", "out kpps", "relay CPU", "part/core",
                "loss %", "load", "connect", "on layer q/h/f", "kf", "pli", "late fr");
    }

    String row() {
        int[] on = traffic.onLayer;
        return String.format(Locale.ROOT, "%6d %6d %6d %9.1f %9.1f %9.1f %9.2f %8.0f %8.4f %6.2f %7.1fs %-14s %6d %6d %7d%s%s",
                step, participants, traffic.secure, ingressMbps(), egressMbps(), forwardedPps() / 1e3, relayCpu,
                participantsPerCore(), traffic.lossPercent(), loadCpu, connectSeconds,
                on[0] + "/" + on[1] + "/" + on[2], traffic.keyframesSent, traffic.plisIn, traffic.framesLate,
                traffic.failed > 0 ? "  (" + traffic.failed + " sessions failed)" : "",
                rcvbufErrors > 0 || relaySendDropped > 0 || traffic.srtpFailed > 0
                        ? "  rcvbuf " + rcvbufErrors + ", relay drop " + relaySendDropped + ", srtp fail " + traffic.srtpFailed
                        : "");
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", step);
        out.put("participants", participants);
        out.put("publishers", traffic.publishers);
        out.put("subscriptions", traffic.secure);
        out.put("ingress_mbps", ingressMbps());
        out.put("egress_mbps", egressMbps());
        out.put("egress_pps", forwardedPps());
        out.put("ingress_pps", traffic.rtpSent / seconds);
        out.put("relay_cpu_cores", relayCpu);
        out.put("participants_per_core", participantsPerCore());
        out.put("loss_percent", traffic.lossPercent());
        out.put("lost", traffic.lost());
        out.put("rtp_received", traffic.rtpReceived);
        out.put("subscriptions_on_layer_qhf", List.of(traffic.onLayer[0], traffic.onLayer[1], traffic.onLayer[2]));
        double[] shares = layerShares();
        out.put("video_packets_percent_qhf", List.of(shares[0], shares[1], shares[2]));
        out.put("keyframes_sent", traffic.keyframesSent);
        out.put("plis_received", traffic.plisIn);
        out.put("nacks_received", traffic.nacksIn);
        out.put("frames_late", traffic.framesLate);
        out.put("srtp_failed", traffic.srtpFailed);
        out.put("load_cpu_cores", loadCpu);
        out.put("connect_seconds", connectSeconds);
        out.put("phase_seconds", seconds);
        out.put("rcvbuf_errors", rcvbufErrors);
        out.put("relay_send_dropped", relaySendDropped);
        out.put("sessions_failed", traffic.failed);
        return out;
    }
}
