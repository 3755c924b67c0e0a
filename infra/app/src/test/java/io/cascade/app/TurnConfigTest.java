// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.conferencing.turn.Cidr;
import io.cascade.conferencing.turn.TurnServerConfig;
import io.cascade.platform.config.CascadeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cascade.turn.*}: local defaults, production overrides, and loud failures. */
class TurnConfigTest {

    private static CascadeConfig.Turn load(Map<String, String> props) {
        return new SmallRyeConfigBuilder()
                .withMapping(CascadeConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .build().getConfigMapping(CascadeConfig.class).turn();
    }

    @Test
    void theLocalProfileAllowsLoopbackAndUsesTheFixedDevelopmentSecret() {
        TurnServerConfig c = TurnService.serverConfig(load(Map.of()));
        assertThat(c.port()).isEqualTo(3478);
        assertThat(c.tlsPort()).isEqualTo(5349);
        assertThat(c.tlsCertificate()).isEmpty();
        assertThat(c.allowLoopbackPeers()).isTrue();
        assertThat(c.sharedSecret()).contains("cascade-local-turn-secret");
        assertThat(c.minRelayPort()).isEqualTo(49160);
        assertThat(c.maxRelayPort()).isEqualTo(49999);
    }

    @Test
    void productionOverridesTurnLoopbackOffAndAddPeerLists() {
        TurnServerConfig c = TurnService.serverConfig(load(Map.of(
                "cascade.turn.allow-loopback-peers", "false",
                "cascade.turn.shared-secret", "a-long-production-secret",
                "cascade.turn.listen-host", "0.0.0.0",
                "cascade.turn.relay-host", "10.0.0.5",
                "cascade.turn.relay-external-address", "203.0.113.5",
                "cascade.turn.denied-peers", "203.0.113.0/24",
                "cascade.turn.allowed-peers", "10.20.0.0/16,fd00::/8")));
        assertThat(c.allowLoopbackPeers()).isFalse();
        assertThat(c.advertisedRelayHost()).contains("203.0.113.5");
        assertThat(c.allowedPeers()).containsExactly(Cidr.parse("10.20.0.0/16"), Cidr.parse("fd00::/8"));
        assertThat(c.deniedPeers()).containsExactly(Cidr.parse("203.0.113.0/24"));
    }

    @Test
    void invalidValuesFailNamingTheProblem() {
        assertThatThrownBy(() -> TurnService.serverConfig(load(Map.of("cascade.turn.min-relay-port", "50000",
                "cascade.turn.max-relay-port", "40000")))).hasMessageContaining("relay ports");
        assertThatThrownBy(() -> TurnService.serverConfig(load(Map.of("cascade.turn.tls-certificate", "/x.pem"))))
                .hasMessageContaining("certificate and a key");
        assertThatThrownBy(() -> TurnService.serverConfig(load(Map.of("cascade.turn.allowed-peers", "intranet"))))
                .hasMessageContaining("intranet");
    }
}
