// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Prometheus exposition at {@code /q/metrics}. Quarkus's own Prometheus extension is missing from
 * the Maven mirror these machines use at our Quarkus version, so we produce the registry (Quarkus
 * Micrometer adds it to the global registry with its JVM, system and HTTP binders) and serve its
 * scrape ourselves.
 */
@Path("/q/metrics")
public class PrometheusEndpoint {
    @Inject
    PrometheusMeterRegistry registry;

    @GET
    @jakarta.ws.rs.Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return registry.scrape();
    }

    @Singleton
    static class Registry {
        @jakarta.enterprise.inject.Produces
        @Singleton
        PrometheusMeterRegistry prometheus() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }
}
