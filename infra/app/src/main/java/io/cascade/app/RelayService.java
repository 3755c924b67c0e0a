// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tier.RelayTierNode;
import io.cascade.distribution.tier.TierRole;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.platform.config.CascadeConfig;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * Runs this process's relay node (origin, mid or edge by {@code cascade.relay.tier}), serves its
 * control API at {@code /relay/v1} on the application's HTTP port, adds it to this node's directory
 * entry, reports silent publishers as events, and exposes its counters as metrics.
 */
@ApplicationScoped
public class RelayService {
    private static final Logger LOG = Logger.getLogger(RelayService.class);

    @Inject
    CascadeConfig config;

    @Inject
    PlatformServices platform;

    private RelayTierNode node;

    void start(@Observes StartupEvent ev, Vertx vertx, Router router, MeterRegistry registry) throws Exception {
        var rc = config.relay();
        if (!rc.enabled()) {
            return;
        }
        TierRole role = TierRole.parse(rc.tier());
        int threads = rc.threads() == 0 ? Runtime.getRuntime().availableProcessors() : rc.threads();
        var settings = new RelayTierNode.Settings(config.node().id(), role, config.node().region(),
                // 1 MiB socket buffers: room for keyframe bursts, but overload shows as loss
                // within ~100 ms instead of seconds of queueing (a 4 MiB buffer holds seconds of fan-out)
                UdpEngineConfig.defaults().withBind(config.node().advertisedHost(), rc.port()).withThreads(threads, 1)
                        .withSocketBuffers(1 << 20, 1 << 20),
                RelayConfig.defaults().withSubscriberTimeout(rc.subscriberTimeout()), rc.token(), rc.idleGrace(),
                config.directory().heartbeat());
        node = RelayTierNode.start(settings, platform.directory(), InstantSource.system(), new EventsListener(),
                h -> h);
        router.route("/relay/v1/*").subRouter(node.router(vertx));
        String api = "http://" + config.node().advertisedHost() + ":" + platform.httpPort() + "/relay/v1";
        platform.heartbeat().update(n -> n.plus(Set.of(role.directoryRole()), node.addresses(api)));
        node.startMaintenance();
        metrics(registry);
        LOG.infof("relay (%s) media on %s, control API %s", role.directoryRole(),
                node.engine().sockets().stream().map(s -> s.localAddress().toString()).toList(), api);
    }

    private void metrics(MeterRegistry registry) {
        counter(registry, "cascade.relay.rtp.in", "RTP packets received", c -> c.rtpIn());
        counter(registry, "cascade.relay.forwarded", "RTP packets sent to subscribers", c -> c.forwarded());
        counter(registry, "cascade.relay.retransmitted", "packets resent after a NACK", c -> c.retransmitted());
        counter(registry, "cascade.relay.nacks.sent", "sequence numbers NACKed upstream", c -> c.nacksSent());
        counter(registry, "cascade.relay.dropped", "datagrams dropped as garbage, unknown or duplicate",
                c -> c.notRtp() + c.malformedRtp() + c.malformedRtcp() + c.unknownSsrc() + c.wrongSource() + c.duplicates());
    }

    private void counter(MeterRegistry registry, String name, String help,
                         ToDoubleFunction<io.cascade.distribution.relay.RelayCounters> f) {
        FunctionCounter.builder(name, this, s -> f.applyAsDouble(s.node.relay().counters()
                .orTimeout(1, TimeUnit.SECONDS).join())).description(help).register(registry);
    }

    public RelayTierNode node() {
        return node;
    }

    @PreDestroy
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** Silence and timeouts become platform events (stream.silent, stream.resumed). */
    private final class EventsListener implements RelayListener {
        @Override
        public void publisherSilent(StreamName stream, InetSocketAddress source) {
            emit("stream.silent", stream, source);
        }

        @Override
        public void publisherResumed(StreamName stream, InetSocketAddress source) {
            emit("stream.resumed", stream, source);
        }

        private void emit(String type, StreamName stream, InetSocketAddress source) {
            platform.events().publish(Event.of(type, config.node().id(), stream.value(),
                    EventCodec.json().createObjectNode().put("source", source.toString())));
        }
    }

}
