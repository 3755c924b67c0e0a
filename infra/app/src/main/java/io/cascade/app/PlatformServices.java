// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.local.EmbeddedInfinispan;
import io.cascade.local.EmbeddedKafka;
import io.cascade.local.EmbeddedS3;
import io.cascade.platform.chunkstore.ChunkStore;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.directory.Assignments;
import io.cascade.platform.directory.Directory;
import io.cascade.platform.directory.NodeHeartbeat;
import io.cascade.platform.directory.NodeInfo;
import io.cascade.platform.directory.ViewerCounts;
import io.cascade.platform.directory.ViewerSessions;
import io.cascade.platform.event.EventTopics;
import io.cascade.platform.event.KafkaEventPublisher;
import io.cascade.platform.objectstore.ObjectStore;
import io.cascade.platform.objectstore.S3Settings;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts what this process needs, in dependency order, and stops it in reverse: for each of
 * Kafka, S3, the chunk store and Infinispan, the external service when configured, otherwise its
 * embedded twin. After that the code paths are the same either way.
 */
@Singleton
@Startup
public class PlatformServices {
    private static final Logger LOG = Logger.getLogger(PlatformServices.class);
    /** Credentials of the embedded S3Proxy when none are configured (it listens on loopback only). */
    static final String LOCAL_S3_ACCESS_KEY = "cascade";
    static final String LOCAL_S3_SECRET_KEY = "cascade-local-secret";

    @Inject
    CascadeConfig config;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private String kafkaBootstrap;
    private boolean kafkaEmbedded;
    private URI s3Endpoint;
    private Admin kafkaAdmin;
    private KafkaEventPublisher events;
    private ObjectStore objects;
    private ChunkStore chunks;
    private DirectoryCaches caches;
    private Directory directory;
    private ViewerCounts viewerCounts;
    private ViewerSessions viewerSessions;
    private Assignments assignments;
    private NodeHeartbeat heartbeat;

    @PostConstruct
    void start() throws Exception {
        long t0 = System.nanoTime();
        ConfigCheck.validate(config);
        Path data = config.dataDir().toAbsolutePath();
        startKafka(data);
        startS3(data);
        URI chunkUri = config.chunks().uri().orElse(data.resolve("chunks").toUri());
        chunks = closing(ChunkStore.open(chunkUri));
        caches = closing(DirectoryCaches.open(config));
        directory = new Directory(caches.nodes(), caches.sessions(), caches.streams(), InstantSource.system(),
                config.directory().ttl());
        viewerCounts = new ViewerCounts(caches.viewers(), InstantSource.system(), config.directory().ttl());
        viewerSessions = new ViewerSessions(caches.viewerSessions(), InstantSource.system(), config.directory().ttl(),
                config.playback().listedSessions());
        assignments = new Assignments(caches.workers(), caches.assignments(), InstantSource.system(),
                config.transcode().lease());
        heartbeat = closing(NodeHeartbeat.start(directory, self(), () -> 0.0, config.directory().heartbeat()));
        LOG.infof("platform services up in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private void startKafka(Path data) throws Exception {
        Optional<String> external = config.kafka().bootstrapServers();
        kafkaEmbedded = external.isEmpty();
        if (kafkaEmbedded) {
            EmbeddedKafka k = closing(EmbeddedKafka.start(data.resolve("kafka"),
                    config.kafka().embeddedPort(), config.kafka().embeddedControllerPort()));
            kafkaBootstrap = k.bootstrapServers();
        } else {
            kafkaBootstrap = external.get();
        }
        Map<String, Object> client = kafkaClientConfig();
        kafkaAdmin = closing(Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000)));
        var ev = config.events();
        if (!EventTopics.ensure(kafkaAdmin, ev.topic(), ev.partitions(), ev.replication(), Duration.ofSeconds(10))) {
            LOG.warnf("could not create topic %s now (Kafka at %s unreachable?); publishing will retry", ev.topic(), kafkaBootstrap);
        }
        events = closing(KafkaEventPublisher.start(client, new KafkaEventPublisher.Settings(
                ev.topic(), ev.buffer(), ev.attempts(), ev.retryBackoff(), ev.maxBlock())));
    }

    private void startS3(Path data) throws Exception {
        var s3 = config.s3();
        String accessKey;
        String secretKey;
        Optional<URI> endpoint = s3.endpoint();
        if (endpoint.isPresent()) {
            accessKey = s3.accessKey().orElse(null); // null: the SDK's default credential chain
            secretKey = s3.secretKey().orElse(null);
            s3Endpoint = endpoint.get();
        } else {
            accessKey = s3.accessKey().orElse(LOCAL_S3_ACCESS_KEY);
            secretKey = s3.secretKey().orElse(LOCAL_S3_SECRET_KEY);
            EmbeddedS3 e = closing(EmbeddedS3.start(data.resolve("s3"), s3.embeddedPort(),
                    accessKey, secretKey, s3.bucket()));
            s3Endpoint = e.endpoint();
            endpoint = Optional.of(s3Endpoint);
        }
        objects = closing(new S3Settings(endpoint, s3.region(), s3.bucket(), accessKey, secretKey,
                s3.pathStyle()).open());
        try {
            objects.ensureBucket();
        } catch (RuntimeException e) {
            LOG.warnf("bucket %s not reachable at %s yet: %s", s3.bucket(), s3Endpoint, e.getMessage());
        }
    }

    private NodeInfo self() {
        String host = config.node().advertisedHost();
        return new NodeInfo(config.node().id(), config.node().roles(), config.node().region(),
                Map.of("http", "http://" + host + ":" + httpPort), 0.0);
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.push(resource);
        return resource;
    }

    @PreDestroy
    void stop() {
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warnf("closing %s: %s", c.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("platform services stopped");
    }

    /** Kafka client settings for any producer or consumer in this process. */
    public Map<String, Object> kafkaClientConfig() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public boolean kafkaEmbedded() {
        return kafkaEmbedded;
    }

    public Admin kafkaAdmin() {
        return kafkaAdmin;
    }

    public KafkaEventPublisher events() {
        return events;
    }

    public ObjectStore objects() {
        return objects;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public boolean s3Embedded() {
        return config.s3().endpoint().isEmpty();
    }

    public ChunkStore chunks() {
        return chunks;
    }

    public DirectoryCaches caches() {
        return caches;
    }

    public Directory directory() {
        return directory;
    }

    /** Viewer counts of every node (cluster-wide). */
    public ViewerCounts viewerCounts() {
        return viewerCounts;
    }

    /** Which node serves which viewer session (cluster-wide). */
    public ViewerSessions viewerSessions() {
        return viewerSessions;
    }

    /** Transcode formats and the workers holding them (docs/transcode.md). */
    public Assignments assignments() {
        return assignments;
    }

    /** This node's directory entry: services add their roles and addresses to it. */
    public NodeHeartbeat heartbeat() {
        return heartbeat;
    }

    public int httpPort() {
        return httpPort;
    }
}
