// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.program.InputManager;
import io.cascade.platform.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BroadcastRegistryTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final AtomicInteger n = new AtomicInteger();
    private final BroadcastRegistry registry = new BroadcastRegistry(clock, () -> "b" + n.incrementAndGet(),
            id -> new InputManager(clock, BroadcastRegistry.nowhere(), (from, to, why) -> { }, Duration.ofSeconds(1)));

    @Test
    void eachSourceHasItsOwnKeyThatResolvesToIt() {
        BroadcastRegistry.Created main = registry.create("final");
        BroadcastRegistry.Created cam2 = registry.addSource(main.broadcast().id(), "cam2");
        assertThat(main.streamKey()).hasSize(32).isNotEqualTo(cam2.streamKey());
        assertThat(registry.resolve(main.streamKey())).get().extracting(BroadcastRegistry.KeyOwner::source).isEqualTo("main");
        assertThat(registry.resolve(cam2.streamKey())).get().extracting(BroadcastRegistry.KeyOwner::source).isEqualTo("cam2");
        assertThat(main.broadcast().sources()).containsExactly("main", "cam2");
    }

    @Test
    void wrongKeysAndNamesAreRefused() {
        BroadcastRegistry.Created b = registry.create("x");
        assertThat(registry.resolve(b.streamKey() + "x")).isEmpty();
        assertThat(registry.resolve("")).isEmpty();
        assertThat(registry.resolve(null)).isEmpty();
        assertThatThrownBy(() -> registry.addSource(b.broadcast().id(), "main")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.addSource(b.broadcast().id(), "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.addSource("nope", "cam")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aDeletedBroadcastsKeysStopWorking() {
        BroadcastRegistry.Created b = registry.create("x");
        assertThat(registry.delete(b.broadcast().id())).isTrue();
        assertThat(registry.resolve(b.streamKey())).isEmpty();
    }

    @Test
    void generatedKeysHaveTheKeyShapeAndShortNamesDoNot() {
        BroadcastRegistry.Created b = registry.create("x");
        assertThat(BroadcastRegistry.isKeyShaped(b.streamKey())).isTrue();
        assertThat(BroadcastRegistry.isKeyShaped("apptest")).isFalse();
        assertThat(BroadcastRegistry.isKeyShaped(b.streamKey() + "x")).isFalse();
        assertThat(BroadcastRegistry.isKeyShaped(null)).isFalse();
    }
}
