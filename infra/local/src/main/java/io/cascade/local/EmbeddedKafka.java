// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A real Kafka broker in this JVM: one combined KRaft node (broker + controller) on loopback,
 * replication factor 1. Its log directory is formatted once and reused, so events survive a
 * restart of the platform.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the broker and returns once it answers metadata requests. Ports may be 0 (any free). */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws Exception {
        int p = Ports.orFree(port);
        int cp = Ports.orFree(controllerPort);
        Files.createDirectories(logDir);
        String dir = logDir.toAbsolutePath().toString();
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + cp),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + p + "," + CONTROLLER + "://127.0.0.1:" + cp),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + p),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("log.dirs", dir),
                // one broker: internal topics cannot have more replicas, or consumer groups hang
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("log.retention.hours", "168"),
                Map.entry("log.retention.bytes", String.valueOf(1L << 30))));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dir);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka k = new EmbeddedKafka(server, p);
        k.awaitReady(Duration.ofSeconds(60));
        LOG.infof("embedded Kafka (KRaft) on 127.0.0.1:%d, data in %s", p, dir);
        return k;
    }

    /**
     * Formats an empty log directory as a new single-node cluster. A directory that already has
     * {@code meta.properties} is reused as it is: formatting again would mint a new cluster id.
     */
    private static void format(String dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir))
                .setMetadataLogDirectory(dir)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setControllerListenerName(CONTROLLER)
                .run();
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka not ready after " + timeout, e);
                    }
                }
            }
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
