// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.platform.config.CascadeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-key rules and units, on the real mapping (no Quarkus start needed). */
class ConfigCheckTest {

    private static CascadeConfig load(Map<String, String> props) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CascadeConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .build();
        return config.getConfigMapping(CascadeConfig.class);
    }

    @Test
    void defaultsDescribeTheLocalPlatformAndPass() {
        CascadeConfig c = load(Map.of());
        ConfigCheck.validate(c);
        assertThat(c.kafka().bootstrapServers()).isEmpty();
        assertThat(c.kafka().embeddedPort()).isEqualTo(9092);
        assertThat(c.directory().heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.events().retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.node().roles()).containsExactly("all");
    }

    @Test
    void durationsTakeUnits() {
        CascadeConfig c = load(Map.of("cascade.directory.heartbeat", "750ms", "cascade.directory.ttl", "3s"));
        assertThat(c.directory().heartbeat()).isEqualTo(Duration.ofMillis(750));
        ConfigCheck.validate(c);
    }

    @Test
    void everyProblemIsNamedByItsKey() {
        CascadeConfig c = load(Map.of(
                "cascade.directory.heartbeat", "5s",
                "cascade.directory.ttl", "6s",
                "cascade.node.roles", "edge,teleporter",
                "cascade.chunks.uri", "no-scheme/here"));
        assertThatThrownBy(() -> ConfigCheck.validate(c))
                .hasMessageContaining("cascade.directory.ttl")
                .hasMessageContaining("unknown role 'teleporter'")
                .hasMessageContaining("cascade.chunks.uri");
    }

    @Test
    void aTranscodeLeaseShorterThanTwoTicksIsRefused() {
        CascadeConfig defaults = load(Map.of());
        assertThat(defaults.transcode().lease()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.transcode().tick()).isEqualTo(Duration.ofMillis(250));
        CascadeConfig c = load(Map.of("cascade.transcode.tick", "600ms", "cascade.transcode.lease", "1s"));
        assertThatThrownBy(() -> ConfigCheck.validate(c)).hasMessageContaining("cascade.transcode.lease");
    }

    @Test
    void anUnknownKeyUnderCascadeFailsLoudly() {
        assertThatThrownBy(() -> load(Map.of("cascade.kafka.bootstrap-server", "typo:9092")))
                .hasMessageContaining("cascade.kafka.bootstrap-server");
    }
}
