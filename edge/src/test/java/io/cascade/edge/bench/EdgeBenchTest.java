// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge benchmark's pieces work together, at a tiny load for about a second per phase: a real
 * encode, the edge in its own JVM, the byte-for-byte copy served by nginx, the load generator on
 * both, and blocking reloads on the live edge. No performance figure is asserted; skips where
 * nginx or ffmpeg is not installed.
 */
class EdgeBenchTest {
    @TempDir
    Path work;

    @Test
    void servesTheSameBytesFromTheEdgeAndNginxWithoutErrors() throws Exception {
        assumeTrue(NginxServer.installed(), "nginx not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")) && Files.isExecutable(Path.of("/usr/bin/ffprobe")),
                "ffmpeg/ffprobe not installed");
        EdgeBenchConfig config = new EdgeBenchConfig(4, Duration.ofMillis(1000), Duration.ofMillis(500),
                Duration.ZERO, 1, 1, 1, new PlainViewer.Mix(1, 1, 1), 180, 300, 10, 5, 4, Duration.ofMillis(1500),
                work, "spool", true);
        config.validate();

        EdgeBench.Report report = EdgeBench.run(config);

        assertThat(report.differ()).as("targets whose bytes differ between nginx and the edge").isEmpty();
        assertThat(report.parts()).isGreaterThan(10);
        for (LoadResult r : new LoadResult[] {report.edge(), report.nginx()}) {
            assertThat(r.requests()).as(r.server() + " requests").isPositive();
            assertThat(r.errors()).as(r.server() + " errors").isZero();
            assertThat(r.wrongLength()).isZero();
            assertThat(r.serverCpuSeconds()).as(r.server() + " CPU seconds").isPositive();
        }
        LoadResult blocking = report.blocking().orElseThrow();
        assertThat(blocking.requests()).isPositive();
        assertThat(blocking.errors()).isZero();
    }
}
