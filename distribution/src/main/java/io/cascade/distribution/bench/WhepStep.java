// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured step of the WHEP ramp. Egress is SRTP and SRTCP as the viewers received it off the
 * wire (UDP payload octets; IP and UDP headers not counted); CPU is user + system time of a whole
 * process over the phase, in cores (CPU-seconds per second).
 *
 * @param viewers        viewers secured when the phase began
 * @param connectSeconds how long this step's new viewers took from first POST to last DTLS done
 * @param seconds        the phase's wall-clock length
 * @param traffic        what the viewers counted during the phase
 * @param relayCpu       the relay process's CPU, cores
 * @param loadCpu        this (load) process's CPU, cores: viewers, publisher, HTTP client
 * @param rcvbufErrors   datagrams the kernel dropped at full receive buffers (host-wide)
 * @param relaySendDropped datagrams the relay's send queues dropped
 */
record WhepStep(int viewers, double connectSeconds, double seconds, ViewerTotals traffic, double relayCpu,
                double loadCpu, long rcvbufErrors, long relaySendDropped) {

    double egressGbps() {
        return traffic.mediaOctets * 8.0 / seconds / 1e9;
    }

    double gbpsPerCore() {
        return relayCpu <= 0 ? 0 : egressGbps() / relayCpu;
    }

    double viewersPerCore() {
        return relayCpu <= 0 ? 0 : viewers / relayCpu;
    }

    static String header() {
        return String.format(Locale.ROOT, "%8s %10s %10s %10s %11s %10s %8s %9s %9s %9s %9s",
                "viewers", "egress", "relay CPU", "Gbps/core", "viewers/core", "loss %", "load CPU",
                "connect s", "rcvbuf", "relay drop", "srtp fail");
    }

    String row() {
        return String.format(Locale.ROOT, "%8d %5.3f Gbps %10.2f %10.2f %11.0f %10.4f %8.2f %9.1f %9d %9d %9d%s",
                viewers, egressGbps(), relayCpu, gbpsPerCore(), viewersPerCore(), traffic.lossPercent(), loadCpu,
                connectSeconds, rcvbufErrors, relaySendDropped, traffic.srtpFailed,
                traffic.failed > 0 ? "  (" + traffic.failed + " viewers failed to connect)" : "");
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("viewers", viewers);
        out.put("egress_gbps", egressGbps());
        out.put("relay_cpu_cores", relayCpu);
        out.put("gbps_per_core", gbpsPerCore());
        out.put("viewers_per_core", viewersPerCore());
        out.put("loss_percent", traffic.lossPercent());
        out.put("lost", traffic.lost());
        out.put("rtp_received", traffic.rtpReceived);
        out.put("srtp_datagrams", traffic.mediaDatagrams);
        out.put("srtp_failed", traffic.srtpFailed);
        out.put("load_cpu_cores", loadCpu);
        out.put("connect_seconds", connectSeconds);
        out.put("phase_seconds", seconds);
        out.put("rcvbuf_errors", rcvbufErrors);
        out.put("relay_send_dropped", relaySendDropped);
        out.put("viewers_failed", traffic.failed);
        return out;
    }
}
