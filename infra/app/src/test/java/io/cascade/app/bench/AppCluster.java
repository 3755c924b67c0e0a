// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Several application processes on one host forming one cluster, the way {@code bin/cascade up
 * --node N} lays them out: node 1 runs the embedded Kafka and S3 and keeps the chunk store in its
 * data directory; every node has its own HTTP, relay, TURN and RTMP ports and data directory,
 * uses node 1's Kafka, S3 and chunks, and joins one Infinispan cluster whose seeds list every
 * node. Unlike {@code bin/cascade}, every port is a free one picked here and the cluster name is
 * unique, so a run never meets a running platform or another run. Node logs go to
 * {@code dir/node-N.log}.
 */
public final class AppCluster implements AutoCloseable {
    private final List<AppNode> nodes;

    private AppCluster(List<AppNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code count} nodes one after the other (a later node needs node 1's Kafka and S3),
     * each ready within {@code timeout}. If one fails, those already started are stopped.
     */
    public static AppCluster start(Path jar, Path dir, int count, Duration timeout) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        Files.createDirectories(dir);
        String cluster = "cascade-it-" + UUID.randomUUID();
        List<Integer> ispnPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ispnPorts.add(AppNode.freePort());
        }
        String seeds = ispnPorts.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        int kafka = AppNode.freePort();
        int s3 = AppNode.freePort();
        Path firstData = dir.resolve("node-1");
        List<AppNode> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i + 1;
                Map<String, String> s = new LinkedHashMap<>();
                s.put("cascade.node.id", "node-" + n);
                s.put("cascade.infinispan.cluster-name", cluster);
                s.put("cascade.infinispan.port", Integer.toString(ispnPorts.get(i)));
                s.put("cascade.infinispan.initial-hosts", seeds);
                if (n == 1) {
                    s.put("cascade.kafka.embedded-port", Integer.toString(kafka));
                    s.put("cascade.s3.embedded-port", Integer.toString(s3));
                } else {
                    s.put("cascade.kafka.bootstrap-servers", "127.0.0.1:" + kafka);
                    s.put("cascade.s3.endpoint", "http://127.0.0.1:" + s3);
                    s.put("cascade.s3.access-key", "cascade");
                    s.put("cascade.s3.secret-key", "cascade-local-secret");
                    s.put("cascade.chunks.uri", firstData.resolve("chunks").toUri().toString());
                }
                Path data = dir.resolve("node-" + n);
                Files.createDirectories(data);
                started.add(AppNode.start(jar, data, dir.resolve("node-" + n + ".log"), timeout, s));
            }
            return new AppCluster(List.copyOf(started));
        } catch (IOException | InterruptedException | RuntimeException e) {
            new AppCluster(started).close();
            throw e;
        }
    }

    /** Node {@code n}, counted from 1 as in {@code bin/cascade up --node N}. */
    public AppNode node(int n) {
        return nodes.get(n - 1);
    }

    /**
     * The tail of every node log under {@code dir} (those of nodes that failed to start too), for
     * a failure report.
     */
    public static String logTails(Path dir, int lines) {
        StringBuilder out = new StringBuilder();
        for (int n = 1; Files.isRegularFile(dir.resolve("node-" + n + ".log")); n++) {
            Path log = dir.resolve("node-" + n + ".log");
            out.append("---- ").append(log).append(", last ").append(lines).append(" lines:\n")
                    .append(AppNode.tail(log, lines)).append('\n');
        }
        return out.toString();
    }

    /** Stops every node, the last first (node 1 serves the others' Kafka and S3). */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
