// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Exposes the platform's own counters at {@code /q/metrics} (Prometheus). */
@ApplicationScoped
class PlatformMetrics {

    void register(@Observes StartupEvent ev, MeterRegistry registry, PlatformServices p) {
        var events = p.events();
        FunctionCounter.builder("cascade.events.accepted", events, e -> e.stats().accepted())
                .description("events handed to the publisher").register(registry);
        FunctionCounter.builder("cascade.events.delivered", events, e -> e.stats().delivered())
                .description("events acknowledged by Kafka").register(registry);
        FunctionCounter.builder("cascade.events.dropped", events, e -> e.stats().dropped())
                .description("events lost: buffer overflow or out of attempts").register(registry);
        FunctionCounter.builder("cascade.events.retried", events, e -> e.stats().retried())
                .description("event send attempts that failed and were retried").register(registry);
        Gauge.builder("cascade.events.pending", events, e -> e.stats().pending())
                .description("events waiting for Kafka").register(registry);
        Gauge.builder("cascade.directory.nodes", p, s -> s.directory().nodes(null, null).size())
                .description("live nodes in the directory").register(registry);
    }
}
