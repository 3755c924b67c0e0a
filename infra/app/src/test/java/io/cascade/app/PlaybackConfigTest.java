// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.platform.config.CascadeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cascade.playback.*}: open playback by default, loud failures for unusable values. */
class PlaybackConfigTest {
    private static CascadeConfig.Playback load(Map<String, String> props) {
        return new SmallRyeConfigBuilder()
                .withMapping(CascadeConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .build().getConfigMapping(CascadeConfig.class).playback();
    }

    @Test
    void byDefaultPlaybackIsOpenAndViewersCountOver30Seconds() {
        CascadeConfig.Playback c = load(Map.of());
        assertThat(c.tokenSecret()).isEmpty();
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.viewerWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PlaybackAccess.state(c, InstantSource.system()).tokens()).isEmpty();
    }

    @Test
    void aSecretTurnsTokensOn() {
        CascadeConfig.Playback c = load(Map.of("cascade.playback.token-secret", "x".repeat(32), "cascade.playback.token-ttl", "10m"));
        assertThat(PlaybackAccess.state(c, InstantSource.system()).tokens()).isPresent();
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void unusableValuesFailNamingTheKey() {
        assertThatThrownBy(() -> PlaybackAccess.state(load(Map.of("cascade.playback.token-secret", "short")), InstantSource.system()))
                .hasMessageContaining("cascade.playback.token-secret");
        assertThatThrownBy(() -> PlaybackAccess.state(load(Map.of("cascade.playback.viewer-window", "0s")), InstantSource.system()))
                .hasMessageContaining("cascade.playback.viewer-window");
        assertThatThrownBy(() -> PlaybackAccess.state(load(Map.of("cascade.playback.token-ttl", "-1s")), InstantSource.system()))
                .hasMessageContaining("cascade.playback.token-ttl");
    }
}
