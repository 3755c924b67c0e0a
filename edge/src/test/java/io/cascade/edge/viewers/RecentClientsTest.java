// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Distinct HLS clients per broadcast within a window, with bounded memory; time is moved, never waited. */
class RecentClientsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void aClientCountsOncePerBroadcastWhileItKeepsAsking() {
        RecentClients c = new RecentClients(clock, Duration.ofSeconds(30), 100);
        c.seen("b1", "10.0.0.1|tv");
        c.seen("b1", "10.0.0.1|tv");
        c.seen("b1", "10.0.0.2|phone");
        c.seen("b2", "10.0.0.1|tv");
        assertThat(c.count("b1")).isEqualTo(2);
        assertThat(c.count("b2")).isEqualTo(1);
        assertThat(c.count("nobody")).isZero();
    }

    @Test
    void aClientThatStoppedAskingLeavesAfterTheWindow() {
        RecentClients c = new RecentClients(clock, Duration.ofSeconds(30), 100);
        c.seen("b1", "a");
        c.seen("b1", "b");
        now.set(now.get().plusSeconds(20));
        c.seen("b1", "a");
        now.set(now.get().plusSeconds(15));
        assertThat(c.count("b1")).isEqualTo(1);
        now.set(now.get().plusSeconds(30));
        assertThat(c.count("b1")).isZero();
    }

    @Test
    void whenFullExpiredClientsMakeRoomAndOtherwiseNewOnesAreDroppedAndCounted() {
        RecentClients c = new RecentClients(clock, Duration.ofSeconds(30), 2);
        c.seen("b1", "a");
        c.seen("b1", "b");
        c.seen("b1", "c");
        assertThat(c.count("b1")).isEqualTo(2);
        assertThat(c.dropped()).isEqualTo(1);
        now.set(now.get().plusSeconds(31));
        c.seen("b1", "c");
        assertThat(c.count("b1")).isEqualTo(1);
        assertThat(c.dropped()).isEqualTo(1);
    }
}
