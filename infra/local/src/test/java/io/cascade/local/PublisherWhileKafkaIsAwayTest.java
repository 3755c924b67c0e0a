// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.Await;
import io.cascade.local.junit.KafkaFixture;
import io.cascade.platform.event.Event;
import io.cascade.platform.event.EventCodec;
import io.cascade.platform.event.EventConsumer;
import io.cascade.platform.event.KafkaEventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kafka is down when the publisher starts: callers must not wait, losses are counted, and it heals. */
class PublisherWhileKafkaIsAwayTest {
    @RegisterExtension
    static final KafkaFixture KAFKA = new KafkaFixture(false);

    @Test
    void callersAreNotBlockedDropsAreCountedAndDeliveryResumesWhenKafkaReturns() throws Exception {
        var settings = new KafkaEventPublisher.Settings("resume", 100, 20, Duration.ofMillis(50), Duration.ofMillis(500));
        try (var pub = KafkaEventPublisher.start(KAFKA.clientConfig(), settings)) {
            long start = System.nanoTime();
            for (int i = 0; i < 5_000; i++) {
                assertThat(pub.publish(Event.of("quality.sample", "node-1", "s", null))).isTrue();
            }
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            // A publisher that waited for Kafka would spend max.block (500 ms) per event: 40+ minutes.
            assertThat(spent).isLessThan(Duration.ofSeconds(10));
            Await.until("overflow counted", Duration.ofSeconds(10), () -> pub.stats().dropped() >= 4_900,
                    () -> pub.stats().toString());
            assertThat(pub.stats().delivered()).isZero();
            assertThat(pub.stats().accepted()).isEqualTo(5_000);

            KAFKA.start();
            List<Event> got = new CopyOnWriteArrayList<>();
            try (var con = EventConsumer.start(KAFKA.clientConfig(), "resume", "g-resume", got::add)) {
                for (int i = 0; i < 20; i++) {
                    pub.publish(Event.of("viewer.joined", "node-1", "after",
                            EventCodec.json().createObjectNode().put("n", i)));
                }
                Await.until("events after Kafka came back", Duration.ofSeconds(60),
                        () -> got.stream().filter(e -> e.subject().equals("after")).count() == 20,
                        () -> pub.stats() + " consumed " + got.size());
            }
            assertThat(pub.stats().delivered()).isGreaterThanOrEqualTo(20);
        }
    }
}
