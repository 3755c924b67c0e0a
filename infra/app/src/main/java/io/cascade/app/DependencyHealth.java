// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per dependency, named {@code kafka}, {@code s3}, {@code hdfs} and
 * {@code infinispan}, each saying whether it is embedded or external and where it is.
 */
final class DependencyHealth {
    private DependencyHealth() {}

    private static HealthCheckResponse probe(String name, HealthCheckResponseBuilder b, Probe p) {
        try {
            p.run(b);
            return b.up().build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    @FunctionalInterface
    private interface Probe {
        void run(HealthCheckResponseBuilder b) throws Exception;
    }

    @Readiness
    @ApplicationScoped
    static class Kafka implements HealthCheck {
        @Inject
        PlatformServices p;

        @Override
        public HealthCheckResponse call() {
            var b = HealthCheckResponse.named("kafka")
                    .withData("mode", p.kafkaEmbedded() ? "embedded" : "external")
                    .withData("bootstrap", p.kafkaBootstrap());
            return probe("kafka", b, r -> {
                int brokers = p.kafkaAdmin().describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                var stats = p.events().stats();
                r.withData("brokers", brokers).withData("eventsPending", stats.pending())
                        .withData("eventsDropped", stats.dropped());
            });
        }
    }

    @Readiness
    @ApplicationScoped
    static class S3 implements HealthCheck {
        @Inject
        PlatformServices p;

        @Override
        public HealthCheckResponse call() {
            var b = HealthCheckResponse.named("s3")
                    .withData("mode", p.s3Embedded() ? "embedded" : "external")
                    .withData("endpoint", p.s3Endpoint().toString())
                    .withData("bucket", p.objects().bucket());
            return probe("s3", b, r -> p.objects().ping());
        }
    }

    @Readiness
    @ApplicationScoped
    static class Hdfs implements HealthCheck {
        @Inject
        PlatformServices p;

        @Override
        public HealthCheckResponse call() {
            String uri = p.chunks().uri().toString();
            var b = HealthCheckResponse.named("hdfs")
                    .withData("uri", uri)
                    .withData("filesystem", uri.startsWith("hdfs:") ? "hdfs" : "local (Hadoop RawLocalFileSystem)");
            return probe("hdfs", b, r -> p.chunks().ping());
        }
    }

    @Readiness
    @ApplicationScoped
    static class Infinispan implements HealthCheck {
        @Inject
        PlatformServices p;

        @Override
        public HealthCheckResponse call() {
            var caches = p.caches();
            var b = HealthCheckResponse.named("infinispan")
                    .withData("cluster", caches.clusterName())
                    .withData("members", caches.members());
            return probe("infinispan", b, r -> {
                if (!caches.running()) {
                    throw new IllegalStateException("cache manager not running");
                }
                r.withData("liveNodes", p.directory().nodes(null, null).size());
            });
        }
    }
}
