// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.distribution.bench.LatencyHistogram;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one server did in one measured window: completed requests, body bytes, errors (a status
 * other than 200, a body of the wrong length, a failed or closed connection), latency from request
 * written to last byte read, and the server's CPU seconds (and the kernel's part of them) over the
 * same window.
 */
record LoadResult(String server, double seconds, long requests, long bodyBytes, long errors, long wrongLength,
        LatencyHistogram latencyMicros, double serverCpuSeconds, double serverSystemSeconds, double clientCpuSeconds) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    double mbps() {
        return bodyBytes * 8 / seconds / 1e6;
    }

    /** Requests per second of server CPU: what one fully busy core would serve with this mix. */
    double requestsPerCpuSecond() {
        return serverCpuSeconds > 0 ? requests / serverCpuSeconds : Double.NaN;
    }

    /** Megabits of body per second of server CPU: Mbps per core. */
    double mbpsPerCore() {
        return serverCpuSeconds > 0 ? bodyBytes * 8 / serverCpuSeconds / 1e6 : Double.NaN;
    }

    /** The kernel's share of the server's CPU (system time: socket writes, copies, TCP). */
    double kernelPercent() {
        return serverCpuSeconds > 0 ? 100 * serverSystemSeconds / serverCpuSeconds : Double.NaN;
    }

    double serverCores() {
        return serverCpuSeconds / seconds;
    }

    LoadResult plus(LoadResult o) {
        LatencyHistogram h = new LatencyHistogram();
        h.add(latencyMicros);
        h.add(o.latencyMicros);
        return new LoadResult(server, seconds + o.seconds, requests + o.requests, bodyBytes + o.bodyBytes,
                errors + o.errors, wrongLength + o.wrongLength, h, serverCpuSeconds + o.serverCpuSeconds,
                serverSystemSeconds + o.serverSystemSeconds, clientCpuSeconds + o.clientCpuSeconds);
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "%-6s %8.0f req/s %8.1f Mbps  server %4.2f cores (%2.0f%% kernel)  %8.0f req/CPU-s %8.1f Mbps/core"
                        + "  p50 %6.2f ms p99 %6.2f ms  errors %d (wrong length %d)  client %4.2f cores",
                server, requestsPerSecond(), mbps(), serverCores(), kernelPercent(), requestsPerCpuSecond(), mbpsPerCore(),
                latencyMicros.percentile(50) / 1000.0, latencyMicros.percentile(99) / 1000.0, errors, wrongLength,
                clientCpuSeconds / seconds);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", seconds);
        m.put("requests", requests);
        m.put("bodyBytes", bodyBytes);
        m.put("errors", errors);
        m.put("wrongLength", wrongLength);
        m.put("requestsPerSecond", requestsPerSecond());
        m.put("mbps", mbps());
        m.put("serverCpuSeconds", serverCpuSeconds);
        m.put("serverSystemSeconds", serverSystemSeconds);
        m.put("requestsPerCpuSecond", requestsPerCpuSecond());
        m.put("mbpsPerCore", mbpsPerCore());
        m.put("p50Ms", latencyMicros.percentile(50) / 1000.0);
        m.put("p99Ms", latencyMicros.percentile(99) / 1000.0);
        m.put("clientCpuSeconds", clientCpuSeconds);
        return m;
    }
}
