// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadConfigTest {
    @Test
    void optionsOverrideTheDefaults() {
        LoadConfig c = LoadConfig.parse("--fan-out", "10,100", "--pin", "on", "--phase-ms=500", "--forwarders", "relay");
        assertThat(c.fanOuts()).containsExactly(10, 100);
        assertThat(c.pin()).isTrue();
        assertThat(c.phase()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.forwarders()).isEqualTo(List.of("relay"));
        assertThat(LoadConfig.defaults().pin()).isFalse();
        assertThat(LoadConfig.parse("--pin=off").pin()).isFalse();
        assertThat(LoadConfig.defaults().receiver()).isEqualTo("java");
        assertThat(LoadConfig.parse("--receiver", "native").receiver()).isEqualTo("native");
        assertThat(LoadConfig.defaults().receiverPollMicros()).isEqualTo(1000);
        assertThat(LoadConfig.parse("--receiver-poll-us", "0").receiverPollMicros()).isZero();
    }

    @Test
    void theUsageNamesEveryOption() {
        assertThat(LoadConfig.KEYS).allSatisfy(key -> assertThat(RelayLoad.USAGE).contains("--" + key + " "));
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> LoadConfig.parse("--pin", "maybe")).hasMessageContaining("--pin on|off");
        assertThatThrownBy(() -> LoadConfig.parse("--receiver", "ebpf")).hasMessageContaining("--receiver java|native");
        assertThatThrownBy(() -> LoadConfig.parse("--fan-out", "0")).hasMessageContaining("fan-out");
        assertThatThrownBy(() -> LoadConfig.parse("--receiver-poll-us", "-1")).hasMessageContaining("receiver-poll-us");
        assertThatThrownBy(() -> LoadConfig.parse("--turbo", "1")).hasMessageContaining("unknown option --turbo");
        assertThatThrownBy(() -> LoadConfig.parse("--phase-ms")).hasMessageContaining("needs a value");
    }

    @Test
    void publishersCoverTheOfferedRateWithinBounds() {
        LoadConfig c = LoadConfig.defaults(); // 300 packets/s per publisher
        assertThat(c.publishersFor(300_000, 10)).isEqualTo(100);
        assertThat(c.publishersFor(1, 100)).isEqualTo(1);
        assertThat(c.publishersFor(5_000_000, 1)).isEqualTo(LoadConfig.MAX_PUBLISHERS);
    }
}
