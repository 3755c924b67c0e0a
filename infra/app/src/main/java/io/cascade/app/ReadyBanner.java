// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.platform.config.CascadeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prints, once everything is up, what this process serves and where its data lives. */
@ApplicationScoped
class ReadyBanner {
    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    void print(@Observes @Priority(Integer.MAX_VALUE) StartupEvent ev, CascadeConfig config, PlatformServices p) {
        String base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
        String text = String.join("\n",
                "",
                "Cascade node " + config.node().id() + " (region " + config.node().region() + ", roles "
                        + config.node().roles() + ") is up",
                "  web          " + base + "/",
                "  health       " + base + "/q/health/ready",
                "  metrics      " + base + "/q/metrics",
                "  nodes API    " + base + "/api/v1/nodes   (Authorization: Bearer " + config.api().devToken() + ")",
                "  kafka        " + p.kafkaBootstrap() + (p.kafkaEmbedded() ? "   (embedded, KRaft)" : "   (external)"),
                "  s3           " + p.s3Endpoint() + "   bucket " + p.objects().bucket()
                        + (p.s3Embedded() ? "   (embedded S3Proxy)" : "   (external)"),
                "  chunks       " + p.chunks().uri(),
                "  infinispan   " + "node of cluster " + p.caches().clusterName() + ", members: " + p.caches().members(),
                "  data         " + config.dataDir().toAbsolutePath(),
                "Press Ctrl-C to stop.",
                "");
        System.out.println(text);
        System.out.flush();
    }
}
