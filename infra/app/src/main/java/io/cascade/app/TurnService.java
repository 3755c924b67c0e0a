// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.conferencing.turn.Cidr;
import io.cascade.conferencing.turn.TurnCounter;
import io.cascade.conferencing.turn.TurnServer;
import io.cascade.conferencing.turn.TurnServerConfig;
import io.cascade.distribution.stun.TurnRestCredentials;
import io.cascade.platform.config.CascadeConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs this node's STUN/TURN server ({@code cascade.turn.*}, docs/turn.md) when it plays the
 * {@code all} or {@code turn} role, adds its URLs to the node's directory entry, exposes its
 * counters as metrics, and issues TURN REST credentials for {@code GET /api/v1/ice-servers}.
 */
@ApplicationScoped
public class TurnService {
    private static final Logger LOG = Logger.getLogger(TurnService.class);

    @Inject
    CascadeConfig config;

    @Inject
    PlatformServices platform;

    private TurnServer server;

    void start(@Observes StartupEvent ev, MeterRegistry registry) throws Exception {
        CascadeConfig.Turn turn = config.turn();
        Set<String> roles = config.node().roles();
        if (!turn.enabled() || !(roles.contains("all") || roles.contains("turn"))) {
            LOG.info("STUN/TURN server off on this node (cascade.turn.enabled or cascade.node.roles)");
            return;
        }
        server = TurnServer.start(serverConfig(turn));
        platform.heartbeat().update(n -> n.plus(Set.of("turn"), Map.of("turn", urls().get(1))));
        metrics(registry);
        if (turn.allowLoopbackPeers()) {
            LOG.warn("TURN relays to loopback peers (cascade.turn.allow-loopback-peers=true): local use only");
        }
    }

    /** {@code cascade.turn.*} as the server's typed configuration (validated there). */
    static TurnServerConfig serverConfig(CascadeConfig.Turn turn) {
        TurnServerConfig.Builder builder = TurnServerConfig.builder()
                .listen(turn.listenHost(), turn.port())
                .relay(turn.relayHost().orElse(turn.listenHost()), turn.minRelayPort(), turn.maxRelayPort())
                .realm(turn.realm())
                .sharedSecret(turn.sharedSecret())
                .allowLoopbackPeers(turn.allowLoopbackPeers())
                .peers(cidrs(turn.allowedPeers()), cidrs(turn.deniedPeers()))
                .quotas(turn.maxAllocationsPerUser(), turn.maxAllocations(), turn.maxBandwidthKbps())
                .threads(turn.threads());
        turn.relayExternalAddress().ifPresent(builder::advertisedRelayHost);
        if (turn.tlsCertificate().isPresent() || turn.tlsKey().isPresent()) {
            builder.tls(turn.tlsPort(), turn.tlsCertificate().orElse(null), turn.tlsKey().orElse(null));
        }
        return builder.build();
    }

    private static List<Cidr> cidrs(Optional<List<String>> texts) {
        return texts.orElse(List.of()).stream().map(Cidr::parse).toList();
    }

    /** The server's counters now (allocations made, packets relayed, refusals), for tests and diagnostics. */
    public java.util.Map<io.cascade.conferencing.turn.TurnCounter, Long> counters() {
        return server.counters().snapshot();
    }

    /** Whether this node serves STUN/TURN. */
    public boolean running() {
        return server != null;
    }

    /**
     * The server's URLs in RFC 7064/7065 form, STUN first: {@code stun:}, {@code turn:} over UDP
     * and TCP, {@code turns:} when TLS is on. Hosts as {@code cascade.turn.advertised-host}.
     */
    public List<String> urls() {
        String host = config.turn().advertisedHost().orElse(config.node().advertisedHost());
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        int port = server.udpAddress().getPort();
        List<String> urls = new ArrayList<>(List.of("stun:" + h + ":" + port, "turn:" + h + ":" + port + "?transport=udp"));
        server.tcpAddress().ifPresent(a -> urls.add("turn:" + h + ":" + a.getPort() + "?transport=tcp"));
        server.tlsAddress().ifPresent(a -> urls.add("turns:" + h + ":" + a.getPort() + "?transport=tcp"));
        return urls;
    }

    /** Fresh REST credentials for {@code user}, valid for {@code cascade.turn.credential-ttl}. */
    public TurnRestCredentials.Credential credentials(String user) {
        return server.credentials().rest().orElseThrow().issue(user, config.turn().credentialTtl());
    }

    private void metrics(MeterRegistry registry) {
        for (TurnCounter counter : TurnCounter.values()) {
            String name = "cascade.turn." + counter.name().toLowerCase(Locale.ROOT).replace('_', '.');
            FunctionCounter.builder(name, server, s -> s.counters().get(counter)).register(registry);
        }
        // Not "cascade.turn.allocations": Prometheus reads the counter allocations.created as that
        // name's creation time (OpenMetrics "_created") and refuses a gauge of the same name.
        Gauge.builder("cascade.turn.allocations.active", server, TurnServer::allocations)
                .description("TURN allocations held").register(registry);
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}
